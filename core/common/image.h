// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace zistudio
{

/**
 * An 8-bit single-channel image, row-major, no padding. Convention everywhere in ZiStudio:
 * the value is INK COVERAGE — 0 is paper, 255 is full ink. Files on disk (PNG) are written the
 * conventional way, black ink on white paper, by imageio; the network sees coverage mapped to
 * [-1, 1] (-1 paper, +1 ink).
 */
struct GrayImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;

    GrayImage() = default;
    GrayImage(int w, int h, std::uint8_t fill = 0)
        : width(w)
        , height(h)
        , pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), fill)
    { }

    bool isNull() const { return width <= 0 || height <= 0; }
    std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
    std::uint8_t &at(int x, int y) { return pixels[static_cast<std::size_t>(y) * width + x]; }
    bool operator==(const GrayImage &) const = default;
};

/** A float single-channel grid (attention maps, heatmaps), row-major. */
struct FloatGrid
{
    int width = 0;
    int height = 0;
    std::vector<float> values;

    float at(int x, int y) const { return values[static_cast<std::size_t>(y) * width + x]; }
};

/** An 8-bit RGBA image, row-major (used for colour-mapped heatmaps and contact sheets). */
struct RgbaImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; ///< 4 bytes per pixel: R, G, B, A
};

} // namespace zistudio
