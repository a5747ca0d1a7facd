// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/atomicfile.h"
#include "common/imageio.h"
#include "errorof.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"
#include "glyphs/utf8.h"
#include "inference/evaluation.h"
#include "inference/generator.h"
#include "inference/inferenceerror.h"
#include "metrics/imagemetrics.h"
#include "project/projectlayout.h"
#include "tempdir.h"
#include "tinyproject.h"
#include "training/trainer.h"
#include "trainrun.h"
#include "workflow/trainrun.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace zistudio;
using zistudio::test::errorOf;
using namespace zistudio::inference;
namespace fs = std::filesystem;

namespace
{

/** One tiny project with a trained run "r" (8 steps, checkpoints at 4 and 8), shared by the tests. */
class GeneratorTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new test::TempDir;
        auto p = test::tinyProject();
        p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::Font,
            .path = test::TestFonts::songGb().string(),
            .face = 0,
            .styleId = 2,
            .name = "Song itself"});
        p.model.attention = model::AttentionSpec::parse("dec:3");
        s_project = *s_dir / "tiny.zistudio";
        project::saveProject(p, s_project);
        test::trainToCompletion(s_project, "r");
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static test::TempDir *s_dir;
    static fs::path s_project;
};

test::TempDir *GeneratorTest::s_dir = nullptr;
fs::path GeneratorTest::s_project;

} // namespace

TEST_F(GeneratorTest, GeneratesGlyphsBatchedAndInOrder)
{
    Generator g(s_project, "r", {"last"}, "cpu");
    EXPECT_EQ(g.checkpointStep(), 8);
    EXPECT_TRUE(g.skippedCheckpoints().empty());
    const std::u32string chars = U"永和\U000F0000九"; // a private-use plane character no font has
    const auto one = g.generate(chars, StyleMix::pure(0), 1);
    const auto many = g.generate(chars, StyleMix::pure(0), 32);
    ASSERT_EQ(one.size(), 4u);
    EXPECT_EQ(one[0].width, 32);
    EXPECT_TRUE(one[2].isNull());
    EXPECT_FALSE(one[3].isNull());
    for (std::size_t i = 0; i < chars.size(); ++i)
        EXPECT_EQ(one[i], many[i]) << i; // eval mode: batching never changes a glyph
    EXPECT_FALSE(g.sourceGlyph(U'永').isNull());
    EXPECT_FALSE(g.targetGlyph(U'永', 0).isNull());
    EXPECT_TRUE(g.targetGlyph(U'永', 1).isNull()); // no such style
}

TEST_F(GeneratorTest, BlendOfOneStyleIsThatStyle)
{
    Generator g(s_project, "r", {"best"}, "cpu");
    const auto pure = g.generate(U"永和", StyleMix::pure(2));
    const auto blend = g.generate(U"永和", StyleMix {{{2, 3.0f}, {0, 0.0f}}});
    EXPECT_EQ(pure, blend);
    // What a blend means, on the vector the network is conditioned on (an 8-step model may draw two
    // styles alike in 8 bits, so images cannot show that a half blend differs).
    const auto e2 = g.styleEmbedding(StyleMix::pure(2));
    EXPECT_EQ(g.styleEmbedding(StyleMix {{{2, 3.0f}, {0, 0.0f}}}), e2);
    const auto e0 = g.styleEmbedding(StyleMix::pure(0));
    const auto half = g.styleEmbedding(StyleMix {{{0, 1.0f}, {2, 1.0f}}});
    ASSERT_EQ(half.size(), e2.size());
    ASSERT_FALSE(e2.empty());
    EXPECT_NE(e0, e2);
    for (std::size_t i = 0; i < half.size(); ++i)
        EXPECT_NEAR(half[i], 0.5f * (e0[i] + e2[i]), 1e-5f) << i;
    EXPECT_NE(errorOf<Error>([&] { g.generate(U"永", StyleMix::pure(4)); }).find("outside the model's style table"),
        std::string::npos);
    EXPECT_NE(errorOf<Error>([&] {
        g.generate(U"永", StyleMix {{{0, -1.0f}}});
    }).find("invalid weight"),
        std::string::npos);
    EXPECT_NE(errorOf<Error>([&] { g.generate(U"永", StyleMix {}); }).find("no style"), std::string::npos);
}

