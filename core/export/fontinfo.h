// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/embox.h"
#include "export/outline.h"

#include <map>
#include <string>

namespace zistudio::fontexport
{

/** Names, version and metrics shared by the UFO, TTF and OTF writers. */
struct FontInfo
{
    std::string family = "ZiStudio Generated";
    std::string style = "Regular";
    EmBox emBox;
    int versionMajor = 1;
    int versionMinor = 0;                        ///< 0..999, shown as "1.000"
    std::string vendorId = "NONE";               ///< OS/2 achVendID, 4 printable ASCII characters
    std::map<std::string, std::string> metadata; ///< run, checkpoint, settings (UFO lib, PNG text)
};

/** A glyph as the font writers take it: a name, one code point, an advance, a cubic outline (font units). */
struct FontGlyph
{
    std::string name; ///< "uni6C38"
    char32_t codePoint = 0;
    int advanceWidth = 1000;
    Outline outline;
    bool flagged = false; ///< UFO: public.markColor
};

/** The PostScript name ("ZiStudioGenerated-Regular"): printable ASCII without []{}()<>/% and spaces, ≤ 63 chars. */
std::string postScriptName(const FontInfo &info);
/**
 * The stem of exported file names (NAME.ufo, NAME.ttf): the PostScript name reduced to letters,
 * digits, '.', '_' and '-', never starting with '.' or '-' (a family "../../X" gives "X-Regular", not
 * a hidden "....X-Regular"); "ZiStudioGenerated-Regular" when nothing is left.
 */
std::string exportFileStem(const FontInfo &info);

/** "1.000" from versionMajor/versionMinor. */
std::string versionString(const FontInfo &info);

/** The .notdef glyph's outline: a box inside the em box with a hole (outer CCW, hole CW). */
Outline notdefOutline(const EmBox &emBox);

/** Throws ExportError naming the field when the family/style/version/vendor cannot go into a font. */
void validateFontInfo(const FontInfo &info);

} // namespace zistudio::fontexport
