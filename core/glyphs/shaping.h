// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

#include <string>
#include <string_view>
#include <vector>

namespace zistudio::glyphs
{

class FontFace;

/** One glyph of a shaped line; advances and offsets are in pixels at the requested size (y up). */
struct ShapedGlyph
{
    unsigned glyphId = 0;
    unsigned cluster = 0; ///< byte offset of the first UTF-8 byte of the text this glyph comes from
    double xAdvance = 0;
    double yAdvance = 0; ///< negative going down in vertical text
    double xOffset = 0;
    double yOffset = 0;
};

/**
 * Shapes a line of UTF-8 text with HarfBuzz (GSUB/GPOS: ligatures, vertical alternates such as 。，「」 in
 * vertical text, variation selectors). `pixelSize` is the em size in pixels. Throws FontError for invalid UTF-8
 * or text over 10,000 characters.
 */
std::vector<ShapedGlyph> shapeText(
    const FontFace &face, std::string_view utf8, double pixelSize, bool vertical = false);

/**
 * Renders a shaped line with THE rasterizer (em-box placement, pixelSize canvas per glyph): horizontal text is
 * pixelSize tall with the em box on the canvas rows and the glyphs at their advances; vertical text is pixelSize
 * wide, the column's centre line in the middle. For the preview of typed text.
 */
GrayImage renderText(const FontFace &face, std::string_view utf8, int pixelSize, bool vertical = false);

} // namespace zistudio::glyphs
