// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/coverageranges.h"
#include "export/fontinfo.h"
#include "export/sfnt.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace zistudio::fontexport
{

/** What the shared tables need to know about one glyph of a font being built. */
struct GlyphRecord
{
    std::string name;
    char32_t codePoint = 0; ///< 0 = not in cmap (.notdef)
    int advanceWidth = 0;
    bool hasOutline = false;
    int xMin = 0;
    int yMin = 0;
    int xMax = 0;
    int yMax = 0;
    int numPoints = 0;
    int numContours = 0;
};

/** Which outline flavour the shared tables describe. */
enum class OutlineFlavour
{
    TrueType, ///< glyf/loca, maxp 1.0, head.indexToLocFormat = 1
    Cff       ///< 'CFF ', maxp 0.5
};

/**
 * The tables every font we write has: head, hhea, maxp, OS/2 (v4), hmtx, vhea, vmtx, cmap, name,
 * post (v3). Glyph 0 must be .notdef. The outline tables (glyf/loca or CFF) are the caller's.
 */
SfntFont buildSharedTables(const FontInfo &info, const std::vector<GlyphRecord> &glyphs, OutlineFlavour flavour);

/** The 'name' table (IDs 1-6, and 16/17 for non-RIBBI styles): Windows 3/1 UTF-16BE and Mac 1/0 for ASCII strings. */
std::string buildNameTable(const FontInfo &info);

/**
 * 'hmtx' from (advance, lsb) pairs, with the trailing run of equal advances compressed;
 * `numberOfHMetrics` receives the count of full records.
 */
std::string buildHmtx(const std::vector<std::pair<int, int>> &metrics, int &numberOfHMetrics);

} // namespace zistudio::fontexport
