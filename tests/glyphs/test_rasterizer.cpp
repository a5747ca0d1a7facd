// SPDX-License-Identifier: GPL-3.0-or-later
// THE rasterizer: placement policies, missing-glyph statuses, tofu filter, embedded bitmaps ignored.
#include "glyphs/coverage.h"
#include "glyphs/fonterror.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"

#include "common/atomicfile.h"
#include "glyphtestutil.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>

#include <set>

using namespace zistudio;
using namespace zistudio::glyphs;
using zistudio::test::inkBox;
using zistudio::test::inkCentroidRow;
using zistudio::test::inkSum;
using zistudio::test::TempDir;
using zistudio::test::TestFonts;

namespace
{

std::uint32_t be16(const std::string &b, std::size_t at)
{
    return std::uint32_t(static_cast<unsigned char>(b[at])) << 8 | static_cast<unsigned char>(b[at + 1]);
}

std::uint32_t be32(const std::string &b, std::size_t at)
{
    return be16(b, at) << 16 | be16(b, at + 2);
}

} // namespace

TEST(Rasterizer, RendersSquareInkCoverage)
{
    FontFace face(TestFonts::songGb());
    for (int size : {32, 64, 256}) {
        Rasterizer r(face, {.size = size});
        const GrayImage img = r.render(U'永');
        ASSERT_EQ(img.width, size);
        ASSERT_EQ(img.height, size);
        // Ink is a minority of the canvas and the strokes have fully covered pixels.
        const double meanCoverage = static_cast<double>(inkSum(img)) / (255.0 * size * size);
        EXPECT_GT(meanCoverage, 0.05) << size;
        EXPECT_LT(meanCoverage, 0.5) << size;
        EXPECT_EQ(*std::max_element(img.pixels.begin(), img.pixels.end()), 255);
    }
}

TEST(Rasterizer, IsDeterministic)
{
    FontFace a(TestFonts::kaiGb());
    FontFace b(TestFonts::kaiGb());
    Rasterizer ra(a, {.size = 64});
    Rasterizer rb(b, {.size = 64});
    for (char32_t cp : std::u32string(U"永回国的"))
        EXPECT_EQ(ra.render(cp), rb.render(cp));
}

TEST(Rasterizer, EmBoxKeepsVerticalPosition)
{
    // '一' sits at mid-height of the em box, '_' near its bottom, '¯'-like high marks high.
    FontFace kai(TestFonts::ukaiTtc());
    Rasterizer r(kai, {.size = 64, .placement = Placement::EmBox});
    const double one = inkCentroidRow(r.render(U'一'));
    EXPECT_GT(one, 0.35 * 64);
    EXPECT_LT(one, 0.65 * 64);
    FontFace dejavu(TestFonts::dejavu());
    Rasterizer rd(dejavu, {.size = 64, .placement = Placement::EmBox});
    const double underscore = inkCentroidRow(rd.render(U'_'));
    EXPECT_GT(underscore, 0.75 * 64);
    const double macron = inkCentroidRow(rd.render(U'¯'));
    EXPECT_LT(macron, 0.3 * 64);
    // And the glyph keeps its size: a small glyph stays small.
    const auto dot = inkBox(rd.render(U'.'));
    EXPECT_LT(dot.width(), 16);
    EXPECT_LT(dot.height(), 16);
}

TEST(Rasterizer, EmBoxMapsBackToFontUnits)
{
    // DejaVu: 'x' sits on the baseline (yMin = 0), 'g' descends below it, and 'H' is 1493 units tall.
    FontFace dejavu(TestFonts::dejavu());
    Rasterizer r(dejavu, {.size = 128});
    const FaceInfo &info = dejavu.info();
    const double u = r.unitsPerPixel();
    EXPECT_NEAR(u, info.unitsPerEm / 128.0, 1e-9);
    const double baselineRow = info.emBoxTop / u;
    EXPECT_NEAR(inkBox(r.render(U'x'), 64).bottom + 1, baselineRow, 1.0);
    EXPECT_GT(inkBox(r.render(U'g'), 64).bottom, baselineRow + 10);
    const auto h = inkBox(r.render(U'H'), 64);
    EXPECT_NEAR(h.height() * u, 1493, 2 * u);
    EXPECT_NEAR(h.left * u, 201, 2 * u); // H's left side bearing: the pen starts at column 0
}

