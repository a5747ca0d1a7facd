// SPDX-License-Identifier: GPL-3.0-or-later
// The Trainer façade end to end: runs, progress, checkpoints, cancel + exact resume, recovery paths.
#include "common/atomicfile.h"
#include "common/imageio.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "runshell.h"
#include "tempdir.h"
#include "tinyproject.h"
#include "training/checkpointstore.h"
#include "training/runlock.h"
#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <linux/fs.h>
#include <random>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace zistudio;
using namespace zistudio::training;
namespace fs = std::filesystem;

namespace
{

struct Recorded
{
    std::vector<ProgressRecord> records;
    bool has(const std::string &event) const
    {
        return std::any_of(records.begin(), records.end(), [&](const auto &r) { return r.event == event; });
    }
    const ProgressRecord &last(const std::string &event) const
    {
        for (auto it = records.rbegin(); it != records.rend(); ++it)
            if (it->event == event)
                return *it;
        throw std::runtime_error("no " + event + " record");
    }
};

fs::path writeProject(const test::TempDir &dir, const project::Project &p = test::tinyProject())
{
    const fs::path file = dir / "tiny.zistudio";
    project::saveProject(p, file);
    return file;
}

RunResult train(const fs::path &project, const std::string &run, Recorded &rec, bool resume = false,
    long long steps = 0, TrainerHooks hooks = {}, std::function<bool(const ProgressRecord &)> stopWhen = {})
{
    Trainer trainer(workflow::preparation({.projectFile = project, .runName = run, .steps = steps, .resume = resume}),
        {.progressIntervalMs = 0});
    trainer.setTestHooks(std::move(hooks));
    std::atomic<bool> cancel {false};
    return trainer.run(
        [&](const ProgressRecord &r) {
            rec.records.push_back(r);
            if (stopWhen && stopWhen(r))
                cancel = true;
        },
        cancel);
}

/** SHA-256 of each tensor part of a run's newest checkpoint, from its manifest. */
std::map<std::string, std::string> tensorHashes(const fs::path &project, const std::string &run)
{
    CheckpointStore store(project::ProjectLayout::of(project).checkpointsDir(run), {}, CheckpointStore::Mode::ReadOnly);
    std::map<std::string, std::string> out;
    const auto latest = store.loadLatest();
    for (const auto &p : latest->info.parts)
        if (p.name.ends_with(".zt"))
            out[p.name] = p.sha256;
    return out;
}

nlohmann::json latestState(const fs::path &project, const std::string &run)
{
    CheckpointStore store(project::ProjectLayout::of(project).checkpointsDir(run), {}, CheckpointStore::Mode::ReadOnly);
    const auto latest = store.loadLatest();
    return nlohmann::json::parse(store.readPart(latest->info, "state.json"));
}

} // namespace

TEST(Trainer, RunsRecordsAndCheckpoints)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded rec;
    const auto result = train(file, "first", rec);
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    EXPECT_EQ(result.step, 8);
    for (const char *event : {"started", "dataset", "validated", "checkpoint", "finished"})
        EXPECT_TRUE(rec.has(event)) << event;
    const auto &v = rec.last("validated");
    EXPECT_TRUE(v.validated);
    EXPECT_GT(v.baselineL1, 0.0);
    EXPECT_TRUE(fs::exists(v.samplePng));
    EXPECT_FALSE(readGrayPng(v.samplePng).isNull());
    const auto &step = rec.last("step");
    EXPECT_GT(step.losses.at("l1"), 0.0);
    EXPECT_GT(step.learningRate, 0.0);
    EXPECT_GT(step.residentBytes, 0.0);

    const auto layout = project::ProjectLayout::of(file);
    project::RunStore store(layout.runStore);
    const auto run = store.run("first");
    ASSERT_TRUE(run);
    EXPECT_EQ(run->status, "completed");
    EXPECT_EQ(run->lastStep, 8);
    EXPECT_EQ(store.metrics("first", "loss_g").size(), 8u);
    EXPECT_EQ(store.metrics("first", "val_l1").size(), 3u); // steps 0, 4, 8
    const auto stepSeconds = store.metrics("first", kStepSecondsMetric);
    ASSERT_EQ(stepSeconds.size(), 8u);
    EXPECT_GT(stepSeconds.front().value, 0.0);
    const auto rss = store.metrics("first", kRssMetric);
    ASSERT_FALSE(rss.empty());
    EXPECT_GT(rss.front().value, 1e6); // a LibTorch process holds more than a megabyte
    const auto checkpoints = store.checkpoints("first");
    ASSERT_EQ(checkpoints.size(), 2u);
    EXPECT_EQ(checkpoints[1].kind, "final");
    EXPECT_TRUE(checkpoints[0].metrics.count("val_l1"));
    EXPECT_EQ(store.samples("first").size(), 3u);
    EXPECT_TRUE(fs::exists(layout.runDir("first") / "run.json"));

    // A second run with the same name is refused; resuming a completed run does nothing more.
    Recorded again;
    EXPECT_EQ(train(file, "first", again).outcome, RunOutcome::Failed);
    EXPECT_NE(again.last("failed").message.find("already exists"), std::string::npos);
}

