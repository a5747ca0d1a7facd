// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "export/embox.h"
#include "export/outline.h"

namespace zistudio::fontexport
{

/** How a glyph image becomes an outline (potrace parameters plus pre-processing). */
struct TraceOptions
{
    int turdsize = 2;          ///< drop specks of at most this many pixels (of the input image)
    double alphamax = 1.0;     ///< potrace corner threshold: 0 = polygon, 1.3334 = no corners
    double opttolerance = 0.2; ///< potrace curve joining tolerance (0 = no optimisation)
    int upscale = 2;           ///< bilinear upsampling factor before thresholding (1..8)
    double threshold = 0.5;    ///< ink coverage (0..1) at or above which a pixel is ink
    bool median3 = true;       ///< 3×3 median filter first (removes GAN speckle)
    bool operator==(const TraceOptions &) const = default;
};

/** Throws ExportError naming the field when an option is out of range. */
void validateTraceOptions(const TraceOptions &options);

/**
 * Traces an ink-coverage glyph image (square, S×S, em-box placement: see EmBox) with libpotrace
 * and returns its outline in font units: lines and cubics, outer contours counter-clockwise (y up).
 * An image without ink gives an empty outline. Thread-safe. Throws ExportError for a non-square
 * or empty image, or when potrace fails.
 */
Outline traceGlyph(const GrayImage &image, const EmBox &emBox, const TraceOptions &options = {});

} // namespace zistudio::fontexport
