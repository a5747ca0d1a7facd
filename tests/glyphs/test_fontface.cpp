// SPDX-License-Identifier: GPL-3.0-or-later
// FontFace: real Debian fonts, and broken copies of them made in the test (truncated, bit-flipped,
// renamed, bitmap-only) that must all give a FontError naming the file, never a crash.
#include "glyphs/charsets.h"
#include "glyphs/coverage.h"
#include "glyphs/fonterror.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"

#include "common/atomicfile.h"
#include "common/image.h"
#include "common/imageio.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

using namespace zistudio;
using namespace zistudio::glyphs;
using zistudio::test::TempDir;
using zistudio::test::TestFonts;

namespace
{

std::string bytesOf(const std::filesystem::path &p)
{
    return readFile(p);
}

void writeBytes(const std::filesystem::path &p, std::string_view bytes)
{
    writeFileAtomically(p, bytes);
}

/** Runs `f` and returns the FontError message; fails the test when nothing (or something else) is thrown. */
template<typename F> std::string fontErrorOf(F &&f)
{
    try {
        f();
    } catch (const FontError &e) {
        return e.what();
    } catch (const std::exception &e) {
        ADD_FAILURE() << "expected FontError, got another exception: " << e.what();
        return {};
    }
    ADD_FAILURE() << "expected FontError, nothing was thrown";
    return {};
}

std::uint32_t be32(const std::string &b, std::size_t at)
{
    return std::uint32_t(static_cast<unsigned char>(b[at])) << 24
        | std::uint32_t(static_cast<unsigned char>(b[at + 1])) << 16
        | std::uint32_t(static_cast<unsigned char>(b[at + 2])) << 8
        | std::uint32_t(static_cast<unsigned char>(b[at + 3]));
}

/** Renames table `from` to `to` in the table directory at `dirOffset` (so FreeType no longer finds it). */
bool renameTable(std::string &font, std::size_t dirOffset, const char *from, const char *to)
{
    const std::size_t numTables
        = (static_cast<unsigned char>(font[dirOffset + 4]) << 8) | static_cast<unsigned char>(font[dirOffset + 5]);
    for (std::size_t i = 0; i < numTables; ++i) {
        const std::size_t rec = dirOffset + 12 + 16 * i;
        if (font.compare(rec, 4, from) == 0) {
            font.replace(rec, 4, to);
            return true;
        }
    }
    return false;
}

} // namespace

TEST(FontFace, UkaiCollectionHasFourFaces)
{
    const auto faces = listFaces(TestFonts::ukaiTtc());
    ASSERT_EQ(faces.size(), 4u);
    for (std::size_t i = 0; i < faces.size(); ++i) {
        EXPECT_EQ(faces[i].index, static_cast<int>(i));
        EXPECT_EQ(faces[i].numFaces, 4);
        EXPECT_EQ(faces[i].format, "TrueType");
        EXPECT_EQ(faces[i].unitsPerEm, 1024);
        EXPECT_NE(faces[i].family.find("UKai"), std::string::npos) << faces[i].family;
    }
    // The four faces are the CN, HK, TW and TW MBE variants: four different family names.
    EXPECT_NE(faces[0].family, faces[1].family);
    EXPECT_NE(faces[1].family, faces[2].family);
    EXPECT_NE(faces[2].family, faces[3].family);
}

TEST(FontFace, EmBoxIsOneEmAndContainsTheBaseline)
{
    for (const auto &path : {TestFonts::songGb(), TestFonts::kaiGb(), TestFonts::smiley(), TestFonts::dejavu()}) {
        FontFace face(path);
        const FaceInfo &info = face.info();
        EXPECT_NEAR(info.emBoxTop - info.emBoxBottom, info.unitsPerEm, 1e-9) << path;
        EXPECT_GT(info.emBoxTop, 0) << path;
        EXPECT_LT(info.emBoxBottom, 0) << path;
        EXPECT_FALSE(info.emBoxSource.empty());
    }
    // The Arphic fonts follow the CJK convention: typo metrics 900/-124 span exactly one em of 1024.
    FontFace song(TestFonts::songGb());
    EXPECT_EQ(song.info().emBoxSource, "OS/2");
    EXPECT_NEAR(song.info().emBoxTop, 900, 1e-9);
    // Smiley Sans's typo metrics (810/-230) are line metrics, not an em box: the em is centred on its ideographs.
    FontFace smiley(TestFonts::smiley());
    EXPECT_EQ(smiley.info().unitsPerEm, 1000);
    EXPECT_EQ(smiley.info().emBoxSource, "ideographs");
    EXPECT_GT(smiley.info().emBoxTop, 886); // the top of 郁's ink: nothing is clipped
    EXPECT_LT(smiley.info().emBoxBottom, -92);
}