TEST(Trainer, CancelThenResumeEqualsAStraightRun)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded straight;
    ASSERT_EQ(train(file, "straight", straight).outcome, RunOutcome::Completed);

    Recorded first;
    const auto stopped = train(
        file, "split", first, false, 0, {}, [](const ProgressRecord &r) { return r.event == "step" && r.step == 3; });
    ASSERT_EQ(stopped.outcome, RunOutcome::Cancelled) << stopped.message;
    EXPECT_EQ(stopped.step, 3);
    EXPECT_EQ(latestState(file, "split")["step"], 3);
    project::RunStore store(project::ProjectLayout::of(file).runStore);
    EXPECT_EQ(store.run("split")->status, "interrupted");
    EXPECT_EQ(store.checkpoints("split").back().kind, "interrupted");

    Recorded second;
    const auto resumed = train(file, "split", second, true);
    ASSERT_EQ(resumed.outcome, RunOutcome::Completed) << resumed.message;
    EXPECT_NE(second.last("started").message.find("resumed from"), std::string::npos);
    EXPECT_EQ(tensorHashes(file, "split"), tensorHashes(file, "straight"));
}

TEST(Trainer, DamagedNewestCheckpointFallsBackOnResume)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded rec;
    ASSERT_EQ(train(file, "r", rec).outcome, RunOutcome::Completed);
    const auto ck = project::ProjectLayout::of(file).checkpointsDir("r");
    fs::resize_file(ck / "step-000008" / "generator.zt", 100);
    Recorded resumed;
    ASSERT_EQ(train(file, "r", resumed, true, 10).outcome, RunOutcome::Completed);
    const auto &started = resumed.last("started");
    EXPECT_NE(started.message.find("step-000004"), std::string::npos) << started.message;
    EXPECT_NE(started.message.find("skipped damaged step-000008"), std::string::npos) << started.message;
    EXPECT_EQ(resumed.last("finished").step, 10);
}

TEST(Trainer, RepeatedNonFiniteLossRollsBackWithLowerLearningRate)
{
    test::TempDir dir;
    auto p = test::tinyProject();
    p.training.steps = 10;
    const auto file = writeProject(dir, p);
    std::map<long long, int> seen;
    TrainerHooks hooks;
    hooks.injectNonFiniteLoss = [&](long long step) { return step >= 5 && step <= 7 && seen[step]++ == 0; };
    Recorded rec;
    const auto result = train(file, "nan", rec, false, 0, hooks);
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    EXPECT_TRUE(rec.has("skipped"));
    ASSERT_TRUE(rec.has("rollback"));
    EXPECT_NE(rec.last("rollback").message.find("rolled back to step 4"), std::string::npos)
        << rec.last("rollback").message;
    EXPECT_EQ(rec.last("finished").skippedSteps, 3);
    EXPECT_DOUBLE_EQ(rec.last("finished").learningRate, p.training.learningRate * 0.5);
    const auto state = latestState(file, "nan");
    EXPECT_EQ(state["step"], 10);
    EXPECT_DOUBLE_EQ(state["learningRateScale"].get<double>(), 0.5);
    EXPECT_EQ(state["extra"]["rollbacks"], 1);
}

TEST(Trainer, PersistentNonFiniteLossGivesUp)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    TrainerHooks hooks;
    hooks.injectNonFiniteLoss = [](long long step) { return step >= 2; };
    Recorded rec;
    const auto result = train(file, "diverged", rec, false, 0, hooks);
    EXPECT_EQ(result.outcome, RunOutcome::Failed);
    EXPECT_NE(result.message.find("diverged"), std::string::npos) << result.message;
    project::RunStore store(project::ProjectLayout::of(file).runStore);
    EXPECT_EQ(store.run("diverged")->status, "failed");
}

