// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experiments/comparison.h"

#include <filesystem>
#include <string>
#include <vector>

namespace zistudio::experiments
{

/**
 * A study is a comparison that outlives its project: runs exported one by one as comparison JSON
 * (`zistudio-cli compare --save`, comparisonJson) and read back together later, on another machine,
 * without the checkpoints. Everything the table, the verdict, the curves and the glyph grid need
 * travels in the JSON.
 */

/** The placements of the runs, in order of first appearance, with mean and spread over their seeds. */
std::vector<PlacementSummary> summarizePlacements(const std::vector<RunSummary> &runs);

/**
 * Decides what follows from the runs: the placement summaries and the verdict between placements on
 * `metric` ("val_l1" lower is better, "val_ssim" higher is better).
 */
void finishComparison(Comparison &comparison, const std::string &metric);

/** Reads comparisonJson text back; `where` names the source in errors. Throws ExperimentError. */
Comparison comparisonFromJson(const std::string &text, const std::string &where);

/**
 * Reads exported comparisons and puts their runs into one comparison, in the order given: a file is
 * one comparison JSON, a folder means every comparison JSON under it (sorted by path; other JSON files
 * are skipped). Runs are checked for equal terms against the first one (warnings), the glyph grid joins
 * the rows of the parts that drew the same characters, and the verdict is decided anew. Throws
 * ExperimentError for no runs, a run found twice, or a file that is not a comparison.
 */
Comparison loadStudy(const std::vector<std::filesystem::path> &paths);

/** The same comparison without the runs not named in `keep` (verdict and placements decided anew). */
Comparison selectRuns(const Comparison &comparison, const std::vector<std::string> &keep);

} // namespace zistudio::experiments
