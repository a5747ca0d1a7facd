// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/generatortypes.h"

#include <QElapsedTimer>
#include <QObject>

#include <optional>

namespace zistudio::training
{
struct ProgressRecord;
struct ProbeResult;
} // namespace zistudio::training

namespace zistudio::ui
{

class GeneratorSession;
class TrainingSession;

/**
 * Where the Attention view's probes go. While the chosen run trains in this studio, a probe is queued
 * on the trainer (Trainer::requestProbe, served between two steps by the training thread) and is
 * repeated as training goes on, so the maps follow the model live; otherwise the client's own
 * GeneratorSession answers from the chosen checkpoint. One probe is in flight at a time: while it
 * runs, only the newest query waits (a drag sends many), so answers never pile up behind the pointer.
 */
class AttentionProbeClient : public QObject
{
    Q_OBJECT

public:
    /** `training` may be null (no live probes). */
    explicit AttentionProbeClient(TrainingSession *training, QObject *parent = nullptr);

    GeneratorSession *generator() const { return m_generator; }
    /** True when `run` is the run training in this studio now. */
    bool isLive(const QString &run) const;
    /** Sends `query` now, or as soon as the probe in flight has answered. */
    void request(const AttentionQuery &query);
    bool isBusy() const { return m_inFlight != 0; }
    /** The newest query asked for (re-sent as training goes on when it is live). */
    const std::optional<AttentionQuery> &lastQuery() const { return m_last; }

    /** How often a live probe is repeated while its run trains. */
    static constexpr int kLiveRefreshMs = 2000;

signals:
    void resultReady(const zistudio::ui::AttentionResult &result);

private:
    void send(const AttentionQuery &query);
    void finish(const AttentionResult &result);
    void onTrainingProbe(quint64 id, const training::ProbeResult &probe);
    void onProgress(const training::ProgressRecord &record);

    TrainingSession *m_training;
    GeneratorSession *m_generator;
    std::optional<AttentionQuery> m_waiting;
    std::optional<AttentionQuery> m_last;
    AttentionQuery m_inFlightQuery;
    quint64 m_inFlight = 0;
    bool m_inFlightLive = false;
    long long m_liveStep = 0;
    QElapsedTimer m_sent;
    QElapsedTimer m_lastAnswer;
};

} // namespace zistudio::ui