TEST(Trainer, OutOfMemoryHalvesTheBatchOnceThenStops)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    int calls = 0;
    TrainerHooks hooks;
    hooks.simulateOutOfMemory = [&](long long step) { return step == 2 && calls++ == 0; };
    Recorded rec;
    ASSERT_EQ(train(file, "oom", rec, false, 0, hooks).outcome, RunOutcome::Completed);
    EXPECT_TRUE(rec.has("oom"));
    EXPECT_EQ(latestState(file, "oom")["batchSize"], 2);

    TrainerHooks always;
    always.simulateOutOfMemory = [](long long step) { return step >= 5; };
    Recorded rec2;
    const auto result = train(file, "oom2", rec2, false, 0, always);
    EXPECT_EQ(result.outcome, RunOutcome::Failed);
    EXPECT_NE(result.message.find("out of memory"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find("saved the run at step 5"), std::string::npos) << result.message;
    EXPECT_EQ(latestState(file, "oom2")["step"], 5);
}

TEST(Trainer, DamagedNewestCheckpointIsSetAsideNotOverwritten)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded rec;
    ASSERT_EQ(train(file, "keep", rec).outcome, RunOutcome::Completed);
    const auto ck = project::ProjectLayout::of(file).checkpointsDir("keep");
    fs::resize_file(ck / "step-000008" / "generator.zt", 100);
    Recorded resumed;
    ASSERT_EQ(train(file, "keep", resumed, true, 12).outcome, RunOutcome::Completed);
    // The damaged step 8 is kept for inspection under another name; training saved a new step 8.
    EXPECT_EQ(fs::file_size(ck / "step-000008.damaged" / "generator.zt"), 100u);
    EXPECT_TRUE(resumed.has("warning"));
    EXPECT_NE(resumed.last("warning").message.find("step-000008"), std::string::npos);
    CheckpointStore store(ck);
    ASSERT_TRUE(store.loadLatest());
    EXPECT_EQ(store.loadLatest()->info.step, 12);
    EXPECT_TRUE(store.loadLatest()->skipped.empty());
}

/** Resumes with workflow::RunRequest::startOver. */
RunResult resumeStartingOver(const fs::path &project, const std::string &run, Recorded &rec, long long steps)
{
    Trainer trainer(workflow::preparation({.projectFile = project,
                        .runName = run,
                        .steps = steps,
                        .resume = true,
                        .attention = {},
                        .seed = {},
                        .startOver = true}),
        {.progressIntervalMs = 0});
    std::atomic<bool> cancel {false};
    return trainer.run([&](const ProgressRecord &r) { rec.records.push_back(r); }, cancel);
}

TEST(Trainer, ResumeWithEveryCheckpointDamagedIsRefusedUnlessStartingOver)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded rec;
    ASSERT_EQ(train(file, "all", rec).outcome, RunOutcome::Completed);
    const auto ck = project::ProjectLayout::of(file).checkpointsDir("all");
    fs::resize_file(ck / "step-000004" / "generator.zt", 10);
    writeFileAtomically(ck / "step-000008" / "manifest.json", std::string("{ damaged"));
    Recorded refused;
    const auto result = train(file, "all", refused, true, 8);
    EXPECT_EQ(result.outcome, RunOutcome::Failed);
    for (const char *expected : {"step-000004", "step-000008", "damaged", "--start-over", "truncated"})
        EXPECT_NE(result.message.find(expected), std::string::npos) << expected << " in: " << result.message;
    EXPECT_EQ(fs::file_size(ck / "step-000004" / "generator.zt"), 10u) << "nothing was touched";
    EXPECT_EQ(readFile(ck / "step-000008" / "manifest.json"), "{ damaged");

    Recorded again;
    const auto over = resumeStartingOver(file, "all", again, 8);
    ASSERT_EQ(over.outcome, RunOutcome::Completed) << over.message;
    EXPECT_NE(again.last("started").message.find("starting from step 0"), std::string::npos);
    EXPECT_EQ(fs::file_size(ck / "step-000004.damaged" / "generator.zt"), 10u);
    EXPECT_EQ(readFile(ck / "step-000008.damaged" / "manifest.json"), "{ damaged");
    ASSERT_TRUE(CheckpointStore(ck).loadLatest());
    EXPECT_EQ(CheckpointStore(ck).loadLatest()->info.step, 8);
}

