// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/outline.h"
#include "export/quadratic.h"

#include <string>

namespace zistudio::fontexport
{

/** One glyph compiled for the 'glyf' table, with what hmtx/maxp/head need to know about it. */
struct TrueTypeGlyph
{
    std::string data; ///< the simple-glyph record, unpadded; empty for a glyph without outline
    int xMin = 0;
    int yMin = 0;
    int xMax = 0;
    int yMax = 0;
    int numPoints = 0;
    int numContours = 0;
};

/**
 * Compiles a cubic outline (PostScript direction: outer counter-clockwise) to a TrueType simple
 * glyph: contours reversed to TrueType's clockwise outer direction, cubics converted to quadratic
 * splines within `tolerance` font units (see cubicToQuadratic), points rounded to integers (which
 * adds at most 0.5 unit per coordinate), consecutive duplicates and degenerate contours dropped,
 * flags and coordinates packed. Thread-safe. Throws ExportError when a coordinate leaves the
 * 16-bit range or the glyph has more than 65535 points.
 */
TrueTypeGlyph compileTrueTypeGlyph(const Outline &outline, double tolerance = kDefaultQuadraticTolerance);

} // namespace zistudio::fontexport
