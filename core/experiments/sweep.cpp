// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiments/sweep.h"

#include "common/atomicfile.h"
#include "experiments/experimentserror.h"
#include "experiments/runterms.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "workflow/trainrun.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

namespace zistudio::experiments
{

namespace fs = std::filesystem;

namespace
{

/** The configuration a run trains with: its run.json, else the store's copy. */
std::optional<project::Project> existingConfig(
    const project::ProjectLayout &layout, const project::RunStore *store, const std::string &run)
{
    const fs::path runFile = layout.runDir(run) / "run.json";
    std::string text;
    if (fs::exists(runFile))
        text = readFile(runFile, 16 << 20);
    else if (store)
        if (const auto record = store->run(run))
            text = record->configJson;
    if (text.empty())
        return std::nullopt;
    try {
        return project::runConfigFromText(text, "run " + run);
    } catch (const std::exception &e) {
        throw ExperimentError("run \"" + run + "\" exists but its configuration cannot be read: " + e.what());
    }
}

std::string outcomeText(training::RunOutcome outcome)
{
    switch (outcome) {
    case training::RunOutcome::Completed:
        return "completed";
    case training::RunOutcome::Cancelled:
        return "interrupted";
    case training::RunOutcome::Failed:
        break;
    }
    return "failed";
}

} // namespace

std::string toString(SweepAction action)
{
    switch (action) {
    case SweepAction::Skip:
        return "skip";
    case SweepAction::Resume:
        return "resume";
    case SweepAction::Train:
        break;
    }
    return "train";
}

std::vector<SweepAction> sweepActions(const fs::path &projectFile, const std::vector<SweepEntry> &plan)
{
    const auto project = project::loadProject(projectFile);
    const auto layout = project::ProjectLayout::of(projectFile);
    std::optional<project::RunStore> store;
    if (fs::exists(layout.runStore))
        store.emplace(layout.runStore);
    std::vector<SweepAction> actions;
    for (const auto &entry : plan) {
        const auto existing = existingConfig(layout, store ? &*store : nullptr, entry.runName);
        if (!existing) {
            actions.push_back(SweepAction::Train);
            continue;
        }
        const auto planned = plannedConfig(project, entry);
        const auto record = store ? store->run(entry.runName) : std::nullopt;
        auto differences = termDifferences(*existing, planned, {"training.steps"});
        // A smaller budget is fine while the run has not gone past it: resuming stops at the new budget.
        const long long done = record ? record->lastStep : 0;
        if (existing->training.steps > entry.steps && (done > entry.steps || (record && record->status == "completed")))
            differences.push_back(
                "training.steps: " + std::to_string(existing->training.steps) + " vs " + std::to_string(entry.steps));
        if (!differences.empty()) {
            std::string list;
            for (const auto &d : differences)
                list += (list.empty() ? "" : "; ") + d;
            throw ExperimentError("run \"" + entry.runName + "\" exists but was trained on other terms (" + list
                + ", run vs this sweep): choose another --name, or delete the run");
        }
        const bool completed = record && record->status == "completed" && existing->training.steps == entry.steps;
        actions.push_back(completed ? SweepAction::Skip : SweepAction::Resume);
    }
    return actions;
}

SweepResult runSweep(const SweepOptions &options, const std::function<void(const SweepEvent &)> &onEvent,
    const std::atomic<bool> &cancel)
{
    const auto project = project::loadProject(options.projectFile);
    const auto plan = planSweep(options, project);
    const auto actions = sweepActions(options.projectFile, plan);
    const auto layout = project::ProjectLayout::of(options.projectFile);
    SweepResult result;
    auto notify = [&](const SweepEvent &event) {
        if (onEvent)
            onEvent(event);
    };
    for (std::size_t i = 0; i < plan.size(); ++i) {
        const auto &entry = plan[i];
        SweepEntryResult done {
            .entry = entry, .action = actions[i], .outcome = "not started", .message = {}, .step = 0};
        if (!options.only.empty()
            && std::find(options.only.begin(), options.only.end(), entry.runName) == options.only.end()) {
            done.outcome = "not selected";
            result.entries.push_back(done);
            continue;
        }
        if (result.cancelled || cancel.load()) {
            result.cancelled = true;
            result.entries.push_back(done);
            continue;
        }
        SweepEvent event;
        event.index = i;
        event.count = plan.size();
        event.entry = entry;
        event.action = actions[i];
        event.kind = "begin";
        notify(event);
        if (actions[i] == SweepAction::Skip) {
            done.outcome = "skipped";
            done.step = entry.steps;
            done.message = "completed earlier";
            event.kind = "end";
            event.result = training::RunResult {};
            event.result.outcome = training::RunOutcome::Completed;
            event.result.step = entry.steps;
            event.result.message = done.message;
            notify(event);
            result.entries.push_back(done);
            continue;
        }
        const bool resume = actions[i] == SweepAction::Resume;
        training::Trainer trainer(workflow::preparation({.projectFile = options.projectFile,
                                      .runName = entry.runName,
                                      .steps = entry.steps,
                                      .resume = resume,
                                      .attention = resume ? std::string() : entry.attention,
                                      .seed = resume ? std::nullopt : std::optional<unsigned>(entry.seed)}),
            {.progressIntervalMs = options.progressIntervalMs});
        event.kind = "progress";
        const auto run = trainer.run(
            [&](const training::ProgressRecord &r) {
                event.record = r;
                notify(event);
            },
            cancel);
        done.outcome = outcomeText(run.outcome);
        done.message = run.message;
        done.step = run.step;
        event.kind = "end";
        event.record = {};
        event.result = run;
        notify(event);
        result.entries.push_back(done);
        if (run.outcome == training::RunOutcome::Cancelled)
            result.cancelled = true;
        else if (run.outcome == training::RunOutcome::Failed)
            ++result.failed;
    }
    return result;
}

} // namespace zistudio::experiments
