// SPDX-License-Identifier: GPL-3.0-or-later
// The workflow prepares a run (names it, applies the overrides, writes its books); the trainer only
// trains what it is given.
#include "errorof.h"
#include "project/project.h"
#include "project/runstore.h"
#include "tempdir.h"
#include "tinyproject.h"
#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace zistudio;
using zistudio::test::errorOf;
namespace fs = std::filesystem;

namespace
{

fs::path writeTiny(const test::TempDir &dir, const project::Project &p = test::tinyProject())
{
    const auto file = dir / "p.zistudio";
    project::saveProject(p, file);
    return file;
}

/** Every file under `folder`, relative, sorted: what a refused preparation must leave as it was. */
std::vector<std::string> filesUnder(const fs::path &folder)
{
    std::vector<std::string> files;
    for (const auto &entry : fs::recursive_directory_iterator(folder))
        files.push_back(fs::relative(entry.path(), folder).string());
    std::sort(files.begin(), files.end());
    return files;
}

training::RunResult runPrepared(training::RunPreparation prepare)
{
    training::Trainer trainer(std::move(prepare), {.progressIntervalMs = 0});
    std::atomic<bool> cancel {false};
    return trainer.run({}, cancel);
}

} // namespace

TEST(PrepareRun, ANewRunGetsItsFolderRowAndSettingsWithTheOverrides)
{
    test::TempDir dir;
    const auto file = writeTiny(dir);
    const auto run
        = workflow::prepareRun({.projectFile = file, .runName = "a", .steps = 3, .attention = "dec:2", .seed = 11});
    EXPECT_EQ(run.runName, "a");
    EXPECT_FALSE(run.follower);
    EXPECT_EQ(run.config.training.steps, 3);
    EXPECT_EQ(run.config.model.attention.toString(), "dec:2");
    EXPECT_EQ(run.config.training.seed, 11u);
    const auto layout = project::ProjectLayout::of(file);
    // The books: run.json holds exactly the prepared settings, the store row names placement and seed.
    EXPECT_EQ(project::projectToJson(project::loadRunConfig(layout, "a")), project::projectToJson(run.config));
    const auto row = project::RunStore(layout.runStore).run("a");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->status, "created");
    EXPECT_EQ(row->attention, "dec:2");
    EXPECT_EQ(row->seed, 11u);
    EXPECT_NE(row->versions.find("libtorch"), std::string::npos);
    // The project file is untouched, and a second run of the same name is refused.
    EXPECT_EQ(project::loadProject(file).model.attention.toString(), "none");
    EXPECT_NE(
        errorOf<Error>([&] { workflow::prepareRun({.projectFile = file, .runName = "a"}); }).find("already exists"),
        std::string::npos);
}

TEST(PrepareRun, AnUnnamedRunIsNamedFromTheDateAndNeverTwiceTheSame)
{
    test::TempDir dir;
    const auto file = writeTiny(dir);
    const auto first = workflow::prepareRun({.projectFile = file});
    const auto second = workflow::prepareRun({.projectFile = file});
    EXPECT_EQ(first.runName.rfind("run-", 0), 0u) << first.runName;
    EXPECT_NE(first.runName, second.runName);
    EXPECT_TRUE(project::RunStore(project::ProjectLayout::of(file).runStore).run(second.runName));
}

