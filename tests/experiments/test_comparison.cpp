// SPDX-License-Identifier: GPL-3.0-or-later
// Comparing the runs of a real tiny sweep: every value is the one the run store holds, γ comes from
// the best checkpoints, the noise from the repeat; JSON, CSV and the figure carry all of it.
#include "common/atomicfile.h"
#include "common/imageio.h"
#include "errorof.h"
#include "experiments/comparisonexport.h"
#include "experiments/experimentserror.h"
#include "experiments/figure.h"
#include "experiments/study.h"
#include "experiments/sweep.h"
#include "model/costmodel.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "tempdir.h"
#include "tinyproject.h"
#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

using namespace zistudio;
using zistudio::test::errorOf;
using namespace zistudio::experiments;

namespace
{

const std::vector<std::string> kRuns {"c-none", "c-enc2", "c-none-s8"};

/** One tiny project with a sweep (none, enc:2, a repeat of none), shared by the tests. */
class ComparisonTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new test::TempDir;
        s_project = *s_dir / "tiny.zistudio";
        project::saveProject(test::tinyProject(), s_project);
        std::atomic<bool> cancel {false};
        const auto result = runSweep(SweepOptions {.projectFile = s_project,
                                         .attention = {"none", "enc:2"},
                                         .steps = 4,
                                         .prefix = "c",
                                         .repeats = {{"none", std::nullopt}},
                                         .progressIntervalMs = 0},
            {}, cancel);
        ASSERT_EQ(result.failed, 0);
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }

    /** The best checkpoint row the store holds for a run. */
    static project::CheckpointRecord bestOf(const std::string &run)
    {
        project::RunStore store(project::ProjectLayout::of(s_project).runStore);
        for (const auto &c : store.checkpoints(run))
            if (c.isBest)
                return c;
        ADD_FAILURE() << run << " has no best checkpoint";
        return {};
    }

    static test::TempDir *s_dir;
    static std::filesystem::path s_project;
};

test::TempDir *ComparisonTest::s_dir = nullptr;
std::filesystem::path ComparisonTest::s_project;

std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::vector<std::string> cells(1);
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"')
                cells.back() += line[++i];
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                cells.emplace_back();
            else
                cells.back() += c;
        }
        rows.push_back(cells);
    }
    return rows;
}

} // namespace

TEST_F(ComparisonTest, RowsHoldTheStoresValuesAndTheCostModel)
{
    const auto c = compareRuns(s_project, kRuns);
    ASSERT_EQ(c.runs.size(), 3u);
    project::RunStore store(project::ProjectLayout::of(s_project).runStore);
    for (std::size_t i = 0; i < kRuns.size(); ++i) {
        const auto &s = c.runs[i];
        EXPECT_EQ(s.name, kRuns[i]);
        const auto best = bestOf(s.name);
        EXPECT_EQ(s.bestStep, best.step);
        EXPECT_EQ(s.valL1, best.metrics.at("val_l1"));
        EXPECT_EQ(s.valSsim, best.metrics.at("val_ssim"));
        EXPECT_EQ(s.baselineL1, best.metrics.at("baseline_l1"));
        EXPECT_EQ(s.baselineSsim, best.metrics.at("baseline_ssim"));
        const auto curve = store.metrics(s.name, "val_l1");
        ASSERT_EQ(s.valL1Curve.size(), curve.size());
        EXPECT_GE(curve.size(), 2u); // step 0 and step 4
        for (std::size_t k = 0; k < curve.size(); ++k)
            EXPECT_EQ(s.valL1Curve[k].value, curve[k].value);
        EXPECT_EQ(s.stepSeconds, medianValue(store.metrics(s.name, kStepSecondsMetric)));
        EXPECT_GT(s.stepSeconds, 0);
        EXPECT_EQ(s.peakRssBytes, maxValue(store.metrics(s.name, kRssMetric)));
        EXPECT_EQ(s.stepCpuSeconds, medianValue(store.metrics(s.name, training::kStepCpuSecondsMetric)));
        EXPECT_GT(s.stepCpuSeconds, 0);
        EXPECT_EQ(s.status, "completed");
        EXPECT_EQ(s.lastStep, 4);
        EXPECT_TRUE(s.termDifferences.empty());
    }
    auto config = test::tinyProject().model;
    EXPECT_EQ(c.runs[0].generatorParams, model::estimateCost(config, 4).generatorParams);
    config.attention = model::AttentionSpec::parse("enc:2");
    const auto withAttention = model::estimateCost(config, 4);
    EXPECT_EQ(c.runs[1].generatorParams, withAttention.generatorParams);
    EXPECT_EQ(c.runs[1].attentionParams, withAttention.attentionParams);
    EXPECT_GT(c.runs[1].attentionParams, 0);
    EXPECT_EQ(c.runs[1].estimatedMemoryBytes, withAttention.trainingMemoryBytes);
    EXPECT_TRUE(c.warnings.empty());
}

