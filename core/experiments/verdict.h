// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace zistudio::experiments
{

/** One run's score for the verdict: its placement and its best checkpoint's metric (NaN = none). */
struct ScoredRun
{
    std::string run;
    std::string placement;
    double value = 0;
};

/** How the best run stands against the runner-up and the run-to-run noise. */
enum class Standing
{
    NoScores,        ///< no run has a validated checkpoint
    SinglePlacement, ///< every scored run has the same placement: nothing to compare
    NoiseUnknown,    ///< no placement was trained twice (with another seed)
    ExceedsNoise,    ///< margin > noise
    WithinNoise      ///< margin <= noise: the ranking may be chance
};

/**
 * The best run, its margin over the best run of ANOTHER placement (a repeat of the best placement is
 * not a rival), and the run-to-run noise that margin is set against: the spread (max - min) of the
 * metric among the runs of one placement (its repeats with other seeds). The noise is the wider spread
 * of the two placements compared when both were repeated; only when one of them has a single run does
 * it fall back to the widest spread of any placement — so one placement that trains unevenly across
 * its seeds cannot hide what two others show.
 */
struct Verdict
{
    std::string metric = "val_l1";
    bool lowerIsBetter = true;
    Standing standing = Standing::NoScores;
    std::string best, bestPlacement;
    double bestValue = 0;
    std::string runnerUp, runnerUpPlacement; ///< empty for NoScores / SinglePlacement
    double runnerUpValue = 0;
    double margin = 0;          ///< |best - runner-up|, >= 0
    double noise = 0;           ///< valid when noiseRuns >= 2
    std::string noisePlacement; ///< the placement whose repeats gave `noise`
    int noiseRuns = 0;          ///< runs of that placement
    /// true: `noise` is the wider spread of the best and the runner-up placement (both repeated); false:
    /// the widest spread of any placement, as one of the two (or both) was scored once
    bool noiseFromPair = false;
    /// decideByPlacement: bestValue and runnerUpValue are placement means over bestRuns / runnerUpRuns
    /// seeds, and best / runnerUp name the best run of each placement
    bool byPlacement = false;
    int bestRuns = 1, runnerUpRuns = 1; ///< scored runs of the best / runner-up placement (both deciders)

    bool marginExceedsNoise() const { return standing == Standing::ExceedsNoise; }
    /** One sentence for tables, logs and the figure (ASCII). */
    std::string summary() const;
    /** The compared placements (best, runner-up) scored once: why the noise is not the pair's own. */
    std::vector<std::string> singleSeededPlacements() const;
    /** The same in words: "enc:3 has one seed", "a and b have one seed each". */
    std::string singleSeeded() const;
};

/** Decides the verdict from scored runs (runs with a NaN value are left out). */
Verdict decide(const std::vector<ScoredRun> &runs, const std::string &metric, bool lowerIsBetter);

/**
 * The verdict between placements rather than single runs: each placement scores the mean of its
 * runs (its seeds), the best placement's mean is set against the best mean of another placement, and
 * the margin between the means against the run-to-run noise of those two placements (as in decide()).
 * With one run per placement it says what decide() says.
 */
Verdict decideByPlacement(const std::vector<ScoredRun> &runs, const std::string &metric, bool lowerIsBetter);

/** "exceeds noise", "within noise", "noise unknown", "one placement", "no scores". */
std::string toString(Standing standing);

} // namespace zistudio::experiments
