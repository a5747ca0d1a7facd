// SPDX-License-Identifier: GPL-3.0-or-later
// Planning a sweep: placement lists, repeats, run names and seeds, and the equal-terms check.
#include "errorof.h"
#include "experiments/experimentserror.h"
#include "experiments/runterms.h"
#include "experiments/sweepplan.h"
#include "tinyproject.h"

#include <gtest/gtest.h>

using namespace zistudio;
using zistudio::test::errorOf;
using namespace zistudio::experiments;

namespace
{

} // namespace

TEST(SweepPlan, AttentionListsAreCanonicalAndChecked)
{
    EXPECT_EQ(
        parseAttentionList(" none ; dec:3,enc:3;enc:2 "), (std::vector<std::string> {"none", "enc:3,dec:3", "enc:2"}));
    EXPECT_NE(
        errorOf<ExperimentError>([] { parseAttentionList("enc:3;enc:3"); }).find("listed twice"), std::string::npos);
    EXPECT_NE(errorOf<ExperimentError>([] { parseAttentionList("enc:3;mid:2"); }).find("mid:2"), std::string::npos);
    EXPECT_NE(
        errorOf<ExperimentError>([] { parseAttentionList(" ; "); }).find("no attention placements"), std::string::npos);
}

TEST(SweepPlan, RepeatsTakeAnOptionalSeedAfterTheLastColon)
{
    EXPECT_EQ(parseRepeat("none").attention, "none");
    EXPECT_FALSE(parseRepeat("none").seed);
    EXPECT_FALSE(parseRepeat("enc:3").seed); // a whole placement, not "enc" with seed 3
    EXPECT_EQ(parseRepeat("enc:3").attention, "enc:3");
    EXPECT_EQ(parseRepeat("enc:3:7").attention, "enc:3");
    EXPECT_EQ(*parseRepeat("enc:3:7").seed, 7u);
    EXPECT_EQ(parseRepeat("dec:3,enc:3:9").attention, "enc:3,dec:3");
    EXPECT_EQ(*parseRepeat("none:0").seed, 0u);
    EXPECT_NE(errorOf<ExperimentError>([] { parseRepeat("enc:3:x"); }).find("enc:3:x"), std::string::npos);
    EXPECT_NE(errorOf<ExperimentError>([] { parseRepeat("none:99999999999"); }).find("2^32"), std::string::npos);
}

TEST(SweepPlan, RunNamesSeedsAndStepsFollowThePlacements)
{
    const auto project = test::tinyProject(); // seed 7, 8 steps, 32 px (depths 1..5)
    SweepOptions o {.projectFile = {},
        .attention = {"none", "enc:2", "enc:2,dec:2"},
        .steps = 0,
        .prefix = "ab",
        .repeats = {{"none", std::nullopt}, {"none", std::nullopt}, {"enc:2", 100u}},
        .progressIntervalMs = 0};
    const auto plan = planSweep(o, project);
    ASSERT_EQ(plan.size(), 6u);
    EXPECT_EQ(plan[0].runName, "ab-none");
    EXPECT_EQ(plan[2].runName, "ab-enc2-dec2");
    EXPECT_EQ(plan[2].attention, "enc:2,dec:2");
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(plan[i].seed, 7u);
        EXPECT_FALSE(plan[i].repeat);
        EXPECT_EQ(plan[i].steps, 8);
    }
    EXPECT_EQ(plan[3].runName, "ab-none-s8");
    EXPECT_EQ(plan[4].runName, "ab-none-s9");
    EXPECT_EQ(plan[5].runName, "ab-enc2-s100");
    EXPECT_TRUE(plan[5].repeat);
    EXPECT_EQ(plan[5].seed, 100u);

    o.steps = 3;
    EXPECT_EQ(planSweep(o, project).back().steps, 3);
    EXPECT_EQ(plannedConfig(project, plan[2]).model.attention.toString(), "enc:2,dec:2");
    EXPECT_EQ(plannedConfig(project, plan[4]).training.seed, 9u);
}

