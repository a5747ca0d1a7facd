// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli runs list --project P [--json] | runs show --project P --run NAME [--json]
#include "clicommand.h"
#include "clioutput.h"

#include "project/project.h"
#include "project/projecterror.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "workflow/runs.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace zistudio::cli
{

namespace
{

std::string fixed(double v, int digits = 4)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

project::RunStore openStore(const std::string &projectFile)
{
    const auto layout = project::ProjectLayout::of(projectFile);
    if (!std::filesystem::exists(layout.file))
        throw project::ProjectError("project file not found: " + layout.file.string());
    // Read-only media are read in place; a deleted runs.sqlite is rebuilt from the run folders.
    return project::openRunStore(layout);
}

/** The best checkpoint's validation metrics, or nothing. */
const project::CheckpointRecord *bestOf(const std::vector<project::CheckpointRecord> &checkpoints)
{
    for (const auto &c : checkpoints)
        if (c.isBest)
            return &c;
    return nullptr;
}

void runList(const std::string &projectFile, bool json)
{
    auto store = openStore(projectFile);
    const auto runs = store.listRuns();
    if (json) {
        auto out = nlohmann::json::array();
        for (const auto &r : runs) {
            const auto checkpoints = store.checkpoints(r.name);
            nlohmann::json j {{"name", r.name}, {"status", r.status}, {"created", r.created}, {"lastStep", r.lastStep},
                {"attention", r.attention}, {"seed", r.seed}, {"parent", r.parent},
                {"checkpoints", checkpoints.size()}};
            if (const auto *best = bestOf(checkpoints))
                j["best"] = {{"step", best->step}, {"metrics", best->metrics}, {"path", best->path}};
            out.push_back(j);
        }
        std::cout << out.dump(2) << '\n';
        return;
    }
    if (runs.empty()) {
        std::cout << "no runs yet\n";
        return;
    }
    std::vector<std::vector<std::string>> rows {
        {"run", "status", "step", "attention", "best step", "val L1", "val SSIM", "baseline L1", "created"}};
    for (const auto &r : runs) {
        const auto checkpoints = store.checkpoints(r.name);
        const auto *best = bestOf(checkpoints);
        auto metric = [&](const char *name) {
            return best && best->metrics.count(name) ? fixed(best->metrics.at(name)) : std::string("-");
        };
        rows.push_back(
            {r.name, r.status, std::to_string(r.lastStep), r.attention, best ? std::to_string(best->step) : "-",
                metric("val_l1"), metric("val_ssim"), metric("baseline_l1"), r.created});
    }
    printTable(rows);
}

void runShow(const std::string &projectFile, const std::string &run, bool json)
{
    auto store = openStore(projectFile);
    const auto record = store.run(run);
    if (!record)
        throw project::ProjectError("no run named \"" + run + "\" in " + projectFile);
    const auto checkpoints = store.checkpoints(run);
    const auto samples = store.samples(run);
    const auto l1 = store.metrics(run, "val_l1");
    const auto ssim = store.metrics(run, "val_ssim");
    if (json) {
        nlohmann::json j {{"name", record->name}, {"status", record->status}, {"created", record->created},
            {"lastStep", record->lastStep}, {"attention", record->attention}, {"seed", record->seed},
            {"config", nlohmann::json::parse(record->configJson, nullptr, false)},
            {"versions", nlohmann::json::parse(record->versions, nullptr, false)}};
        j["checkpoints"] = nlohmann::json::array();
        for (const auto &c : checkpoints)
            j["checkpoints"].push_back({{"step", c.step}, {"path", c.path}, {"kind", c.kind}, {"best", c.isBest},
                {"pinned", c.pinned}, {"metrics", c.metrics}});
        j["validation"] = nlohmann::json::array();
        for (std::size_t i = 0; i < l1.size() && i < ssim.size(); ++i)
            j["validation"].push_back({{"step", l1[i].step}, {"val_l1", l1[i].value}, {"val_ssim", ssim[i].value}});
        j["samples"] = nlohmann::json::array();
        for (const auto &s : samples)
            j["samples"].push_back({{"step", s.step}, {"path", s.path}});
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::cout << record->name << ": " << record->status << ", step " << record->lastStep << ", attention "
              << record->attention << ", seed " << record->seed << ", created " << record->created << '\n';
    std::vector<std::vector<std::string>> rows {{"step", "val L1", "val SSIM"}};
    for (std::size_t i = 0; i < l1.size() && i < ssim.size(); ++i)
        rows.push_back({std::to_string(l1[i].step), fixed(l1[i].value), fixed(ssim[i].value)});
    if (rows.size() > 1)
        printTable(rows);
    std::vector<std::vector<std::string>> cps {{"checkpoint", "kind", "", "path"}};
    for (const auto &c : checkpoints)
        cps.push_back({std::to_string(c.step), c.kind,
            std::string(c.isBest ? "best" : "") + (c.pinned ? " pinned" : ""), c.path});
    if (cps.size() > 1)
        printTable(cps);
    if (!samples.empty())
        std::cout << "newest sample grid: " << samples.back().path << '\n';
}

/** Pins (or unpins) a checkpoint so pruning keeps it, and mirrors the change in the run store. */
void runPin(const std::string &projectFile, const std::string &run, long long step, bool pinned)
{
    auto store = openStore(projectFile);
    if (!store.run(run))
        throw project::ProjectError("no run named \"" + run + "\" in " + projectFile);
    workflow::setCheckpointPinned(projectFile, run, step, pinned);
    std::cout << (pinned ? "pinned " : "unpinned ") << run << " step " << step << '\n';
}

void setupRuns(CLI::App &root)
{
    auto *cmd = root.add_subcommand("runs", "List and inspect a project's training runs");
    cmd->require_subcommand(1);
    auto *list = cmd->add_subcommand("list", "Every run with its status and best validation scores");
    auto projectFile = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    list->add_option("--project", *projectFile, "Project file")->required();
    list->add_flag("--json", *json, "Print JSON");
    list->callback([projectFile, json] { runList(*projectFile, *json); });

    auto *show = cmd->add_subcommand("show", "One run: validation history, checkpoints, samples");
    auto showProject = std::make_shared<std::string>();
    auto run = std::make_shared<std::string>();
    auto showJson = std::make_shared<bool>(false);
    show->add_option("--project", *showProject, "Project file")->required();
    show->add_option("--run", *run, "Run name")->required();
    show->add_flag("--json", *showJson, "Print JSON");
    show->callback([showProject, run, showJson] { runShow(*showProject, *run, *showJson); });

    for (const bool pin : {true, false}) {
        auto *sub = cmd->add_subcommand(pin ? "pin" : "unpin",
            pin ? "Keep a checkpoint forever (pruning skips it)" : "Let pruning delete a checkpoint again");
        auto pinProject = std::make_shared<std::string>();
        auto pinRun = std::make_shared<std::string>();
        auto step = std::make_shared<long long>(0);
        sub->add_option("--project", *pinProject, "Project file")->required();
        sub->add_option("--run", *pinRun, "Run name")->required();
        sub->add_option("--step", *step, "Checkpoint step")->required()->check(CLI::NonNegativeNumber);
        sub->callback([pinProject, pinRun, step, pin] { runPin(*pinProject, *pinRun, *step, pin); });
    }
}

} // namespace

ZISTUDIO_CLI_COMMAND("runs", setupRuns)

} // namespace zistudio::cli
