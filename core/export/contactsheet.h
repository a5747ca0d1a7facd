// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

#include <string>
#include <vector>

namespace zistudio::fontexport
{

/** Layout of contact sheets: a grid of glyph cells, each with its code point underneath. */
struct ContactSheetOptions
{
    int columns = 16;
    int rows = 16;    ///< rows per sheet; more glyphs continue on the next sheet
    int cellSize = 0; ///< glyph size in the sheet, px; 0 = the glyph images' size, at most 128
    bool operator==(const ContactSheetOptions &) const = default;
};

/** One glyph on a sheet. `image` must stay alive while the sheets are rendered. */
struct SheetGlyph
{
    char32_t codePoint = 0;
    const GrayImage *image = nullptr;
    bool flagged = false; ///< drawn with a red frame
};

/**
 * Renders glyphs onto labelled contact sheets (RGBA, dark ink on white, thin grey cell borders, the
 * code point "U+6C38" under each cell, flagged glyphs framed in red). Returns one image per sheet.
 * Labels use LabelFont (DejaVu Sans Mono through FreeType, or the built-in pixel font).
 */
std::vector<RgbaImage> renderContactSheets(const std::vector<SheetGlyph> &glyphs, const ContactSheetOptions &options);

/** Throws ExportError naming the field when the layout is unusable. */
void validateContactSheetOptions(const ContactSheetOptions &options);

} // namespace zistudio::fontexport
