// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/runs.h"

#include "project/projecterror.h"
#include "project/runstore.h"
#include "training/runrecords.h"

#include <algorithm>

namespace zistudio::workflow
{

namespace fs = std::filesystem;

namespace
{

project::RunStore openStore(const project::ProjectLayout &layout, const std::string &run)
{
    // A deleted runs.sqlite is rebuilt from the run folders; with no runs at all no file is created.
    project::RunStore store = project::openRunStore(layout);
    if (!store.run(run))
        throw project::ProjectError("no run named \"" + run + "\" in " + layout.folder.string());
    return store;
}

} // namespace

training::CheckpointStore openRunCheckpoints(
    const fs::path &projectFile, const std::string &run, training::CheckpointStore::Mode mode)
{
    const auto layout = project::ProjectLayout::of(projectFile);
    training::TrainingConfig settings;
    try {
        settings = project::loadRunConfig(layout, run).training;
    } catch (const project::ProjectError &) {
        settings = project::loadProject(projectFile).training; // a run from before run.json existed
    }
    return training::CheckpointStore(layout.checkpointsDir(run), training::checkpointPolicyFor(settings), mode);
}

void setCheckpointPinned(const fs::path &projectFile, const std::string &run, long long step, bool pinned)
{
    const auto layout = project::ProjectLayout::of(projectFile);
    auto store = openStore(layout, run);
    const auto reader = openRunCheckpoints(projectFile, run);
    reader.load(step); // a clear error when there is no such complete checkpoint
    training::CheckpointStore writable(reader.dir(), reader.policy());
    writable.setPinned(step, pinned);
    training::syncCheckpointRecords(store, run, writable);
}

void deleteCheckpoint(const fs::path &projectFile, const std::string &run, long long step)
{
    const auto layout = project::ProjectLayout::of(projectFile);
    auto store = openStore(layout, run);
    auto checkpoints = openRunCheckpoints(projectFile, run, training::CheckpointStore::Mode::ReadWrite);
    const fs::path folder = checkpoints.dir() / training::CheckpointStore::folderName(step);
    const fs::path aside = checkpoints.dir() / (training::CheckpointStore::folderName(step) + ".deleting");
    const auto pins = checkpoints.pinnedSteps();
    if (std::find(pins.begin(), pins.end(), step) != pins.end())
        checkpoints.setPinned(step, false);
    fs::rename(folder, aside);
    fs::remove_all(aside);
    training::syncCheckpointRecords(store, run, checkpoints);
}

} // namespace zistudio::workflow
