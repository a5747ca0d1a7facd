// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/runhistory.h"

#include "util/qtconvert.h"

#include "project/projectlayout.h"
#include "training/checkpointstore.h"

#include <filesystem>

namespace zistudio::ui
{

namespace fs = std::filesystem;

namespace
{

std::optional<project::RunStore> openStore(const QString &projectFile)
{
    const auto layout = project::ProjectLayout::of(toPath(projectFile));
    return project::openRunStore(layout);
}

/** Mirrors the checkpoint folder into the run store (what the trainer does after each commit). */
void syncStore(project::RunStore &store, const training::CheckpointStore &checkpoints, const std::string &run)
{
    const std::optional<long long> best = checkpoints.bestStep();
    std::vector<project::CheckpointRecord> records;
    for (const training::CheckpointInfo &info : checkpoints.list()) {
        records.push_back({.step = info.step,
            .path = info.dir.string(),
            .kind = info.kind,
            .isBest = best && *best == info.step,
            .pinned = info.pinned,
            .metrics = info.metrics});
    }
    store.syncCheckpoints(run, records);
}

} // namespace

RunHistory loadRunHistory(const QString &projectFile, const QString &run)
{
    RunHistory history;
    history.run = run;
    try {
        std::optional<project::RunStore> store = openStore(projectFile);
        if (!store)
            return history;
        const std::string name = utf8(run);
        history.record = store->run(name);
        for (const std::string &metric : store->metricNames(name))
            history.metrics[metric] = store->metrics(name, metric);
        history.samples = store->samples(name);
        history.checkpoints = store->checkpoints(name);
    } catch (const std::exception &e) {
        history.error = qs(e.what());
    }
    return history;
}

std::vector<project::RunRecord> listProjectRuns(const QString &projectFile, QString *error)
{
    try {
        if (std::optional<project::RunStore> store = openStore(projectFile))
            return store->listRuns();
    } catch (const std::exception &e) {
        if (error)
            *error = qs(e.what());
    }
    return {};
}

std::vector<project::CheckpointRecord> listCheckpoints(const QString &projectFile, const QString &run, QString *error)
{
    try {
        if (std::optional<project::RunStore> store = openStore(projectFile))
            return store->checkpoints(utf8(run));
    } catch (const std::exception &e) {
        if (error)
            *error = qs(e.what());
    }
    return {};
}

bool setCheckpointPinned(const QString &projectFile, const QString &run, long long step, bool pinned, QString *error)
{
    try {
        const auto layout = project::ProjectLayout::of(toPath(projectFile));
        training::CheckpointStore checkpoints(layout.checkpointsDir(utf8(run)));
        checkpoints.setPinned(step, pinned);
        project::RunStore store(layout.runStore);
        syncStore(store, checkpoints, utf8(run));
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = qs(e.what());
        return false;
    }
}

bool deleteCheckpoint(const QString &projectFile, const QString &run, long long step, QString *error)
{
    try {
        const auto layout = project::ProjectLayout::of(toPath(projectFile));
        const fs::path dir = layout.checkpointsDir(utf8(run));
        const fs::path folder = dir / training::CheckpointStore::folderName(step);
        const fs::path aside = dir / (training::CheckpointStore::folderName(step) + ".deleting");
        training::CheckpointStore checkpoints(dir);
        if (checkpoints.pinnedSteps().end()
            != std::find(checkpoints.pinnedSteps().begin(), checkpoints.pinnedSteps().end(), step))
            checkpoints.setPinned(step, false);
        fs::rename(folder, aside);
        fs::remove_all(aside);
        project::RunStore store(layout.runStore);
        syncStore(store, checkpoints, utf8(run));
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = qs(e.what());
        return false;
    }
}

QString metricLabel(const std::string &name)
{
    static const std::map<std::string, QString> kLabels = {
        {"loss_d", QStringLiteral("D")},
        {"loss_g", QStringLiteral("G")},
        {"loss_l1", QStringLiteral("L1")},
        {"loss_const", QStringLiteral("const")},
        {"loss_category", QStringLiteral("category")},
        {"loss_gan", QStringLiteral("GAN")},
        {"loss_tv", QStringLiteral("TV")},
        {"val_l1", QStringLiteral("val L1")},
        {"val_ssim", QStringLiteral("val SSIM")},
        {"baseline_l1", QStringLiteral("baseline L1")},
        {"baseline_ssim", QStringLiteral("baseline SSIM")},
    };
    const auto it = kLabels.find(name);
    if (it != kLabels.end())
        return it->second;
    return qs(name.rfind("loss_", 0) == 0 ? name.substr(5) : name);
}

} // namespace zistudio::ui
