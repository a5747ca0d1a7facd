// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/heatmap.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>

namespace zistudio
{

namespace
{

// Eight anchors of matplotlib's magma colormap (perceptually uniform, readable in grey).
constexpr std::array<std::array<float, 3>, 8> kMagma {{
    {0.001F, 0.000F, 0.014F},
    {0.135F, 0.068F, 0.318F},
    {0.372F, 0.092F, 0.500F},
    {0.594F, 0.176F, 0.500F},
    {0.829F, 0.264F, 0.431F},
    {0.973F, 0.459F, 0.361F},
    {0.997F, 0.718F, 0.478F},
    {0.987F, 0.991F, 0.750F},
}};

std::uint8_t toByte(float v)
{
    return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0F, 1.0F) * 255.0F));
}

} // namespace

std::array<std::uint8_t, 3> heatColor(float t)
{
    t = std::clamp(std::isfinite(t) ? t : 0.0F, 0.0F, 1.0F);
    const float pos = t * static_cast<float>(kMagma.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(pos), kMagma.size() - 2);
    const float f = pos - static_cast<float>(i);
    std::array<std::uint8_t, 3> rgb {};
    for (std::size_t c = 0; c < 3; ++c)
        rgb[c] = toByte(kMagma[i][c] * (1.0F - f) + kMagma[i + 1][c] * f);
    return rgb;
}

FloatGrid upsampleGrid(const FloatGrid &grid, int width, int height)
{
    if (grid.width <= 0 || grid.height <= 0
        || grid.values.size() != static_cast<std::size_t>(grid.width) * static_cast<std::size_t>(grid.height))
        throw Error("attention grid is empty or inconsistent");
    FloatGrid out {width, height, std::vector<float>(static_cast<std::size_t>(width) * height)};
    const float sx = static_cast<float>(grid.width) / static_cast<float>(width);
    const float sy = static_cast<float>(grid.height) / static_cast<float>(height);
    for (int y = 0; y < height; ++y) {
        const float gy = std::clamp((static_cast<float>(y) + 0.5F) * sy - 0.5F, 0.0F, grid.height - 1.0F);
        const int y0 = static_cast<int>(gy);
        const int y1 = std::min(y0 + 1, grid.height - 1);
        const float fy = gy - static_cast<float>(y0);
        for (int x = 0; x < width; ++x) {
            const float gx = std::clamp((static_cast<float>(x) + 0.5F) * sx - 0.5F, 0.0F, grid.width - 1.0F);
            const int x0 = static_cast<int>(gx);
            const int x1 = std::min(x0 + 1, grid.width - 1);
            const float fx = gx - static_cast<float>(x0);
            const float top = grid.at(x0, y0) * (1.0F - fx) + grid.at(x1, y0) * fx;
            const float bottom = grid.at(x0, y1) * (1.0F - fx) + grid.at(x1, y1) * fx;
            out.values[static_cast<std::size_t>(y) * width + x] = top * (1.0F - fy) + bottom * fy;
        }
    }
    return out;
}

RgbaImage renderHeatmapOverlay(const GrayImage &glyph, const FloatGrid &grid, float opacity)
{
    if (glyph.isNull())
        throw Error("cannot draw a heatmap over an empty glyph image");
    const FloatGrid heat = upsampleGrid(grid, glyph.width, glyph.height);
    const float peak = *std::max_element(heat.values.begin(), heat.values.end());
    const float scale = peak > 0.0F ? 1.0F / peak : 0.0F;
    opacity = std::clamp(opacity, 0.0F, 1.0F);
    RgbaImage out {glyph.width, glyph.height, std::vector<std::uint8_t>(glyph.pixels.size() * 4)};
    for (std::size_t i = 0; i < glyph.pixels.size(); ++i) {
        const float ink = static_cast<float>(glyph.pixels[i]) / 255.0F;
        const float paper = 1.0F - 0.8F * ink; // ink drawn dark grey so the heat stays readable on strokes
        const float t = heat.values[i] * scale;
        const auto color = heatColor(t);
        const float a = opacity * std::sqrt(t);
        for (std::size_t c = 0; c < 3; ++c)
            out.pixels[4 * i + c] = toByte(paper * (1.0F - a) + static_cast<float>(color[c]) / 255.0F * a);
        out.pixels[4 * i + 3] = 255;
    }
    return out;
}

} // namespace zistudio