TEST(Trainer, ResumeWhenTheCheckpointsAreGoneIsRefusedUnlessStartingOver)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded rec;
    ASSERT_EQ(train(file, "gone", rec, false, 4).outcome, RunOutcome::Completed);
    const auto ck = project::ProjectLayout::of(file).checkpointsDir("gone");
    fs::remove_all(ck);
    Recorded refused;
    const auto result = train(file, "gone", refused, true, 4);
    EXPECT_EQ(result.outcome, RunOutcome::Failed);
    EXPECT_NE(result.message.find("holds none now"), std::string::npos) << result.message;
    Recorded again;
    EXPECT_EQ(resumeStartingOver(file, "gone", again, 4).outcome, RunOutcome::Completed);
}

TEST(Trainer, UnwritableCheckpointFolderFailsAndKeepsThePrevious)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded rec;
    ASSERT_EQ(train(file, "ro", rec, false, 4).outcome, RunOutcome::Completed);
    const auto ck = project::ProjectLayout::of(file).checkpointsDir("ro");
    // Read-only even for root: the immutable attribute (ext4, xfs, btrfs, tmpfs >= 6.0), else permissions.
    const int fd = ::open(ck.c_str(), O_RDONLY | O_DIRECTORY);
    int flags = 0;
    bool immutable = fd >= 0 && ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (immutable) {
        flags |= FS_IMMUTABLE_FL;
        immutable = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    if (!immutable) {
        if (::geteuid() == 0) {
            ::close(fd);
            GTEST_SKIP() << "cannot make a folder read-only for root here";
        }
        fs::permissions(ck, fs::perms::owner_read | fs::perms::owner_exec);
    }
    Recorded resumed;
    const auto result = train(file, "ro", resumed, true, 8);
    if (immutable) {
        flags &= ~FS_IMMUTABLE_FL;
        ::ioctl(fd, FS_IOC_SETFLAGS, &flags);
    } else {
        fs::permissions(ck, fs::perms::owner_all);
    }
    ::close(fd);
    EXPECT_EQ(result.outcome, RunOutcome::Failed);
    EXPECT_NE(result.message.find(ck.string()), std::string::npos) << result.message;
    CheckpointStore store(ck);
    ASSERT_TRUE(store.loadLatest());
    EXPECT_EQ(store.loadLatest()->info.step, 4);
}

TEST(Trainer, FineTunesFromAnotherRunWithAttentionAdded)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded base;
    ASSERT_EQ(train(file, "base", base, false, 4).outcome, RunOutcome::Completed);
    auto p = test::tinyProject();
    p.model.attention = model::AttentionSpec::parse("enc:3");
    p.training.fineTuneFrom = "base";
    project::saveProject(p, file);
    Recorded tuned;
    const auto result = train(file, "tuned", tuned, false, 4);
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    EXPECT_NE(tuned.last("started").message.find("fine-tuning from"), std::string::npos);
    // At step 0 the attention gate is 0: the tuned model draws exactly what the base model drew.
    EXPECT_DOUBLE_EQ(tuned.records[0].valL1, 0.0); // no validation yet in the "started" record
    const auto firstValidation = std::find_if(
        tuned.records.begin(), tuned.records.end(), [](const auto &r) { return r.event == "validated"; });
    ASSERT_NE(firstValidation, tuned.records.end());
    EXPECT_DOUBLE_EQ(firstValidation->valL1, base.last("validated").valL1);
    project::RunStore store(project::ProjectLayout::of(file).runStore);
    EXPECT_EQ(store.run("tuned")->parent, "base");
}

TEST(Trainer, ServesProbesBetweenSteps)
{
    test::TempDir dir;
    auto p = test::tinyProject();
    p.model.attention = model::AttentionSpec::parse("enc:2,dec:3");
    const auto file = writeProject(dir, p);
    Trainer trainer(
        workflow::preparation({.projectFile = file, .runName = "probe", .steps = 2}), {.progressIntervalMs = 0});
    std::vector<ProbeResult> results;
    trainer.requestProbe(ProbeRequest {.character = U"永", .styleId = 0, .points = {{0.5f, 0.5f}}, .strokeMean = true},
        [&](ProbeResult r) { results.push_back(std::move(r)); });
    std::atomic<bool> cancel {false};
    ASSERT_EQ(trainer.run([](const ProgressRecord &) {}, cancel).outcome, RunOutcome::Completed);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].error.empty()) << results[0].error;
    EXPECT_EQ(results[0].layers.size(), 2u);
    EXPECT_EQ(results[0].source.width, 32);
    EXPECT_EQ(results[0].generated.width, 32);
    EXPECT_EQ(results[0].target.width, 32);
}

