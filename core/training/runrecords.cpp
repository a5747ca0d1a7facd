// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/runrecords.h"

namespace zistudio::training
{

CheckpointPolicy checkpointPolicyFor(const TrainingConfig &config)
{
    return {
        .keepLast = config.keepLast, .bestMetric = config.bestMetric, .lowerIsBetter = config.bestMetric != "val_ssim"};
}

std::vector<project::CheckpointRecord> checkpointRecords(const CheckpointStore &checkpoints)
{
    std::vector<project::CheckpointRecord> records;
    for (const CheckpointInfo &c : checkpoints.list()) // list() marks the policy's best
        records.push_back({.step = c.step,
            .path = c.dir.string(),
            .kind = c.kind,
            .isBest = c.best,
            .pinned = c.pinned,
            .metrics = c.metrics});
    return records;
}

void syncCheckpointRecords(project::RunStore &store, const std::string &run, const CheckpointStore &checkpoints)
{
    store.syncCheckpoints(run, checkpointRecords(checkpoints));
}

} // namespace zistudio::training
