// SPDX-License-Identifier: GPL-3.0-or-later
// The tracer (potrace), outlines, SVG, glyph/file names and XML escaping.
#include "common/atomicfile.h"
#include "export/exporterror.h"
#include "export/glyphnames.h"
#include "export/glyphtracer.h"
#include "export/svgwriter.h"
#include "export/xmltext.h"
#include "exporttestutil.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>

#include <set>

using namespace zistudio;
using namespace zistudio::fontexport;

namespace
{

GrayImage square(int size, int x0, int y0, int x1, int y1, std::uint8_t ink = 255)
{
    GrayImage img(size, size);
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            img.at(x, y) = ink;
    return img;
}

} // namespace

TEST(Tracer, FilledSquareBecomesOneCounterClockwiseContourInFontUnits)
{
    const EmBox box; // 1000 upem, em box 880 / -120
    // Columns 16..48 and rows 8..40 of 64 px: x 250..750, y 880-125=755 .. 880-625=255.
    const Outline o = traceGlyph(square(64, 16, 8, 48, 40), box);
    ASSERT_EQ(o.contours.size(), 1u);
    EXPECT_GT(signedArea(o.contours[0]), 0) << "outer contours are counter-clockwise (y up)";
    const Bounds b = o.controlBounds();
    EXPECT_NEAR(b.xMin, 250, 16);
    EXPECT_NEAR(b.xMax, 750, 16);
    EXPECT_NEAR(b.yMin, 255, 16);
    EXPECT_NEAR(b.yMax, 755, 16);
}

TEST(Tracer, HoleIsClockwise)
{
    GrayImage img = square(64, 8, 8, 56, 56);
    for (int y = 20; y < 44; ++y)
        for (int x = 20; x < 44; ++x)
            img.at(x, y) = 0;
    const Outline o = traceGlyph(img, EmBox {});
    ASSERT_EQ(o.contours.size(), 2u);
    const double a0 = signedArea(o.contours[0]), a1 = signedArea(o.contours[1]);
    EXPECT_TRUE((a0 > 0 && a1 < 0) || (a0 < 0 && a1 > 0)) << a0 << " " << a1;
}

TEST(Tracer, BlankImageGivesEmptyOutline)
{
    EXPECT_TRUE(traceGlyph(GrayImage(32, 32), EmBox {}).isEmpty());
    // Faint ink below the threshold is paper.
    EXPECT_TRUE(traceGlyph(square(32, 4, 4, 28, 28, 100), EmBox {}).isEmpty());
}

TEST(Tracer, TurdsizeDropsSpecks)
{
    GrayImage img = square(64, 10, 10, 40, 40);
    img.at(55, 55) = 255; // a one-pixel speck
    TraceOptions keep {.turdsize = 0, .median3 = false};
    TraceOptions drop {.turdsize = 2, .median3 = false};
    EXPECT_EQ(traceGlyph(img, EmBox {}, keep).contours.size(), 2u);
    EXPECT_EQ(traceGlyph(img, EmBox {}, drop).contours.size(), 1u);
    // The median filter alone removes it too.
    EXPECT_EQ(traceGlyph(img, EmBox {}, TraceOptions {.turdsize = 0}).contours.size(), 1u);
}

TEST(Tracer, RejectsBadInputWithClearErrors)
{
    try {
        traceGlyph(GrayImage(32, 16), EmBox {});
        FAIL();
    } catch (const ExportError &e) {
        EXPECT_NE(std::string(e.what()).find("square"), std::string::npos) << e.what();
    }
    EXPECT_THROW(traceGlyph(GrayImage(), EmBox {}), ExportError);
    try {
        traceGlyph(GrayImage(32, 32), EmBox {}, TraceOptions {.upscale = 0});
        FAIL();
    } catch (const ExportError &e) {
        EXPECT_NE(std::string(e.what()).find("upscale"), std::string::npos) << e.what();
    }
    EXPECT_THROW(traceGlyph(GrayImage(32, 32), EmBox {.emBoxTop = -120, .emBoxBottom = 880}), ExportError);
}

TEST(Tracer, RealGlyphsRoundTripThroughTheOutline)
{
    const auto font = test::TestFonts::kaiGb();
    const EmBox box = test::emBoxOf(font);
    for (const char32_t cp : {U'永', U'回', U'一'}) {
        const GrayImage img = test::renderEmBox(font, cp, 96);
        ASSERT_GT(test::inkCount(img), 50);
        const Outline o = traceGlyph(img, box);
        ASSERT_FALSE(o.isEmpty());
        // Outline placement maps back onto the same pixels.
        const double iou = test::inkIou(img, test::fillOutline(o, 96, box));
        EXPECT_GE(iou, 0.93) << "U+" << std::hex << static_cast<unsigned>(cp);
    }
}

