// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/fontinfo.h"
#include "export/fonttables.h"
#include "export/truetypeglyph.h"

#include <filesystem>
#include <string>
#include <vector>

namespace zistudio::fontexport
{

/**
 * A complete TrueType (glyf) font from glyphs already compiled with compileTrueTypeGlyph (so the
 * expensive part can run on worker threads): `records[i]` describes `compiled[i]`; glyph 0 must
 * be .notdef. Tables: head (long loca, checksumAdjustment), hhea, maxp 1.0, OS/2 v4, hmtx
 * (lsb = xMin), vhea, vmtx, cmap (4 + 12), loca, glyf, name, post 3.
 */
std::string buildTrueTypeFont(
    const FontInfo &info, const std::vector<GlyphRecord> &records, const std::vector<TrueTypeGlyph> &compiled);

/**
 * A TrueType font from cubic glyphs: adds .notdef as glyph 0, orders the rest by code point and
 * converts each outline (see compileTrueTypeGlyph, `tolerance` in font units).
 */
std::string buildTrueTypeFont(
    const FontInfo &info, const std::vector<FontGlyph> &glyphs, double tolerance = kDefaultQuadraticTolerance);

/** The GlyphRecord of a compiled glyph. */
GlyphRecord glyphRecord(const std::string &name, char32_t codePoint, int advanceWidth, const TrueTypeGlyph &glyph);

/** Builds the 'glyf' and 'loca' (long offsets) tables from compiled glyphs; glyphs are 4-byte aligned. */
void buildGlyfLoca(const std::vector<const TrueTypeGlyph *> &glyphs, std::string &glyf, std::string &loca);

} // namespace zistudio::fontexport
