// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

namespace zistudio::glyphs
{

/** A pixel rectangle: columns [x0, x1), rows [y0, y1). */
struct PixelRect
{
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
    bool operator==(const PixelRect &) const = default;
};

/** Bounding box of the pixels whose coverage is above `threshold` (empty rect when there are none). */
PixelRect inkBounds(const GrayImage &image, int threshold = 0);

/**
 * The fit-to-ink policy on a raster: scales `crop` of `image` so that its longer side becomes
 * size * (1 - 2 * margin), centres it on a size x size canvas, and resamples (bilinear, supersampled when
 * shrinking so thin strokes do not alias away). Pixels outside `image` are paper.
 */
GrayImage fitToCanvas(const GrayImage &image, const PixelRect &crop, int size, double margin);

/** Draws `glyph` (ink coverage) onto `canvas` with its top-left at (x, y), keeping the darker ink where
 * glyphs overlap; what falls outside the canvas is dropped. */
void blitMax(GrayImage &canvas, const GrayImage &glyph, int x, int y);

} // namespace zistudio::glyphs
