// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18's classes of defects found by hostile probing, each proven on real files: JSON numbers out
// of range in every reader, run references that are paths, checkpoint loads that say which checkpoint
// they use and name every damaged one, hand-drawn "styles" without a glyph, symbolic-link loops.
#include "checkpointfixture.h"
#include "errorof.h"
#include "tempdir.h"
#include "testfonts.h"
#include "tinyproject.h"

#include "common/atomicfile.h"
#include "glyphs/fonterror.h"
#include "glyphs/fontface.h"
#include "glyphs/handdrawnset.h"
#include "project/project.h"
#include "project/projecterror.h"
#include "training/checkpointstore.h"
#include "training/trainingerror.h"

#include <gtest/gtest.h>

namespace zistudio::test
{
namespace
{

namespace fs = std::filesystem;

/** The project file's text with `from` replaced by `to` (the first time it occurs). */
fs::path projectWith(const TempDir &dir, const std::string &from, const std::string &to)
{
    const fs::path file = dir / "p.zistudio";
    project::saveProject(tinyProject(), file);
    std::string text = readFile(file);
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    writeFileAtomically(file, text);
    return file;
}

} // namespace

TEST(JsonReaders, NumbersOutOfRangeNameTheFileAndTheField)
{
    TempDir dir;
    const fs::path file = projectWith(dir, "\"batchSize\": 4", "\"batchSize\": 1e400");
    const std::string error = errorOf<project::ProjectError>([&] { project::loadProject(file); });
    EXPECT_NE(error.find(file.string()), std::string::npos) << error;
    EXPECT_NE(error.find("\"training.batchSize\""), std::string::npos) << error;
    EXPECT_NE(error.find("out of range"), std::string::npos) << error;
    EXPECT_EQ(error.find("[json.exception"), std::string::npos) << error;

    writeFileAtomically(file, std::string("1e2308"));
    EXPECT_NE(
        errorOf<project::ProjectError>([&] { project::loadProject(file); }).find("out of range"), std::string::npos);
    // A run's configuration snapshot, the same.
    writeFileAtomically(dir / "run.json", std::string("{\"format\": \"zistudio-project\", \"version\": -1e400}"));
    const std::string run = errorOf<project::ProjectError>([&] { project::loadRunConfig(dir / "run.json"); });
    EXPECT_NE(run.find("\"version\""), std::string::npos) << run;
    EXPECT_NE(run.find((dir / "run.json").string()), std::string::npos) << run;
}

TEST(JsonReaders, IntegersAFieldCannotHoldAreRefused)
{
    TempDir dir;
    for (const auto &[from, to, field] : std::vector<std::tuple<std::string, std::string, std::string>> {
             {"\"batchSize\": 4", "\"batchSize\": 99999999999", "batchSize"},
             {"\"batchSize\": 4", "\"batchSize\": 18446744073709551615", "batchSize"},
             {"\"steps\": 8", "\"steps\": 9223372036854775807", "steps"},
             {"\"keepLast\": 3", "\"keepLast\": -4294967297", "keepLast"}}) {
        const fs::path file = projectWith(dir, from, to);
        const std::string error = errorOf<project::ProjectError>([&] { project::loadProject(file); });
        EXPECT_NE(error.find(field), std::string::npos) << to << ": " << error;
    }
}

TEST(JsonReaders, ADamagedManifestNumberIsADamagedCheckpointNamedWithItsReason)
{
    TempDir dir;
    const CheckpointFixture fixture(1);
    training::CheckpointStore store(dir / "ck");
    fixture.write(store, 100);
    fixture.write(store, 200);
    std::string manifest = readFile(dir / "ck/step-000200/manifest.json");
    manifest.replace(manifest.find("\"step\": 200"), 11, "\"step\": 1e400");
    writeFileAtomically(dir / "ck/step-000200/manifest.json", manifest);
    const auto latest = store.loadLatest();
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->info.step, 100);
    ASSERT_EQ(latest->skipped.size(), 1u);
    EXPECT_NE(latest->skipped[0].find("\"step\""), std::string::npos) << latest->skipped[0];
}