TEST(Trainer, PausedWaitsServesProbesAndCancels)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Trainer trainer(workflow::preparation({.projectFile = file, .runName = "paused"}), {.progressIntervalMs = 0});
    trainer.setPaused(true);
    std::atomic<bool> cancel {false};
    std::atomic<long long> stepsSeen {0};
    std::atomic<bool> started {false};
    RunResult result;
    std::thread worker([&] {
        result = trainer.run(
            [&](const ProgressRecord &r) {
                if (r.event == "started")
                    started = true;
                if (r.event == "step")
                    ++stepsSeen;
            },
            cancel);
    });
    while (!started)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::atomic<bool> probed {false};
    trainer.requestProbe(ProbeRequest {.character = U"永", .styleId = 0, .points = {}, .strokeMean = false},
        [&](ProbeResult r) { probed = r.error.empty() && !r.generated.isNull(); });
    for (int i = 0; i < 200 && !probed; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_TRUE(probed.load()); // served while paused
    EXPECT_EQ(stepsSeen.load(), 0);
    cancel = true;
    worker.join();
    EXPECT_EQ(result.outcome, RunOutcome::Cancelled) << result.message;
    EXPECT_EQ(result.step, 0);
    EXPECT_EQ(latestState(file, "paused")["step"], 0);
}

TEST(Trainer, ClearErrorsBeforeTraining)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded rec;
    EXPECT_NE(train(file, "", rec, true).message.find("name the run"), std::string::npos);
    EXPECT_NE(train(file, "nope", rec, true).message.find("no run named \"nope\""), std::string::npos);
    EXPECT_NE(train(file, "../x", rec).message.find("invalid run name"), std::string::npos);
    EXPECT_NE(train(dir / "missing.zistudio", "a", rec).message.find("missing.zistudio"), std::string::npos);
}

TEST(RunLock, SecondHolderIsRefused)
{
    test::TempDir dir;
    RunLock first(dir / "run.lock");
    try {
        RunLock second(dir / "run.lock");
        FAIL() << "two holders";
    } catch (const TrainingError &e) {
        EXPECT_NE(std::string(e.what()).find("another process"), std::string::npos);
    }
}

TEST(Trainer, SigkillDuringTrainingAlwaysLeavesALoadableCheckpoint)
{
    test::TempDir dir;
    auto p = test::tinyProject();
    p.training.steps = 100000;
    p.training.checkpointEvery = 1; // a checkpoint write is in progress most of the time
    p.training.validateEvery = 100000;
    p.training.keepLast = 2;
    const auto file = writeProject(dir, p);
    const auto ck = project::ProjectLayout::of(file).checkpointsDir("k");
    std::mt19937 rng(99);
    long long seen = -1;
    for (int iteration = 0; iteration < 3; ++iteration) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            // Only exec after fork: the parent's LibTorch thread pools must not run in the child.
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
            const char *resume = iteration > 0 ? "--resume" : nullptr;
            ::execl(ZISTUDIO_CLI, ZISTUDIO_CLI, "--threads", "1", "train", "--project", file.c_str(), "--run", "k",
                resume, static_cast<char *>(nullptr));
            ::_exit(127);
        }
        // Wait for a checkpoint newer than the last one we saw, then kill at a random moment.
        for (int i = 0; i < 600; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (!fs::exists(ck))
                continue;
            CheckpointStore reader(ck, {}, CheckpointStore::Mode::ReadOnly);
            const auto latest = reader.loadLatest();
            if (latest && latest->info.step > seen)
                break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 400)(rng)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the trainer exited on its own with " << WEXITSTATUS(status);

        CheckpointStore store(ck, {.keepLast = 2});
        const auto latest = store.loadLatest();
        ASSERT_TRUE(latest) << "iteration " << iteration;
        EXPECT_GT(latest->info.step, seen);
        EXPECT_EQ(nlohmann::json::parse(store.readPart(latest->info, "state.json"))["step"], latest->info.step);
        seen = latest->info.step;
    }
    // And the run goes on from there.
    Recorded rec;
    const auto result = train(file, "k", rec, true, seen + 2);
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    EXPECT_EQ(result.step, seen + 2);
}

