// SPDX-License-Identifier: GPL-3.0-or-later
// The font-format building blocks: cubic → quadratic, cmap, sfnt container, glyf and CFF encodings,
// name/OS/2 values, UFO plists.
#include "common/atomicfile.h"
#include "export/cffwriter.h"
#include "export/cmaptable.h"
#include "export/exporterror.h"
#include "export/fonttables.h"
#include "export/quadratic.h"
#include "export/sfnt.h"
#include "export/truetypeglyph.h"
#include "export/truetypewriter.h"
#include "export/ufowriter.h"
#include "exporttestutil.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iconv.h>
#include <random>

using namespace zistudio;
using namespace zistudio::fontexport;

namespace
{

Outline square(double x0, double y0, double x1, double y1)
{
    Outline o;
    o.contours.push_back(Contour {{x0, y0},
        {Segment {Segment::Type::Line, {}, {}, {x1, y0}}, Segment {Segment::Type::Line, {}, {}, {x1, y1}},
            Segment {Segment::Type::Line, {}, {}, {x0, y1}}, Segment {Segment::Type::Line, {}, {}, {x0, y0}}}});
    return o;
}

/** Every hanzi of GB2312 (rows 16-87), decoded with iconv. */
std::vector<char32_t> gb2312Hanzi()
{
    std::vector<char32_t> out;
    iconv_t cd = iconv_open("UTF-32LE", "GB2312");
    for (int hi = 0xB0; hi <= 0xF7; ++hi)
        for (int lo = 0xA1; lo <= 0xFE; ++lo) {
            char in[2] = {static_cast<char>(hi), static_cast<char>(lo)};
            char buf[8] = {};
            char *ip = in, *op = buf;
            std::size_t il = 2, ol = 8;
            if (iconv(cd, &ip, &il, &op, &ol) != static_cast<std::size_t>(-1) && ol == 4)
                out.push_back(static_cast<char32_t>(static_cast<unsigned char>(buf[0])
                    | static_cast<unsigned char>(buf[1]) << 8 | static_cast<unsigned char>(buf[2]) << 16));
        }
    iconv_close(cd);
    return out;
}

} // namespace

TEST(Quadratic, ErrorStaysWithinTheTolerance)
{
    std::mt19937 rng(1234);
    std::uniform_real_distribution<double> coord(0, 1000);
    for (const double tol : {0.25, 1.0, 4.0}) {
        for (int i = 0; i < 200; ++i) {
            const Point p0 {coord(rng), coord(rng)}, p1 {coord(rng), coord(rng)}, p2 {coord(rng), coord(rng)},
                p3 {coord(rng), coord(rng)};
            const auto q = cubicToQuadratic(p0, p1, p2, p3, tol);
            ASSERT_FALSE(q.empty());
            double worst = 0;
            for (int k = 0; k <= 400; ++k) {
                const double t = k / 400.0;
                const Point a = cubicAt(p0, p1, p2, p3, t), b = quadraticSplineAt(p0, q, p3, t);
                worst = std::max(worst, std::hypot(a.x - b.x, a.y - b.y));
            }
            EXPECT_LE(worst, tol + 1e-9) << "cubic " << i << " at tolerance " << tol << ": " << q.size() << " pieces";
        }
    }
}

TEST(Quadratic, ExactAndDegenerateCases)
{
    // A cubic that is exactly the quadratic (0,0) (50,100) (100,0): one control point.
    const auto q = cubicToQuadratic({0, 0}, {100.0 / 3, 200.0 / 3}, {200.0 / 3, 200.0 / 3}, {100, 0}, 0.01);
    ASSERT_EQ(q.size(), 1u);
    EXPECT_NEAR(q[0].x, 50, 1e-9);
    EXPECT_NEAR(q[0].y, 100, 1e-9);
    // A straight cubic (parallel tangents): still converted, within the tolerance.
    const auto line = cubicToQuadratic({0, 0}, {10, 0}, {90, 0}, {100, 0}, 1.0);
    for (const auto &p : line)
        EXPECT_NEAR(p.y, 0, 1e-9);
    // Tighter tolerance, more pieces.
    const Point a {0, 0}, b {0, 500}, c {500, 500}, d {500, 0};
    EXPECT_GT(cubicToQuadratic(a, b, c, d, 0.1).size(), cubicToQuadratic(a, b, c, d, 10).size());
}

