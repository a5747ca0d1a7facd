// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/heatmap.h"

#include <gtest/gtest.h>

using namespace zistudio;

TEST(Heatmap, UpsamplingKeepsConstantsAndCorners)
{
    const FloatGrid flat {2, 2, {0.25F, 0.25F, 0.25F, 0.25F}};
    const FloatGrid up = upsampleGrid(flat, 8, 8);
    ASSERT_EQ(up.values.size(), 64u);
    for (float v : up.values)
        EXPECT_FLOAT_EQ(v, 0.25F);
    const FloatGrid ramp {2, 1, {0.0F, 1.0F}};
    const FloatGrid wide = upsampleGrid(ramp, 4, 1);
    EXPECT_FLOAT_EQ(wide.values.front(), 0.0F); // clamped at the left cell centre
    EXPECT_FLOAT_EQ(wide.values.back(), 1.0F);
    EXPECT_LT(wide.values[1], wide.values[2]);
}

TEST(Heatmap, HotCellIsColouredWherePointed)
{
    GrayImage glyph(16, 16);
    FloatGrid grid {4, 4, std::vector<float>(16, 0.0F)};
    grid.values[3 * 4 + 0] = 1.0F; // bottom-left cell
    const RgbaImage img = renderHeatmapOverlay(glyph, grid, 1.0F);
    auto rgb = [&](int x, int y) {
        const std::size_t i = 4 * (static_cast<std::size_t>(y) * 16 + x);
        return std::array<int, 3> {img.pixels[i], img.pixels[i + 1], img.pixels[i + 2]};
    };
    // Far from the hot cell the paper stays white; on it the colour is the top of the colormap.
    EXPECT_EQ(rgb(15, 0), (std::array<int, 3> {255, 255, 255}));
    const auto hot = heatColor(1.0F);
    EXPECT_EQ(rgb(1, 14), (std::array<int, 3> {hot[0], hot[1], hot[2]}));
}

TEST(Heatmap, ColormapIsMonotoneInBrightness)
{
    int previous = -1;
    for (int i = 0; i <= 10; ++i) {
        const auto c = heatColor(static_cast<float>(i) / 10.0F);
        const int luma = 299 * c[0] + 587 * c[1] + 114 * c[2];
        EXPECT_GT(luma, previous);
        previous = luma;
    }
}
