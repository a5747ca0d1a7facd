// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace zistudio::fontexport
{

/**
 * Vertical metrics of the output font and the em box that glyph images map onto. A glyph image of
 * S×S pixels covers exactly the em box, with square pixels as glyphs::Rasterizer draws them: y from
 * emBoxTop (row 0) down to emBoxBottom (row S), x from 0 (column 0) to emBoxTop - emBoxBottom
 * (column S), in font units — one em when the em box spans one em, as it does for fonts. When the
 * metrics come from a font with another units-per-em they are scaled to `unitsPerEm` (emBoxFromFont).
 */
struct EmBox
{
    int unitsPerEm = 1000;
    int ascender = 880;        ///< OS/2 sTypoAscender, hhea ascender, UFO ascender
    int descender = -120;      ///< OS/2 sTypoDescender (negative), hhea descender, UFO descender
    double emBoxTop = 880;     ///< font units at image row 0
    double emBoxBottom = -120; ///< font units at image row S
    int xHeight = 0;           ///< 0 = derived: 0.543 em (Noto CJK's Latin proportions)
    int capHeight = 0;         ///< 0 = derived: 0.733 em

    int resolvedXHeight() const;
    int resolvedCapHeight() const;
    bool operator==(const EmBox &) const = default;
};

/**
 * An EmBox for a font whose em box (e.g. OS/2 typo ascender/descender or the BASE ideographic em
 * box) is `top`/`bottom` in a font of `sourceUnitsPerEm`, scaled to `unitsPerEm` (1000).
 */
EmBox emBoxFromFont(int sourceUnitsPerEm, double top, double bottom, int unitsPerEm = 1000);

/** Throws ExportError naming the field when the em box cannot map an image (zero height, bad upem...). */
void validateEmBox(const EmBox &box);

} // namespace zistudio::fontexport
