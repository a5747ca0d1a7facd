// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Torch-free: what the CLI (zistudio-cli runs) and the studio's Training panel do to a run's records.

#include "project/project.h"
#include "training/checkpointstore.h"

#include <filesystem>
#include <string>

namespace zistudio::workflow
{

/**
 * A run's checkpoint folder, opened with the run's own policy (its run.json: keep-last and the best
 * metric), falling back to the project's settings for a run without one. ReadOnly never changes the folder.
 */
training::CheckpointStore openRunCheckpoints(const std::filesystem::path &projectFile, const std::string &run,
    training::CheckpointStore::Mode mode = training::CheckpointStore::Mode::ReadOnly);

/**
 * Pins or unpins a checkpoint (pruning keeps pinned ones) and mirrors the change in the run store.
 * Safe while the run trains: opening for writing never deletes (only the trainer's recover() does),
 * and the trainer reads pins.json before each pruning. Throws Error when the run or the complete
 * checkpoint does not exist.
 */
void setCheckpointPinned(const std::filesystem::path &projectFile, const std::string &run, long long step, bool pinned);

/**
 * Deletes one checkpoint of a run (renamed aside first, so a half-deleted folder is never mistaken
 * for a checkpoint; unpinned first) and updates the run store.
 */
void deleteCheckpoint(const std::filesystem::path &projectFile, const std::string &run, long long step);

} // namespace zistudio::workflow
