// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiments/verdict.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace zistudio::experiments
{

namespace
{

std::string fixed(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

} // namespace

std::string toString(Standing standing)
{
    switch (standing) {
    case Standing::NoScores:
        return "no scores";
    case Standing::SinglePlacement:
        return "one placement";
    case Standing::NoiseUnknown:
        return "noise unknown";
    case Standing::ExceedsNoise:
        return "exceeds noise";
    case Standing::WithinNoise:
        break;
    }
    return "within noise";
}

Verdict decide(const std::vector<ScoredRun> &runs, const std::string &metric, bool lowerIsBetter)
{
    Verdict v;
    v.metric = metric;
    v.lowerIsBetter = lowerIsBetter;
    std::vector<const ScoredRun *> scored;
    for (const auto &r : runs)
        if (std::isfinite(r.value))
            scored.push_back(&r);
    if (scored.empty())
        return v;
    auto better = [&](const ScoredRun *a, const ScoredRun *b) {
        return lowerIsBetter ? a->value < b->value : a->value > b->value;
    };
    std::stable_sort(scored.begin(), scored.end(), better);
    const ScoredRun &best = *scored.front();
    v.best = best.run;
    v.bestPlacement = best.placement;
    v.bestValue = best.value;
    const auto rival = std::find_if(
        scored.begin(), scored.end(), [&](const ScoredRun *r) { return r->placement != best.placement; });
    if (rival == scored.end()) {
        v.standing = Standing::SinglePlacement;
    } else {
        v.runnerUp = (*rival)->run;
        v.runnerUpPlacement = (*rival)->placement;
        v.runnerUpValue = (*rival)->value;
        v.margin = std::fabs(best.value - v.runnerUpValue);
    }
    std::map<std::string, std::pair<double, double>> range; // placement -> (min, max)
    std::map<std::string, int> count;
    for (const auto *r : scored) {
        auto [it, fresh] = range.try_emplace(r->placement, r->value, r->value);
        if (!fresh) {
            it->second.first = std::min(it->second.first, r->value);
            it->second.second = std::max(it->second.second, r->value);
        }
        ++count[r->placement];
    }
    for (const auto &[placement, minMax] : range) {
        if (count[placement] < 2)
            continue;
        const double spread = minMax.second - minMax.first;
        if (v.noiseRuns == 0 || spread > v.noise) {
            v.noise = spread;
            v.noisePlacement = placement;
            v.noiseRuns = count[placement];
        }
    }
    if (v.standing == Standing::SinglePlacement)
        return v;
    if (v.noiseRuns < 2)
        v.standing = Standing::NoiseUnknown;
    else
        v.standing = v.margin > v.noise ? Standing::ExceedsNoise : Standing::WithinNoise;
    return v;
}

std::string Verdict::summary() const
{
    const std::string direction = lowerIsBetter ? "lower" : "higher";
    switch (standing) {
    case Standing::NoScores:
        return "no run has a validated checkpoint yet: nothing to compare";
    case Standing::SinglePlacement:
        return best + " (" + bestPlacement + ") is best by " + metric + " " + fixed(bestValue)
            + ", but every scored run has that placement: nothing to compare it with";
    default:
        break;
    }
    std::string text = best + " (" + bestPlacement + ") is best: " + metric + " " + fixed(bestValue) + " vs "
        + fixed(runnerUpValue) + " for " + runnerUp + " (" + runnerUpPlacement + "), margin " + fixed(margin) + " ("
        + direction + " is better); ";
    if (standing == Standing::NoiseUnknown)
        return text + "noise unknown (no placement was trained twice: add a repeat with another seed)";
    text += "run-to-run noise " + fixed(noise) + " (" + noisePlacement + ", " + std::to_string(noiseRuns) + " seeds): ";
    return text
        + (standing == Standing::ExceedsNoise ? "the margin exceeds the noise"
                                              : "the margin is within the noise, so the ranking may be chance");
}

} // namespace zistudio::experiments