TEST_F(ComparisonTest, GammaComesFromTheBestCheckpoint)
{
    const auto c = compareRuns(s_project, kRuns);
    EXPECT_TRUE(c.runs[0].gammas.empty());
    ASSERT_EQ(c.runs[1].gammas.size(), 1u);
    EXPECT_EQ(c.runs[1].gammas[0].site, "enc:2");
    // γ starts at 0; four Adam steps move it.
    EXPECT_TRUE(std::isfinite(c.runs[1].gammas[0].gamma));
    EXPECT_NE(c.runs[1].gammas[0].gamma, 0.0);
    CompareOptions quick;
    quick.loadCheckpoints = false;
    EXPECT_TRUE(compareRuns(s_project, kRuns, quick).runs[1].gammas.empty());
}

TEST_F(ComparisonTest, TheRepeatMeasuresTheNoise)
{
    const auto c = compareRuns(s_project, kRuns);
    const auto &v = c.verdict;
    EXPECT_EQ(v.metric, "val_l1");
    EXPECT_EQ(v.noisePlacement, "none");
    EXPECT_EQ(v.noiseRuns, 2);
    EXPECT_DOUBLE_EQ(v.noise, std::fabs(c.runs[0].valL1 - c.runs[2].valL1));
    EXPECT_TRUE(v.standing == Standing::ExceedsNoise || v.standing == Standing::WithinNoise);
    // Placements score the mean over their seeds: none is the mean of its two runs.
    const double noneMean = (c.runs[0].valL1 + c.runs[2].valL1) / 2;
    EXPECT_TRUE(v.byPlacement);
    if (v.bestPlacement == "none") {
        EXPECT_DOUBLE_EQ(v.bestValue, noneMean);
        EXPECT_EQ(v.bestRuns, 2);
        EXPECT_DOUBLE_EQ(v.runnerUpValue, c.runs[1].valL1);
    } else {
        EXPECT_DOUBLE_EQ(v.bestValue, c.runs[1].valL1);
        EXPECT_DOUBLE_EQ(v.runnerUpValue, noneMean);
        EXPECT_EQ(v.runnerUpRuns, 2);
    }
    ASSERT_EQ(c.placements.size(), 2u);
    EXPECT_EQ(c.placements[0].placement, "none");
    EXPECT_EQ(c.placements[0].runs, (std::vector<std::string> {"c-none", "c-none-s8"}));
    EXPECT_DOUBLE_EQ(c.placements[0].valL1Mean, noneMean);
    EXPECT_DOUBLE_EQ(c.placements[0].valL1Min, std::min(c.runs[0].valL1, c.runs[2].valL1));
    EXPECT_DOUBLE_EQ(c.placements[0].valL1Max, std::max(c.runs[0].valL1, c.runs[2].valL1));
    EXPECT_GT(c.placements[1].attentionParams, 0);
    // Without the repeat the same runs say "noise unknown".
    const auto two = compareRuns(s_project, {"c-none", "c-enc2"});
    EXPECT_EQ(two.verdict.standing, Standing::NoiseUnknown);
    EXPECT_NEAR(two.verdict.margin, std::fabs(c.runs[0].valL1 - c.runs[1].valL1), 1e-15);
}