TEST(Rasterizer, EmBoxHoldsWholeIdeographs)
{
    // Full-size ideographs sit in the middle of the canvas and are not cut by its edges in em-box placement,
    // whatever the font's metrics (Smiley Sans's typo metrics would cut the tops of 永 and 郁).
    for (const auto &path : {TestFonts::songGb(), TestFonts::kaiGb(), TestFonts::smiley(), TestFonts::ukaiTtc()}) {
        FontFace face(path);
        Rasterizer r(face, {.size = 64});
        for (char32_t cp : std::u32string(U"国永郁图")) {
            const GrayImage img = r.render(cp);
            const auto box = inkBox(img);
            EXPECT_NEAR((box.top + box.bottom) / 2.0, 31.5, 3.0) << path << " " << static_cast<unsigned>(cp);
            int edgeMax = 0;
            for (int x = 0; x < 64; ++x)
                edgeMax = std::max({edgeMax, int(img.at(x, 0)), int(img.at(x, 63))});
            EXPECT_LT(edgeMax, 255) << path << " " << static_cast<unsigned>(cp);
        }
    }
}

TEST(Rasterizer, FitToInkCentresAndFills)
{
    FontFace song(TestFonts::songGb());
    const double margin = 0.1;
    Rasterizer r(song, {.size = 64, .placement = Placement::FitToInk, .fitMargin = margin});
    for (char32_t cp : std::u32string(U"一永口.川")) {
        const auto box = inkBox(r.render(cp), 8);
        ASSERT_FALSE(box.empty());
        const int leftGap = box.left;
        const int rightGap = 63 - box.right;
        const int topGap = box.top;
        const int bottomGap = 63 - box.bottom;
        EXPECT_LE(std::abs(leftGap - rightGap), 2) << static_cast<unsigned>(cp);
        EXPECT_LE(std::abs(topGap - bottomGap), 2) << static_cast<unsigned>(cp);
        const int longer = std::max(box.width(), box.height());
        EXPECT_NEAR(longer, 64 * (1 - 2 * margin), 2.0) << static_cast<unsigned>(cp);
    }
    // '一' fills the width in fit mode but not in em-box mode... and the dot becomes big.
    Rasterizer em(song, {.size = 64});
    EXPECT_GT(inkBox(r.render(U'.')).width(), 4 * inkBox(em.render(U'.')).width());
}

