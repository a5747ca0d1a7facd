// SPDX-License-Identifier: GPL-3.0-or-later
// HarfBuzz shaping of a text line and its rendering with THE rasterizer (the typed-text preview).
#include "glyphs/fonterror.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"
#include "glyphs/shaping.h"

#include "glyphtestutil.h"
#include "testfonts.h"

#include <gtest/gtest.h>

using namespace zistudio;
using namespace zistudio::glyphs;
using zistudio::test::inkSum;
using zistudio::test::TestFonts;

TEST(Shaping, CjkLineAdvancesOneEmPerCharacter)
{
    FontFace song(TestFonts::songGb());
    const auto glyphs = shapeText(song, "永和九", 32);
    ASSERT_EQ(glyphs.size(), 3u);
    EXPECT_EQ(glyphs[0].glyphId, song.glyphIndex(U'永'));
    EXPECT_EQ(glyphs[2].glyphId, song.glyphIndex(U'九'));
    EXPECT_EQ(glyphs[1].cluster, 3u); // UTF-8 byte offsets
    EXPECT_EQ(glyphs[2].cluster, 6u);
    for (const auto &g : glyphs) {
        EXPECT_NEAR(g.xAdvance, 32.0, 1e-9);
        EXPECT_EQ(g.yAdvance, 0.0);
    }
}

TEST(Shaping, RenderedLineIsTheRasterizersGlyphsSideBySide)
{
    FontFace song(TestFonts::songGb());
    const GrayImage line = renderText(song, "永和", 32);
    ASSERT_EQ(line.width, 64);
    ASSERT_EQ(line.height, 32);
    Rasterizer r(song, {.size = 32});
    const GrayImage yong = r.render(U'永');
    const GrayImage he = r.render(U'和');
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x) {
            ASSERT_EQ(line.at(x, y), yong.at(x, y)) << x << "," << y;
            ASSERT_EQ(line.at(x + 32, y), he.at(x, y)) << x << "," << y;
        }
}

TEST(Shaping, LatinLigaturesAndProportionalAdvances)
{
    FontFace dejavu(TestFonts::dejavu());
    const auto office = shapeText(dejavu, "office", 20);
    EXPECT_LT(office.size(), 6u); // the "ffi" ligature
    for (std::size_t i = 1; i < office.size(); ++i)
        EXPECT_GT(office[i].cluster, office[i - 1].cluster);
    const auto il = shapeText(dejavu, "iW", 20);
    EXPECT_LT(il[0].xAdvance, il[1].xAdvance);
}

TEST(Shaping, VerticalText)
{
    FontFace ukai(TestFonts::ukaiTtc());
    ASSERT_TRUE(ukai.info().hasVertical);
    const auto v = shapeText(ukai, "永和", 40, true);
    ASSERT_EQ(v.size(), 2u);
    EXPECT_NEAR(v[0].yAdvance, -40.0, 0.5);
    EXPECT_EQ(v[0].xAdvance, 0.0);
    const GrayImage column = renderText(ukai, "永和", 40, true);
    EXPECT_EQ(column.width, 40);
    EXPECT_EQ(column.height, 80);
    // Each character's ink sits in its own half of the column.
    GrayImage top(40, 40), bottom(40, 40);
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 40; ++x) {
            top.at(x, y) = column.at(x, y);
            bottom.at(x, y) = column.at(x, y + 40);
        }
    Rasterizer r(ukai, {.size = 40});
    EXPECT_NEAR(static_cast<double>(inkSum(top)), static_cast<double>(inkSum(r.render(U'永'))), 0.05 * inkSum(top));
    EXPECT_NEAR(
        static_cast<double>(inkSum(bottom)), static_cast<double>(inkSum(r.render(U'和'))), 0.05 * inkSum(bottom));
}

TEST(Shaping, VerticalPunctuationUsesTheVerticalForm)
{
    FontFace ukai(TestFonts::ukaiTtc());
    const auto h = shapeText(ukai, "。", 40, false);
    const auto v = shapeText(ukai, "。", 40, true);
    ASSERT_EQ(h.size(), 1u);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_NE(h[0].glyphId, v[0].glyphId);
}

TEST(Shaping, Errors)
{
    FontFace song(TestFonts::songGb());
    EXPECT_THROW(shapeText(song, "bad \xFF", 20), FontError);
    EXPECT_THROW(shapeText(song, "永", 0), FontError);
    EXPECT_TRUE(shapeText(song, "", 20).empty());
    EXPECT_EQ(renderText(song, "", 20).height, 20);
}