TEST(FontFace, UmingReportsItsEmbeddedBitmaps)
{
    FontFace uming(TestFonts::umingTtc());
    EXPECT_TRUE(uming.info().hasEmbeddedBitmaps);
    FontFace song(TestFonts::songGb());
    EXPECT_FALSE(song.info().hasEmbeddedBitmaps);
}

TEST(FontFace, DejaVuHasNoCjkCoverage)
{
    FontFace dejavu(TestFonts::dejavu());
    EXPECT_TRUE(dejavu.hasGlyph(U'A'));
    EXPECT_FALSE(dejavu.hasGlyph(U'永'));
    for (const auto &c : builtinCoverage(dejavu))
        EXPECT_EQ(c.covered, 0) << c.charset;
}

TEST(FontFace, ArphicSongCoversAllOfGb2312)
{
    FontFace song(TestFonts::songGb());
    const auto gb = builtinCharset("gb2312");
    EXPECT_EQ(countCovered(song, gb), 6763);
    EXPECT_LT(countCovered(song, builtinCharset("big5")), 13053);
    FontFace dejavu(TestFonts::dejavu());
    EXPECT_TRUE(coveredByAll({&song, &dejavu}, gb).empty());
    FontFace kai(TestFonts::kaiGb());
    EXPECT_EQ(coveredByAll({&song, &kai}, gb).size(), gb.size());
}

TEST(FontFace, MovedFaceStillWorks)
{
    FontFace a(TestFonts::songGb());
    FontFace b(std::move(a));
    EXPECT_TRUE(b.hasGlyph(U'永'));
    Rasterizer r(b, {.size = 32});
    EXPECT_EQ(r.render(U'永').width, 32);
}

TEST(FontFaceErrors, MissingFile)
{
    const std::string msg = fontErrorOf([] { FontFace f("/nonexistent/zi/font.ttf"); });
    EXPECT_NE(msg.find("does not exist"), std::string::npos) << msg;
    EXPECT_NE(msg.find("/nonexistent/zi/font.ttf"), std::string::npos) << msg;
}

TEST(FontFaceErrors, FolderEmptyAndTinyFiles)
{
    TempDir dir;
    EXPECT_NE(fontErrorOf([&] { FontFace f(dir.path()); }).find("folder"), std::string::npos);
    writeBytes(dir / "empty.ttf", "");
    const std::string empty = fontErrorOf([&] { FontFace f(dir / "empty.ttf"); });
    EXPECT_NE(empty.find("empty"), std::string::npos) << empty;
    EXPECT_NE(empty.find((dir / "empty.ttf").string()), std::string::npos) << empty;
    writeBytes(dir / "tiny.ttf", std::string("\0\1\0\0\0", 5));
    EXPECT_NE(fontErrorOf([&] { FontFace f(dir / "tiny.ttf"); }).find("truncated"), std::string::npos);
    // Over the size cap: refused before a byte is read (a sparse file, so the test costs no disk).
    writeBytes(dir / "huge.ttf", std::string("\0\1\0\0", 4));
    std::filesystem::resize_file(dir / "huge.ttf", kMaxFontFileBytes + 1);
    const std::string huge = fontErrorOf([&] { FontFace f(dir / "huge.ttf"); });
    EXPECT_NE(huge.find("larger than 256 MiB"), std::string::npos) << huge;
    EXPECT_NE(huge.find((dir / "huge.ttf").string()), std::string::npos) << huge;
}

TEST(FontFaceErrors, NonFontFilesAreNamed)
{
    TempDir dir;
    GrayImage img(8, 8, 100);
    writeGrayPng(dir / "image.ttf", img);
    const std::string png = fontErrorOf([&] { FontFace f(dir / "image.ttf"); });
    EXPECT_NE(png.find("not an OpenType/TrueType font"), std::string::npos) << png;
    EXPECT_NE(png.find("PNG"), std::string::npos) << png;
    EXPECT_NE(png.find("image.ttf"), std::string::npos) << png;

    writeBytes(dir / "text.ttf", "this is just a text file, not a font at all\n");
    EXPECT_NE(
        fontErrorOf([&] { FontFace f(dir / "text.ttf"); }).find("not an OpenType/TrueType font"), std::string::npos);
    writeBytes(dir / "type1.pfa", "%!PS-AdobeFont-1.0: Fake 001.000\n%%EndComments\n");
    EXPECT_NE(fontErrorOf([&] { FontFace f(dir / "type1.pfa"); }).find("Type 1"), std::string::npos);
    writeBytes(dir / "web.woff", std::string("wOFF\0\1\0\0rest of a woff header", 30));
    EXPECT_NE(fontErrorOf([&] { FontFace f(dir / "web.woff"); }).find("WOFF"), std::string::npos);
    writeBytes(dir / "font.bdf", "STARTFONT 2.1\nFONT -fake-\n");
    EXPECT_NE(fontErrorOf([&] { FontFace f(dir / "font.bdf"); }).find("bitmap fonts"), std::string::npos);
}