TEST(Trainer, NewRunTakesAttentionAndSeedOverrides)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Trainer trainer(
        workflow::preparation({.projectFile = file, .runName = "swept", .steps = 2, .attention = "enc:1", .seed = 9}));
    std::atomic<bool> cancel {false};
    const auto result = trainer.run({}, cancel);
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    project::RunStore store(project::ProjectLayout::of(file).runStore);
    const auto run = store.run("swept");
    ASSERT_TRUE(run);
    EXPECT_EQ(run->attention, "enc:1");
    EXPECT_EQ(run->seed, 9u);                                                 // the tiny project says 7
    EXPECT_EQ(project::loadProject(file).model.attention.toString(), "none"); // the project is untouched

    Trainer bad(workflow::preparation({.projectFile = file, .runName = "bad", .attention = "enc:99"}));
    const auto refused = bad.run({}, cancel);
    EXPECT_EQ(refused.outcome, RunOutcome::Failed);
    EXPECT_NE(refused.message.find("enc:99"), std::string::npos) << refused.message;
}

TEST(Trainer, StepRecordsArriveWhenCheckpointsAreFrequent)
{
    // Forced records (a checkpoint and a validation every step) must not starve the throttled step
    // records: with a long interval, the first step still gets its record.
    test::TempDir dir;
    auto p = test::tinyProject();
    p.training.checkpointEvery = 1;
    p.training.validateEvery = 1;
    const auto file = writeProject(dir, p);
    Trainer trainer(
        workflow::preparation({.projectFile = file, .runName = "busy", .steps = 4}), {.progressIntervalMs = 600000});
    std::atomic<bool> cancel {false};
    int steps = 0;
    int forced = 0;
    const auto result = trainer.run(
        [&](const ProgressRecord &r) {
            steps += r.event == "step";
            forced += r.event == "checkpoint";
        },
        cancel);
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    EXPECT_GE(forced, 4);
    EXPECT_EQ(steps, 1);
}

TEST(Trainer, AFinishedRunContinuesWithMoreSteps)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded first;
    ASSERT_EQ(train(file, "r", first, false, 4).outcome, RunOutcome::Completed);
    Recorded more;
    const auto result = train(file, "r", more, true, 8); // what the studio's Continue… asks for
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    EXPECT_EQ(result.step, 8);
    EXPECT_NE(more.last("started").message.find("resumed from"), std::string::npos);
    EXPECT_EQ(more.last("started").totalSteps, 8);
    const auto layout = project::ProjectLayout::of(file);
    EXPECT_EQ(project::loadRunConfig(layout, "r").training.steps, 8); // the run remembers its new total
    EXPECT_EQ(project::RunStore(layout.runStore).run("r")->lastStep, 8);
}

TEST(Trainer, AResumeThatHasNothingLeftNamesTheRunsLastCheckpoint)
{
    // Resuming a finished run without more steps trains nothing; the result still names the checkpoint
    // the run ends on (it said "last checkpoint " with nothing after it).
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded first;
    const auto trained = train(file, "r", first, false, 4);
    ASSERT_EQ(trained.outcome, RunOutcome::Completed) << trained.message;
    ASSERT_FALSE(trained.lastCheckpoint.empty());
    Recorded again;
    const auto resumed = train(file, "r", again, true);
    ASSERT_EQ(resumed.outcome, RunOutcome::Completed) << resumed.message;
    EXPECT_EQ(resumed.step, 4);
    EXPECT_EQ(resumed.lastCheckpoint, trained.lastCheckpoint);
}

