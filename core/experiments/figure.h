// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "experiments/canvas.h"
#include "experiments/comparison.h"

#include <filesystem>

namespace zistudio::experiments
{

/**
 * The comparison as one picture (RGBA): the validation L1 curves of every run overlaid (one colour
 * per placement, repeats dashed, the source-as-prediction baseline grey), a legend with each run's
 * best value (the best run starred), the verdict in words, and the glyph grid (source, each run,
 * target) when the comparison has one. Labels are ASCII (run names, code points).
 */
RgbaImage renderComparisonFigure(const Comparison &comparison);

/** Renders and writes the figure as a PNG, atomically; throws IoError. */
void writeComparisonFigure(const std::filesystem::path &file, const Comparison &comparison);

/** The validation L1 points a figure plots: every one after step 0 (the untrained model dwarfs the rest). */
std::vector<project::MetricPoint> plottedValidationL1(const RunSummary &run);

/** The colour (R, G, B) the figure gives to the n-th placement; the GUI uses the same palette. */
Rgba placementColour(std::size_t index);

} // namespace zistudio::experiments
