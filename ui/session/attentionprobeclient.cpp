// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/attentionprobeclient.h"

#include "session/generatorsession.h"
#include "session/trainingsession.h"
#include "util/qtconvert.h"

#include <algorithm>

namespace zistudio::ui
{

AttentionProbeClient::AttentionProbeClient(TrainingSession *training, QObject *parent)
    : QObject(parent)
    , m_training(training)
    , m_generator(new GeneratorSession(this))
{
    connect(m_generator, &GeneratorSession::probeReady, this, [this](const AttentionResult &result) {
        if (result.id == m_inFlight && !m_inFlightLive)
            finish(result);
    });
    if (m_training) {
        connect(m_training, &TrainingSession::probeReady, this, &AttentionProbeClient::onTrainingProbe);
        connect(m_training, &TrainingSession::progress, this, &AttentionProbeClient::onProgress);
    }
}

bool AttentionProbeClient::isLive(const QString &run) const
{
    return m_training && m_training->isActive() && !run.isEmpty() && m_training->runName() == run;
}

void AttentionProbeClient::request(const AttentionQuery &query)
{
    m_last = query;
    if (m_inFlight != 0)
        m_waiting = query; // replaces an older waiting query
    else
        send(query);
}

void AttentionProbeClient::send(const AttentionQuery &query)
{
    m_inFlightQuery = query;
    m_sent.start();
    if (isLive(query.key.run)) {
        const auto dominant = std::max_element(query.style.weights.begin(), query.style.weights.end(),
            [](const auto &a, const auto &b) { return a.second < b.second; });
        training::ProbeRequest probe {.character = std::u32string(1, query.character),
            .styleId = dominant == query.style.weights.end() ? 0 : dominant->first,
            .points = query.points,
            .strokeMean = true};
        m_inFlight = m_training->requestProbe(probe);
        m_inFlightLive = m_inFlight != 0;
        if (m_inFlightLive)
            return;
    }
    m_inFlightLive = false;
    m_inFlight = m_generator->probe(query);
}

void AttentionProbeClient::onTrainingProbe(quint64 id, const training::ProbeResult &probe)
{
    if (id != m_inFlight || !m_inFlightLive)
        return;
    AttentionResult result;
    result.id = id;
    result.query = m_inFlightQuery;
    result.source = probe.source;
    result.generated = probe.generated;
    result.target = probe.target;
    result.layers = probe.layers;
    result.step = m_liveStep;
    result.live = true;
    result.milliseconds = static_cast<double>(m_sent.nsecsElapsed()) / 1e6;
    result.error = qs(probe.error);
    finish(result);
}

void AttentionProbeClient::finish(const AttentionResult &result)
{
    m_inFlight = 0;
    m_inFlightLive = false;
    m_lastAnswer.start();
    emit resultReady(result);
    if (m_waiting) {
        const AttentionQuery next = *m_waiting;
        m_waiting.reset();
        send(next);
    }
}

void AttentionProbeClient::onProgress(const training::ProgressRecord &record)
{
    m_liveStep = record.step;
    // Follow the model as it trains: repeat the newest query now and then (between steps).
    if (m_last && m_inFlight == 0 && isLive(m_last->key.run) && m_lastAnswer.isValid()
        && m_lastAnswer.elapsed() >= kLiveRefreshMs)
        send(*m_last);
}

} // namespace zistudio::ui
