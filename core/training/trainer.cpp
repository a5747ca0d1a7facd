// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainer.h"

#include "data/dataerror.h"
#include "training/runlock.h"
#include "training/trainerimpl.h"

#include <cmath>
#include <ctime>
#include <fstream>
#include <optional>
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

/** CPU seconds used by every thread of the process so far. */
double processCpuSeconds()
{
    timespec t {};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

} // namespace

Trainer::Trainer(RunPreparation prepare, TrainerOptions options)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->prepare = std::move(prepare);
    m_impl->options = std::move(options);
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
    const auto &distributed = m.options.distributed;
    try {
        if (distributed && distributed->worldSize > 1)
            m.comm = Communicator::connect(*distributed);
        result = m.runImpl();
    } catch (const std::exception &e) {
        result.outcome = RunOutcome::Failed;
        result.message = e.what();
        const bool refused = dynamic_cast<const ResumeRefused *>(&e) != nullptr;
        result.canStartOver
            = refused && m.resume && !m.startOver && std::string(e.what()).find("imported") == std::string::npos;
        result.step = m.session ? m.session->stepCount() : 0;
        result.lastCheckpoint = m.lastCheckpoint;
        if (m.comm) {
            const bool ownFailure = !dynamic_cast<const DistributedError *>(&e);
            if (ownFailure)
                result.message = "rank " + std::to_string(m.comm->rank()) + " of " + std::to_string(m.comm->worldSize())
                    + ": " + result.message;
            // Tell the others why (their errors name this rank); rank 0 waits until they heard it.
            m.comm->reportFailure(e.what(), ownFailure && m.comm->leader());
            if (!m.lastCheckpoint.empty())
                result.message
                    += "; the last complete checkpoint is " + m.lastCheckpoint + ": restart the job with --resume";
        }
        try {
            m.flushMetrics();
            if (m.store && !m.runName.empty() && m.store->run(m.runName) && !refused)
                m.store->setStatus(m.runName, "failed");
        } catch (const std::exception &) {
            // The original error is what the user needs to see.
        }
        try {
            m.emit("failed", result.message);
        } catch (const std::exception &) { }
    }
    if (distributed) {
        result.rank = distributed->rank;
        result.worldSize = distributed->worldSize;
    }
    m.session.reset();
    m.checkpoints.reset();
    m.store.reset();
    m.comm.reset(); // last: rank 0 hosts the store the others still used
    return result;
}

