// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainer.h"

#include "data/dataerror.h"
#include "training/runlock.h"
#include "training/trainerimpl.h"

#include <fstream>
#include <unistd.h>

namespace zistudio::training
{

namespace
{

double residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    long long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE));
}

} // namespace

Trainer::Trainer(RunRequest request)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->request = std::move(request);
}

Trainer::~Trainer() = default;

void Trainer::setTestHooks(TrainerHooks hooks)
{
    m_impl->hooks = std::move(hooks);
}

void Trainer::requestProbe(ProbeRequest request, std::function<void(ProbeResult)> done)
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->probes.emplace_back(std::move(request), std::move(done));
    }
    m_impl->wake.notify_all();
}

void Trainer::setPaused(bool paused)
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->paused = paused;
    }
    m_impl->wake.notify_all();
}

RunResult Trainer::run(const ProgressCallback &progress, const std::atomic<bool> &cancel)
{
    auto &m = *m_impl;
    m.progress = &progress;
    m.cancel = &cancel;
    RunResult result;
    try {
        result = m.runImpl();
    } catch (const std::exception &e) {
        result.outcome = RunOutcome::Failed;
        result.message = e.what();
        result.step = m.session ? m.session->stepCount() : 0;
        result.lastCheckpoint = m.lastCheckpoint;
        try {
            m.flushMetrics();
            if (m.store && !m.runName.empty() && m.store->run(m.runName))
                m.store->setStatus(m.runName, "failed");
        } catch (const std::exception &) {
            // The original error is what the user needs to see.
        }
        try {
            m.emit("failed", result.message);
        } catch (const std::exception &) { }
    }
    m.session.reset();
    m.checkpoints.reset();
    m.store.reset();
    return result;
}

void Trainer::Impl::emit(const std::string &event, const std::string &message, bool force)
{
    // Only the throttled ("step") records count towards the interval: frequent forced records
    // (checkpoints, validations) must not starve the step records a dashboard plots.
    if (!force) {
        const auto now = Clock::now();
        if (now - lastEmit < std::chrono::milliseconds(request.progressIntervalMs))
            return;
        lastEmit = now;
    }
    if (!progress || !*progress)
        return;
    ProgressRecord r;
    r.event = event;
    r.message = message;
    r.totalSteps = config.training.steps;
    if (session) {
        r.step = session->stepCount();
        r.epoch = session->epoch();
        r.learningRate = session->learningRate();
    }
    r.skippedSteps = skippedSteps;
    r.losses = lastLosses;
    r.residentBytes = residentBytes();
    if (window.size() >= 2) {
        const double seconds = std::chrono::duration<double>(window.back().first - window.front().first).count();
        const double images = static_cast<double>(window.back().second - window.front().second);
        const double steps = static_cast<double>(window.size() - 1);
        if (seconds > 0) {
            r.imagesPerSecond = images / seconds;
            r.etaSeconds = seconds / steps * static_cast<double>(std::max(0LL, r.totalSteps - r.step));
        }
    }
    r.validated = event == "validated";
    r.valL1 = lastValidation.l1;
    r.valSsim = lastValidation.ssim;
    r.baselineL1 = lastValidation.baselineL1;
    r.baselineSsim = lastValidation.baselineSsim;
    r.samplePng = lastSample;
    r.checkpoint = event == "checkpoint" ? lastCheckpoint : std::string();
    (*progress)(r);
}

RunResult Trainer::Impl::runImpl()
{
    prepareRun();
    RunLock lock(layout.runDir(runName) / "run.lock");
    store->setStatus(runName, "running");

    emit("dataset", "preparing the dataset");
    auto lastDatasetEmit = Clock::now();
    data::Dataset dataset;
    try {
        dataset = data::Dataset::build(
            config.dataset, layout.datasetStore,
            [&](int done, int total) {
                if (Clock::now() - lastDatasetEmit > std::chrono::milliseconds(request.progressIntervalMs)) {
                    lastDatasetEmit = Clock::now();
                    emit("dataset", "rendering glyphs " + std::to_string(done) + "/" + std::to_string(total));
                }
            },
            cancel);
    } catch (const data::BuildCancelled &) {
        store->setStatus(runName, "interrupted");
        RunResult result {.outcome = RunOutcome::Cancelled,
            .step = 0,
            .message = "cancelled while preparing the dataset",
            .lastCheckpoint = {}};
        emit("finished", result.message);
        return result;
    }
    startSession(dataset);

    const long long total = config.training.steps;
    if (session->stepCount() == 0)
        validateAndSample(); // where the run starts: the untrained model and the baseline
    bool cancelled = false;
    while (session->stepCount() < total) {
        serveProbes();
        waitWhilePaused();
        if (cancel->load()) {
            cancelled = true;
            break;
        }
        StepResult r;
        try {
            r = session->step();
        } catch (const OutOfMemory &e) {
            if (!halvedBatch && session->batchSize() > 1) {
                halvedBatch = true;
                session->setBatchSize(std::max(1, session->batchSize() / 2));
                emit("oom",
                    std::string(e.what()) + "; continuing with batch size " + std::to_string(session->batchSize()));
                continue;
            }
            saveCheckpoint("interrupted");
            throw TrainingError(std::string(e.what()) + "; saved the run at step "
                + std::to_string(session->stepCount()) + " — lower training.batchSize or the image size and resume");
        }
        const long long step = session->stepCount();
        if (!r.finite) {
            ++skippedSteps;
            pendingMetrics.push_back({step, "skipped_steps", static_cast<double>(skippedSteps)});
            emit("skipped", "non-finite loss at step " + std::to_string(step) + ": update skipped");
            if (++nonFiniteStreak >= kNonFiniteStreak)
                rollback();
            continue;
        }
        nonFiniteStreak = 0;
        imagesSeen += r.images;
        window.emplace_back(Clock::now(), imagesSeen);
        if (window.size() > 50)
            window.pop_front();
        for (const auto &[name, value] : r.losses)
            pendingMetrics.push_back({step, "loss_" + name, value});
        lastLosses = r.losses;
        pendingMetrics.push_back({step, "lr", session->learningRate()});
        if (pendingMetrics.size() >= kMetricFlushRows)
            flushMetrics();

        const bool last = step == total;
        const bool checkpointDue = step % config.training.checkpointEvery == 0 || last;
        if (step % config.training.validateEvery == 0 || checkpointDue)
            validateAndSample();
        if (checkpointDue)
            saveCheckpoint(last ? "final" : "regular");
        if (cancel->load()) {
            cancelled = true;
            break;
        }
        emit("step", {}, false);
    }

    RunResult result;
    if (cancelled) {
        if (validatedAt != session->stepCount() || lastCheckpoint.empty() || checkpoints->list().empty()
            || checkpoints->list().back().step != session->stepCount())
            saveCheckpoint("interrupted");
        store->setStatus(runName, "interrupted");
        result.outcome = RunOutcome::Cancelled;
        result.message = "stopped at step " + std::to_string(session->stepCount()) + "; resume with --resume";
    } else {
        const auto saved = checkpoints->list();
        if (saved.empty() || saved.back().step != session->stepCount())
            saveCheckpoint("final");
        store->setStatus(runName, "completed");
        result.outcome = RunOutcome::Completed;
        result.message = "completed " + std::to_string(session->stepCount()) + " steps";
    }
    flushMetrics();
    result.step = session->stepCount();
    result.lastCheckpoint = lastCheckpoint;
    emit("finished", result.message);
    return result;
}

} // namespace zistudio::training