TEST(Cmap, RoundTripsFormats4And12)
{
    const std::map<char32_t, std::uint16_t> map {{0x41, 1}, {0x42, 2}, {0x43, 3}, {0x100, 7}, {0x101, 5}, {0x102, 6},
        {0x4E00, 10}, {0xFFFD, 12}, {0x20000, 11}, {0x2A6D6, 4}};
    const ParsedCmap parsed = parseCmap(buildCmap(map), "test");
    EXPECT_EQ(parsed.unicode, map);
    EXPECT_TRUE(parsed.others.empty());
    // Kept subtables come back byte for byte.
    const CmapSubtable mac {1, 0, std::string("\0\0\x01\x06\0\0", 6) + std::string(256, '\0')}; // format 0, length 262
    const ParsedCmap withMac = parseCmap(buildCmap(map, {mac}), "test");
    ASSERT_EQ(withMac.others.size(), 1u);
    EXPECT_EQ(withMac.others[0].data, mac.data);
}

TEST(Cmap, RejectsOverlappingSegmentsOfHostileFonts)
{
    // A format 4 subtable whose two segments both cover everything: refused instead of walked.
    std::string f4("\0\x04\0\x20\0\0\0\x04\0\x04\0\x01\0\0", 14);
    f4 += std::string("\xFF\xFE\xFF\xFF\0\0\0\0\0\0\0\x01\0\x01\0\0\0\0", 18);
    std::string cmap("\0\0\0\x01\0\x03\0\x01\0\0\0\x0C", 12);
    cmap += f4;
    try {
        parseCmap(cmap, "hostile.ttf");
        FAIL();
    } catch (const ExportError &e) {
        EXPECT_NE(std::string(e.what()).find("hostile.ttf"), std::string::npos) << e.what();
    }
}

TEST(Cmap, TooManyBmpSegmentsFallBackToFormat12)
{
    std::map<char32_t, std::uint16_t> map;
    for (char32_t cp = 0x4E00; cp < 0x4E00 + 2 * 20000; cp += 2)
        map[cp] = static_cast<std::uint16_t>(1 + (cp % 97));
    const std::string cmap = buildCmap(map);
    EXPECT_EQ(parseCmap(cmap, "test").unicode, map);
    // The format 4 subtable itself stays within its 16-bit length.
    const std::size_t f4 = (static_cast<unsigned char>(cmap[8]) << 24 | static_cast<unsigned char>(cmap[9]) << 16
        | static_cast<unsigned char>(cmap[10]) << 8 | static_cast<unsigned char>(cmap[11]));
    EXPECT_EQ(static_cast<unsigned char>(cmap[f4 + 1]), 4);
}