TEST(Trainer, FineTuneOverridesOfANewRun)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded base;
    ASSERT_EQ(train(file, "base", base, false, 4).outcome, RunOutcome::Completed);
    Trainer tuned(workflow::preparation({.projectFile = file,
        .runName = "tuned",
        .steps = 2,
        .fineTuneFrom = "base",
        .freezeEncoder = true,
        .fineTuneStyles = std::vector<int> {0}}));
    Recorded rec;
    std::atomic<bool> cancel {false};
    const auto result = tuned.run([&](const ProgressRecord &r) { rec.records.push_back(r); }, cancel);
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    EXPECT_NE(rec.last("started").message.find("fine-tuning from"), std::string::npos);
    const auto layout = project::ProjectLayout::of(file);
    const auto settings = project::loadRunConfig(layout, "tuned").training;
    EXPECT_EQ(settings.fineTuneFrom, "base");
    EXPECT_TRUE(settings.freezeEncoder);
    EXPECT_EQ(settings.fineTuneStyles, std::vector<int> {0});
    EXPECT_EQ(project::RunStore(layout.runStore).run("tuned")->parent, "base");
    EXPECT_TRUE(project::loadProject(file).training.fineTuneFrom.empty()); // the project is untouched

    // A chosen checkpoint instead of the best: that step is loaded and recorded; a step the run lacks is
    // refused before a run exists.
    const auto steps = CheckpointStore(layout.checkpointsDir("base"), {}, CheckpointStore::Mode::ReadOnly).list();
    ASSERT_FALSE(steps.empty());
    Trainer chosen(workflow::preparation({.projectFile = file,
        .runName = "chosen",
        .steps = 1,
        .fineTuneFrom = "base",
        .fineTuneStep = steps.front().step}));
    Recorded chosenRec;
    ASSERT_EQ(chosen.run([&](const ProgressRecord &r) { chosenRec.records.push_back(r); }, cancel).outcome,
        RunOutcome::Completed);
    EXPECT_NE(
        chosenRec.last("started").message.find(CheckpointStore::folderName(steps.front().step)), std::string::npos)
        << chosenRec.last("started").message;
    EXPECT_EQ(project::loadRunConfig(layout, "chosen").training.fineTuneStep, steps.front().step);
    Trainer absent(workflow::preparation(
        {.projectFile = file, .runName = "absent", .steps = 1, .fineTuneFrom = "base", .fineTuneStep = 999}));
    const auto refusedStep = absent.run({}, cancel);
    EXPECT_EQ(refusedStep.outcome, RunOutcome::Failed);
    EXPECT_NE(refusedStep.message.find("cannot fine-tune from step 999 of run \"base\""), std::string::npos)
        << refusedStep.message;
    EXPECT_FALSE(project::RunStore(layout.runStore).run("absent"));

    Trainer missing(workflow::preparation({.projectFile = file, .runName = "orphan", .fineTuneFrom = "nope"}));
    const auto refused = missing.run({}, cancel);
    EXPECT_EQ(refused.outcome, RunOutcome::Failed);
    EXPECT_NE(refused.message.find("cannot fine-tune from run \"nope\""), std::string::npos) << refused.message;
    EXPECT_FALSE(project::RunStore(layout.runStore).run("orphan"));
}

TEST(Trainer, APauseIsNoTrainingTimeForTheRateAndTheEta)
{
    // The ETA jumped after Pause: the rate window spanned the pause. After a pause the rate starts
    // afresh: the first step after it has no rate yet, and the next ones know nothing of the pause.
    test::TempDir dir;
    const auto file = writeProject(dir);
    constexpr double kPauseSeconds = 2.0;
    Trainer trainer(
        workflow::preparation({.projectFile = file, .runName = "p", .steps = 10}), {.progressIntervalMs = 0});
    std::vector<ProgressRecord> steps;
    std::thread unpause;
    std::atomic<bool> cancel {false};
    const auto result = trainer.run(
        [&](const ProgressRecord &r) {
            if (r.event != "step")
                return;
            steps.push_back(r);
            if (r.step == 4 && !unpause.joinable()) {
                trainer.setPaused(true);
                unpause = std::thread([&] {
                    std::this_thread::sleep_for(std::chrono::duration<double>(kPauseSeconds));
                    trainer.setPaused(false);
                });
            }
        },
        cancel);
    unpause.join();
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    const auto at = [&](long long step) {
        const auto it = std::find_if(steps.begin(), steps.end(), [&](const auto &r) { return r.step == step; });
        if (it == steps.end())
            throw std::runtime_error("no step record " + std::to_string(step));
        return *it;
    };
    EXPECT_GT(at(4).imagesPerSecond, 0); // before the pause the rate was known
    EXPECT_EQ(at(5).imagesPerSecond, 0); // one step since the pause: no rate yet, never one spanning it
    EXPECT_EQ(at(5).etaSeconds, 0);
    for (long long step = 6; step < 10; ++step) {
        const auto r = at(step);
        ASSERT_GT(r.imagesPerSecond, 0) << step;
        const double secondsPerStep = r.etaSeconds / static_cast<double>(r.totalSteps - r.step);
        EXPECT_LT(secondsPerStep, kPauseSeconds / 2) << "step " << step << ": the ETA counts the pause";
    }
}

TEST(Trainer, NewRunsRaceTheStudiosRecoveryOfTheirFolders)
{
    // The studio refreshes its run list while a run starts: opening the store recovers rows for run
    // folders that have a run.json. It must never take the row of the run being created ("UNIQUE
    // constraint failed: runs.name").
    test::TempDir dir;
    const auto file = writeProject(dir);
    const auto layout = project::ProjectLayout::of(file);
    std::atomic<bool> done {false};
    std::thread studio([&] {
        while (!done) {
            try {
                (void)project::openRunStore(layout);
            } catch (const std::exception &) {
                // a store being created: the next look sees it
            }
        }
    });
    std::atomic<bool> cancel {false};
    std::vector<std::string> failures;
    for (int i = 0; i < 8; ++i) {
        Trainer trainer(workflow::preparation({.projectFile = file, .runName = "r" + std::to_string(i), .steps = 1}));
        const auto result = trainer.run({}, cancel);
        if (result.outcome != RunOutcome::Completed)
            failures.push_back(result.message);
    }
    done = true;
    studio.join();
    EXPECT_TRUE(failures.empty()) << failures.front();
    const auto runs = project::RunStore(layout.runStore).listRuns();
    ASSERT_EQ(runs.size(), 8u);
    for (const auto &run : runs)
        EXPECT_EQ(run.status, "completed") << run.name;
}

