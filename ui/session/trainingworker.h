// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <QImage>
#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>

namespace zistudio::ui
{

/** What the GUI thread and the training thread share: the cancel flag and the live trainer (for pause). */
struct TrainingControl
{
    std::atomic<bool> cancel {false};
    std::mutex mutex;
    training::Trainer *trainer = nullptr; ///< set while a run is inside Trainer::run (guarded by mutex)
    bool paused = false;                  ///< applied to the trainer as soon as it exists
};

/**
 * Lives on the training thread: runs training::Trainer (blocking) and reports through queued signals
 * carrying plain values. Never touched directly from the GUI thread; TrainingSession drives it.
 */
class TrainingWorker : public QObject
{
    Q_OBJECT

public:
    explicit TrainingWorker(std::shared_ptr<TrainingControl> control);

    /** Trains one run to its end, cancellation or failure. Errors are reported, never thrown. */
    void run(const zistudio::workflow::RunRequest &request);

signals:
    void progress(const zistudio::training::ProgressRecord &record);
    /** A new sample grid, decoded on this thread so the GUI thread only shows it. */
    void sampleReady(const QImage &image, long long step, const QString &path);
    void finished(const zistudio::training::RunResult &result);

private:
    std::shared_ptr<TrainingControl> m_control;
};

} // namespace zistudio::ui