TEST(CheckpointLoads, EveryDamagedCheckpointIsNamedWhenNoneIsLeft)
{
    TempDir dir;
    const CheckpointFixture fixture(1);
    training::CheckpointStore store(dir / "ck");
    fixture.write(store, 100);
    fixture.write(store, 200);
    fs::resize_file(dir / "ck/step-000100/generator.zt", 7);
    fs::remove(dir / "ck/step-000200/manifest.json");
    training::DamagedCheckpoints damaged;
    EXPECT_FALSE(store.loadLatest(&damaged));
    ASSERT_EQ(damaged.dirs.size(), 2u);
    const std::string text = training::describeNoCheckpoint("r1", damaged);
    for (const char *expected :
        {"r1", "all 2 checkpoints are damaged", "step-000100", "generator.zt", "truncated", "step-000200", "manifest"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " in: " << text;
    training::DamagedCheckpoints none;
    EXPECT_FALSE(store.loadBest(&none));
    EXPECT_EQ(none.dirs.size(), 2u) << "best names them too";
    EXPECT_EQ(training::describeNoCheckpoint("r2", {}), "run \"r2\" has no checkpoint yet");
}

TEST(CheckpointLoads, TheChoiceAndEverySkippedCheckpointAreSaid)
{
    TempDir dir;
    const CheckpointFixture fixture(1);
    training::CheckpointStore store(dir / "ck");
    fixture.write(store, 100);
    fixture.write(store, 200);
    fixture.write(store, 300); // val_l1 = 1 / (step + 1): the newest is the best
    auto best = store.loadBest();
    ASSERT_TRUE(best);
    EXPECT_EQ(training::describeChoice(*best, "r"),
        "using checkpoint step-000300 (the best by val_l1 = 0.003322) of run \"r\"");
    // The best one's manifest is gone: not silently left out of "best" any more.
    writeFileAtomically(dir / "ck/step-000300/manifest.json", std::string("{\"format\": \"zistudio-checkpoint\""));
    best = store.loadBest();
    ASSERT_TRUE(best);
    EXPECT_EQ(best->info.step, 200);
    EXPECT_NE(best->why.find("intact"), std::string::npos) << best->why;
    ASSERT_EQ(training::skippedLines(*best).size(), 1u);
    EXPECT_NE(training::skippedLines(*best)[0].find("skipped damaged checkpoint step-000300"), std::string::npos);
    const auto latest = store.loadLatest();
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->why, "the latest that is intact");
    EXPECT_EQ(store.load(100).why, "as asked");
}

TEST(CheckpointLoads, ASaveNeverOverwritesADamagedCheckpoint)
{
    TempDir dir;
    const CheckpointFixture fixture(1);
    training::CheckpointStore store(dir / "ck");
    fixture.write(store, 100);
    fs::resize_file(dir / "ck/step-000100/state.json", 3);
    fixture.write(store, 100); // a run trained again from an older state reaches step 100 again
    EXPECT_EQ(fs::file_size(dir / "ck/step-000100.damaged/state.json"), 3u);
    ASSERT_TRUE(store.loadLatest());
    EXPECT_EQ(fixture.verify(store, store.loadLatest()->info), "");
    // An intact one is simply replaced (nothing set aside).
    fixture.write(store, 100);
    EXPECT_FALSE(fs::exists(dir / "ck/step-000100.damaged-2"));
}

TEST(CheckpointLoads, StepsBeyondTheLimitAreRefused)
{
    TempDir dir;
    training::CheckpointStore store(dir / "ck");
    EXPECT_THROW(store.begin(std::numeric_limits<long long>::max()), training::TrainingError);
    EXPECT_THROW(store.begin(-1), training::TrainingError);
}

TEST(RunReferences, FineTuneFromIsARunNameNeverAPath)
{
    TempDir dir;
    for (const std::string bad : {"../../other/runs/r1", "/abs/run", "a/b", ".hidden", "..", "bad\x1b[2Jname"}) {
        auto p = tinyProject();
        p.training.fineTuneFrom = bad;
        const std::string error = errorOf<project::ProjectError>([&] { project::saveProject(p, dir / "p.zistudio"); });
        EXPECT_NE(error.find("training.fineTuneFrom"), std::string::npos) << bad << ": " << error;
        EXPECT_EQ(error.find('\x1b'), std::string::npos) << "the value is escaped in the message";
    }
    auto p = tinyProject();
    p.training.fineTuneFrom = "base-run_2.v1";
    EXPECT_NO_THROW(project::saveProject(p, dir / "p.zistudio"));
}

TEST(Targets, AFolderWithoutGlyphImagesIsNotAStyle)
{
    TempDir dir;
    fs::create_directories(dir / "x.ttf");
    fs::create_directories(dir / "empty");
    fs::create_directories(dir / "notes");
    writeFileAtomically(dir / "notes/readme.txt", std::string("hi"));
    glyphs::RasterOptions raster;
    raster.size = 32;
    EXPECT_NE(errorOf<glyphs::FontError>([&] {
        glyphs::HandDrawnSet::load(dir / "x.ttf", raster);
    }).find("named like a font file"),
        std::string::npos);
    EXPECT_NE(
        errorOf<glyphs::FontError>([&] { glyphs::HandDrawnSet::load(dir / "empty", raster); }).find("it is empty"),
        std::string::npos);
    EXPECT_NE(errorOf<glyphs::FontError>([&] { glyphs::HandDrawnSet::load(dir / "notes", raster); }).find("readme.txt"),
        std::string::npos);
}

TEST(Targets, ASymbolicLinkLoopIsAClearError)
{
    TempDir dir;
    fs::create_symlink(dir / "b.ttf", dir / "a.ttf");
    fs::create_symlink(dir / "a.ttf", dir / "b.ttf");
    const std::string font = errorOf<glyphs::FontError>([&] { glyphs::FontFace face(dir / "a.ttf", 0); });
    EXPECT_NE(font.find("symbolic links"), std::string::npos) << font;
    glyphs::RasterOptions raster;
    const std::string folder = errorOf<glyphs::FontError>([&] { glyphs::HandDrawnSet::load(dir / "a.ttf", raster); });
    EXPECT_NE(folder.find("symbolic links"), std::string::npos) << folder;
    EXPECT_THROW(readFile(dir / "a.ttf"), IoError);
}

} // namespace zistudio::test
