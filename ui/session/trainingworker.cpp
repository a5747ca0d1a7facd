// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/trainingworker.h"

#include "util/qtconvert.h"

namespace zistudio::ui
{

TrainingWorker::TrainingWorker(std::shared_ptr<TrainingControl> control)
    : m_control(std::move(control))
{ }

void TrainingWorker::run(const workflow::RunRequest &request)
{
    training::RunResult result;
    try {
        training::Trainer trainer(workflow::preparation(request));
        {
            const std::lock_guard lock(m_control->mutex);
            m_control->trainer = &trainer;
            trainer.setPaused(m_control->paused);
        }
        std::string lastSample;
        const auto onProgress = [this, &lastSample](const training::ProgressRecord &record) {
            emit progress(record);
            if (!record.samplePng.empty() && record.samplePng != lastSample) {
                lastSample = record.samplePng;
                const QString path = qs(record.samplePng);
                QImage image(path);
                if (!image.isNull())
                    emit sampleReady(image, record.step, path);
            }
        };
        try {
            result = trainer.run(onProgress, m_control->cancel);
        } catch (const std::exception &e) { // the contract says run() does not throw; be safe anyway
            result.outcome = training::RunOutcome::Failed;
            result.message = e.what();
        }
        const std::lock_guard lock(m_control->mutex);
        m_control->trainer = nullptr;
    } catch (const std::exception &e) {
        result.outcome = training::RunOutcome::Failed;
        result.message = e.what();
    }
    emit finished(result);
}

} // namespace zistudio::ui
