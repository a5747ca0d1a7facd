// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/fontinfo.h"
#include "export/fonttables.h"

#include <string>
#include <vector>

namespace zistudio::fontexport
{

/** One glyph compiled to a Type 2 charstring, with its bounds for the shared tables. */
struct CffGlyph
{
    std::string charString;
    bool hasOutline = false;
    int xMin = 0;
    int yMin = 0;
    int xMax = 0;
    int yMax = 0;
};

/**
 * Compiles a cubic outline (PostScript direction, which CFF keeps) to a Type 2 charstring:
 * integer coordinates, rmoveto/rlineto/rrcurveto (runs batched within the 48-argument stack
 * limit), the closing line left implicit, endchar. The advance is written only when it differs
 * from `defaultWidth` (the Private DICT's defaultWidthX; nominalWidthX is 0). Thread-safe.
 */
CffGlyph compileCffGlyph(const Outline &outline, int advanceWidth, int defaultWidth);

/**
 * A complete OpenType font with CFF outlines from compiled glyphs (`records[i]` describes
 * `glyphs[i]`, glyph 0 is .notdef): 'CFF ' (name-keyed, glyph names in the charset, one Private
 * DICT, no subroutines, FontMatrix from the units per em), plus the shared tables with maxp 0.5.
 */
std::string buildCffFont(
    const FontInfo &info, const std::vector<GlyphRecord> &records, const std::vector<CffGlyph> &glyphs);

/** A CFF-flavoured OpenType font from cubic glyphs: .notdef added as glyph 0, the rest by code point. */
std::string buildCffFont(const FontInfo &info, const std::vector<FontGlyph> &glyphs);

/** The GlyphRecord of a compiled CFF glyph. */
GlyphRecord glyphRecord(const std::string &name, char32_t codePoint, int advanceWidth, const CffGlyph &glyph);

} // namespace zistudio::fontexport