TEST(Sfnt, ParseErrorsNameTheProblem)
{
    auto msg = [](const std::string &bytes) {
        try {
            parseSfnt(bytes, "x.ttf");
        } catch (const ExportError &e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    EXPECT_NE(msg("ttcf" + std::string(20, '\0')).find("TTC"), std::string::npos);
    EXPECT_NE(msg("wOFF" + std::string(20, '\0')).find("WOFF"), std::string::npos);
    EXPECT_NE(msg("hello world, no font").find("not an OpenType/TrueType font: x.ttf"), std::string::npos);
    std::string oneTable("\0\1\0\0\0\1\0\0\0\0\0\0", 12);
    oneTable += std::string("glyf\0\0\0\0\0\0\x10\0\0\0\x10\0", 16); // offset 4096: past the end
    EXPECT_NE(msg(oneTable).find("truncated"), std::string::npos);
}

TEST(TrueTypeGlyph, ReversesRoundsAndChecksRange)
{
    const TrueTypeGlyph g = compileTrueTypeGlyph(square(10.4, -20.6, 300.2, 700.5));
    EXPECT_EQ(g.numContours, 1);
    EXPECT_EQ(g.numPoints, 4);
    EXPECT_EQ((std::array<int, 4> {g.xMin, g.yMin, g.xMax, g.yMax}), (std::array<int, 4> {10, -21, 300, 701}));
    EXPECT_EQ(compileTrueTypeGlyph(Outline {}).data, "");
    EXPECT_THROW(compileTrueTypeGlyph(square(0, 0, 40000, 10)), ExportError);
    // Degenerate contours (a line) are dropped.
    Outline line;
    line.contours.push_back(Contour {
        {0, 0}, {Segment {Segment::Type::Line, {}, {}, {100, 0}}, Segment {Segment::Type::Line, {}, {}, {0, 0}}}});
    EXPECT_EQ(compileTrueTypeGlyph(line).numContours, 0);
}

TEST(Cff, CharStringEncoding)
{
    // rmoveto 0 0; rlineto 100 0 0 100 -100 0 (the closing line is implicit); endchar.
    const CffGlyph g = compileCffGlyph(square(0, 0, 100, 100), 1000, 1000);
    EXPECT_EQ(g.charString, std::string("\x8B\x8B\x15\xEF\x8B\x8B\xEF\x27\x8B\x05\x0E"));
    EXPECT_EQ((std::array<int, 4> {g.xMin, g.yMin, g.xMax, g.yMax}), (std::array<int, 4> {0, 0, 100, 100}));
    // A width other than the default comes first: 500 → 248 136.
    const CffGlyph w = compileCffGlyph(Outline {}, 500, 1000);
    EXPECT_EQ(w.charString, std::string("\xF8\x88\x0E"));
    EXPECT_FALSE(w.hasOutline);
}

TEST(FontTables, NamesWeightsAndRanges)
{
    test::TempDir dir;
    FontInfo info;
    info.family = "永字 Test";
    info.style = "Light";
    writeFileAtomically(
        dir / "light.ttf", buildTrueTypeFont(info, {FontGlyph {"uni6C38", U'永', 1000, square(100, 0, 900, 800)}}));
    std::string output;
    EXPECT_EQ(test::runPython(R"PY(
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
win = {n.nameID: n.toUnicode() for n in f['name'].names if n.platformID == 3}
mac = {n.nameID: n.toUnicode() for n in f['name'].names if n.platformID == 1}
assert win[1] == '永字 Test Light' and win[2] == 'Regular', win
assert win[16] == '永字 Test' and win[17] == 'Light', win
assert 1 not in mac and mac[2] == 'Regular', mac
assert win[6] == 'Test-Light', win[6]
assert f['OS/2'].usWeightClass == 300
print('ok')
)PY",
                  output, {(dir / "light.ttf").string()}),
        0)
        << output;
    const auto r = unicodeRanges({0x41, 0x4E00, 0x20000, 0x3042});
    EXPECT_EQ(r[0], 1u);
    EXPECT_EQ(r[1], (1u << (57 - 32)) | (1u << (59 - 32)) | (1u << (49 - 32)));
}

TEST(FontTables, CodePageBitsNeedHalfTheCodePage)
{
    const auto gb = gb2312Hanzi();
    ASSERT_EQ(gb.size(), 6763u);
    const std::uint32_t bits = codePageRange1(gb);
    EXPECT_TRUE(bits & (1u << 18)) << "GB2312";
    EXPECT_FALSE(bits & (1u << 20)) << "Big5 has other (traditional) forms";
    EXPECT_EQ(codePageRange1({U'永', U'回'}), 0u);
    std::vector<char32_t> ascii;
    for (char32_t c = 32; c < 127; ++c)
        ascii.push_back(c);
    EXPECT_EQ(codePageRange1(ascii), 1u);
}

TEST(Ufo, GlifAndFontInfoText)
{
    EmBox box;
    FontGlyph g {"uni4E00", U'一', 1000, square(0, 0, 100, 100), true};
    const std::string glif = buildGlif(g, box, "uni4E_00.png", 256);
    EXPECT_NE(glif.find("<unicode hex=\"4E00\"/>"), std::string::npos);
    EXPECT_NE(glif.find("<advance width=\"1000\" height=\"1000\"/>"), std::string::npos);
    EXPECT_NE(glif.find("<image fileName=\"uni4E_00.png\" xScale=\"3.90625\" yScale=\"3.90625\" yOffset=\"-120\"/>"),
        std::string::npos)
        << glif;
    EXPECT_NE(glif.find("<key>public.markColor</key>"), std::string::npos);
    EXPECT_EQ(glif.find("type=\"move\""), std::string::npos) << "closed contours never start with move";
    FontInfo info;
    info.family = "A & B <C>";
    const std::string plist = buildFontInfoPlist(info);
    EXPECT_NE(plist.find("<string>A &amp; B &lt;C&gt;</string>"), std::string::npos);
}