void Trainer::Impl::emit(const std::string &event, const std::string &message, bool force)
{
    // Only the throttled ("step") records count towards the interval: frequent forced records
    // (checkpoints, validations) must not starve the step records a dashboard plots.
    if (!force) {
        const auto now = Clock::now();
        if (now - lastEmit < std::chrono::milliseconds(options.progressIntervalMs))
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
        r.deviceBytes = session->deviceMemoryPeak();
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
    std::optional<RunLock> lock;
    takeRun(prepare ? prepare() : PreparedRun {});
    if (leader()) {
        lock.emplace(layout.runDir(runName) / "run.lock");
        openCheckpoints();
        if (resume)
            resumeFrom = resumePoint(); // a refused resume leaves the run as it was, status included
        store->setStatus(runName, "running");
    }
    if (comm)
        shareSetup();

    emit("dataset", "preparing the dataset");
    auto lastDatasetEmit = Clock::now();
    data::Dataset dataset;
    // Distributed: rank 0 renders (or reuses) the dataset store first, the others then read it.
    if (comm && !leader()
        && comm->shareFromLeader({}, kDatasetWait, "waiting for rank 0 to prepare the dataset") == "cancelled")
        throw TrainingError("rank 0 was cancelled while preparing the dataset");
    try {
        dataset = data::Dataset::build(
            config.dataset, layout.datasetStore,
            [&](int done, int total) {
                if (Clock::now() - lastDatasetEmit > std::chrono::milliseconds(options.progressIntervalMs)) {
                    lastDatasetEmit = Clock::now();
                    emit("dataset", "rendering glyphs " + std::to_string(done) + "/" + std::to_string(total));
                }
            },
            cancel);
    } catch (const data::BuildCancelled &) {
        if (comm && leader())
            comm->shareFromLeader("cancelled", kDatasetWait, "sharing the dataset");
        if (store)
            store->setStatus(runName, "interrupted");
        RunResult result {.outcome = RunOutcome::Cancelled,
            .step = 0,
            .message = "cancelled while preparing the dataset",
            .lastCheckpoint = {}};
        emit("finished", result.message);
        return result;
    }
    if (comm) {
        if (leader())
            comm->shareFromLeader("ready", kDatasetWait, "sharing the dataset");
        comm->storeBarrier(kLeaderWorkWait, "loading the dataset on every rank");
    }
    startSession(dataset);

    const long long total = config.training.steps;
    const long long world = comm ? comm->worldSize() : 1;
    if (session->stepCount() == 0)
        validateAndSample(); // where the run starts: the untrained model and the baseline
    bool cancelled = false;
    while (session->stepCount() < total) {
        if (!comm) {
            serveProbes();
            waitWhilePaused();
        }
        if (comm ? stopAgreed : cancel->load()) {
            cancelled = true;
            break;
        }
        StepResult r;
        const auto stepStart = Clock::now();
        const double stepCpuStart = processCpuSeconds();
        try {
            r = session->step();
        } catch (const OutOfMemory &e) {
            if (comm) // the other ranks wait in this step's all-reduce: no rank can change course alone
                throw TrainingError(std::string(e.what()) + "; a distributed job cannot shrink one rank's batch: "
                    + "lower training.batchSize and restart the job with --resume");
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
        if (comm)
            agreeOnStep(r);
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
        imagesSeen += r.images * world;
        window.emplace_back(Clock::now(), imagesSeen);
        if (window.size() > 50)
            window.pop_front();
        for (const auto &[name, value] : r.losses)
            pendingMetrics.push_back({step, "loss_" + name, value});
        lastLosses = r.losses;
        pendingMetrics.push_back({step, "lr", session->learningRate()});
        // The step alone (validation and checkpoints excluded), and the process's memory now and then:
        // what experiments compare besides quality.
        pendingMetrics.push_back(
            {step, std::string(kStepSecondsMetric), std::chrono::duration<double>(Clock::now() - stepStart).count()});
        pendingMetrics.push_back({step, std::string(kStepCpuSecondsMetric), processCpuSeconds() - stepCpuStart});
        if (step % kRssEvery == 0 || step == 1)
            pendingMetrics.push_back({step, std::string(kRssMetric), residentBytes()});
        if (pendingMetrics.size() >= kMetricFlushRows)
            flushMetrics();

        const bool last = step == total;
        const bool checkpointDue = step % config.training.checkpointEvery == 0 || last;
        if (step % config.training.validateEvery == 0 || checkpointDue)
            validateAndSample();
        if (checkpointDue)
            saveCheckpoint(last ? "final" : "regular");
        if (comm ? stopAgreed : cancel->load()) {
            cancelled = true;
            break;
        }
        emit("step", {}, false);
    }

    RunResult result;
    if (cancelled) {
        const bool needed = leader()
            && (validatedAt != session->stepCount() || lastCheckpoint.empty() || checkpointStore().list().empty()
                || checkpointStore().list().back().step != session->stepCount());
        if (leaderDecides(needed, "agreeing on the interrupted checkpoint"))
            saveCheckpoint("interrupted");
        if (store)
            store->setStatus(runName, "interrupted");
        result.outcome = RunOutcome::Cancelled;
        result.message = "stopped at step " + std::to_string(session->stepCount()) + "; resume with --resume";
    } else {
        bool needed = false;
        if (leader()) {
            const auto saved = checkpointStore().list();
            needed = saved.empty() || saved.back().step != session->stepCount();
        }
        if (leaderDecides(needed, "agreeing on the final checkpoint"))
            saveCheckpoint("final");
        if (store)
            store->setStatus(runName, "completed");
        result.outcome = RunOutcome::Completed;
        result.message = "completed " + std::to_string(session->stepCount()) + " steps";
    }
    flushMetrics();
    if (comm) {
        session->synchronizeFromLeader(true);
        // Every rank has passed every shared step before rank 0 (the store's host) may leave.
        comm->allReduceSum({1.0}, "the final barrier");
    }
    if (options.reportStateDigest)
        result.stateDigest = session->stateDigest();
    result.step = session->stepCount();
    result.lastCheckpoint = lastCheckpoint;
    emit("finished", result.message);
    return result;
}

void Trainer::Impl::agreeOnStep(StepResult &r)
{
    // One small all-reduce per step: whether any rank was asked to stop, and the losses averaged
    // over the ranks (what a single process with the global batch would report, up to BatchNorm).
    std::vector<double> values {cancel->load() ? 1.0 : 0.0, static_cast<double>(r.losses.size())};
    for (const auto &[name, value] : r.losses)
        values.push_back(value);
    const auto sums = comm->allReduceSum(values, "the per-step agreement");
    const auto world = static_cast<double>(comm->worldSize());
    if (std::lround(sums[1]) != std::lround(static_cast<double>(r.losses.size()) * world))
        throw DistributedError("rank " + std::to_string(comm->rank()) + ": the ranks computed different losses at step "
            + std::to_string(session->stepCount()) + " (a mismatch of versions or settings?)");
    stopAgreed = sums[0] > 0.5;
    std::size_t i = 2;
    for (auto &[name, value] : r.losses)
        value = sums[i++] / world;
}

bool Trainer::Impl::leaderDecides(bool decision, const std::string &what)
{
    if (!comm)
        return decision;
    return comm->shareFromLeader(decision ? "1" : "0", kLeaderWorkWait, what) == "1";
}

CheckpointStore &Trainer::Impl::checkpointStore()
{
    if (!checkpoints) // rank > 0: read-only, and only once rank 0 created the folder
        checkpoints = std::make_unique<CheckpointStore>(
            layout.checkpointsDir(runName), CheckpointPolicy {}, CheckpointStore::Mode::ReadOnly);
    return *checkpoints;
}

} // namespace zistudio::training
