// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the training layer (torch-free): the state of Trainer::run(), shared by trainer.cpp
// (the loop and progress) and trainerrun.cpp (setup, validation, checkpoints, rollback, probes).

#include "data/dataset.h"
#include "glyphs/fontface.h"
#include "project/project.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "training/checkpointstore.h"
#include "training/communicator.h"
#include "training/trainer.h"
#include "training/trainingsession.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace zistudio::training
{

using Clock = std::chrono::steady_clock;

/** Non-finite steps in a row that trigger a rollback to the last good checkpoint. */
inline constexpr int kNonFiniteStreak = 3;
/** Rollbacks after which the run gives up (the learning rate has been halved this often). */
inline constexpr int kMaxRollbacks = 5;
/** Metric rows buffered before they are written to the run store in one transaction. */
inline constexpr std::size_t kMetricFlushRows = 400;
/** Probe characters in the sample grid when the settings name none. */
inline constexpr std::size_t kDefaultProbeChars = 8;
/** Distributed: how long the other ranks wait while rank 0 prepares the dataset (rendering can take hours). */
inline constexpr std::chrono::seconds kDatasetWait = std::chrono::hours(24);
/** Distributed: how long ranks wait for each other around work only some do (checkpoints, samples, loading). */
inline constexpr std::chrono::seconds kLeaderWorkWait = std::chrono::minutes(30);

struct Trainer::Impl
{
    RunPreparation prepare;
    TrainerOptions options;
    TrainerHooks hooks;

    std::mutex mutex;
    std::condition_variable wake;
    bool paused = false;
    std::deque<std::pair<ProbeRequest, std::function<void(ProbeResult)>>> probes;

    // --- state of one run() ---
    const ProgressCallback *progress = nullptr;
    const std::atomic<bool> *cancel = nullptr;
    project::Project config;
    project::ProjectLayout layout;
    std::string runName;
    bool resume = false, startOver = false; ///< of the prepared run
    std::unique_ptr<project::RunStore> store;
    std::unique_ptr<CheckpointStore> checkpoints;
    std::unique_ptr<TrainingSession> session;
    std::vector<project::MetricSample> pendingMetrics;
    std::vector<char32_t> probeChars;
    long long skippedSteps = 0;
    int nonFiniteStreak = 0;
    int rollbacks = 0;
    bool halvedBatch = false;
    long long validatedAt = -1;
    ValidationResult lastValidation;
    std::map<std::string, double> lastLosses;
    std::string lastSample, lastCheckpoint;
    Clock::time_point lastEmit {};                              ///< of the last throttled (step) record
    std::deque<std::pair<Clock::time_point, long long>> window; ///< (time, images so far) for images/s
    long long imagesSeen = 0;
    std::unique_ptr<glyphs::FontFace> probeFace;
    std::unique_ptr<Communicator> comm; ///< data-parallel job, or nullptr alone
    bool stopAgreed = false;            ///< distributed: some rank was asked to stop at the last step

    /** Rank 0 of a job, or a process alone: it writes the run store, checkpoints and samples. */
    bool leader() const { return !comm || comm->leader(); }
    /** Distributed: rank 0's decision on every rank (alone: `decision`). */
    bool leaderDecides(bool decision, const std::string &what);
    /** The run's checkpoints (rank 0: read-write, other ranks: read-only, opened when first needed). */
    CheckpointStore &checkpointStore();
    void shareSetup();
    /** How the run being fine-tuned from ranks its checkpoints (its own settings). */
    CheckpointPolicy fineTunePolicy() const;
    void agreeOnStep(StepResult &r);

    RunResult runImpl();
    /** Takes the prepared run (rank 0 prepares it; a follower learns it in shareSetup()). */
    void takeRun(PreparedRun run);
    void startSession(const data::Dataset &dataset);
    void validateAndSample();
    void saveCheckpoint(const std::string &kind);
    void rollback();
    void flushMetrics();
    void emit(const std::string &event, const std::string &message = {}, bool force = true);
    void serveProbes();
    void waitWhilePaused();
    nlohmann::json extraState() const;
    /** The checkpoint a resume continues from; refuses (TrainingError) when every one is damaged or gone. */
    std::optional<LoadedCheckpoint> resumePoint();
    /** Rank 0: the run's checkpoint store, cleaned up after a killed writer (needs the run lock). */
    void openCheckpoints();
    std::optional<LoadedCheckpoint> resumeFrom; ///< rank 0, resume: chosen before the run is marked running
};

} // namespace zistudio::training
