// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experiments/comparison.h"

#include <filesystem>
#include <string>

namespace zistudio::experiments
{

/**
 * The comparison as JSON text: runs (values, γ, curves, configuration), placements (mean and spread
 * over seeds), verdict, warnings, and the glyph grid as base64 PNGs. Missing values are null. It is
 * complete: experiments::loadStudy reads it back without the project (study.h).
 */
std::string comparisonJson(const Comparison &comparison);

/** Writes comparisonJson atomically; throws IoError. */
void writeComparisonJson(const std::filesystem::path &file, const Comparison &comparison);

/**
 * The comparison as CSV (RFC 4180, header row, one row per run): every table column, γ as
 * "enc:3=0.0123;dec:3=-0.0040", the rank and the verdict columns (best, margin, noise, standing).
 * Missing values are empty cells.
 */
std::string comparisonCsv(const Comparison &comparison);

/** Writes comparisonCsv atomically; throws IoError. */
void writeComparisonCsv(const std::filesystem::path &file, const Comparison &comparison);

} // namespace zistudio::experiments
