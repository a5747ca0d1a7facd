// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

#include <vector>

namespace zistudio::training
{

/**
 * Lays out rows of equally sized glyph images (e.g. source | generated | target rows of the probe
 * characters) on a paper-coloured canvas with `gap` pixels between cells and a thicker gap every
 * `groupRows` rows (between styles). Null images leave their cell blank.
 */
GrayImage composeSampleGrid(const std::vector<std::vector<GrayImage>> &rows, int gap = 2, int groupRows = 3);

} // namespace zistudio::training
