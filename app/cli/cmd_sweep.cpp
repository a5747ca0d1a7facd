// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli sweep --project P --attention "none;enc:3;enc:3,dec:3" [--steps N] [--name PREFIX]
// [--seeds N] [--repeat SPEC[:SEED]]... [--only RUN,...] [--dry-run [--json]]: train one run per
// attention placement (and seed) on equal terms (same data, split, batch and steps), one after another;
// the same command again resumes where it stopped.
#include "clicommand.h"
#include "clioutput.h"

#include "experiments/experimentserror.h"
#include "experiments/sweep.h"
#include "project/project.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

namespace zistudio::cli
{

namespace
{

struct SweepCliOptions
{
    std::string project;
    std::string attention;
    long long steps = 0;
    std::string name = "sweep";
    int seeds = 1;
    std::vector<std::string> repeats;
    std::vector<std::string> only;
    bool dryRun = false;
    bool json = false;
};

std::string format(const char *fmt, double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

std::string label(const experiments::SweepEvent &e)
{
    return "[" + std::to_string(e.index + 1) + "/" + std::to_string(e.count) + "] " + e.entry.runName + " ("
        + e.entry.attention + ", seed " + std::to_string(e.entry.seed) + ")";
}

void runSweepCommand(const SweepCliOptions &o)
{
    experiments::SweepOptions options {.projectFile = o.project,
        .attention = experiments::parseAttentionList(o.attention),
        .steps = o.steps,
        .prefix = o.name,
        .seeds = o.seeds,
        .repeats = {},
        .only = o.only,
        .progressIntervalMs = 500};
    for (const auto &r : o.repeats)
        options.repeats.push_back(experiments::parseRepeat(r));
    const auto project = project::loadProject(o.project);
    const auto plan = experiments::planSweep(options, project);
    const auto actions = experiments::sweepActions(o.project, plan);
    const auto selected = [&](const experiments::SweepEntry &e) {
        return o.only.empty() || std::find(o.only.begin(), o.only.end(), e.runName) != o.only.end();
    };
    if (o.dryRun && o.json) {
        auto runs = nlohmann::json::array();
        for (std::size_t i = 0; i < plan.size(); ++i)
            runs.push_back({{"run", plan[i].runName}, {"attention", plan[i].attention}, {"seed", plan[i].seed},
                {"steps", plan[i].steps}, {"action", experiments::toString(actions[i])}, {"repeat", plan[i].repeat},
                {"selected", selected(plan[i])}});
        std::cout << nlohmann::json {{"project", o.project}, {"runs", runs}}.dump(2) << '\n';
        return;
    }
    std::vector<std::vector<std::string>> rows {{"run", "attention", "seed", "steps", "action"}};
    for (std::size_t i = 0; i < plan.size(); ++i)
        if (selected(plan[i])) // --only: the rest of the plan is left alone, so not listed
            rows.push_back(
                {plan[i].runName, plan[i].attention, std::to_string(plan[i].seed), std::to_string(plan[i].steps),
                    experiments::toString(actions[i]) + (plan[i].repeat ? " (repeat)" : "")});
    printTable(rows);
    if (o.dryRun)
        return;

    installInterruptHandler();
    const std::atomic<bool> &cancel = *interruptFlag();
    bool noted = false;
    ProgressLine line;
    const auto result = experiments::runSweep(
        options,
        [&](const experiments::SweepEvent &e) {
            if (cancel.load() && !noted) {
                noted = true;
                line.finish();
                std::cout << "stopping after this step (Ctrl-C again to quit at once)...\n" << std::flush;
            }
            if (e.kind == "begin") {
                line.finish();
                std::cout << label(e) << ": "
                          << (e.action == experiments::SweepAction::Skip ? "completed earlier, skipped"
                                     : e.action == experiments::SweepAction::Resume
                                     ? "resuming"
                                     : "training " + std::to_string(e.entry.steps) + " steps")
                          << '\n'
                          << std::flush;
            } else if (e.kind == "progress") {
                const auto &r = e.record;
                if (r.event == "step") {
                    const double fraction
                        = r.totalSteps > 0 ? static_cast<double>(r.step) / static_cast<double>(r.totalSteps) : 0;
                    line.update(fraction,
                        e.entry.runName + " step " + std::to_string(r.step) + "/" + std::to_string(r.totalSteps) + " | "
                            + format("%.1f", r.imagesPerSecond) + " img/s | "
                            + format("%.0f", r.residentBytes / (1024.0 * 1024.0)) + " MiB");
                } else if (r.event == "validated") {
                    line.finish();
                    std::cout << "  step " << r.step << ": validation L1 " << format("%.4f", r.valL1) << " SSIM "
                              << format("%.4f", r.valSsim) << '\n'
                              << std::flush;
                } else if (r.event == "failed" || r.event == "rollback" || r.event == "oom") {
                    line.finish();
                    std::cout << "  " << r.event << ": " << r.message << '\n' << std::flush;
                }
            } else if (e.kind == "end" && e.action != experiments::SweepAction::Skip) {
                line.finish();
                std::cout << "  " << e.result.message << '\n' << std::flush;
            }
        },
        cancel);
    line.finish();
    std::vector<std::vector<std::string>> summary {{"run", "attention", "seed", "outcome", "step"}};
    std::string names;
    for (const auto &e : result.entries) {
        if (e.outcome == "not selected")
            continue;
        summary.push_back(
            {e.entry.runName, e.entry.attention, std::to_string(e.entry.seed), e.outcome, std::to_string(e.step)});
        names += (names.empty() ? "" : ",") + e.entry.runName;
    }
    printTable(summary);
    if (result.cancelled) {
        std::cout << "sweep interrupted: run the same command again to resume it\n";
        return;
    }
    if (result.failed > 0)
        throw experiments::ExperimentError(std::to_string(result.failed)
            + " run(s) of the sweep failed (see above); fix the cause and run the same command again");
    std::cout << "compare them with: zistudio-cli compare --project " << o.project << " --runs " << names << '\n';
}

void setupSweep(CLI::App &root)
{
    auto *cmd = root.add_subcommand(
        "sweep", "Train one run per attention placement on equal terms; run again to resume; Ctrl-C stops");
    auto o = std::make_shared<SweepCliOptions>();
    cmd->add_option("--project", o->project, "Project file (*.zistudio)")->required();
    cmd->add_option("--attention", o->attention, "Placements separated by ';', e.g. \"none;enc:3;enc:3,dec:3\"")
        ->required();
    cmd->add_option("--steps", o->steps, "Steps of every run (default: the project's setting)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--name", o->name, "Run name prefix: runs are PREFIX-<placement> (default sweep)");
    cmd->add_option("--repeat", o->repeats,
        "Train a placement again with another seed to measure noise: SPEC[:SEED] (default: its next unused seed)");
    cmd->add_option("--seeds", o->seeds,
           "Train every placement with N seeds (the project's, +1, ...): every placement's first run before any "
           "second (default 1)")
        ->check(CLI::Range(1, 100));
    cmd->add_option("--only", o->only, "Train only these runs of the plan (names separated by commas); leave the rest")
        ->delimiter(',');
    cmd->add_flag("--dry-run", o->dryRun, "Print the plan (train, resume or skip each run) and stop");
    cmd->add_flag("--json", o->json, "With --dry-run: print the plan as JSON");
    cmd->callback([o] { runSweepCommand(*o); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("sweep", setupSweep)

} // namespace zistudio::cli
