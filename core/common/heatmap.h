// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

#include <array>
#include <cstdint>

namespace zistudio
{

/** The perceptual "magma"-like colour of t in [0, 1] (dark = low, bright = high), as R, G, B. */
std::array<std::uint8_t, 3> heatColor(float t);

/**
 * Upsamples `grid` (bilinear, cell centres aligned) to the glyph's size, normalises it to its own
 * maximum, and blends it over the glyph: paper white, ink dark grey, heat coloured with `opacity`
 * (0..1) weighted by the normalised value so cold areas keep showing the glyph. The one heatmap
 * renderer of the CLI and the studio, so both show the same picture.
 */
RgbaImage renderHeatmapOverlay(const GrayImage &glyph, const FloatGrid &grid, float opacity = 0.6F);

/** Bilinear upsampling of a grid to width x height (cell centres aligned, edges clamped). */
FloatGrid upsampleGrid(const FloatGrid &grid, int width, int height);

} // namespace zistudio
