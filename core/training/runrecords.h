// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Torch-free: how a run's checkpoint folder becomes run-store records. The trainer, the CLI and the
// studio all go through these, so "best" is decided in one place (the run's checkpoint policy).

#include "project/runstore.h"
#include "project/trainingconfig.h"
#include "training/checkpointstore.h"

#include <string>
#include <vector>

namespace zistudio::training
{

/** The checkpoint policy a run's settings ask for: keep the last keepLast, best by bestMetric. */
CheckpointPolicy checkpointPolicyFor(const TrainingConfig &config);

/** The checkpoints of `checkpoints` as run-store records; `isBest` is what its policy chooses. */
std::vector<project::CheckpointRecord> checkpointRecords(const CheckpointStore &checkpoints);

/** Mirrors a run's checkpoint folder into the run store (after a commit, a pin, a deletion). */
void syncCheckpointRecords(project::RunStore &store, const std::string &run, const CheckpointStore &checkpoints);

} // namespace zistudio::training
