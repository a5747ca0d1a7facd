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

/** The spread (max - min) of the metric over one placement's scored runs, and how many there are. */
struct Spread
{
    double value = 0;
    int runs = 0;
};

std::map<std::string, Spread> seedSpreads(const std::vector<ScoredRun> &runs)
{
    std::map<std::string, std::pair<double, double>> range; // placement -> (min, max)
    std::map<std::string, Spread> spreads;
    for (const auto &r : runs) {
        if (!std::isfinite(r.value))
            continue;
        const auto it = range.try_emplace(r.placement, r.value, r.value).first;
        it->second.first = std::min(it->second.first, r.value);
        it->second.second = std::max(it->second.second, r.value);
        auto &s = spreads[r.placement];
        s.value = it->second.second - it->second.first;
        ++s.runs;
    }
    return spreads;
}

/**
 * Sets the noise the margin is judged against, then the standing: the wider spread of the two placements
 * compared where both were repeated, else the widest spread of any repeated placement (a placement trained
 * once says nothing about its own noise, so the most cautious figure there is stands in for it).
 */
void setNoise(Verdict &v, const std::map<std::string, Spread> &spreads)
{
    v.noise = 0;
    v.noisePlacement.clear();
    v.noiseRuns = 0;
    v.noiseFromPair = false;
    auto runsOf = [&](const std::string &placement) {
        const auto it = spreads.find(placement);
        return it == spreads.end() ? 0 : it->second.runs;
    };
    v.bestRuns = std::max(1, runsOf(v.bestPlacement));
    v.runnerUpRuns = std::max(1, runsOf(v.runnerUpPlacement));
    auto take = [&](const std::string &placement, const Spread &s) {
        if (s.runs >= 2 && (v.noiseRuns == 0 || s.value > v.noise)) {
            v.noise = s.value;
            v.noisePlacement = placement;
            v.noiseRuns = s.runs;
        }
    };
    if (!v.runnerUpPlacement.empty() && runsOf(v.bestPlacement) >= 2 && runsOf(v.runnerUpPlacement) >= 2) {
        take(v.bestPlacement, spreads.at(v.bestPlacement));
        take(v.runnerUpPlacement, spreads.at(v.runnerUpPlacement));
        v.noiseFromPair = true;
    } else {
        for (const auto &[placement, s] : spreads)
            take(placement, s);
    }
    if (v.standing == Standing::NoScores || v.standing == Standing::SinglePlacement)
        return;
    if (v.noiseRuns < 2)
        v.standing = Standing::NoiseUnknown;
    else
        v.standing = v.margin > v.noise ? Standing::ExceedsNoise : Standing::WithinNoise;
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
        v.standing = Standing::NoiseUnknown; // until setNoise() weighs the margin
        v.runnerUp = (*rival)->run;
        v.runnerUpPlacement = (*rival)->placement;
        v.runnerUpValue = (*rival)->value;
        v.margin = std::fabs(best.value - v.runnerUpValue);
    }
    setNoise(v, seedSpreads(runs));
    return v;
}

Verdict decideByPlacement(const std::vector<ScoredRun> &runs, const std::string &metric, bool lowerIsBetter)
{
    // One score per placement (the mean of its runs), then decide() on those; the noise comes from the
    // single runs.
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
    v.byPlacement = true;
    setNoise(v, seedSpreads(runs));
    return v;
}

std::vector<std::string> Verdict::singleSeededPlacements() const
{
    std::vector<std::string> single;
    if (bestRuns < 2)
        single.push_back(bestPlacement);
    if (!runnerUpPlacement.empty() && runnerUpRuns < 2)
        single.push_back(runnerUpPlacement);
    return single;
}

std::string Verdict::singleSeeded() const
{
    const auto single = singleSeededPlacements();
    if (single.size() == 2)
        return single[0] + " and " + single[1] + " have one seed each";
    return single.empty() ? std::string() : single[0] + " has one seed";
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
    text += "run-to-run noise " + fixed(noise) + " (" + noisePlacement + ", " + std::to_string(noiseRuns) + " seeds"
        + (noiseFromPair ? ", the wider seed spread of the two" : ", the widest of any placement: " + singleSeeded())
        + "): ";
    return text
        + (standing == Standing::ExceedsNoise ? "the margin exceeds the noise"
                                              : "the margin is within the noise, so the ranking may be chance");
}

} // namespace zistudio::experiments