TEST_F(ComparisonTest, JsonAndCsvCarryEveryRun)
{
    const auto c = compareRuns(s_project, kRuns);
    const auto j = nlohmann::json::parse(comparisonJson(c));
    ASSERT_EQ(j["runs"].size(), 3u);
    for (std::size_t i = 0; i < kRuns.size(); ++i) {
        const auto &r = j["runs"][i];
        const auto best = bestOf(kRuns[i]);
        EXPECT_EQ(r["name"], kRuns[i]);
        EXPECT_EQ(r["best"]["step"], best.step);
        EXPECT_EQ(r["best"]["val_l1"].get<double>(), best.metrics.at("val_l1"));
        EXPECT_EQ(r["best"]["val_ssim"].get<double>(), best.metrics.at("val_ssim"));
        EXPECT_EQ(r["best"]["baseline_l1"].get<double>(), best.metrics.at("baseline_l1"));
        EXPECT_EQ(r["validation"]["val_l1"].size(), c.runs[i].valL1Curve.size());
        EXPECT_EQ(r["stepSeconds"].get<double>(), c.runs[i].stepSeconds);
    }
    EXPECT_EQ(j["runs"][1]["gammas"]["enc:2"].get<double>(), c.runs[1].gammas[0].gamma);
    EXPECT_EQ(j["verdict"]["best"], c.verdict.best);
    EXPECT_EQ(j["verdict"]["noise"].get<double>(), c.verdict.noise);
    EXPECT_EQ(j["verdict"]["summary"], c.verdict.summary());

    const auto rows = parseCsv(comparisonCsv(c));
    ASSERT_EQ(rows.size(), 4u);
    const auto &header = rows[0];
    auto column = [&](const char *name) {
        const auto it = std::find(header.begin(), header.end(), name);
        EXPECT_NE(it, header.end()) << name;
        return static_cast<std::size_t>(it - header.begin());
    };
    for (std::size_t i = 0; i < kRuns.size(); ++i) {
        const auto &row = rows[i + 1];
        ASSERT_EQ(row.size(), header.size());
        const auto best = bestOf(kRuns[i]);
        EXPECT_EQ(row[column("run")], kRuns[i]);
        EXPECT_NEAR(std::stod(row[column("val_l1")]), best.metrics.at("val_l1"), 1e-8);
        EXPECT_NEAR(std::stod(row[column("baseline_ssim")]), best.metrics.at("baseline_ssim"), 1e-8);
        EXPECT_EQ(std::stoll(row[column("best_step")]), best.step);
        EXPECT_EQ(row[column("verdict")].empty(), kRuns[i] != c.verdict.best);
    }
    EXPECT_EQ(rows[2][column("attention")], "enc:2");
    EXPECT_EQ(rows[2][column("gammas")].rfind("enc:2=", 0), 0u);

    test::TempDir out;
    writeComparisonCsv(out / "c.csv", c);
    EXPECT_EQ(readFile(out / "c.csv"), comparisonCsv(c));
}

TEST_F(ComparisonTest, GlyphGridAndFigure)
{
    CompareOptions options;
    options.glyphChars = U"永和\U000F0000";
    const auto c = compareRuns(s_project, kRuns, options);
    const auto &g = c.glyphs;
    EXPECT_EQ(g.rowLabels, (std::vector<std::string> {"source", "c-none", "c-enc2", "c-none-s8", "target"}));
    ASSERT_EQ(g.rows.size(), 5u);
    for (const auto &row : g.rows) {
        ASSERT_EQ(row.size(), 3u);
        EXPECT_EQ(row[0].width, 32);
        EXPECT_FALSE(row[1].isNull());
        EXPECT_TRUE(row[2].isNull()); // no font has a private-use plane character
    }
    EXPECT_NE(g.rows[1][0], g.rows[2][0]); // different networks draw differently

    const auto figure = renderComparisonFigure(c);
    EXPECT_GE(figure.width, 900);
    EXPECT_GE(figure.height, 400);
    // Each placement's colour is on the picture (curve markers and legend swatches).
    for (std::size_t p = 0; p < 2; ++p) {
        const auto colour = placementColour(p);
        bool found = false;
        for (std::size_t i = 0; i + 3 < figure.pixels.size() && !found; i += 4)
            found
                = figure.pixels[i] == colour.r && figure.pixels[i + 1] == colour.g && figure.pixels[i + 2] == colour.b;
        EXPECT_TRUE(found) << "placement " << p;
    }
    test::TempDir out;
    writeComparisonFigure(out / "f.png", c);
    const auto back = readLuminanceImage(out / "f.png");
    EXPECT_EQ(back.width, figure.width);
    EXPECT_EQ(back.height, figure.height);
}