TEST_F(GeneratorTest, ChoosesCheckpointsAndFallsBack)
{
    EXPECT_EQ(Generator(s_project, "r", {"4"}, "cpu").checkpointStep(), 4);
    EXPECT_NE(errorOf<Error>([] { Generator(s_project, "r", {"5"}, "cpu"); }).find("no checkpoint at step 5"),
        std::string::npos);
    EXPECT_NE(
        errorOf<Error>([] { Generator(s_project, "r", {"newest"}, "cpu"); }).find("use best, last"), std::string::npos);
    EXPECT_NE(errorOf<Error>([] { Generator(s_project, "nope", {}, "cpu"); }).find("no run named \"nope\""),
        std::string::npos);
    // Damage the newest checkpoint: "last" falls back to step 4 and says so.
    test::TempDir copy;
    fs::copy(s_dir->path(), copy.path(), fs::copy_options::recursive);
    const auto file = copy / "tiny.zistudio";
    const auto newest = project::ProjectLayout::of(file).checkpointsDir("r") / "step-000008" / "generator.zt";
    std::fstream f(newest, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(200);
    f.put('\x7f');
    f.close();
    Generator g(file, "r", {"last"}, "cpu");
    EXPECT_EQ(g.checkpointStep(), 4);
    ASSERT_EQ(g.skippedCheckpoints().size(), 1u);
    EXPECT_NE(g.skippedCheckpoints()[0].find("step-000008"), std::string::npos);
}

TEST_F(GeneratorTest, ProbesAttention)
{
    Generator g(s_project, "r", {"last"}, "cpu");
    const auto layers = g.probe(U'永', StyleMix::pure(0), {{0.25f, 0.25f}, {0.75f, 0.5f}}, true);
    ASSERT_EQ(layers.size(), 1u);
    EXPECT_EQ(layers[0].rows.size(), 2u);
    EXPECT_FALSE(layers[0].maskMean.values.empty());
    double sum = 0;
    for (float v : layers[0].rows[0].values)
        sum += v;
    EXPECT_NEAR(sum, 1.0, 1e-4);
}

TEST_F(GeneratorTest, EvaluatesAgainstTheTargetWithTheBaseline)
{
    Generator g(s_project, "r", {"last"}, "cpu");
    const std::u32string chars = U"永和九年\U000F0000";
    const auto report = evaluate(g, chars, 0);
    EXPECT_EQ(report.requested, 5u);
    EXPECT_EQ(report.rows.size(), 4u);
    ASSERT_EQ(report.skipped.size(), 1u);
    // The baseline is exactly the metrics of the source glyph against the target glyph.
    double l1 = 0;
    for (char32_t cp : std::u32string(U"永和九年"))
        l1 += metrics::meanAbsoluteError(g.sourceGlyph(cp), g.targetGlyph(cp, 0));
    EXPECT_NEAR(report.baselineL1, l1 / 4, 1e-12);
    EXPECT_GT(report.l1, 0.0);
    EXPECT_LE(report.ssim, 1.0);
    // Style 2's target is the source font itself: the baseline is perfect there.
    const auto self = evaluate(g, U"永和", 2);
    EXPECT_DOUBLE_EQ(self.baselineL1, 0.0);
    EXPECT_NEAR(self.baselineSsim, 1.0, 1e-12);
    EXPECT_NE(errorOf<Error>([&] { evaluate(g, U"永", 1); }).find("not a target style"), std::string::npos);
}

TEST(Generator, EvaluatesHandDrawnTargetsFromTheDatasetStore)
{
    test::TempDir dir;
    // A "hand-drawn" folder: Kai glyphs written as PNG files named by character.
    fs::create_directory(dir / "hand");
    glyphs::FontFace kai(test::TestFonts::kaiGb());
    const glyphs::Rasterizer raster(kai, {.size = 96, .placement = glyphs::Placement::EmBox, .fitMargin = 0.08});
    const std::u32string chars = U"永和九年岁在癸丑暮春之初会于稽山阴兰亭修禊事也群贤毕至少长咸集";
    for (char32_t cp : chars)
        writeGrayPng(dir / "hand" / (glyphs::glyphFileStem(cp) + ".png"), raster.render(cp));
    auto p = test::tinyProject();
    p.dataset.targets = {{.kind = data::TargetSpec::Kind::ImageFolder,
        .path = (dir / "hand").string(),
        .face = 0,
        .styleId = 0,
        .name = "hand"}};
    p.dataset.charset.text = "永和九年岁在癸丑暮春之初会于稽山阴兰亭修禊事也群贤毕至少长咸集";
    const auto file = dir / "hand.zistudio";
    project::saveProject(p, file);
    training::Trainer trainer(workflow::preparation({.projectFile = file, .runName = "h", .steps = 2}));
    std::atomic<bool> cancel {false};
    ASSERT_EQ(trainer.run([](const training::ProgressRecord &) {}, cancel).outcome, training::RunOutcome::Completed);
    Generator g(file, "h", {"last"}, "cpu");
    EXPECT_FALSE(g.targetGlyph(U'永', 0).isNull());
    EXPECT_TRUE(g.targetGlyph(U'龘', 0).isNull());
    const auto report = evaluate(g, chars, 0);
    EXPECT_EQ(report.rows.size(), chars.size());
    EXPECT_GT(report.baselineL1, 0.0);
}

TEST_F(GeneratorTest, CliTrainGenerateEvaluate)
{
    test::TempDir dir;
    const std::string cli = ZISTUDIO_CLI;
    const auto project = dir / "cli.zistudio";
    const auto run = [&](const std::string &args) {
        const std::string cmd = cli + " --threads 1 " + args + " > " + (dir / "out.txt").string() + " 2>&1";
        const int rc = std::system(cmd.c_str());
        std::ifstream in(dir / "out.txt");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return std::make_pair(WEXITSTATUS(rc), text);
    };
    auto [rc, out] = run("project new " + project.string() + " --source " + test::TestFonts::songGb().string()
        + " --target " + test::TestFonts::kaiGb().string() + " --charset-file /dev/null");
    EXPECT_EQ(rc, 1);
    EXPECT_NE(out.find("zistudio-cli: error:"), std::string::npos) << out;
    {
        std::ofstream chars(dir / "chars.txt");
        chars << test::kTinyChars << '\n';
    }
    std::tie(rc, out) = run("project new " + project.string() + " --source " + test::TestFonts::songGb().string()
        + " --target " + test::TestFonts::kaiGb().string() + " --charset-file " + (dir / "chars.txt").string()
        + " --size 32 --ngf 8 --steps 4 --batch 4");
    ASSERT_EQ(rc, 0) << out;
    std::tie(rc, out) = run("project show " + project.string());
    ASSERT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("AR PL KaitiM GB"), std::string::npos) << out;
    std::tie(rc, out) = run("train --project " + project.string() + " --run cli");
    ASSERT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("validation L1"), std::string::npos) << out;
    EXPECT_NE(out.find("done: completed 4 steps"), std::string::npos) << out;
    std::tie(rc, out) = run("runs list --project " + project.string());
    ASSERT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("completed"), std::string::npos) << out;
    std::tie(rc, out)
        = run("generate --project " + project.string() + " --run cli --chars 永和 --out " + (dir / "png").string());
    ASSERT_EQ(rc, 0) << out;
    EXPECT_TRUE(fs::exists(dir / "png" / "uni6C38.png"));
    EXPECT_TRUE(fs::exists(dir / "png" / "uni548C.png"));
    // --json: the JSON on stdout; which checkpoint was used (and why) on stderr.
    rc = WEXITSTATUS(std::system((cli + " --threads 1 evaluate --project " + project.string() + " --run cli --json > "
        + (dir / "out.txt").string() + " 2> " + (dir / "err.txt").string())
                                     .c_str()));
    ASSERT_EQ(rc, 0);
    const auto j = nlohmann::json::parse(readFile(dir / "out.txt"));
    const std::string said = readFile(dir / "err.txt");
    EXPECT_NE(said.find("zistudio-cli: using checkpoint step-000004 (the best by val_l1 = "), std::string::npos)
        << said;
    EXPECT_GT(j["evaluated"].get<int>(), 0);
    EXPECT_GT(j["baseline"]["l1"].get<double>(), 0.0);
    std::tie(rc, out) = run(
        "generate --project " + project.string() + " --run cli --chars 永 --mix 0:x --out " + (dir / "png").string());
    EXPECT_EQ(rc, 1);
    EXPECT_NE(out.find("--mix"), std::string::npos) << out;
}
