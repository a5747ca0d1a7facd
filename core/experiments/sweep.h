// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experiments/sweepplan.h"
#include "training/trainer.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace zistudio::experiments
{

// Step time and memory come from the trainer's own series: training::kStepSecondsMetric, kRssMetric.
using training::kRssMetric;
using training::kStepSecondsMetric;

/** What happened to one run of a sweep. */
enum class SweepAction
{
    Skip,   ///< already completed with this budget
    Train,  ///< a new run
    Resume, ///< an earlier sweep stopped inside it
};

/** A sweep's progress: which run, what happens to it, and the trainer's own record. */
struct SweepEvent
{
    std::size_t index = 0; ///< 0-based position in the plan
    std::size_t count = 0;
    SweepEntry entry;
    SweepAction action = SweepAction::Train;
    std::string kind;                ///< "begin", "progress", "end"
    training::ProgressRecord record; ///< "progress" only
    training::RunResult result;      ///< "end" only (Completed for a skipped run)
};

struct SweepEntryResult
{
    SweepEntry entry;
    SweepAction action = SweepAction::Train;
    std::string outcome; ///< "skipped", "completed", "interrupted", "failed", "not started", "not selected"
    std::string message;
    long long step = 0;
};

struct SweepResult
{
    std::vector<SweepEntryResult> entries;
    bool cancelled = false;
    int failed = 0;
};

/**
 * Decides what a sweep does with each planned run, without training anything: Train (new), Skip
 * (completed with the budget) or Resume (stopped inside). Throws ExperimentError when a run of that
 * name exists but was trained on other terms (another placement, seed, data, model or settings), so a
 * sweep never mixes budgets or data under one name.
 */
std::vector<SweepAction> sweepActions(const std::filesystem::path &projectFile, const std::vector<SweepEntry> &plan);

/**
 * Trains a sweep's runs one after another, each a normal run in the project's run store: new runs
 * with the placement and seed as overrides, stopped ones resumed, completed ones skipped. Records
 * step time and resident memory as metrics (kStepSecondsMetric, kRssMetric). Cancel stops the current
 * run like the trainer does (an "interrupted" checkpoint) and leaves the rest not started; the same
 * call again carries on. A run that fails is reported and the sweep goes on with the next.
 * Throws ExperimentError (bad plan, runs on other terms) before anything is trained.
 */
SweepResult runSweep(const SweepOptions &options, const std::function<void(const SweepEvent &)> &onEvent,
    const std::atomic<bool> &cancel);

/** "skip", "train", "resume". */
std::string toString(SweepAction action);

} // namespace zistudio::experiments
