// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphs/rasterizer.h"

#include "glyphs/fonterror.h"
#include "glyphs/fontface.h"
#include "glyphs/freetypesupport.h"
#include "glyphs/utf8.h"

#include FT_BBOX_H
#include FT_OUTLINE_H

#include <algorithm>
#include <cmath>

namespace zistudio::glyphs
{

namespace
{

constexpr FT_Int32 kLoadFlags = FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP | FT_LOAD_NO_HINTING;
constexpr int kMinSize = 8;
constexpr int kMaxSize = 2048;
constexpr double kMaxFitMargin = 0.45;

/** x' = x * scale + dx, y' = y * scale + dy in pixels (y up from the canvas bottom), stored as 26.6. */
void transformOutline(FT_Outline &outline, double scale, double dx, double dy, int size)
{
    // Damaged fonts can hold absurd coordinates; keep them within a range the rasterizer handles well.
    const double limit = 64.0 * 16.0 * size;
    for (int i = 0; i < outline.n_points; ++i) {
        FT_Vector &p = outline.points[i];
        const double x = std::clamp((static_cast<double>(p.x) * scale + dx) * 64.0, -limit, limit);
        const double y = std::clamp((static_cast<double>(p.y) * scale + dy) * 64.0, -limit, limit);
        p.x = static_cast<FT_Pos>(std::lround(x));
        p.y = static_cast<FT_Pos>(std::lround(y));
    }
}

bool hasInk(const GrayImage &img)
{
    return std::any_of(img.pixels.begin(), img.pixels.end(), [](std::uint8_t v) { return v != 0; });
}

} // namespace

const char *glyphStatusName(GlyphStatus status)
{
    switch (status) {
    case GlyphStatus::Ok:
        return "ok";
    case GlyphStatus::NotInFont:
        return "not in font";
    case GlyphStatus::EmptyOutline:
        return "empty outline";
    case GlyphStatus::Repeated:
        return "repeated (tofu)";
    case GlyphStatus::Damaged:
        return "damaged glyph";
    }
    return "unknown";
}

Rasterizer::Rasterizer(const FontFace &face, RasterOptions options)
    : m_face(&face)
    , m_options(options)
{
    if (options.size < kMinSize || options.size > kMaxSize)
        throw FontError("glyph image size " + std::to_string(options.size) + " is outside " + std::to_string(kMinSize)
            + ".." + std::to_string(kMaxSize) + " pixels");
    if (!(options.fitMargin >= 0.0 && options.fitMargin <= kMaxFitMargin))
        throw FontError("fit margin " + std::to_string(options.fitMargin) + " is outside 0..0.45");
}

double Rasterizer::unitsPerPixel() const
{
    const FaceInfo &info = m_face->info();
    return (info.emBoxTop - info.emBoxBottom) / m_options.size;
}

GlyphRender Rasterizer::renderGlyph(unsigned glyphId, bool blankAllowed) const
{
    auto &d = detail::FaceAccess::of(*m_face);
    GlyphRender out;
    out.glyphId = glyphId;
    const auto damaged = [&](const std::string &why) {
        out.status = GlyphStatus::Damaged;
        out.detail = why;
        return out;
    };
    if (glyphId >= static_cast<unsigned>(d.face->num_glyphs))
        return damaged("glyph id " + std::to_string(glyphId) + " is beyond the font's "
            + std::to_string(d.face->num_glyphs) + " glyphs");
    if (FT_Error err = FT_Load_Glyph(d.face, glyphId, kLoadFlags))
        return damaged("cannot load glyph " + std::to_string(glyphId) + ": " + freetypeErrorText(err));
    FT_GlyphSlot slot = d.face->glyph;
    if (slot->format != FT_GLYPH_FORMAT_OUTLINE)
        return damaged("glyph " + std::to_string(glyphId) + " is not an outline");
    FT_Outline &outline = slot->outline;
    const int size = m_options.size;
    const auto blank = [&] {
        out.status = blankAllowed ? GlyphStatus::Ok : GlyphStatus::EmptyOutline;
        if (blankAllowed)
            out.image = GrayImage(size, size);
        return out;
    };
    if (outline.n_points <= 0 || outline.n_contours <= 0)
        return blank();

    if (m_options.placement == Placement::EmBox) {
        const FaceInfo &info = m_face->info();
        const double scale = size / (info.emBoxTop - info.emBoxBottom);
        transformOutline(outline, scale, 0.0, -info.emBoxBottom * scale, size);
    } else {
        FT_BBox box;
        if (FT_Error err = FT_Outline_Get_BBox(&outline, &box))
            return damaged("cannot measure glyph " + std::to_string(glyphId) + ": " + freetypeErrorText(err));
        const double w = static_cast<double>(box.xMax - box.xMin);
        const double h = static_cast<double>(box.yMax - box.yMin);
        if (w <= 0 && h <= 0)
            return blank();
        const double target = size * (1.0 - 2.0 * m_options.fitMargin);
        const double scale = target / std::max(w, h);
        const double dx = (size - w * scale) / 2.0 - static_cast<double>(box.xMin) * scale;
        const double dy = (size - h * scale) / 2.0 - static_cast<double>(box.yMin) * scale;
        transformOutline(outline, scale, dx, dy, size);
    }

    out.image = GrayImage(size, size);
    FT_Bitmap bitmap {};
    bitmap.rows = static_cast<unsigned>(size);
    bitmap.width = static_cast<unsigned>(size);
    bitmap.pitch = size; // positive: row 0 is the top row, and FreeType puts outline y = 0 on the bottom row
    bitmap.buffer = out.image.pixels.data();
    bitmap.pixel_mode = FT_PIXEL_MODE_GRAY;
    bitmap.num_grays = 256;
    if (FT_Error err = FT_Outline_Get_Bitmap(d.library, &outline, &bitmap)) {
        out.image = {};
        return damaged("cannot render glyph " + std::to_string(glyphId) + ": " + freetypeErrorText(err));
    }
    if (!hasInk(out.image)) {
        if (blankAllowed)
            return out;
        out.image = {};
        out.status = GlyphStatus::EmptyOutline;
    }
    return out;
}

GlyphRender Rasterizer::renderChecked(char32_t cp) const
{
    const unsigned gid = m_face->glyphIndex(cp);
    if (gid == 0) {
        GlyphRender out;
        out.status = GlyphStatus::NotInFont;
        return out;
    }
    return renderGlyph(gid, isBlankCodePoint(cp));
}

GrayImage Rasterizer::render(char32_t cp) const
{
    GlyphRender r = renderChecked(cp);
    if (r.status != GlyphStatus::Ok)
        throw FontError("cannot render " + formatCodePoint(cp) + " " + encodeUtf8(cp) + ": " + glyphStatusName(r.status)
            + (r.detail.empty() ? "" : " (" + r.detail + ")") + ": " + m_face->path());
    return std::move(r.image);
}

GlyphStatus Rasterizer::probe(char32_t cp) const
{
    const unsigned gid = m_face->glyphIndex(cp);
    if (gid == 0)
        return GlyphStatus::NotInFont;
    auto &d = detail::FaceAccess::of(*m_face);
    if (FT_Load_Glyph(d.face, gid, kLoadFlags) != 0 || d.face->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
        return GlyphStatus::Damaged;
    const FT_Outline &outline = d.face->glyph->outline;
    if ((outline.n_points <= 0 || outline.n_contours <= 0) && !isBlankCodePoint(cp))
        return GlyphStatus::EmptyOutline;
    return GlyphStatus::Ok;
}

GrayImage Rasterizer::renderGlyphId(unsigned glyphId) const
{
    GlyphRender r = renderGlyph(glyphId, true);
    if (r.status != GlyphStatus::Ok)
        throw FontError("cannot render glyph " + std::to_string(glyphId) + " (" + r.detail + "): " + m_face->path());
    return std::move(r.image);
}

} // namespace zistudio::glyphs
