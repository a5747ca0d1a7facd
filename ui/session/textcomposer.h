// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/generatortypes.h"

#include <functional>
#include <string_view>

namespace zistudio::glyphs
{
class FontFace;
}

namespace zistudio::ui
{

/**
 * Sets a line of text from glyph images: `shapingFace` shapes the UTF-8 text with HarfBuzz (advances,
 * offsets, clusters) at `pixelSize` per em, and each shaped glyph is replaced by `glyphFor(character)`
 * (an em-box canvas of pixelSize x pixelSize; a null image leaves the cell blank). `inTarget` says which
 * characters the target style has, so the view can mark the others. Throws FontError on invalid UTF-8.
 */
TextPreview composeText(const glyphs::FontFace &shapingFace, std::string_view utf8, int pixelSize,
    const std::function<GrayImage(char32_t)> &glyphFor, const std::function<bool(char32_t)> &inTarget);

} // namespace zistudio::ui
