// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zistudio::experiments
{

/** One placement trained again with another seed, to measure run-to-run noise. */
struct RepeatSpec
{
    std::string attention;        ///< any text AttentionSpec::parse accepts
    std::optional<unsigned> seed; ///< none = the project's seed + 1 (+ 2 for a second repeat...)
};

/** What a sweep trains: every placement with the project's data, split, seed, batch and one step budget. */
struct SweepOptions
{
    std::filesystem::path projectFile;
    std::vector<std::string> attention; ///< placements ("none", "enc:3", "enc:3,dec:3"...)
    long long steps = 0;                ///< 0 = the project's training.steps
    std::string prefix = "sweep";       ///< runs are named <prefix>-<placement>[-s<seed>]
    /// every placement trained with this many seeds (the project's seed, + 1, ...), one round per seed:
    /// every placement's first run before any placement's second
    int seeds = 1;
    std::vector<RepeatSpec> repeats;  ///< more runs of single placements, after the rounds
    std::vector<std::string> only {}; ///< train only these runs of the plan (empty = all); others are left alone
    int progressIntervalMs = 500;
};

/** One run of a sweep, as planned. */
struct SweepEntry
{
    std::string runName;
    std::string attention; ///< canonical text form ("none", "enc:3,dec:3")
    unsigned seed = 0;
    long long steps = 0;
    bool repeat = false; ///< a noise repeat (another seed)
};

/** "none;enc:3;enc:3,dec:3" → the placements, canonical; throws ExperimentError on a bad or repeated one. */
std::vector<std::string> parseAttentionList(const std::string &text);

/**
 * "SPEC[:SEED]" → a repeat: "none", "none:7", "enc:3" (no seed), "enc:3:7", "enc:3,dec:3:9". The text
 * is a whole placement when it parses as one; otherwise the part after the last ':' is the seed.
 * Throws ExperimentError naming the text.
 */
RepeatSpec parseRepeat(const std::string &text);

/** "enc:3,dec:3" → "enc3-dec3", "none" → "none": the placement as a part of a run name. */
std::string placementSlug(const std::string &canonicalAttention);

/**
 * The runs of a sweep, in training order: each placement with the project's seed, then (seeds > 1) each
 * placement again with the next seed, and so on, then the repeats (default seed: the next one that
 * placement has not used). Checks every placement
 * against the project's model (depths within 1..D) and every run name; throws ExperimentError naming
 * the placement or the name.
 */
std::vector<SweepEntry> planSweep(const SweepOptions &options, const project::Project &project);

/** The project as entry `entry` trains it: its attention, seed and step budget. */
project::Project plannedConfig(const project::Project &project, const SweepEntry &entry);

} // namespace zistudio::experiments
