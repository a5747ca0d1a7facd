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

Verdict decideByPlacement(const std::vector<ScoredRun> &runs, const std::string &metric, bool lowerIsBetter)
{
    // One score per placement (the mean of its runs), then decide() on those; the noise still comes
    // from the single runs.
    struct Group
    {
        double sum = 0;
        int count = 0;
        const ScoredRun *bestRun = nullptr;
    };
    std::map<std::string, Group> groups;
    std::vector<std::string> order;
    for (const auto &r : runs) {
        if (!std::isfinite(r.value))
            continue;
        auto [it, fresh] = groups.try_emplace(r.placement);
        if (fresh)
            order.push_back(r.placement);
        auto &g = it->second;
        g.sum += r.value;
        ++g.count;
        if (!g.bestRun || (lowerIsBetter ? r.value < g.bestRun->value : r.value > g.bestRun->value))
            g.bestRun = &r;
    }
    std::vector<ScoredRun> means;
    for (const auto &placement : order) {
        const auto &g = groups.at(placement);
        means.push_back({g.bestRun->run, placement, g.sum / g.count});
    }
    Verdict v = decide(means, metric, lowerIsBetter);
    const Verdict single = decide(runs, metric, lowerIsBetter);
    v.noise = single.noise;
    v.noisePlacement = single.noisePlacement;
    v.noiseRuns = single.noiseRuns;
    v.byPlacement = true;
    if (!v.best.empty())
        v.bestRuns = groups.at(v.bestPlacement).count;
    if (!v.runnerUp.empty())
        v.runnerUpRuns = groups.at(v.runnerUpPlacement).count;
    if (v.standing == Standing::ExceedsNoise || v.standing == Standing::WithinNoise
        || v.standing == Standing::NoiseUnknown)
        v.standing = v.noiseRuns < 2 ? Standing::NoiseUnknown
            : v.margin > v.noise     ? Standing::ExceedsNoise
                                     : Standing::WithinNoise;
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
    std::string text;
    if (byPlacement && (bestRuns > 1 || runnerUpRuns > 1))
        text = bestPlacement + " is best: mean " + metric + " " + fixed(bestValue) + " over " + std::to_string(bestRuns)
            + (bestRuns == 1 ? " run" : " runs") + " vs " + fixed(runnerUpValue) + " for " + runnerUpPlacement + " ("
            + std::to_string(runnerUpRuns) + (runnerUpRuns == 1 ? " run" : " runs") + "), margin " + fixed(margin)
            + " (" + direction + " is better); ";
    else
        text = best + " (" + bestPlacement + ") is best: " + metric + " " + fixed(bestValue) + " vs "
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
