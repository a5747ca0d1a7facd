// SPDX-License-Identifier: GPL-3.0-or-later
// Trainer::Impl: run setup, validation and samples, checkpoints, rollback, probes.
#include "common/computedevice.h"
#include "common/imageio.h"
#include "common/utf8.h"
#include "glyphs/rasterizer.h"
#include "training/runrecords.h"
#include "training/trainerimpl.h"

namespace zistudio::training
{

namespace fs = std::filesystem;

void Trainer::Impl::takeRun(PreparedRun run)
{
    if (run.follower == leader())
        throw TrainingError(run.follower ? "a follower's run was given to rank 0 (or a process alone): rank 0 prepares "
                                           "the run it trains"
                                         : "rank " + std::to_string(comm->rank())
                    + " was given a prepared run: only rank 0 prepares a job's run (the others follow it)");
    layout = project::ProjectLayout::of(run.projectFile);
    resume = run.resume;
    startOver = run.startOver;
    if (run.follower)
        return; // the run's name and settings come from rank 0 (shareSetup)
    if (!project::isValidRunName(run.runName))
        throw TrainingError("cannot train run \"" + run.runName + "\": not a valid run name");
    runName = std::move(run.runName);
    config = std::move(run.config);
    store = std::make_unique<project::RunStore>(project::openRunStore(layout, true));
    if (!store->run(runName) || !std::filesystem::is_directory(layout.runDir(runName)))
        throw TrainingError("cannot train run \"" + runName
            + "\": it was not prepared (no run folder or run-store row in " + layout.folder.string() + ")");
}

CheckpointPolicy Trainer::Impl::fineTunePolicy() const
{
    try {
        return checkpointPolicyFor(project::loadRunConfig(layout, config.training.fineTuneFrom).training);
    } catch (const Error &) {
        return checkpointPolicyFor(config.training); // a run without its settings file: ours
    }
}

void Trainer::Impl::shareSetup()
{
    // Rank 0 chose the run (name, settings with the request's overrides) and holds its lock; the
    // others train exactly that, whatever their clocks or copies of the project say.
    nlohmann::json setup;
    if (leader())
        setup = {{"run", runName}, {"config", project::projectToJson(config)}};
    setup = nlohmann::json::parse(comm->shareFromLeader(setup.dump(), kLeaderWorkWait, "waiting for rank 0's run"));
    if (leader())
        return;
    runName = setup.at("run").get<std::string>();
    config = project::projectFromJson(setup.at("config"), {}, "rank 0's settings of run " + runName);
}

void Trainer::Impl::startSession(const data::Dataset &dataset)
{
    // 0 keeps the process's setting (zistudio-cli --threads, default all cores; the studio sets its own).
    if (config.training.threads > 0)
        configureComputeThreads(config.training.threads);
    session = std::make_unique<TrainingSession>(config, dataset, hooks);
    if (comm)
        session->setCommunicator(comm.get());
    if (leader() && !checkpoints)
        openCheckpoints();
    std::string note;
    std::optional<LoadedCheckpoint> latest;
    std::optional<LoadedCheckpoint> fineTuneSource;
    if (leader() && resume)
        latest = std::move(resumeFrom);
    if (leader() && !latest && !config.training.fineTuneFrom.empty()) {
        if (!project::isValidRunName(config.training.fineTuneFrom))
            throw TrainingError("training.fineTuneFrom must name a run of this project, not a path");
        CheckpointStore other(
            layout.checkpointsDir(config.training.fineTuneFrom), fineTunePolicy(), CheckpointStore::Mode::ReadOnly);
        DamagedCheckpoints damaged;
        if (const long long step = config.training.fineTuneStep; step > 0) {
            try {
                fineTuneSource = other.load(step);
                fineTuneSource->why = "step " + std::to_string(step) + ", as chosen";
            } catch (const Error &e) {
                throw TrainingError("cannot fine-tune from step " + std::to_string(step) + " of run \""
                    + config.training.fineTuneFrom + "\": " + e.what());
            }
        } else {
            fineTuneSource = other.loadBest(&damaged); // "best" as the source run ranks its checkpoints
        }
        if (!fineTuneSource)
            throw TrainingError("cannot fine-tune: " + describeNoCheckpoint(config.training.fineTuneFrom, damaged));
        for (const auto &line : skippedLines(*fineTuneSource))
            emit("warning", "fine-tuning source: " + line);
    }
    if (comm) {
        // Every rank starts from the checkpoint rank 0 chose (and verified).
        nlohmann::json start = {
            {"resume", latest ? latest->info.step : -1}, {"fineTune", fineTuneSource ? fineTuneSource->info.step : -1}};
        start = nlohmann::json::parse(
            comm->shareFromLeader(start.dump(), kLeaderWorkWait, "waiting for rank 0's checkpoint"));
        if (!leader()) {
            if (const long long step = start.at("resume").get<long long>(); step >= 0)
                latest = checkpointStore().load(step);
            if (const long long step = start.at("fineTune").get<long long>(); step >= 0)
                fineTuneSource = CheckpointStore(
                    layout.checkpointsDir(config.training.fineTuneFrom), {}, CheckpointStore::Mode::ReadOnly)
                                     .load(step);
        }
    }
    if (latest) {
        const auto extra = session->load(checkpointStore(), latest->info);
        skippedSteps = extra.value("skippedSteps", 0LL);
        rollbacks = extra.value("rollbacks", 0);
        halvedBatch = extra.value("halvedBatch", false);
        note = "resumed from " + latest->info.dir.string() + " (" + latest->why + ")";
        lastCheckpoint = latest->info.dir.string(); // the run's last complete checkpoint until it writes one
        for (const auto &skipped : latest->skipped)
            note += "; skipped damaged " + skipped;
    } else if (fineTuneSource) {
        CheckpointStore other(layout.checkpointsDir(config.training.fineTuneFrom), {}, CheckpointStore::Mode::ReadOnly);
        session->initializeFromWeights(other, fineTuneSource->info);
        note = "fine-tuning from " + fineTuneSource->info.dir.string() + " (" + fineTuneSource->why + ")";
    } else {
        session->initialize();
        if (resume)
            note = "run \"" + runName + "\" has no checkpoint: starting from step 0"
                + (startOver ? " (--start-over)" : "");
    }
    if (comm) {
        comm->storeBarrier(kLeaderWorkWait, "loading the start state on every rank");
        session->synchronizeFromLeader(false); // identical replicas, whatever each rank read
        note += (note.empty() ? "" : "; ")
            + ("rank " + std::to_string(comm->rank()) + " of " + std::to_string(comm->worldSize()) + " ("
                + comm->backendName() + ")");
    }
    for (const auto &c : config.training.probeChars)
        if (const auto cp = singleCodePoint(c))
            probeChars.push_back(*cp); // validateProject allows one character each
    if (probeChars.empty()) {
        for (char32_t cp : dataset.validationChars())
            if (probeChars.size() < kDefaultProbeChars)
                probeChars.push_back(cp);
    }
    emit("started", note.empty() ? "training on " + session->deviceDescription() : note);
}

void Trainer::Impl::openCheckpoints()
{
    checkpoints
        = std::make_unique<CheckpointStore>(layout.checkpointsDir(runName), checkpointPolicyFor(config.training));
    checkpoints->recover(); // this process holds the run lock: leftovers of a killed writer can go
}

std::optional<LoadedCheckpoint> Trainer::Impl::resumePoint()
{
    DamagedCheckpoints damaged;
    auto latest = checkpoints->loadLatest(&damaged);
    const std::string again = " To train run \"" + runName
        + "\" again from step 0, resume with --start-over (damaged checkpoints are set aside as step-N.damaged, "
          "never overwritten).";
    if (latest && latest->info.kind == "imported")
        throw ResumeRefused("run \"" + runName
            + "\" was imported from a shared model: it holds the generator only (no discriminator or optimizer "
              "state), so it cannot be resumed; fine-tune a new run from it (training.fineTuneFrom)");
    if (!latest && !startOver) {
        if (!damaged.empty())
            throw ResumeRefused("cannot resume: " + describeNoCheckpoint(runName, damaged)
                + ". They are kept as they are for inspection." + again);
        // No checkpoint at all: fine for a run stopped before its first save, not for one whose saves vanished.
        const auto recorded = store->checkpoints(runName);
        if (!recorded.empty())
            throw ResumeRefused("cannot resume run \"" + runName + "\": it saved checkpoints (the last at step "
                + std::to_string(recorded.back().step) + ") but " + checkpoints->dir().string()
                + " holds none now (deleted or moved?)." + again);
    }
    // Damaged checkpoints stay for inspection: set aside, so that no later save overwrites them.
    for (const auto &dir : damaged.dirs) {
        const auto aside = checkpoints->setAside(dir);
        emit("warning", "set the damaged checkpoint " + dir.filename().string() + " aside as " + aside.string());
    }
    if (latest)
        for (const auto &line : skippedLines(*latest))
            emit("warning", line);
    return latest;
}

nlohmann::json Trainer::Impl::extraState() const
{
    return {
        {"skippedSteps", skippedSteps}, {"rollbacks", rollbacks}, {"halvedBatch", halvedBatch}, {"runName", runName}};
}

void Trainer::Impl::flushMetrics()
{
    if (!store) { // rank > 0 of a job: rank 0 records the run
        pendingMetrics.clear();
        return;
    }
    if (!pendingMetrics.empty()) {
        store->appendMetrics(runName, pendingMetrics);
        pendingMetrics.clear();
    }
}

void Trainer::Impl::validateAndSample()
{
    const long long step = session->stepCount();
    lastValidation = session->validate();
    validatedAt = step;
    if (!leader()) {
        comm->shareFromLeader({}, kLeaderWorkWait, "waiting for rank 0's samples");
        emit("validated");
        return;
    }
    if (lastValidation.images > 0) {
        pendingMetrics.push_back({step, "val_l1", lastValidation.l1});
        pendingMetrics.push_back({step, "val_ssim", lastValidation.ssim});
        pendingMetrics.push_back({step, "baseline_l1", lastValidation.baselineL1});
        pendingMetrics.push_back({step, "baseline_ssim", lastValidation.baselineSsim});
    }
    const auto grid = session->sampleGrid(probeChars);
    if (!grid.isNull()) {
        const fs::path dir = layout.samplesDir(runName);
        fs::create_directories(dir);
        const fs::path png = dir / (CheckpointStore::folderName(step) + ".png");
        writeGrayPng(png, grid, {{"Software", "ZiStudio"}, {"Comment", "rows per style: source, generated, target"}});
        lastSample = png.string();
        store->recordSample(runName, {step, lastSample});
    }
    flushMetrics();
    if (comm)
        comm->shareFromLeader("done", kLeaderWorkWait, "sharing the samples");
    emit("validated");
}

void Trainer::Impl::saveCheckpoint(const std::string &kind)
{
    const long long step = session->stepCount();
    session->synchronizeFromLeader(true); // distributed: rank 0's running statistics go into the checkpoint
    bool finite = session->weightsFinite();
    if (comm)
        finite = !comm->anyTrue(!finite, "agreeing on finite weights");
    if (!finite) {
        rollback(); // never save NaN/Inf weights; go back to the last good state instead
        return;
    }
    if (!leader()) {
        lastCheckpoint = comm->shareFromLeader({}, kLeaderWorkWait, "waiting for rank 0 to write a checkpoint");
        emit("checkpoint", kind + " checkpoint at step " + std::to_string(step));
        return;
    }
    std::map<std::string, double> metrics;
    if (validatedAt == step && lastValidation.images > 0) {
        metrics["val_l1"] = lastValidation.l1;
        metrics["val_ssim"] = lastValidation.ssim;
        metrics["baseline_l1"] = lastValidation.baselineL1;
        metrics["baseline_ssim"] = lastValidation.baselineSsim;
    }
    auto writer = checkpoints->begin(step, kind);
    session->save(writer, extraState());
    const auto info = writer.commit(metrics);
    lastCheckpoint = info.dir.string();
    flushMetrics();
    syncCheckpointRecords(*store, runName, *checkpoints);
    if (comm)
        comm->shareFromLeader(lastCheckpoint, kLeaderWorkWait, "sharing the checkpoint");
    emit("checkpoint", kind + " checkpoint at step " + std::to_string(step));
}

void Trainer::Impl::rollback()
{
    if (++rollbacks > kMaxRollbacks)
        throw TrainingError("training diverged: non-finite losses persist after " + std::to_string(kMaxRollbacks)
            + " rollbacks with a halved learning rate each time; lower training.learningRate");
    const double scale = session->learningRateScale() * 0.5;
    std::optional<LoadedCheckpoint> latest;
    if (leader())
        latest = checkpoints->loadLatest();
    if (comm) { // every rank goes back to the checkpoint rank 0 chose
        const long long step = std::stoll(
            comm->shareFromLeader(std::to_string(latest ? latest->info.step : -1), kLeaderWorkWait, "the rollback"));
        if (!leader() && step >= 0)
            latest = checkpointStore().load(step);
    }
    std::string from = "step 0 (no checkpoint yet)";
    if (latest) {
        session->load(checkpointStore(), latest->info);
        from = "step " + std::to_string(latest->info.step);
    } else {
        session->initialize();
    }
    if (comm) {
        comm->storeBarrier(kLeaderWorkWait, "the rollback on every rank");
        session->synchronizeFromLeader(false);
    }
    session->setLearningRateScale(scale);
    nonFiniteStreak = 0;
    window.clear();
    emit("rollback",
        std::to_string(kNonFiniteStreak) + " non-finite steps in a row: rolled back to " + from + ", learning rate now "
            + std::to_string(session->learningRate()));
}

void Trainer::Impl::serveProbes()
{
    std::deque<std::pair<ProbeRequest, std::function<void(ProbeResult)>>> pending;
    {
        std::lock_guard lock(mutex);
        pending.swap(probes);
    }
    for (auto &[req, done] : pending) {
        ProbeResult result;
        try {
            if (req.character.empty())
                throw TrainingError("probe: no character");
            const auto options = data::rasterOptionsFor(config.dataset);
            if (!probeFace)
                probeFace = std::make_unique<glyphs::FontFace>(config.dataset.source.path, config.dataset.source.face);
            result.source = glyphs::Rasterizer(*probeFace, options).render(req.character[0]);
            for (const auto &t : config.dataset.targets)
                if (t.styleId == req.styleId && t.kind == data::TargetSpec::Kind::Font) {
                    glyphs::FontFace face(t.path, t.face);
                    auto rendered = glyphs::Rasterizer(face, options).renderChecked(req.character[0]);
                    if (rendered.ok())
                        result.target = std::move(rendered.image);
                }
            result.layers = session->probe(result.source, req.styleId, req.points, req.strokeMean, &result.generated);
        } catch (const std::exception &e) {
            result.error = e.what();
        }
        if (done)
            done(std::move(result));
    }
}

void Trainer::Impl::waitWhilePaused()
{
    for (bool waited = false;; waited = true) {
        {
            std::unique_lock lock(mutex);
            if (!paused || cancel->load()) {
                if (waited)
                    window.clear(); // the pause is no training time: images/s and the ETA start afresh
                return;
            }
            wake.wait_for(lock, std::chrono::milliseconds(100));
        }
        serveProbes();
    }
}

} // namespace zistudio::training