TEST_F(ComparisonTest, TheLastCheckpointCanBeScoredInsteadOfTheBest)
{
    CompareOptions last;
    last.checkpoint = "last";
    const auto c = compareRuns(s_project, kRuns, last);
    project::RunStore store(project::ProjectLayout::of(s_project).runStore);
    for (const auto &s : c.runs) {
        const auto checkpoints = store.checkpoints(s.name);
        ASSERT_FALSE(checkpoints.empty());
        EXPECT_EQ(s.bestStep, checkpoints.back().step);
        EXPECT_EQ(s.valL1, checkpoints.back().metrics.at("val_l1"));
        EXPECT_EQ(s.scoredCheckpoint, "last");
    }
    last.checkpoint = "first";
    EXPECT_NE(
        errorOf<ExperimentError>([&] { compareRuns(s_project, kRuns, last); }).find("best or last"), std::string::npos);
}

TEST_F(ComparisonTest, ASavedComparisonLoadsBackAsAStudyWithoutTheProject)
{
    CompareOptions options;
    options.glyphChars = U"永和";
    const auto whole = compareRuns(s_project, kRuns, options);
    test::TempDir out;
    // Each run saved on its own (a study grows run by run), then read back together.
    std::vector<std::filesystem::path> files;
    for (const auto &run : kRuns) {
        files.push_back(out / "runs" / run / "comparison.json");
        std::filesystem::create_directories(files.back().parent_path());
        writeComparisonJson(files.back(), compareRuns(s_project, {run}, options));
    }
    writeFileAtomically(out / "runs" / "c-none" / "evaluation.json", "{\"run\": \"c-none\"}"); // not a comparison
    for (const auto &study : {loadStudy(files), loadStudy({out / "runs"})}) {
        ASSERT_EQ(study.runs.size(), 3u);
        for (std::size_t i = 0; i < kRuns.size(); ++i) {
            const auto &a = whole.runs[i];
            const auto *b = &study.runs[0];
            for (const auto &s : study.runs)
                if (s.name == a.name)
                    b = &s;
            EXPECT_EQ(b->name, a.name);
            EXPECT_EQ(b->attention, a.attention);
            EXPECT_EQ(b->seed, a.seed);
            EXPECT_EQ(b->valL1, a.valL1);
            EXPECT_EQ(b->valSsim, a.valSsim);
            EXPECT_EQ(b->stepCpuSeconds, a.stepCpuSeconds);
            EXPECT_EQ(b->attentionParams, a.attentionParams);
            ASSERT_EQ(b->valL1Curve.size(), a.valL1Curve.size());
            EXPECT_EQ(b->valL1Curve.back().value, a.valL1Curve.back().value);
            ASSERT_EQ(b->gammas.size(), a.gammas.size());
            EXPECT_TRUE(b->termDifferences.empty());
        }
        EXPECT_TRUE(study.warnings.empty());
        EXPECT_EQ(study.verdict.summary(), whole.verdict.summary());
        EXPECT_EQ(study.placements.size(), 2u);
        // The glyph grid came along as pictures: source, three runs, target, the same pixels.
        ASSERT_EQ(study.glyphs.rows.size(), 5u);
        EXPECT_EQ(study.glyphs.rowLabels.front(), "source");
        EXPECT_EQ(study.glyphs.rowLabels.back(), "target");
        EXPECT_EQ(study.glyphs.rows.front()[0], whole.glyphs.rows.front()[0]);
        EXPECT_EQ(study.glyphs.rows.back()[1], whole.glyphs.rows.back()[1]);
    }
    const auto study = loadStudy(files);
    EXPECT_EQ(study.glyphs.rows[2][0], whole.glyphs.rows[2][0]); // c-enc2's 永

    // A subset decides anew: without the repeat the noise is unknown.
    const auto two = selectRuns(study, {"c-none", "c-enc2"});
    EXPECT_EQ(two.runs.size(), 2u);
    EXPECT_EQ(two.glyphs.rows.size(), 4u);
    EXPECT_EQ(two.verdict.standing, Standing::NoiseUnknown);

    EXPECT_NE(errorOf<ExperimentError>([&] { loadStudy({files[0], files[0]}); }).find("twice"), std::string::npos);
    EXPECT_NE(errorOf<ExperimentError>([&] {
        loadStudy({out / "runs" / "c-none" / "evaluation.json"});
    }).find("not a comparison"),
        std::string::npos);
    EXPECT_NE(
        errorOf<ExperimentError>([&] { loadStudy({out / "nothing-here"}); }).find("nothing-here"), std::string::npos);
}

