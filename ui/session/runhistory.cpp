// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/runhistory.h"

#include "util/qtconvert.h"

#include "project/projectlayout.h"
#include "workflow/runs.h"

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
        workflow::setCheckpointPinned(toPath(projectFile), utf8(run), step, pinned);
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
        workflow::deleteCheckpoint(toPath(projectFile), utf8(run), step);
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