TEST(Rasterizer, StatusesOfMissingAndBlankCharacters)
{
    FontFace dejavu(TestFonts::dejavu());
    Rasterizer r(dejavu, {.size = 32});
    const GlyphRender missing = r.renderChecked(U'永');
    EXPECT_EQ(missing.status, GlyphStatus::NotInFont);
    EXPECT_TRUE(missing.image.isNull());
    EXPECT_EQ(r.probe(U'永'), GlyphStatus::NotInFont);
    try {
        r.render(U'永');
        ADD_FAILURE() << "render of a missing glyph must throw";
    } catch (const FontError &e) {
        EXPECT_NE(std::string(e.what()).find("not in font"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("U+6C38"), std::string::npos) << e.what();
    }
    // A space is blank by nature: Ok and empty.
    const GlyphRender space = r.renderChecked(U' ');
    EXPECT_EQ(space.status, GlyphStatus::Ok);
    EXPECT_EQ(inkSum(space.image), 0);
    EXPECT_EQ(r.probe(U' '), GlyphStatus::Ok);
    EXPECT_EQ(r.probe(U'A'), GlyphStatus::Ok);
}

TEST(Rasterizer, EmptyOutlineForANonBlankCharacterIsReported)
{
    // Make 永's glyph empty in a copy of the font (its loca entry gets length 0): a font that maps a
    // character to an empty glyph must not give an "Ok" blank training image.
    FontFace original(TestFonts::songGb());
    const unsigned gid = original.glyphIndex(U'永');
    std::string font = readFile(TestFonts::songGb());
    const auto table = [&](const char *tag) -> std::size_t {
        const std::size_t numTables = be16(font, 4);
        for (std::size_t i = 0; i < numTables; ++i)
            if (font.compare(12 + 16 * i, 4, tag) == 0)
                return be32(font, 12 + 16 * i + 8);
        return 0;
    };
    const std::size_t head = table("head");
    const std::size_t loca = table("loca");
    ASSERT_TRUE(head && loca);
    const bool longOffsets = be16(font, head + 50) == 1;
    const std::size_t entry = longOffsets ? 4 : 2;
    font.replace(loca + entry * (gid + 1), entry, font.substr(loca + entry * gid, entry));
    TempDir dir;
    writeFileAtomically(dir / "hollow.ttf", font);

    FontFace hollow(dir / "hollow.ttf");
    Rasterizer r(hollow, {.size = 32});
    EXPECT_EQ(r.probe(U'永'), GlyphStatus::EmptyOutline);
    const GlyphRender g = r.renderChecked(U'永');
    EXPECT_EQ(g.status, GlyphStatus::EmptyOutline);
    EXPECT_TRUE(g.image.isNull());
    EXPECT_THROW(r.render(U'永'), FontError);
    EXPECT_EQ(r.renderChecked(U'一').status, GlyphStatus::Ok);
    // The same empty glyph for a blank character is fine.
    const unsigned spaceGid = hollow.glyphIndex(U' ');
    ASSERT_NE(spaceGid, 0u);
    EXPECT_EQ(inkSum(r.renderGlyphId(spaceGid)), 0);
}

TEST(Rasterizer, RenderGlyphIdMatchesRenderOfTheCharacter)
{
    FontFace kai(TestFonts::kaiGb());
    Rasterizer r(kai, {.size = 48});
    EXPECT_EQ(r.renderGlyphId(kai.glyphIndex(U'郁')), r.render(U'郁'));
    EXPECT_THROW(r.renderGlyphId(1000000), FontError);
}

TEST(Rasterizer, UmingEmbeddedBitmapsAreNotUsed)
{
    // uming.ttc has 1-bit bitmap strikes at small sizes; with FT_LOAD_NO_BITMAP the 16 px render comes from
    // the outline, which is anti-aliased (intermediate coverage values), unlike a 1-bit strike.
    FontFace uming(TestFonts::umingTtc());
    ASSERT_TRUE(uming.info().hasEmbeddedBitmaps);
    Rasterizer r(uming, {.size = 16});
    const GrayImage img = r.render(U'永');
    std::set<int> levels(img.pixels.begin(), img.pixels.end());
    EXPECT_GT(levels.size(), 8u);
}

TEST(Rasterizer, FacesOfACollectionRender)
{
    for (int i = 0; i < 4; ++i) {
        FontFace face(TestFonts::ukaiTtc(), i);
        Rasterizer r(face, {.size = 32});
        EXPECT_GT(inkSum(r.render(U'骨')), 0) << i;
    }
}

TEST(Rasterizer, OptionsAreValidated)
{
    FontFace song(TestFonts::songGb());
    EXPECT_THROW(Rasterizer(song, {.size = 4}), FontError);
    EXPECT_THROW(Rasterizer(song, {.size = 100000}), FontError);
    EXPECT_THROW(Rasterizer(song, {.size = 64, .fitMargin = 0.6}), FontError);
    EXPECT_THROW(Rasterizer(song, {.size = 64, .fitMargin = -0.1}), FontError);
}

TEST(TofuFilter, RepeatedBitmapsAndGlyphsAreMarked)
{
    FontFace song(TestFonts::songGb());
    Rasterizer r(song, {.size = 32});
    std::vector<GlyphRender> renders;
    for (char32_t cp : std::u32string(U"永永永一一回"))
        renders.push_back(r.renderChecked(cp));
    renders.push_back(r.renderChecked(U'口'));
    // A placeholder drawn by distinct glyphs with identical pixels is caught by the hash alone.
    GlyphRender fake = renders.back();
    fake.glyphId = 60000;
    renders.push_back(fake);
    fake.glyphId = 60001;
    renders.push_back(fake);
    EXPECT_EQ(markRepeated(renders), 6);
    for (int i : {0, 1, 2, 6, 7, 8})
        EXPECT_EQ(renders[i].status, GlyphStatus::Repeated) << i;
    for (int i : {3, 4, 5})
        EXPECT_EQ(renders[i].status, GlyphStatus::Ok) << i;
}

TEST(TofuFilter, RealCharsetHasNoFalsePositives)
{
    FontFace kai(TestFonts::kaiGb());
    Rasterizer r(kai, {.size = 32});
    std::vector<GlyphRender> renders;
    const std::u32string text = U"永和九年歲在癸丑暮春之初會于會稽山陰之蘭亭修禊事也";
    for (char32_t cp : text)
        renders.push_back(r.renderChecked(cp));
    // 之 and 會 appear twice (same glyph twice is allowed), nothing more.
    EXPECT_EQ(markRepeated(renders), 0);
}
