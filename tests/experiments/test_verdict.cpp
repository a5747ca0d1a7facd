// SPDX-License-Identifier: GPL-3.0-or-later
// The verdict with constructed numbers: best run, runner-up of another placement, noise from repeats.
#include "experiments/verdict.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace zistudio::experiments;

namespace
{

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

TEST(Verdict, NoScoresWhenNoRunWasValidated)
{
    const auto v = decide({{"a", "none", kNaN}, {"b", "enc:3", kNaN}}, "val_l1", true);
    EXPECT_EQ(v.standing, Standing::NoScores);
    EXPECT_TRUE(v.best.empty());
    EXPECT_NE(v.summary().find("nothing to compare"), std::string::npos);
}

TEST(Verdict, WithoutRepeatsTheNoiseIsUnknown)
{
    const auto v = decide({{"a", "none", 0.20}, {"b", "enc:3", 0.15}, {"c", "enc:4", 0.18}}, "val_l1", true);
    EXPECT_EQ(v.standing, Standing::NoiseUnknown);
    EXPECT_EQ(v.best, "b");
    EXPECT_EQ(v.runnerUp, "c");
    EXPECT_NEAR(v.margin, 0.03, 1e-12);
    EXPECT_EQ(v.noiseRuns, 0);
    EXPECT_FALSE(v.marginExceedsNoise());
    EXPECT_NE(v.summary().find("noise unknown"), std::string::npos) << v.summary();
}

TEST(Verdict, MarginBeyondTheRepeatSpreadExceedsTheNoise)
{
    const auto v
        = decide({{"none", "none", 0.20}, {"none-s43", "none", 0.21}, {"enc3", "enc:3", 0.15}}, "val_l1", true);
    EXPECT_EQ(v.best, "enc3");
    EXPECT_EQ(v.runnerUp, "none");
    EXPECT_NEAR(v.margin, 0.05, 1e-12);
    EXPECT_NEAR(v.noise, 0.01, 1e-12);
    EXPECT_EQ(v.noisePlacement, "none");
    EXPECT_EQ(v.noiseRuns, 2);
    EXPECT_EQ(v.standing, Standing::ExceedsNoise);
    EXPECT_NE(v.summary().find("exceeds the noise"), std::string::npos) << v.summary();
}

TEST(Verdict, MarginInsideTheRepeatSpreadIsWithinTheNoise)
{
    const auto v
        = decide({{"none", "none", 0.20}, {"none-s43", "none", 0.26}, {"enc3", "enc:3", 0.19}}, "val_l1", true);
    EXPECT_EQ(v.best, "enc3");
    EXPECT_NEAR(v.margin, 0.01, 1e-12);
    EXPECT_NEAR(v.noise, 0.06, 1e-12);
    EXPECT_EQ(v.standing, Standing::WithinNoise);
    EXPECT_NE(v.summary().find("may be chance"), std::string::npos) << v.summary();
}

TEST(Verdict, AMarginEqualToTheNoiseDoesNotExceedIt)
{
    const auto v = decide({{"a", "none", 0.25}, {"a2", "none", 0.50}, {"b", "enc:3", 0.00}}, "val_l1", true);
    EXPECT_EQ(v.margin, 0.25);
    EXPECT_EQ(v.noise, 0.25);
    EXPECT_EQ(v.standing, Standing::WithinNoise);
}

TEST(Verdict, ARepeatOfTheBestPlacementIsNotItsRival)
{
    const auto v
        = decide({{"enc3", "enc:3", 0.150}, {"enc3-s2", "enc:3", 0.152}, {"none", "none", 0.200}}, "val_l1", true);
    EXPECT_EQ(v.best, "enc3");
    EXPECT_EQ(v.runnerUp, "none");
    EXPECT_NEAR(v.margin, 0.05, 1e-12);
    EXPECT_NEAR(v.noise, 0.002, 1e-12);
    EXPECT_EQ(v.standing, Standing::ExceedsNoise);
}

TEST(Verdict, TheWiderSpreadOfTheTwoPlacementsComparedIsTheNoise)
{
    const auto v = decide(
        {{"a", "none", 0.30}, {"a2", "none", 0.31}, {"b", "enc:3", 0.20}, {"b2", "enc:3", 0.28}, {"b3", "enc:3", 0.25}},
        "val_l1", true);
    EXPECT_EQ(v.noisePlacement, "enc:3");
    EXPECT_EQ(v.noiseRuns, 3);
    EXPECT_TRUE(v.noiseFromPair);
    EXPECT_NEAR(v.noise, 0.08, 1e-12);
    EXPECT_NEAR(v.margin, 0.10, 1e-12);
    EXPECT_EQ(v.standing, Standing::ExceedsNoise);
    EXPECT_NE(v.summary().find("(enc:3, 3 seeds, the wider seed spread of the two)"), std::string::npos) << v.summary();
}

TEST(Verdict, APlacementThatTrainsUnevenlyDoesNotHideWhatTwoOthersShow)
{
    // dec:3's seeds spread 0.20, but the best (enc:3) and the runner-up (none) spread 0.01 and 0.02: the
    // margin of 0.10 between them is judged against 0.02, not against dec:3's unevenness.
    const std::vector<ScoredRun> runs {{"a", "none", 0.30}, {"a2", "none", 0.32}, {"b", "enc:3", 0.20},
        {"b2", "enc:3", 0.21}, {"c", "dec:3", 0.40}, {"c2", "dec:3", 0.60}};
    for (const auto &v : {decide(runs, "val_l1", true), decideByPlacement(runs, "val_l1", true)}) {
        EXPECT_EQ(v.bestPlacement, "enc:3");
        EXPECT_EQ(v.runnerUpPlacement, "none");
        EXPECT_TRUE(v.noiseFromPair);
        EXPECT_EQ(v.noisePlacement, "none");
        EXPECT_NEAR(v.noise, 0.02, 1e-12);
        EXPECT_EQ(v.standing, Standing::ExceedsNoise) << v.summary();
    }
    EXPECT_NEAR(decideByPlacement(runs, "val_l1", true).margin, 0.105, 1e-12);
}

TEST(Verdict, APlacementScoredOnceFallsBackToTheWidestSpreadOfAny)
{
    // enc:3 was trained once: its own noise is unknown, so the widest spread there is (dec:3's) stands in.
    const std::vector<ScoredRun> runs {
        {"a", "none", 0.30}, {"a2", "none", 0.32}, {"b", "enc:3", 0.20}, {"c", "dec:3", 0.40}, {"c2", "dec:3", 0.60}};
    for (const auto &v : {decide(runs, "val_l1", true), decideByPlacement(runs, "val_l1", true)}) {
        EXPECT_FALSE(v.noiseFromPair);
        EXPECT_EQ(v.noisePlacement, "dec:3");
        EXPECT_NEAR(v.noise, 0.20, 1e-12);
        EXPECT_EQ(v.standing, Standing::WithinNoise);
        EXPECT_EQ(v.singleSeeded(), "enc:3 has one seed");
        EXPECT_NE(v.summary().find("the widest of any placement: enc:3 has one seed"), std::string::npos)
            << v.summary();
    }
    const auto both = decideByPlacement(
        {{"b", "enc:3", 0.20}, {"d", "enc:4", 0.25}, {"a", "none", 0.30}, {"a2", "none", 0.31}}, "val_l1", true);
    EXPECT_FALSE(both.noiseFromPair);
    EXPECT_EQ(both.noisePlacement, "none");
    EXPECT_NEAR(both.noise, 0.01, 1e-12);
    EXPECT_EQ(both.standing, Standing::ExceedsNoise);
    EXPECT_EQ(both.singleSeeded(), "enc:3 and enc:4 have one seed each");
}

TEST(Verdict, HigherIsBetterForSsimAndUnscoredRunsAreLeftOut)
{
    const auto v = decide(
        {{"a", "none", 0.60}, {"b", "enc:3", 0.70}, {"c", "dec:3", kNaN}, {"d", "enc:4", 0.65}}, "val_ssim", false);
    EXPECT_EQ(v.best, "b");
    EXPECT_EQ(v.runnerUp, "d");
    EXPECT_NEAR(v.margin, 0.05, 1e-12);
    EXPECT_NE(v.summary().find("higher is better"), std::string::npos);
}

TEST(Verdict, OnePlacementHasNothingToCompareWith)
{
    const auto v = decide({{"a", "none", 0.30}, {"a2", "none", 0.31}}, "val_l1", true);
    EXPECT_EQ(v.standing, Standing::SinglePlacement);
    EXPECT_EQ(v.best, "a");
    EXPECT_TRUE(v.runnerUp.empty());
}

TEST(Verdict, ByPlacementTheMeansOfTheSeedsCompete)
{
    // enc:3 has the single best run (0.14) but the worse mean (0.17); none wins on the mean 0.16.
    const std::vector<ScoredRun> runs {{"none", "none", 0.15}, {"none-s43", "none", 0.17}, {"enc3", "enc:3", 0.14},
        {"enc3-s43", "enc:3", 0.20}, {"dec3", "dec:3", kNaN}};
    EXPECT_EQ(decide(runs, "val_l1", true).bestPlacement, "enc:3");
    const auto v = decideByPlacement(runs, "val_l1", true);
    EXPECT_TRUE(v.byPlacement);
    EXPECT_EQ(v.bestPlacement, "none");
    EXPECT_EQ(v.best, "none"); // the placement's best run
    EXPECT_NEAR(v.bestValue, 0.16, 1e-12);
    EXPECT_EQ(v.bestRuns, 2);
    EXPECT_EQ(v.runnerUpPlacement, "enc:3");
    EXPECT_NEAR(v.runnerUpValue, 0.17, 1e-12);
    EXPECT_NEAR(v.margin, 0.01, 1e-12);
    EXPECT_NEAR(v.noise, 0.06, 1e-12); // enc:3's seeds spread wider than none's
    EXPECT_EQ(v.noisePlacement, "enc:3");
    EXPECT_TRUE(v.noiseFromPair);
    EXPECT_EQ(v.standing, Standing::WithinNoise);
    EXPECT_NE(v.summary().find("none is best: mean val_l1 0.1600 over 2 runs"), std::string::npos) << v.summary();
}

TEST(Verdict, ByPlacementWithOneRunEachSaysWhatDecideSays)
{
    const std::vector<ScoredRun> runs {{"a", "none", 0.20}, {"b", "enc:3", 0.15}, {"c", "enc:4", 0.18}};
    const auto single = decide(runs, "val_l1", true);
    const auto v = decideByPlacement(runs, "val_l1", true);
    EXPECT_EQ(v.best, single.best);
    EXPECT_EQ(v.runnerUp, single.runnerUp);
    EXPECT_EQ(v.margin, single.margin);
    EXPECT_EQ(v.standing, Standing::NoiseUnknown);
    EXPECT_EQ(v.summary(), single.summary());
    const auto ssim
        = decideByPlacement({{"a", "none", 0.3}, {"b", "none", 0.5}, {"c", "enc:3", 0.45}}, "val_ssim", false);
    EXPECT_EQ(ssim.bestPlacement, "enc:3");
    EXPECT_NEAR(ssim.margin, 0.05, 1e-12);
    EXPECT_NEAR(ssim.noise, 0.2, 1e-12);
    EXPECT_EQ(ssim.standing, Standing::WithinNoise);
}
