// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Torch-free: what the CLI (zistudio-cli train, sweep) and the studio's Training panel do before a run
// trains — load the project, name the run, apply the request's overrides, check that it can train,
// and write its books (run folder, run.json, run-store row). The trainer receives the result.

#include "training/trainer.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zistudio::workflow
{

/** What to run: the project, the run's name, and overrides of the project's training settings. */
struct RunRequest
{
    std::filesystem::path projectFile;
    std::string runName {}; ///< "" = a new name from the date (project::newRunName)
    long long steps = 0;    ///< 0 = the project's TrainingConfig::steps (a resume with more steps raises the run's)
    bool resume = false;    ///< continue the named run from its newest complete checkpoint
    /** A new run only: self-attention placement instead of the project's ("" = the project's, "none" = none). */
    std::string attention {};
    /** A new run only: training seed instead of the project's (experiments repeat a run with another seed). */
    std::optional<unsigned> seed {};
    /**
     * A new run only: start from the best checkpoint of this run instead of the project's
     * training.fineTuneFrom ("" = the project's setting).
     */
    std::string fineTuneFrom {};
    /** A new run only, with fineTuneFrom: start from this checkpoint step of that run (0 = its best). */
    std::optional<long long> fineTuneStep {};
    /** A new run only, with fineTuneFrom: freeze the encoder instead of the project's training.freezeEncoder. */
    std::optional<bool> freezeEncoder {};
    /** A new run only, with fineTuneFrom: the style ids to train (empty = all) instead of the project's. */
    std::optional<std::vector<int>> fineTuneStyles {};
    /** With resume: train the run again from step 0 when every checkpoint is damaged or gone. */
    bool startOver = false;
};

/**
 * Prepares the run `request` names. A new run: loads the project, names the run, applies and validates
 * the overrides, opens every font (a project that cannot train leaves no run behind), checks the
 * fine-tuning source, then creates the run folder, its run-store row and its run.json (in that order:
 * the studio recovers rows for folders with a run.json). A resume: reads the run's run.json, raises its
 * steps when asked, and restores a lost run-store row. Throws Error (TrainingError for what the user
 * can fix) and then leaves the project as it was.
 */
training::PreparedRun prepareRun(const RunRequest &request);

/** A data-parallel job's rank > 0: prepares nothing; the trainer follows rank 0's run. */
training::PreparedRun followRun(const std::filesystem::path &projectFile, bool resume);

/** The preparation a Trainer runs when it starts (its errors become the run's result). */
training::RunPreparation preparation(RunRequest request);

} // namespace zistudio::workflow
