// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorof.h"
#include "project/project.h"
#include "project/runstore.h"
#include "runrow.h"
#include "tempdir.h"
#include "tinyproject.h"
#include "training/checkpointwriter.h"
#include "training/runrecords.h"
#include "workflow/runs.h"

#include <gtest/gtest.h>

using namespace zistudio;
using zistudio::test::errorOf;
namespace fs = std::filesystem;

namespace
{

/** A project with a run "r" ranked by `metric` and three checkpoints whose L1 and SSIM disagree on the best. */
fs::path projectWithRun(const test::TempDir &dir, const std::string &metric)
{
    auto p = test::tinyProject();
    const auto file = dir / "p.zistudio";
    project::saveProject(p, file);  // the project itself ranks by val_l1 ...
    p.training.bestMetric = metric; // ... the run was started with `metric`
    const auto layout = project::ProjectLayout::of(file);
    fs::create_directories(layout.runDir("r"));
    project::saveRunConfig(layout, "r", p);
    test::addCompletedRunRow(layout.runStore, "r", p);
    project::RunStore store(layout.runStore);
    training::CheckpointStore checkpoints(layout.checkpointsDir("r"), training::checkpointPolicyFor(p.training));
    const std::map<long long, std::pair<double, double>> scores
        = {{4, {0.10, 0.50}}, {8, {0.20, 0.90}}, {12, {0.30, 0.60}}};
    for (const auto &[step, score] : scores) {
        auto writer = checkpoints.begin(step);
        writer.addPart("state.json", "{}");
        writer.commit({{"val_l1", score.first}, {"val_ssim", score.second}});
    }
    training::syncCheckpointRecords(store, "r", checkpoints);
    return file;
}

long long bestIn(const fs::path &file)
{
    for (const auto &c : project::RunStore(project::ProjectLayout::of(file).runStore).checkpoints("r"))
        if (c.isBest)
            return c.step;
    return -1;
}

} // namespace

TEST(RunRecords, BestFollowsTheRunsOwnMetricEverywhere)
{
    test::TempDir ssimDir;
    const auto ssim = projectWithRun(ssimDir, "val_ssim");
    EXPECT_EQ(bestIn(ssim), 8);
    // Pinning from the studio or the CLI re-syncs the records: best must stay the run's choice
    // (the project file says val_l1, which would pick step 4).
    workflow::setCheckpointPinned(ssim, "r", 12, true);
    EXPECT_EQ(bestIn(ssim), 8);
    EXPECT_EQ(workflow::openRunCheckpoints(ssim, "r").bestStep(), 8);
    workflow::deleteCheckpoint(ssim, "r", 4);
    EXPECT_EQ(bestIn(ssim), 8);

    test::TempDir l1Dir;
    const auto l1 = projectWithRun(l1Dir, "val_l1");
    EXPECT_EQ(bestIn(l1), 4);
}

TEST(RunRecords, PinAndDeleteUpdateTheStore)
{
    test::TempDir dir;
    const auto file = projectWithRun(dir, "val_l1");
    workflow::setCheckpointPinned(file, "r", 8, true);
    const auto layout = project::ProjectLayout::of(file);
    auto records = project::RunStore(layout.runStore).checkpoints("r");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_TRUE(records[1].pinned);
    workflow::deleteCheckpoint(file, "r", 8);
    records = project::RunStore(layout.runStore).checkpoints("r");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_FALSE(fs::exists(layout.checkpointsDir("r") / "step-000008"));
    EXPECT_NE(errorOf<Error>([&] { workflow::setCheckpointPinned(file, "r", 8, true); }), "");
    EXPECT_NE(errorOf<Error>([&] { workflow::setCheckpointPinned(file, "nope", 4, true); }).find("no run named"),
        std::string::npos);
}