TEST(CliTrain, FineTunesFromAChosenCheckpoint)
{
    test::TempDir dir;
    const auto file = writeProject(dir);
    Recorded base;
    ASSERT_EQ(train(file, "base", base, false, 4).outcome, RunOutcome::Completed);
    const auto layout = project::ProjectLayout::of(file);
    const auto steps = CheckpointStore(layout.checkpointsDir("base"), {}, CheckpointStore::Mode::ReadOnly).list();
    ASSERT_FALSE(steps.empty());
    const std::string step = std::to_string(steps.front().step);
    const std::string cli = std::string(ZISTUDIO_CLI) + " --threads 1 train --project '" + file.string() + "' ";
    const auto tuned = test::runShell(cli + "--run t --steps 1 --fine-tune-from base --fine-tune-checkpoint " + step
        + " --freeze-encoder --styles 0 2>&1");
    ASSERT_EQ(tuned.exitCode, 0) << tuned.output;
    EXPECT_NE(tuned.output.find(CheckpointStore::folderName(steps.front().step)), std::string::npos) << tuned.output;
    const auto settings = project::loadRunConfig(layout, "t").training;
    EXPECT_EQ(settings.fineTuneFrom, "base");
    EXPECT_EQ(settings.fineTuneStep, steps.front().step);
    EXPECT_TRUE(settings.freezeEncoder);
    EXPECT_EQ(settings.fineTuneStyles, std::vector<int> {0});

    const auto word = test::runShell(cli + "--run w --fine-tune-from base --fine-tune-checkpoint soon 2>&1");
    EXPECT_NE(word.exitCode, 0);
    EXPECT_NE(word.output.find("must be best or a step number"), std::string::npos) << word.output;
    const auto alone = test::runShell(cli + "--run a --fine-tune-checkpoint " + step + " 2>&1");
    EXPECT_NE(alone.exitCode, 0);
    EXPECT_NE(alone.output.find("--fine-tune-from"), std::string::npos) << alone.output;
    const auto gone = test::runShell(cli + "--run g --fine-tune-from base --fine-tune-checkpoint 999 2>&1");
    EXPECT_NE(gone.exitCode, 0);
    EXPECT_NE(gone.output.find("no complete checkpoint at that step"), std::string::npos) << gone.output;
    // Said once: the trainer's "failed" record is not printed beside the error.
    EXPECT_EQ(gone.output.find("no complete checkpoint at that step"),
        gone.output.rfind("no complete checkpoint at that step"))
        << gone.output;
    for (const char *run : {"w", "a", "g"})
        EXPECT_FALSE(project::RunStore(layout.runStore).run(run)) << run;
    // A resume with nothing left to train names the checkpoint the run ends on.
    const auto again = test::runShell(cli + "--run base --resume 2>&1");
    ASSERT_EQ(again.exitCode, 0) << again.output;
    EXPECT_NE(again.output.find(
                  "last checkpoint " + (layout.checkpointsDir("base") / CheckpointStore::folderName(4)).string()),
        std::string::npos)
        << again.output;
}

TEST(Trainer, ASourceThatIsNotAFontLeavesNoFailedRun)
{
    test::TempDir dir;
    {
        std::ofstream(dir / "notes.ttf") << "these are notes, not a font";
    }
    auto p = test::tinyProject();
    p.dataset.source = {(dir / "notes.ttf").string(), 0};
    const auto file = writeProject(dir, p);
    Recorded rec;
    const auto result = train(file, "r", rec);
    EXPECT_EQ(result.outcome, RunOutcome::Failed);
    EXPECT_NE(result.message.find("the source is not a usable font"), std::string::npos) << result.message;
    const auto layout = project::ProjectLayout::of(file);
    EXPECT_FALSE(fs::exists(layout.runDir("r")));
    EXPECT_TRUE(project::RunStore(layout.runStore).listRuns().empty());
}
