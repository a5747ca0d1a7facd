// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

namespace zistudio::fontexport
{

/** An RGBA colour for drawing on sheets. */
struct Rgba
{
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

/**
 * Draws short ASCII labels (code points such as "U+6C38") onto RGBA images without Qt: with
 * FreeType and DejaVu Sans Mono when the font file exists (fonts-dejavu-core), else with a built-in
 * 5×7 pixel font that covers digits, A–Z and "+-.:/ ". Not thread-safe.
 */
class LabelFont
{
public:
    /** `pixelHeight` is the cap height in pixels (about). `fontFile` empty = the default DejaVu path. */
    explicit LabelFont(int pixelHeight, const std::filesystem::path &fontFile = {});
    ~LabelFont();
    LabelFont(const LabelFont &) = delete;
    LabelFont &operator=(const LabelFont &) = delete;

    /** True when FreeType and a font file are used (false: the built-in pixel font). */
    bool usesFreeType() const;
    /** Width in pixels of `text`. */
    int width(std::string_view text) const;
    /** Draws `text` with its baseline at `baselineY`, starting at `x`; clipped to the image. */
    void draw(RgbaImage &image, int x, int baselineY, std::string_view text, Rgba colour) const;

    /** The font file used by default: DejaVu Sans Mono from fonts-dejavu-core. */
    static std::filesystem::path defaultFontFile();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace zistudio::fontexport
