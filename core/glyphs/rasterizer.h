// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

#include <string>

namespace zistudio::glyphs
{

class FontFace;

/** Where a glyph goes on the square canvas (data::Placement maps onto this one to one). */
enum class Placement
{
    /// The font's ideographic em box is the canvas: x 0..em maps to columns 0..size, emBoxTop..emBoxBottom to
    /// rows 0..size. Keeps the glyph's size and position in the em (part of a style) and maps pixels straight
    /// back to font units for export. Ink outside the em box is clipped.
    EmBox,
    /// Crop to the outline's exact bounding box, scale its longer side to size * (1 - 2 * fitMargin), centre.
    FitToInk
};

/** How the one rasterizer draws: canvas size in pixels, placement policy, margin for FitToInk. */
struct RasterOptions
{
    int size = 64; ///< square canvas, 8..2048 px (64/128/256/512 in practice)
    Placement placement = Placement::EmBox;
    double fitMargin = 0.08; ///< FitToInk: margin on each side as a fraction of the size, 0..0.45
    bool operator==(const RasterOptions &) const = default;
};

/** Why a character did or did not give a usable glyph image. */
enum class GlyphStatus
{
    Ok,           ///< rendered (a blank character such as U+3000 renders Ok and empty)
    NotInFont,    ///< no cmap entry: the font would draw .notdef
    EmptyOutline, ///< the glyph has no contours or no ink although the character is not blank
    Repeated,     ///< the same bitmap (or glyph) serves too many characters: a tofu placeholder (markRepeated)
    Damaged       ///< FreeType could not load or render the glyph (damaged font data)
};

/** "ok", "not in font", "empty outline", "repeated (tofu)", "damaged glyph". */
const char *glyphStatusName(GlyphStatus status);

/** Result of rendering one character: status, the image when Ok, the glyph id, and why when not Ok. */
struct GlyphRender
{
    GlyphStatus status = GlyphStatus::Ok;
    GrayImage image;      ///< size x size ink coverage when status is Ok (or Repeated), else empty
    unsigned glyphId = 0; ///< 0 when not in the font
    std::string detail;   ///< FreeType's reason for Damaged
    bool ok() const { return status == GlyphStatus::Ok; }
};

/**
 * THE rasterizer: one code path turns a character of a FontFace into a square 8-bit ink-coverage
 * canvas for training, validation, inference, preview and export, so those images can never differ.
 * Outlines are loaded unscaled and unhinted with FT_LOAD_NO_BITMAP (embedded bitmap strikes never
 * replace outlines), transformed in double precision and rendered anti-aliased by FreeType into our
 * own canvas (positive pitch, so FreeType's bitmap pitch sign never matters).
 * Not thread-safe (it uses the FontFace's FreeType objects): one FontFace + Rasterizer per thread.
 */
class Rasterizer
{
public:
    /** Throws FontError when the options are out of range. `face` must outlive the rasterizer. */
    explicit Rasterizer(const FontFace &face, RasterOptions options = {});

    const RasterOptions &options() const { return m_options; }
    const FontFace &face() const { return *m_face; }

    /** Renders `cp`; throws FontError unless the status is Ok (not in font, empty outline, damaged). */
    GrayImage render(char32_t cp) const;
    /** Renders `cp` and reports the status instead of throwing. */
    GlyphRender renderChecked(char32_t cp) const;
    /** The status without rendering: cmap lookup and outline load only. */
    GlyphStatus probe(char32_t cp) const;
    /** Renders a glyph id (e.g. from shaping) with the same placement; empty image for a glyph without contours. */
    GrayImage renderGlyphId(unsigned glyphId) const;

    /** EmBox: font units per pixel. Pixel (px, py) from the top-left is font (px * u, emBoxTop - py * u). */
    double unitsPerPixel() const;

private:
    GlyphRender renderGlyph(unsigned glyphId, bool blankAllowed) const;

    const FontFace *m_face;
    RasterOptions m_options;
};

} // namespace zistudio::glyphs
