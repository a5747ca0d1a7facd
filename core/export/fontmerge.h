// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/fontinfo.h"
#include "export/quadratic.h"

#include <filesystem>
#include <string>
#include <vector>

namespace zistudio::fontexport
{

/** What mergeIntoFont did. */
struct MergeReport
{
    std::vector<char32_t> added;            ///< code points given new glyphs
    std::vector<char32_t> alreadyPresent;   ///< code points the font had: its own glyph was kept
    std::vector<std::string> droppedTables; ///< tables removed because they would be inconsistent
    int glyphsBefore = 0;
    int glyphsAfter = 0;
    double scale = 1; ///< factor applied to our outlines (target upem / our upem)
};

/**
 * Adds glyphs to a TrueType (glyf) font, only for code points its cmap lacks, keeping every other
 * table and glyph: glyphs are appended to glyf/loca (long offsets when needed), hmtx (and vmtx) get
 * full records, cmap is rebuilt with the old mapping plus the new one (formats 4 and 12; other
 * subtables such as format 14 kept), post format 2 gets the new names, maxp/hhea/vhea/head/OS/2
 * (Unicode ranges, first/last char) are updated. hdmx, LTSH, VDMX (per-glyph device metrics) and
 * DSIG (a signature the change breaks) are dropped and listed in the report. Our outlines, in
 * `ourEmBox` units, are scaled by target upem / ourEmBox.unitsPerEm about the origin. The result is
 * written atomically to `output` (which may be the input). Throws ExportError for CFF fonts,
 * collections (TTC), damaged fonts, or more than 65535 glyphs.
 */
MergeReport mergeIntoFont(const std::filesystem::path &targetFont, const std::vector<FontGlyph> &glyphs,
    const EmBox &ourEmBox, const std::filesystem::path &output, double tolerance = kDefaultQuadraticTolerance);

/**
 * Checks that `font` can be merged into (a readable TrueType glyf font, not CFF, TTC or variable)
 * without changing anything. Throws ExportError naming the file and the reason.
 */
void checkMergeTarget(const std::filesystem::path &font);

/** The same on bytes: returns the merged font. `what` names the target in errors. */
std::string mergeIntoFontData(const std::string &targetFont, const std::string &what,
    const std::vector<FontGlyph> &glyphs, const EmBox &ourEmBox, MergeReport &report,
    double tolerance = kDefaultQuadraticTolerance);

} // namespace zistudio::fontexport