TEST_F(ComparisonTest, RunsOnOtherTermsAreFlagged)
{
    training::Trainer trainer(workflow::preparation({.projectFile = s_project,
        .runName = "c-short",
        .steps = 2,
        .resume = false,
        .attention = "none",
        .seed = 7u}));
    std::atomic<bool> cancel {false};
    ASSERT_EQ(trainer.run({}, cancel).outcome, training::RunOutcome::Completed);
    const auto c = compareRuns(s_project, {"c-none", "c-short"});
    ASSERT_EQ(c.warnings.size(), 1u);
    EXPECT_NE(c.warnings[0].find("training.steps: 4 vs 2"), std::string::npos) << c.warnings[0];
    EXPECT_EQ(c.runs[1].termDifferences.size(), 1u);
}

TEST_F(ComparisonTest, BadListsAreRefused)
{
    EXPECT_NE(errorOf<ExperimentError>([] {
        compareRuns(s_project, {"c-none", "nope"});
    }).find("no run named \"nope\""),
        std::string::npos);
    EXPECT_NE(errorOf<ExperimentError>([] {
        compareRuns(s_project, {"c-none", "c-none"});
    }).find("listed twice"),
        std::string::npos);
    EXPECT_NE(errorOf<ExperimentError>([] { compareRuns(s_project, {}); }).find("no runs"), std::string::npos);
    test::TempDir empty;
    project::saveProject(test::tinyProject(), empty / "e.zistudio");
    EXPECT_NE(errorOf<ExperimentError>([&] { compareRuns(empty / "e.zistudio", {"x"}); }).find("no runs yet"),
        std::string::npos);
}

TEST(ComparisonFigure, TheLegendOfAStudyFitsBesideItsCurves)
{
    // A study has a dozen runs with long names: the plot grows with its legend, names are cut to fit.
    auto figureOf = [](int runs) {
        Comparison c;
        for (int i = 0; i < runs; ++i) {
            RunSummary s;
            s.name = "study-enc1-enc2-enc3-enc4-enc5-dec1-dec2-dec3-dec4-dec5-s" + std::to_string(40 + i);
            s.attention = "enc:1,enc:2,enc:3,enc:4,enc:5,dec:1,dec:2,dec:3,dec:4,dec:5";
            s.valL1 = 0.15 + 0.001 * i;
            s.valL1Curve = {{100, 0.2}, {200, s.valL1}};
            c.runs.push_back(s);
        }
        return renderComparisonFigure(c);
    };
    const auto three = figureOf(3);
    const auto thirteen = figureOf(13);
    EXPECT_EQ(thirteen.width, three.width); // long names do not widen it
    // The 300-pixel plot of three runs holds their legend; 13 entries and the baseline of two 19-pixel
    // lines each need 532.
    EXPECT_GE(thirteen.height - three.height, 532 - 300);
}
