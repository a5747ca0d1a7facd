// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <QImage>
#include <QObject>
#include <QString>

#include <memory>
#include <set>

class QThread;

namespace zistudio::ui
{

class TrainingWorker;
struct TrainingControl;

/**
 * The bridge between the studio and training::Trainer: one run at a time on a worker QThread. The GUI
 * thread never waits on it: start/pause/stop only set flags or queue calls, and progress, samples and
 * the result come back as queued signals with plain values. Stop finishes the current step and saves
 * an "interrupted" checkpoint, so the run can be resumed exactly.
 */
class TrainingSession : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Running,
        Paused,
        Stopping
    };
    Q_ENUM(State)

    explicit TrainingSession(QObject *parent = nullptr);
    /** Cancels a running run and waits for the thread (only at exit). */
    ~TrainingSession() override;

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Idle; }
    /** The run being trained (or the last one). */
    QString runName() const { return m_runName; }

    /** Starts a run; ignored (returns false) while one is active. `request.runName` must be set. */
    bool start(const zistudio::workflow::RunRequest &request);
    void setPaused(bool paused);
    /** Asks the run to stop after the current step (an "interrupted" checkpoint is saved). */
    void stop();

    /**
     * Queues an attention probe on the running trainer, served by the training thread between two
     * steps (the model is never touched from this thread). Returns its id, answered by probeReady();
     * 0 when no run is inside the trainer yet (or any more). A probe still queued when the run ends is
     * answered with an error.
     */
    quint64 requestProbe(const zistudio::training::ProbeRequest &request);

signals:
    void stateChanged(zistudio::ui::TrainingSession::State state);
    void progress(const zistudio::training::ProgressRecord &record);
    void sampleReady(const QImage &image, long long step, const QString &path);
    void finished(const zistudio::training::RunResult &result);
    void probeReady(quint64 id, const zistudio::training::ProbeResult &result);

private:
    void onProbeDone(quint64 id, const training::ProbeResult &result);
    void setState(State state);
    void onFinished(const training::RunResult &result);

    std::shared_ptr<TrainingControl> m_control;
    QThread *m_thread;
    TrainingWorker *m_worker;
    State m_state = State::Idle;
    QString m_runName;
    quint64 m_nextProbe = 1;
    std::set<quint64> m_pendingProbes;
};

} // namespace zistudio::ui
