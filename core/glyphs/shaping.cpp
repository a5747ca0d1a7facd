// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphs/shaping.h"

#include "glyphs/fonterror.h"
#include "glyphs/fontface.h"
#include "glyphs/freetypesupport.h"
#include "glyphs/imageops.h"
#include "glyphs/rasterizer.h"
#include "glyphs/utf8.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace zistudio::glyphs
{

namespace
{

constexpr std::size_t kMaxShapedChars = 10000;

struct BufferDeleter
{
    void operator()(hb_buffer_t *b) const { hb_buffer_destroy(b); }
};

} // namespace

std::vector<ShapedGlyph> shapeText(const FontFace &face, std::string_view utf8, double pixelSize, bool vertical)
{
    const std::u32string decoded = decodeUtf8OrThrow(utf8, "text to shape");
    if (decoded.size() > kMaxShapedChars)
        throw FontError("text to shape has " + std::to_string(decoded.size()) + " characters, more than "
            + std::to_string(kMaxShapedChars));
    if (!(pixelSize > 0 && pixelSize < 1e5))
        throw FontError("text size must be a positive number of pixels");
    const auto &d = detail::FaceAccess::of(face);
    std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());
    hb_buffer_add_utf8(buffer.get(), utf8.data(), static_cast<int>(utf8.size()), 0, static_cast<int>(utf8.size()));
    hb_buffer_guess_segment_properties(buffer.get());
    if (vertical)
        hb_buffer_set_direction(buffer.get(), HB_DIRECTION_TTB);
    hb_shape(d.hbFont, buffer.get(), nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    const hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
    int xScale = 0;
    int yScale = 0;
    hb_font_get_scale(d.hbFont, &xScale, &yScale);
    const FaceInfo &info = face.info();
    const double toPixels = pixelSize / (info.emBoxTop - info.emBoxBottom);
    std::vector<ShapedGlyph> out;
    out.reserve(count);
    for (unsigned i = 0; i < count; ++i) {
        ShapedGlyph g;
        g.glyphId = infos[i].codepoint;
        g.cluster = infos[i].cluster;
        // The HarfBuzz font's scale is the em in font units, so positions are font units.
        g.xAdvance = positions[i].x_advance * toPixels * info.unitsPerEm / xScale;
        g.yAdvance = positions[i].y_advance * toPixels * info.unitsPerEm / yScale;
        g.xOffset = positions[i].x_offset * toPixels * info.unitsPerEm / xScale;
        g.yOffset = positions[i].y_offset * toPixels * info.unitsPerEm / yScale;
        out.push_back(g);
    }
    return out;
}

GrayImage renderText(const FontFace &face, std::string_view utf8, int pixelSize, bool vertical)
{
    const std::vector<ShapedGlyph> glyphs = shapeText(face, utf8, pixelSize, vertical);
    const Rasterizer rasterizer(face, {.size = pixelSize, .placement = Placement::EmBox});
    const FaceInfo &info = face.info();
    const double baselineRow = info.emBoxTop / rasterizer.unitsPerPixel();
    double length = 0;
    for (const auto &g : glyphs)
        length += vertical ? -g.yAdvance : g.xAdvance;
    const int extent = std::max(1, static_cast<int>(std::ceil(length - 1e-6)));
    GrayImage canvas = vertical ? GrayImage(pixelSize, extent) : GrayImage(extent, pixelSize);
    std::map<unsigned, GrayImage> cache;
    double penX = 0;
    double penY = 0; // y up; vertical text goes down from 0
    for (const auto &g : glyphs) {
        auto it = cache.find(g.glyphId);
        if (it == cache.end())
            it = cache.emplace(g.glyphId, rasterizer.renderGlyphId(g.glyphId)).first;
        if (vertical) {
            // HarfBuzz's offsets move the pen (top centre of the vertical em) to the glyph's horizontal origin.
            const double originX = pixelSize / 2.0 + g.xOffset;
            const double originY = -(penY + g.yOffset);
            blitMax(canvas, it->second, static_cast<int>(std::lround(originX)),
                static_cast<int>(std::lround(originY - baselineRow)));
        } else {
            blitMax(canvas, it->second, static_cast<int>(std::lround(penX + g.xOffset)),
                static_cast<int>(std::lround(-g.yOffset)));
        }
        penX += g.xAdvance;
        penY += g.yAdvance;
    }
    return canvas;
}

} // namespace zistudio::glyphs
