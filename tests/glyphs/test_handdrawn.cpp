// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-drawn glyph folders: naming, formats, polarity, placement, and every bad file listed with a reason.
#include "glyphs/fonterror.h"
#include "glyphs/fontface.h"
#include "glyphs/handdrawnset.h"
#include "glyphs/imageops.h"
#include "glyphs/rasterizer.h"

#include "common/atomicfile.h"
#include "common/imageio.h"
#include "glyphtestutil.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>
#include <stb/stb_image_write.h>

#include <cmath>
#include <map>

using namespace zistudio;
using namespace zistudio::glyphs;
using zistudio::test::inkBox;
using zistudio::test::TempDir;
using zistudio::test::TestFonts;

namespace
{

/** A "scan": the glyph drawn at 3x, at an off-centre position, on a larger sheet; luminance values. */
GrayImage scanOf(const GrayImage &ink, int paper, int inkLevel, int sheet = 240, int offsetX = 20, int offsetY = 50)
{
    GrayImage lum(sheet, sheet, static_cast<std::uint8_t>(paper));
    for (int y = 0; y < ink.height; ++y)
        for (int x = 0; x < ink.width; ++x) {
            const double c = ink.at(x, y) / 255.0;
            lum.at(x + offsetX, y + offsetY) = static_cast<std::uint8_t>(std::lround(paper + (inkLevel - paper) * c));
        }
    return lum;
}

/** Luminance → the coverage writeGrayPng expects (it writes 255 - coverage). */
GrayImage asCoverage(const GrayImage &lum)
{
    GrayImage c = lum;
    for (auto &p : c.pixels)
        p = static_cast<std::uint8_t>(255 - p);
    return c;
}

double iou(const GrayImage &a, const GrayImage &b)
{
    long inter = 0, uni = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) {
        const bool x = a.pixels[i] > 127, y = b.pixels[i] > 127;
        inter += x && y;
        uni += x || y;
    }
    return uni ? static_cast<double>(inter) / uni : 0.0;
}

} // namespace

TEST(HandDrawn, ReadsNamesFormatsAndPolarities)
{
    TempDir dir;
    FontFace kai(TestFonts::kaiGb());
    Rasterizer big(kai, {.size = 160});
    // 永.png: dark ink on white (PNG, by character name).
    writeGrayPng(dir / "永.png", asCoverage(scanOf(big.render(U'永'), 255, 0)));
    // uni548C.png: white chalk on a dark board, written as RGBA with an opaque alpha.
    const GrayImage he = scanOf(big.render(U'和'), 30, 230);
    RgbaImage rgba {he.width, he.height, {}};
    for (auto v : he.pixels)
        rgba.pixels.insert(rgba.pixels.end(), {v, v, v, 255});
    writeRgbaPng(dir / "uni548C.png", rgba);
    // U+4E5D.bmp: pencil on grey paper (low contrast), BMP. u+53E3.JPG: 口 as a JPEG.
    const GrayImage jiu = scanOf(big.render(U'九'), 200, 90);
    ASSERT_TRUE(stbi_write_bmp((dir / "U+4E5D.bmp").c_str(), jiu.width, jiu.height, 1, jiu.pixels.data()));
    const GrayImage kou = scanOf(big.render(U'口'), 250, 10);
    ASSERT_TRUE(stbi_write_jpg((dir / "u+53e3.JPG").c_str(), kou.width, kou.height, 1, kou.pixels.data(), 95));
    writeFileAtomically(dir / ".DS_Store", "hidden: ignored silently");

    const RasterOptions options {.size = 64, .placement = Placement::FitToInk, .fitMargin = 0.1};
    const HandDrawnSet set = HandDrawnSet::load(dir.path(), options);
    EXPECT_TRUE(set.problems().empty()) << set.problems().front().file << ": " << set.problems().front().reason;
    ASSERT_EQ(set.glyphs().size(), 4u);
    EXPECT_EQ(set.glyphs()[0].cp, U'九'); // sorted by code point
    EXPECT_EQ(set.glyphs()[1].cp, U'口');
    EXPECT_EQ(set.glyphs()[2].cp, U'和');
    EXPECT_EQ(set.glyphs()[3].cp, U'永');
    ASSERT_NE(set.find(U'和'), nullptr);
    EXPECT_FALSE(set.find(U'和')->darkInk);
    EXPECT_TRUE(set.find(U'永')->darkInk);
    EXPECT_TRUE(set.find(U'九')->darkInk);
    EXPECT_EQ(set.find(U'龘'), nullptr);

    // Every glyph is placed like a font glyph with the fit-to-ink policy: it matches the rasterizer's own
    // fit-to-ink render of the same character, whatever the scan's polarity, contrast, position or format.
    Rasterizer fit(kai, options);
    for (const auto &g : set.glyphs()) {
        ASSERT_EQ(g.image.width, 64);
        EXPECT_GT(iou(g.image, fit.render(g.cp)), 0.8) << static_cast<unsigned>(g.cp);
        const auto box = inkBox(g.image, 64);
        EXPECT_NEAR(std::max(box.width(), box.height()), 64 * 0.8, 2.0);
    }
}

