// SPDX-License-Identifier: GPL-3.0-or-later
// A real tiny sweep (32 px, a few steps): every placement becomes a normal run with its own spec and
// seed; running it again skips them; a cancelled sweep resumes where it stopped; other terms are refused.
#include "experiments/experimentserror.h"
#include "experiments/sweep.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "tempdir.h"
#include "tinyproject.h"

#include <gtest/gtest.h>

using namespace zistudio;
using namespace zistudio::experiments;

namespace
{

SweepOptions tinySweep(const std::filesystem::path &projectFile)
{
    return SweepOptions {.projectFile = projectFile,
        .attention = {"none", "enc:2"},
        .steps = 4,
        .prefix = "t",
        .repeats = {{"none", std::nullopt}},
        .progressIntervalMs = 0};
}

std::filesystem::path writeTinyProject(const test::TempDir &dir)
{
    const auto file = dir / "tiny.zistudio";
    project::saveProject(test::tinyProject(), file);
    return file;
}

} // namespace

TEST(Sweep, TrainsEachPlacementAsARunThenSkipsThem)
{
    test::TempDir dir;
    const auto file = writeTinyProject(dir);
    const auto options = tinySweep(file);
    std::atomic<bool> cancel {false};
    std::vector<std::string> begun;
    const auto first = runSweep(
        options,
        [&](const SweepEvent &e) {
            if (e.kind == "begin")
                begun.push_back(e.entry.runName + ":" + toString(e.action));
        },
        cancel);
    EXPECT_FALSE(first.cancelled);
    EXPECT_EQ(first.failed, 0);
    for (const auto &entry : first.entries)
        EXPECT_EQ(entry.outcome, "completed") << entry.entry.runName << ": " << entry.message;
    EXPECT_EQ(begun, (std::vector<std::string> {"t-none:train", "t-enc2:train", "t-none-s8:train"}));

    project::RunStore store(project::ProjectLayout::of(file).runStore);
    const struct
    {
        const char *name;
        const char *attention;
        unsigned seed;
    } expected[] = {{"t-none", "none", 7}, {"t-enc2", "enc:2", 7}, {"t-none-s8", "none", 8}};
    for (const auto &e : expected) {
        const auto run = store.run(e.name);
        ASSERT_TRUE(run) << e.name;
        EXPECT_EQ(run->attention, e.attention);
        EXPECT_EQ(run->seed, e.seed);
        EXPECT_EQ(run->status, "completed");
        EXPECT_EQ(run->lastStep, 4);
        const auto config = project::projectFromJson(nlohmann::json::parse(run->configJson), {}, e.name);
        EXPECT_EQ(config.model.attention.toString(), e.attention);
        EXPECT_EQ(config.training.steps, 4);
        EXPECT_EQ(config.training.batchSize, test::tinyProject().training.batchSize);
        // The sweep's own measurements sit beside the trainer's metrics.
        const auto seconds = store.metrics(e.name, kStepSecondsMetric);
        ASSERT_FALSE(seconds.empty()) << e.name;
        for (const auto &p : seconds)
            EXPECT_GT(p.value, 0.0);
        ASSERT_FALSE(store.metrics(e.name, kRssMetric).empty());
        EXPECT_GT(store.metrics(e.name, kRssMetric).front().value, 1e6);
    }
    EXPECT_EQ(store.listRuns().size(), 3u);

    begun.clear();
    const auto second = runSweep(
        options,
        [&](const SweepEvent &e) {
            if (e.kind == "begin")
                begun.push_back(e.entry.runName + ":" + toString(e.action));
        },
        cancel);
    EXPECT_EQ(begun, (std::vector<std::string> {"t-none:skip", "t-enc2:skip", "t-none-s8:skip"}));
    for (const auto &entry : second.entries)
        EXPECT_EQ(entry.outcome, "skipped");
    EXPECT_EQ(store.listRuns().size(), 3u);
    EXPECT_EQ(store.checkpoints("t-none").back().step, 4);

    // The project changed since: the old runs were trained on other terms, so the sweep refuses.
    auto changed = test::tinyProject();
    changed.training.batchSize = 2;
    project::saveProject(changed, file);
    try {
        sweepActions(file, planSweep(options, changed));
        FAIL() << "a run trained on other terms was accepted";
    } catch (const ExperimentError &e) {
        EXPECT_NE(std::string(e.what()).find("training.batchSize: 4 vs 2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("t-none"), std::string::npos) << e.what();
    }
}

TEST(Sweep, ACancelledSweepResumesWhereItStopped)
{
    test::TempDir dir;
    const auto file = writeTinyProject(dir);
    auto options = tinySweep(file);
    options.repeats.clear();
    std::atomic<bool> cancel {false};
    const auto stopped = runSweep(
        options,
        [&](const SweepEvent &e) {
            if (e.kind == "progress" && e.record.event == "step" && e.record.step >= 2)
                cancel = true;
        },
        cancel);
    EXPECT_TRUE(stopped.cancelled);
    ASSERT_EQ(stopped.entries.size(), 2u);
    EXPECT_EQ(stopped.entries[0].outcome, "interrupted");
    EXPECT_LT(stopped.entries[0].step, 4);
    EXPECT_EQ(stopped.entries[1].outcome, "not started");
    project::RunStore store(project::ProjectLayout::of(file).runStore);
    EXPECT_EQ(store.run("t-none")->status, "interrupted");
    EXPECT_FALSE(store.run("t-enc2"));
    EXPECT_EQ(sweepActions(file, planSweep(options, test::tinyProject())),
        (std::vector<SweepAction> {SweepAction::Resume, SweepAction::Train}));

    cancel = false;
    std::vector<std::string> started;
    const auto resumed = runSweep(
        options,
        [&](const SweepEvent &e) {
            if (e.kind == "progress" && e.record.event == "started")
                started.push_back(e.record.message);
        },
        cancel);
    EXPECT_FALSE(resumed.cancelled);
    ASSERT_EQ(started.size(), 2u);
    EXPECT_NE(started[0].find("resumed from"), std::string::npos) << started[0];
    EXPECT_EQ(store.run("t-none")->status, "completed");
    EXPECT_EQ(store.run("t-none")->lastStep, 4);
    EXPECT_EQ(store.run("t-enc2")->status, "completed");
}
