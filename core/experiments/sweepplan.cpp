// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiments/sweepplan.h"

#include "experiments/experimentserror.h"
#include "project/runstore.h"

#include <algorithm>
#include <map>
#include <set>

namespace zistudio::experiments
{

namespace
{

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

std::string canonical(const std::string &text, const std::string &where)
{
    try {
        return model::AttentionSpec::parse(trimmed(text)).toString();
    } catch (const Error &e) {
        throw ExperimentError(where + " \"" + text + "\": " + e.what());
    }
}

bool allDigits(const std::string &text)
{
    return !text.empty() && text.size() <= 18
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::vector<std::string> parseAttentionList(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(';', start), text.size());
        const std::string item = trimmed(text.substr(start, end - start));
        if (!item.empty()) {
            const std::string spec = canonical(item, "attention placement");
            if (std::find(out.begin(), out.end(), spec) != out.end())
                throw ExperimentError("attention placement \"" + item + "\" is listed twice (as " + spec + ")");
            out.push_back(spec);
        }
        start = end + 1;
    }
    if (out.empty())
        throw ExperimentError("no attention placements given (e.g. \"none;enc:3;enc:3,dec:3\")");
    return out;
}

RepeatSpec parseRepeat(const std::string &text)
{
    const std::string t = trimmed(text);
    try {
        return {model::AttentionSpec::parse(t).toString(), std::nullopt};
    } catch (const Error &) {
        // Not a whole placement: maybe SPEC:SEED.
    }
    const auto colon = t.rfind(':');
    if (colon == std::string::npos || !allDigits(t.substr(colon + 1)))
        throw ExperimentError("repeat \"" + text + "\": expected a placement, optionally with :SEED (e.g. none:7)");
    const unsigned long long seed = std::stoull(t.substr(colon + 1));
    if (seed > 0xFFFFFFFFull)
        throw ExperimentError("repeat \"" + text + "\": the seed must be below 2^32");
    return {canonical(t.substr(0, colon), "repeat"), static_cast<unsigned>(seed)};
}

std::string placementSlug(const std::string &canonicalAttention)
{
    std::string out;
    for (char c : canonicalAttention) {
        if (c == ':')
            continue;
        out += c == ',' ? '-' : c;
    }
    return out;
}

project::Project plannedConfig(const project::Project &project, const SweepEntry &entry)
{
    project::Project p = project;
    p.model.attention = model::AttentionSpec::parse(entry.attention);
    p.training.seed = entry.seed;
    p.training.steps = entry.steps;
    return p;
}

std::vector<SweepEntry> planSweep(const SweepOptions &options, const project::Project &project)
{
    if (options.attention.empty())
        throw ExperimentError("no attention placements given (e.g. \"none;enc:3;enc:3,dec:3\")");
    if (options.steps < 0)
        throw ExperimentError("--steps must be positive");
    const long long steps = options.steps > 0 ? options.steps : project.training.steps;
    const unsigned baseSeed = project.training.seed;
    std::vector<SweepEntry> plan;
    auto add = [&](SweepEntry entry) {
        if (!project::isValidRunName(entry.runName))
            throw ExperimentError("run name \"" + entry.runName
                + "\" is not valid: use a --name of letters, digits, '.', '_' or '-' (at most 64 characters in all)");
        for (const auto &other : plan)
            if (other.runName == entry.runName)
                throw ExperimentError("the sweep would train \"" + entry.runName + "\" twice");
        try {
            project::validateProject(plannedConfig(project, entry), "placement " + entry.attention);
        } catch (const Error &e) {
            throw ExperimentError(e.what());
        }
        plan.push_back(std::move(entry));
    };
    if (options.seeds < 1)
        throw ExperimentError("--seeds must be at least 1");
    std::vector<std::string> placements;
    for (const auto &text : options.attention)
        placements.push_back(canonical(text, "attention placement"));
    for (int round = 0; round < options.seeds; ++round)
        for (const auto &spec : placements) {
            const unsigned seed = baseSeed + static_cast<unsigned>(round);
            add({.runName = options.prefix + "-" + placementSlug(spec) + (round ? "-s" + std::to_string(seed) : ""),
                .attention = spec,
                .seed = seed,
                .steps = steps,
                .repeat = round > 0});
        }
    std::map<std::string, unsigned> nextOffset;
    for (const auto &r : options.repeats) {
        const std::string spec = canonical(r.attention, "repeat");
        const bool swept = std::find(placements.begin(), placements.end(), spec) != placements.end();
        unsigned seed = 0;
        if (r.seed) {
            seed = *r.seed;
        } else {
            // Past the seeds the rounds gave this placement.
            auto [it, fresh] = nextOffset.try_emplace(spec, swept ? static_cast<unsigned>(options.seeds - 1) : 0u);
            seed = baseSeed + ++it->second;
        }
        if (seed == baseSeed)
            throw ExperimentError("repeat \"" + spec + "\" uses the sweep's own seed " + std::to_string(seed)
                + ": a repeat needs another seed");
        add({.runName = options.prefix + "-" + placementSlug(spec) + "-s" + std::to_string(seed),
            .attention = spec,
            .seed = seed,
            .steps = steps,
            .repeat = true});
    }
    for (const auto &name : options.only)
        if (std::none_of(plan.begin(), plan.end(), [&](const SweepEntry &e) { return e.runName == name; })) {
            std::string names;
            for (const auto &e : plan)
                names += (names.empty() ? "" : ", ") + e.runName;
            throw ExperimentError("--only \"" + name + "\" is not a run of this sweep (its runs: " + names + ")");
        }
    return plan;
}

} // namespace zistudio::experiments