TEST(FontFaceErrors, FaceIndexOutOfRange)
{
    const std::string ttc = fontErrorOf([] { FontFace f(TestFonts::ukaiTtc(), 4); });
    EXPECT_NE(ttc.find("face index 4 is out of range"), std::string::npos) << ttc;
    EXPECT_NE(ttc.find("4 faces"), std::string::npos) << ttc;
    EXPECT_NE(fontErrorOf([] { FontFace f(TestFonts::ukaiTtc(), -1); }).find("out of range"), std::string::npos);
    EXPECT_NE(fontErrorOf([] { FontFace f(TestFonts::songGb(), 1); }).find("1 face"), std::string::npos);
}

TEST(FontFaceErrors, TruncatedFontsAreRejectedAtOpen)
{
    TempDir dir;
    const std::string font = bytesOf(TestFonts::songGb());
    for (std::size_t keep : {std::size_t(11), std::size_t(40), std::size_t(300), std::size_t(4096), font.size() / 2,
             font.size() * 9 / 10}) {
        const auto path = dir / ("cut" + std::to_string(keep) + ".ttf");
        writeBytes(path, std::string_view(font).substr(0, keep));
        const std::string msg = fontErrorOf([&] { FontFace f(path); });
        EXPECT_NE(msg.find("truncated"), std::string::npos) << keep << ": " << msg;
        EXPECT_NE(msg.find(path.string()), std::string::npos) << msg;
    }
    const std::string ttc = bytesOf(TestFonts::ukaiTtc()).substr(0, 20000);
    writeBytes(dir / "cut.ttc", ttc);
    EXPECT_NE(fontErrorOf([&] { FontFace f(dir / "cut.ttc", 3); }).find("truncated"), std::string::npos);
}

TEST(FontFaceErrors, BitmapOnlyFontIsRejected)
{
    // uming.ttc carries embedded bitmap strikes: hide its outlines and FreeType sees a bitmap-only font.
    TempDir dir;
    std::string font = bytesOf(TestFonts::umingTtc());
    ASSERT_EQ(font.compare(0, 4, "ttcf"), 0);
    const std::size_t dir0 = be32(font, 12);
    ASSERT_TRUE(renameTable(font, dir0, "glyf", "xlyf"));
    ASSERT_TRUE(renameTable(font, dir0, "loca", "xoca"));
    writeBytes(dir / "bitmaponly.ttc", font);
    const std::string msg = fontErrorOf([&] { FontFace f(dir / "bitmaponly.ttc"); });
    EXPECT_TRUE(msg.find("bitmap-only") != std::string::npos || msg.find("Table_Missing") != std::string::npos) << msg;
}

TEST(FontFaceErrors, BitFlippedFontsNeverCrash)
{
    // Damage the font in many places; opening and rendering must either work or throw FontError.
    TempDir dir;
    const std::string original = bytesOf(TestFonts::songGb());
    std::mt19937 rng(20240607);
    const std::u32string probe = U"永一回龘國A";
    int opened = 0;
    int rejected = 0;
    for (int round = 0; round < 24; ++round) {
        std::string font = original;
        // The first rounds hit the header and table directory, the later ones anywhere.
        const std::size_t span = round < 8 ? 512 : font.size();
        for (int k = 0; k < 16; ++k)
            font[rng() % span] = static_cast<char>(rng());
        const auto path = dir / ("flip" + std::to_string(round) + ".ttf");
        writeBytes(path, font);
        try {
            FontFace face(path);
            ++opened;
            for (auto placement : {Placement::EmBox, Placement::FitToInk}) {
                Rasterizer r(face, {.size = 48, .placement = placement});
                for (char32_t cp : probe) {
                    const GlyphRender g = r.renderChecked(cp);
                    if (g.ok()) {
                        EXPECT_EQ(g.image.width, 48);
                        EXPECT_EQ(g.image.pixels.size(), 48u * 48u);
                    }
                }
            }
        } catch (const FontError &e) {
            ++rejected;
            EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(opened + rejected, 24);
}