TEST(PrepareRun, ARefusedPreparationLeavesTheProjectFolderAsItWas)
{
    test::TempDir dir;
    auto p = test::tinyProject();
    const auto file = writeTiny(dir, p);
    ASSERT_NO_THROW(workflow::prepareRun({.projectFile = file, .runName = "kept"}));
    const auto before = filesUnder(dir.path());
    // A placement the model cannot have, a source that is not a font, an unknown fine-tuning source,
    // a resume of a run that does not exist: each named, nothing created.
    EXPECT_NE(errorOf<Error>([&] {
        workflow::prepareRun({.projectFile = file, .runName = "b", .attention = "enc:99"});
    }).find("enc:99"),
        std::string::npos);
    EXPECT_NE(errorOf<Error>([&] {
        workflow::prepareRun({.projectFile = file, .runName = "c", .fineTuneFrom = "nope"});
    }).find("cannot fine-tune from run \"nope\""),
        std::string::npos);
    EXPECT_NE(errorOf<Error>([&] { workflow::prepareRun({.projectFile = file, .resume = true}); }).find("name the run"),
        std::string::npos);
    const auto notAFont = dir / "not-a-font.ttf";
    std::ofstream(notAFont) << "this is not a font";
    p.dataset.source.path = notAFont.string();
    project::saveProject(p, file);
    const auto refusedFont = errorOf<Error>([&] { workflow::prepareRun({.projectFile = file, .runName = "d"}); });
    EXPECT_NE(refusedFont.find("not a usable font"), std::string::npos) << refusedFont;
    EXPECT_NE(refusedFont.find("not-a-font.ttf"), std::string::npos) << refusedFont;
    auto after = filesUnder(dir.path());
    std::erase(after, "not-a-font.ttf");
    EXPECT_EQ(after, before);
}

TEST(PrepareRun, AResumeTrainsTheRunsOwnSettingsAndRaisesItsSteps)
{
    test::TempDir dir;
    const auto file = writeTiny(dir);
    workflow::prepareRun({.projectFile = file, .runName = "r", .steps = 4, .attention = "enc:1"});
    auto changed = test::tinyProject();
    changed.training.seed = 99; // the project changes after the run started: the run keeps its own
    project::saveProject(changed, file);
    const auto resumed = workflow::prepareRun({.projectFile = file, .runName = "r", .steps = 8, .resume = true});
    EXPECT_TRUE(resumed.resume);
    EXPECT_EQ(resumed.config.model.attention.toString(), "enc:1");
    EXPECT_NE(resumed.config.training.seed, 99u);
    EXPECT_EQ(resumed.config.training.steps, 8);
    EXPECT_EQ(project::loadRunConfig(project::ProjectLayout::of(file), "r").training.steps, 8);
}

TEST(PrepareRun, TheTrainerTrainsOnlyAPreparedRun)
{
    test::TempDir dir;
    const auto file = writeTiny(dir);
    // A run the workflow did not prepare (no folder, no row) is refused, and nothing is created for it.
    const auto unprepared = runPrepared(
        [&] { return training::PreparedRun {.projectFile = file, .runName = "ghost", .config = test::tinyProject()}; });
    EXPECT_EQ(unprepared.outcome, training::RunOutcome::Failed);
    EXPECT_NE(unprepared.message.find("it was not prepared"), std::string::npos) << unprepared.message;
    EXPECT_FALSE(fs::exists(project::ProjectLayout::of(file).runDir("ghost")));
    // A follower's run given to a process alone: refused, not trained as an unnamed run.
    const auto follower = runPrepared([&] { return workflow::followRun(file, false); });
    EXPECT_EQ(follower.outcome, training::RunOutcome::Failed);
    EXPECT_NE(follower.message.find("rank 0 prepares"), std::string::npos) << follower.message;
    // A preparation's error is the run's result (the studio's worker and a job's ranks rely on it).
    const auto refused
        = runPrepared(workflow::preparation({.projectFile = file, .runName = "x", .attention = "enc:99"}));
    EXPECT_EQ(refused.outcome, training::RunOutcome::Failed);
    EXPECT_NE(refused.message.find("enc:99"), std::string::npos) << refused.message;
    // What it prepared, it trains: the row it wrote ends "completed" at the prepared step count.
    const auto trained = runPrepared(workflow::preparation({.projectFile = file, .runName = "ok", .steps = 2}));
    ASSERT_EQ(trained.outcome, training::RunOutcome::Completed) << trained.message;
    EXPECT_EQ(trained.step, 2);
    const auto row = project::RunStore(project::ProjectLayout::of(file).runStore).run("ok");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->status, "completed");
}