TEST(SweepPlan, SeedsTrainEveryPlacementOncePerRoundBeforeTheRepeats)
{
    const auto project = test::tinyProject(); // seed 7
    SweepOptions o {.projectFile = {},
        .attention = {"none", "enc:2"},
        .steps = 0,
        .prefix = "st",
        .seeds = 2,
        .repeats = {{"none", std::nullopt}, {"enc:3", std::nullopt}},
        .progressIntervalMs = 0};
    const auto plan = planSweep(o, project);
    std::vector<std::string> names;
    std::vector<unsigned> seeds;
    for (const auto &e : plan) {
        names.push_back(e.runName);
        seeds.push_back(e.seed);
    }
    // Round one (seed 7), round two (seed 8), then the repeats: none's next unused seed is 9, and a
    // placement outside the rounds starts at the project's seed + 1.
    EXPECT_EQ(names,
        (std::vector<std::string> {"st-none", "st-enc2", "st-none-s8", "st-enc2-s8", "st-none-s9", "st-enc3-s8"}));
    EXPECT_EQ(seeds, (std::vector<unsigned> {7, 7, 8, 8, 9, 8}));
    EXPECT_FALSE(plan[1].repeat);
    EXPECT_TRUE(plan[2].repeat);

    o.seeds = 0;
    EXPECT_NE(errorOf<ExperimentError>([&] { planSweep(o, project); }).find("--seeds"), std::string::npos);
    o.seeds = 2;
    o.repeats = {{"none", 8u}}; // the second round trains none with seed 8 already
    EXPECT_NE(errorOf<ExperimentError>([&] { planSweep(o, project); }).find("twice"), std::string::npos);
    o.repeats = {};
    o.only = {"st-enc2-s8"};
    EXPECT_EQ(planSweep(o, project).size(), 4u); // the plan stays whole: --only picks what trains
    o.only = {"st-enc2-s9"};
    const auto error = errorOf<ExperimentError>([&] { planSweep(o, project); });
    EXPECT_NE(error.find("st-enc2-s9"), std::string::npos) << error;
    EXPECT_NE(error.find("st-none-s8"), std::string::npos) << error; // names the plan's runs
}

TEST(SweepPlan, BadPlansAreRefusedWithTheReason)
{
    const auto project = test::tinyProject();
    SweepOptions o {.projectFile = {},
        .attention = {"none", "enc:6"},
        .steps = 0,
        .prefix = "sweep",
        .repeats = {},
        .progressIntervalMs = 0};
    EXPECT_NE(errorOf<ExperimentError>([&] { planSweep(o, project); }).find("enc:6"), std::string::npos);
    o.attention = {"none"};
    o.repeats = {{"none", 7u}};
    EXPECT_NE(errorOf<ExperimentError>([&] { planSweep(o, project); }).find("needs another seed"), std::string::npos);
    o.repeats = {};
    o.prefix = "bad name";
    EXPECT_NE(errorOf<ExperimentError>([&] { planSweep(o, project); }).find("bad name-none"), std::string::npos);
    o.prefix = std::string(70, 'x');
    EXPECT_NE(errorOf<ExperimentError>([&] { planSweep(o, project); }).find("64"), std::string::npos);
    o.prefix = "ok";
    o.attention = {};
    EXPECT_NE(errorOf<ExperimentError>([&] { planSweep(o, project); }).find("no attention"), std::string::npos);
}

TEST(RunTerms, DifferencesNameTheSettingAndSkipIgnoredOnes)
{
    const auto a = test::tinyProject();
    auto b = a;
    EXPECT_TRUE(termDifferences(a, b, {}).empty());
    b.training.seed = 99;
    b.model.attention = model::AttentionSpec::parse("enc:2");
    b.training.threads = 2; // incidental: how fast, not what is learned
    EXPECT_TRUE(termDifferences(a, b, {"training.seed", "model.attention"}).empty());
    b.training.batchSize = 2;
    b.dataset.validationFraction = 0.3;
    const auto d = termDifferences(a, b, {"training.seed", "model.attention"});
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0], "dataset.validationFraction: 0.2 vs 0.3");
    EXPECT_EQ(d[1], "training.batchSize: 4 vs 2");
    EXPECT_EQ(termDifferences(a, b, {}).size(), 4u);
}
