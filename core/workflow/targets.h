// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/datasetspec.h"
#include "glyphs/fontface.h"

#include <filesystem>
#include <string>
#include <vector>

namespace zistudio::workflow
{

/** A face's name as targets and menus show it: "Family Style" ("Family" alone for a regular face). */
std::string faceTitle(const glyphs::FaceInfo &info);

/** The smallest style id above every target's of `spec` (0 for none). */
int nextStyleId(const data::DatasetSpec &spec);

/**
 * Target styles for `path`, numbered from `firstStyleId`: a folder gives one hand-drawn target named
 * after the folder; a font file gives face `face`, or one target per face of a collection when
 * `face` < 0, each named after its face. Paths become absolute. Throws glyphs::FontError when the
 * file is not a usable font or has no face `face`.
 */
std::vector<data::TargetSpec> makeTargets(const std::filesystem::path &path, int face, int firstStyleId);

/** Appends makeTargets(path, face, nextStyleId(spec)) to `spec.targets` and returns what it added. */
std::vector<data::TargetSpec> addTargets(data::DatasetSpec &spec, const std::filesystem::path &path, int face);

} // namespace zistudio::workflow
