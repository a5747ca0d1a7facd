// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/trainingsession.h"

#include "session/trainingworker.h"
#include "util/qtconvert.h"

#include <QMetaObject>
#include <QThread>

#include <utility>

namespace zistudio::ui
{

TrainingSession::TrainingSession(QObject *parent)
    : QObject(parent)
    , m_control(std::make_shared<TrainingControl>())
    , m_thread(new QThread(this))
    , m_worker(new TrainingWorker(m_control))
{
    m_thread->setObjectName(QStringLiteral("TrainingThread"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TrainingWorker::progress, this, &TrainingSession::progress, Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::sampleReady, this, &TrainingSession::sampleReady, Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::finished, this, &TrainingSession::onFinished, Qt::QueuedConnection);
    m_thread->start();
}

TrainingSession::~TrainingSession()
{
    m_control->cancel = true;
    m_thread->quit();
    m_thread->wait();
}

bool TrainingSession::start(const workflow::RunRequest &request)
{
    if (isActive())
        return false;
    m_control->cancel = false;
    {
        const std::lock_guard lock(m_control->mutex);
        m_control->paused = false;
    }
    m_runName = qs(request.runName);
    setState(State::Running);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request] { worker->run(request); }, Qt::QueuedConnection);
    return true;
}

void TrainingSession::setPaused(bool paused)
{
    if (m_state != State::Running && m_state != State::Paused)
        return;
    {
        const std::lock_guard lock(m_control->mutex);
        m_control->paused = paused;
        if (m_control->trainer)
            m_control->trainer->setPaused(paused);
    }
    setState(paused ? State::Paused : State::Running);
}

void TrainingSession::stop()
{
    if (!isActive() || m_state == State::Stopping)
        return;
    m_control->cancel = true;
    {
        // A paused trainer must wake up to see the cancel flag.
        const std::lock_guard lock(m_control->mutex);
        m_control->paused = false;
        if (m_control->trainer)
            m_control->trainer->setPaused(false);
    }
    setState(State::Stopping);
}

quint64 TrainingSession::requestProbe(const training::ProbeRequest &request)
{
    if (m_state == State::Idle)
        return 0;
    const quint64 id = m_nextProbe++;
    {
        const std::lock_guard lock(m_control->mutex);
        if (!m_control->trainer)
            return 0;
        // Called on the training thread between steps; the session outlives that thread.
        m_control->trainer->requestProbe(request, [this, id](training::ProbeResult result) {
            QMetaObject::invokeMethod(
                this, [this, id, result = std::move(result)] { onProbeDone(id, result); }, Qt::QueuedConnection);
        });
    }
    m_pendingProbes.insert(id);
    return id;
}

void TrainingSession::onProbeDone(quint64 id, const training::ProbeResult &result)
{
    if (m_pendingProbes.erase(id) > 0)
        emit probeReady(id, result);
}

void TrainingSession::onFinished(const training::RunResult &result)
{
    // The trainer drops probes it had not served when its run ended: answer them here.
    const std::set<quint64> unanswered = std::exchange(m_pendingProbes, {});
    training::ProbeResult dropped;
    dropped.error = "the run ended before the probe was served";
    for (const quint64 id : unanswered)
        emit probeReady(id, dropped);
    setState(State::Idle);
    emit finished(result);
}

void TrainingSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace zistudio::ui
