// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/textcomposer.h"

#include "glyphs/fontface.h"
#include "glyphs/imageops.h"
#include "glyphs/shaping.h"
#include "glyphs/utf8.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace zistudio::ui
{

namespace
{

/** The character a HarfBuzz cluster (a byte offset) starts with. */
char32_t characterAt(std::string_view utf8, unsigned cluster)
{
    if (cluster >= utf8.size())
        return 0;
    const auto lead = static_cast<unsigned char>(utf8[cluster]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const auto decoded = glyphs::decodeUtf8(utf8.substr(cluster, std::min(length, utf8.size() - cluster)));
    return decoded && !decoded->empty() ? decoded->front() : 0;
}

} // namespace

TextPreview composeText(const glyphs::FontFace &shapingFace, std::string_view utf8, int pixelSize,
    const std::function<GrayImage(char32_t)> &glyphFor, const std::function<bool(char32_t)> &inTarget)
{
    TextPreview preview;
    const auto shaped = glyphs::shapeText(shapingFace, utf8, pixelSize);
    double length = 0;
    for (const auto &g : shaped)
        length += g.xAdvance;
    preview.generatedLine = GrayImage(std::max(1, static_cast<int>(std::ceil(length - 1e-6))), pixelSize);
    std::map<char32_t, GrayImage> cache;
    double pen = 0;
    for (const auto &g : shaped) {
        const char32_t ch = characterAt(utf8, g.cluster);
        auto it = cache.find(ch);
        if (it == cache.end())
            it = cache.emplace(ch, ch ? glyphFor(ch) : GrayImage {}).first;
        const int x = static_cast<int>(std::lround(pen + g.xOffset));
        if (!it->second.isNull())
            glyphs::blitMax(preview.generatedLine, it->second, x, static_cast<int>(std::lround(-g.yOffset)));
        preview.cells.push_back({.character = ch,
            .x = static_cast<int>(std::lround(pen)),
            .width = std::max(1, static_cast<int>(std::lround(g.xAdvance))),
            .inTarget = ch != 0 && inTarget(ch),
            .generated = !it->second.isNull()});
        pen += g.xAdvance;
    }
    return preview;
}

} // namespace zistudio::ui