TEST(HandDrawn, BadFilesAreListedWithReasons)
{
    TempDir dir;
    FontFace kai(TestFonts::kaiGb());
    Rasterizer big(kai, {.size = 120});
    writeGrayPng(dir / "永.png", big.render(U'永'));
    writeGrayPng(dir / "uni6C38.png", big.render(U'永'));    // the same character again
    writeGrayPng(dir / "scan_001.png", big.render(U'和'));   // no character in the name
    writeGrayPng(dir / "口.png", GrayImage(100, 100));       // blank paper
    writeFileAtomically(dir / "九.png", "not really a PNG"); // unreadable
    writeFileAtomically(dir / "notes.txt", "drawn with a brush pen");
    std::filesystem::create_directory(dir / "old");

    const HandDrawnSet set = HandDrawnSet::load(dir.path(), {.size = 48});
    ASSERT_EQ(set.glyphs().size(), 1u);
    EXPECT_EQ(set.glyphs()[0].cp, U'永');
    EXPECT_EQ(set.glyphs()[0].file.filename(), "uni6C38.png"); // byte order: 'u' < 0xE6 (永)
    std::map<std::string, std::string> reasons;
    for (const auto &p : set.problems())
        reasons[p.file.filename().string()] = p.reason;
    ASSERT_EQ(reasons.size(), 6u);
    EXPECT_NE(reasons["永.png"].find("duplicate"), std::string::npos) << reasons["永.png"];
    EXPECT_NE(reasons["永.png"].find("uni6C38.png"), std::string::npos);
    EXPECT_NE(reasons["scan_001.png"].find("does not say which character"), std::string::npos);
    EXPECT_NE(reasons["口.png"].find("empty"), std::string::npos);
    EXPECT_NE(reasons["九.png"].find("unreadable"), std::string::npos);
    EXPECT_NE(reasons["notes.txt"].find("not a .png"), std::string::npos);
    EXPECT_NE(reasons["old"].find("subfolder"), std::string::npos);
}

TEST(HandDrawn, MissingFolderAndHashes)
{
    EXPECT_THROW(HandDrawnSet::load("/nonexistent/zi/folder", {}), FontError);
    EXPECT_THROW(HandDrawnSet::folderHash("/nonexistent/zi/folder"), FontError);
    TempDir dir;
    writeGrayPng(dir / "永.png", GrayImage(10, 10, 200));
    const std::string h1 = HandDrawnSet::folderHash(dir.path());
    writeFileAtomically(dir / "notes.txt", "not an image: does not change the hash");
    EXPECT_EQ(HandDrawnSet::folderHash(dir.path()), h1);
    writeGrayPng(dir / "永.png", GrayImage(10, 10, 100));
    const std::string h2 = HandDrawnSet::folderHash(dir.path());
    EXPECT_NE(h2, h1);
    std::filesystem::rename(dir / "永.png", dir / "和.png");
    EXPECT_NE(HandDrawnSet::folderHash(dir.path()), h2);
}

TEST(HandDrawn, PolarityAndCleaning)
{
    // Dark ink on light paper with paper noise: noise goes to 0, ink to full coverage.
    GrayImage lum(40, 40, 235);
    for (int i = 0; i < 40; i += 3)
        lum.at(i, (i * 7) % 40) = 225; // paper grain
    for (int y = 10; y < 30; ++y)
        for (int x = 18; x < 22; ++x)
            lum.at(x, y) = 20;
    bool dark = false;
    const GrayImage ink = HandDrawnSet::inkFromLuminance(lum, &dark);
    EXPECT_TRUE(dark);
    EXPECT_EQ(inkBounds(ink), (PixelRect {18, 10, 22, 30}));
    EXPECT_EQ(ink.at(20, 20), 255);
    // The reverse polarity gives the same coverage.
    GrayImage reversed = lum;
    for (auto &p : reversed.pixels)
        p = static_cast<std::uint8_t>(255 - p);
    EXPECT_EQ(HandDrawnSet::inkFromLuminance(reversed, &dark), ink);
    EXPECT_FALSE(dark);
    // No contrast: no ink.
    EXPECT_TRUE(inkBounds(HandDrawnSet::inkFromLuminance(GrayImage(20, 20, 128))).empty());
}
