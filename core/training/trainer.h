// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// CONTRACT shared by the CLI (app/cli/cmd_train.cpp) and the studio (ui/, a worker QThread):
// torch-free. Implementers may add members; do not rename or remove these.

#include "common/image.h"
#include "model/attentionprobe.h"
#include "project/project.h"
#include "training/distributedconfig.h"
#include "training/trainerhooks.h"
#include "training/trainingerror.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace zistudio::training
{

// TrainingError (training/trainingerror.h): a training error a user can act on (bad settings,
// unreadable checkpoint, disk full...).

/** Metrics every run records besides losses and validation (RunStore series names). */
inline constexpr const char *kStepSecondsMetric = "step_seconds"; ///< wall seconds of each training step alone
/// CPU seconds the whole process spent during each training step (all threads): unlike the wall time,
/// it hardly moves when other jobs share the machine's cores, so placements compare fairly on a busy CPU
inline constexpr const char *kStepCpuSecondsMetric = "step_cpu_seconds";
inline constexpr const char *kRssMetric = "rss_bytes"; ///< process resident memory, every kRssEvery steps
inline constexpr long long kRssEvery = 10;

/** One progress record, sent through the callback at most every `progressIntervalMs` (and on events). */
struct ProgressRecord
{
    long long step = 0; ///< generator steps done in this run (resumed runs continue counting)
    long long totalSteps = 0;
    long long epoch = 0;
    std::map<std::string, double> losses; ///< "d", "g", "l1", "const", "category", "gan", "tv"
    double learningRate = 0;
    double imagesPerSecond = 0;
    double etaSeconds = 0;
    double residentBytes = 0;   ///< process RSS
    double deviceBytes = 0;     ///< peak GPU memory of the training steps (CUDA caching allocator), 0 on the CPU
    long long skippedSteps = 0; ///< non-finite losses skipped so far
    bool validated = false;     ///< the fields below are fresh in this record
    double valL1 = 0, valSsim = 0, baselineL1 = 0, baselineSsim = 0;
    std::string samplePng;  ///< newest sample grid (source | generated | target rows), absolute path
    std::string checkpoint; ///< set when a checkpoint was just committed
    std::string event;      ///< "started", "step", "validated", "checkpoint", "rollback", "finished"...
    std::string message;    ///< human-readable note for the log (rollback, lowered lr, ...)
};

enum class RunOutcome
{
    Completed,
    Cancelled, ///< an "interrupted" checkpoint was saved; resume continues exactly
    Failed
};

struct RunResult
{
    RunOutcome outcome = RunOutcome::Failed;
    long long step = 0;
    std::string message;
    std::string lastCheckpoint;
    int rank = 0;      ///< of a data-parallel job (0 alone)
    int worldSize = 1; ///< processes of the job
    std::string
        stateDigest {}; ///< with TrainerOptions::reportStateDigest: fingerprint of the final weights and optimizers
    /** A resume refused because every checkpoint is damaged or gone: PreparedRun::startOver would train it again. */
    bool canStartOver = false;
};

/** How a Trainer runs (not what it trains): its progress rate, its place in a job, test reports. */
struct TrainerOptions
{
    int progressIntervalMs = 250;
    /**
     * Data-parallel training (docs/distributed.md): this process's place in the job; nullopt or a
     * world of 1 trains alone. Rank 0 prepares and writes the run (store, checkpoints, samples); the
     * other ranks train the run rank 0 shares with them.
     */
    std::optional<DistributedConfig> distributed {};
    /** Tests: put the final state's digest (TrainingSession::stateDigest) into RunResult::stateDigest. */
    bool reportStateDigest = false;
};

/**
 * A run ready to train, made by the workflow layer (workflow::prepareRun): the project loaded, the run
 * named, its settings with every override applied and saved as its run.json, its run-store row written.
 * The trainer trains it and records what training does (status, metrics, checkpoints); it never loads
 * the project or decides what the run is.
 */
struct PreparedRun
{
    std::filesystem::path projectFile; ///< the run lives in this project's folder (ProjectLayout::of)
    std::string runName;               ///< "" on a follower: rank 0's run arrives when training starts
    project::Project config;           ///< the settings the run trains with (its run.json)
    bool resume = false;               ///< continue from the newest complete checkpoint
    /**
     * With resume: when every checkpoint of the run is damaged or gone, train it again from step 0
     * (the damaged checkpoints are set aside as step-N.damaged, never overwritten). Without it such a
     * resume is refused with the damaged checkpoints named: starting over is never implied.
     */
    bool startOver = false;
    /** A rank > 0 of a data-parallel job: it prepares nothing and trains what rank 0 prepared. */
    bool follower = false;
};

/**
 * Makes the run when training starts, on rank 0 or a process alone (never on a follower): its errors
 * become the run's result (RunOutcome::Failed), and a job's other ranks hear them.
 */
using RunPreparation = std::function<PreparedRun()>;

/** A request for attention maps, served by the training thread between two steps. */
struct ProbeRequest
{
    std::u32string character; ///< one character
    int styleId = 0;
    std::vector<std::pair<float, float>> points; ///< normalised 0..1 image coordinates
    bool strokeMean = false;                     ///< also the mean row over the stroke pixels
};

struct ProbeResult
{
    GrayImage source, generated, target; ///< target may be null when the style lacks it
    std::vector<model::AttentionProbe> layers;
    std::string error;
};

/**
 * Trains one run of a project (blocking; call it on a worker thread). Progress and probe results
 * come back through callbacks on the calling thread. Cancel finishes the current step, saves an
 * "interrupted" checkpoint and returns RunOutcome::Cancelled. Errors are returned, never thrown
 * across the call, so a GUI worker can forward them as messages.
 */
class Trainer
{
public:
    using ProgressCallback = std::function<void(const ProgressRecord &)>;

    /** `prepare` is called once by run() (rank 0 or alone); a follower's returns PreparedRun::follower set. */
    explicit Trainer(RunPreparation prepare, TrainerOptions options = {});
    ~Trainer();
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    RunResult run(const ProgressCallback &progress, const std::atomic<bool> &cancel);

    /** Thread-safe: queue a probe; `done` is called on the training thread between steps. */
    void requestProbe(ProbeRequest request, std::function<void(ProbeResult)> done);

    /** Thread-safe: while paused the loop waits between steps (no checkpoint is written). */
    void setPaused(bool paused);

    /** Tests only: inject non-finite losses or simulated out-of-memory errors. Call before run(). */
    void setTestHooks(TrainerHooks hooks);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace zistudio::training