TEST(Tracer, UpscaleGivesSmootherCurvesNotAnotherShape)
{
    const auto font = test::TestFonts::kaiGb();
    const EmBox box = test::emBoxOf(font);
    const GrayImage img = test::renderEmBox(font, U'永', 64);
    const Outline o1 = traceGlyph(img, box, TraceOptions {.upscale = 1});
    const Outline o4 = traceGlyph(img, box, TraceOptions {.upscale = 4});
    EXPECT_GE(test::inkIou(test::fillOutline(o1, 64, box), test::fillOutline(o4, 64, box)), 0.9);
}

TEST(Svg, PathIsFlippedIntoTheViewBox)
{
    const EmBox box;
    Outline o;
    o.contours.push_back(Contour {{100, 0},
        {Segment {Segment::Type::Line, {}, {}, {300, 0}},
            Segment {Segment::Type::Cubic, {350, 50}, {350, 150}, {300, 200}},
            Segment {Segment::Type::Line, {}, {}, {100, 0}}}});
    const std::string d = svgPathData(o, box);
    EXPECT_EQ(d, "M100 880L300 880C350 830 350 730 300 680L100 880Z");
    const std::string svg = outlineToSvg(o, box, "U+4E00 <一>");
    EXPECT_NE(svg.find("viewBox=\"0 0 1000 1000\""), std::string::npos);
    EXPECT_NE(svg.find("<title>U+4E00 &lt;一&gt;</title>"), std::string::npos);
}

TEST(Svg, FontToolsReadsTheSvgPathAtTheRightPlace)
{
    test::TempDir dir;
    const EmBox box;
    const Outline o = traceGlyph(square(64, 16, 8, 48, 40), box);
    writeFileAtomically(dir / "uni4E00.svg", outlineToSvg(o, box));
    std::string out;
    const int rc = test::runPython("import sys\n"
                                   "from fontTools.svgLib import SVGPath\n"
                                   "from fontTools.pens.boundsPen import BoundsPen\n"
                                   "p = BoundsPen(None)\n"
                                   "SVGPath(sys.argv[1]).draw(p)\n"
                                   "print(' '.join(str(round(v)) for v in p.bounds))\n",
        out, {(dir / "uni4E00.svg").string()});
    ASSERT_EQ(rc, 0) << out;
    // SVG y = 880 - font y: the square's font y 255..755 becomes 125..625.
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    ASSERT_EQ(std::sscanf(out.c_str(), "%d %d %d %d", &x0, &y0, &x1, &y1), 4) << out;
    EXPECT_NEAR(x0, 250, 16);
    EXPECT_NEAR(x1, 750, 16);
    EXPECT_NEAR(y0, 125, 16);
    EXPECT_NEAR(y1, 625, 16);
}

TEST(Names, GlyphNamesFollowTheAglConvention)
{
    EXPECT_EQ(glyphNameFor(0x6C38), "uni6C38");
    EXPECT_EQ(glyphNameFor(0x41), "uni0041");
    EXPECT_EQ(glyphNameFor(0x20000), "u20000");
    EXPECT_EQ(formatCodePoint(0x4E00), "U+4E00");
    EXPECT_EQ(formatCodePoint(0x2A6D6), "U+2A6D6");
    EXPECT_TRUE(isUnicodeScalar(0x10FFFF));
    EXPECT_FALSE(isUnicodeScalar(0xD800));
    EXPECT_FALSE(isUnicodeScalar(0x110000));
    EXPECT_EQ(encodeUtf8(U'永'), "永");
    EXPECT_EQ(decodeUtf8Lenient("a永\xff"), std::u32string(U"a永\uFFFD"));
}

TEST(Names, UfoFileNamesFollowTheSpecConvention)
{
    std::set<std::string> taken;
    EXPECT_EQ(ufoFileName("uni6C38", taken), "uni6C_38.glif");
    EXPECT_EQ(ufoFileName("uni56DE", taken), "uni56D_E_.glif");
    EXPECT_EQ(ufoFileName(".notdef", taken), "_notdef.glif");
    EXPECT_EQ(ufoFileName("a", taken), "a.glif");
    EXPECT_EQ(ufoFileName("A", taken), "A_.glif");
    EXPECT_EQ(ufoFileName("con", taken), "_con.glif");
    EXPECT_EQ(ufoFileName("a/b:c", taken), "a_b_c.glif");
    // "a_" lower-cases to the same file name as "A_.glif": a number disambiguates.
    EXPECT_EQ(ufoFileName("a_", taken), "a_000000000000001.glif");
}

TEST(Xml, EscapesMarkupAndDropsWhatXmlCannotCarry)
{
    EXPECT_EQ(xmlEscape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
    EXPECT_EQ(xmlEscape(std::string("x\x01y\tz", 5)), "xy\tz");
    EXPECT_EQ(xmlEscape("bad\xff utf8"), "bad\xEF\xBF\xBD utf8");
    EXPECT_EQ(xmlEscape("永"), "永");
    EXPECT_EQ(formatNumber(12.0), "12");
    EXPECT_EQ(formatNumber(-0.001), "0");
    EXPECT_EQ(formatNumber(3.14159, 2), "3.14");
    EXPECT_EQ(formatNumber(-2.5, 1), "-2.5");
}
