// SPDX-License-Identifier: GPL-3.0-or-later
// One real export of Kai glyphs to every format, checked with the real tools: ots-sanitize,
// FreeType, fontTools (/usr/bin/python3) and FontForge.
#include "common/imageio.h"
#include "export/glyphexporter.h"
#include "export/glyphnames.h"
#include "exporttestutil.h"
#include "tempdir.h"
#include "testfonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <gtest/gtest.h>

#include <memory>

using namespace zistudio;
using namespace zistudio::fontexport;

namespace
{

constexpr int kSize = 128;

class ExportedFonts : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<test::TempDir>();
        s_font = test::TestFonts::kaiGb();
        s_box = test::emBoxOf(s_font);
        s_chars = test::testCharacters(s_font);
        s_glyphs = test::renderGlyphs(s_font, s_chars, kSize);
        s_glyphs[1].flagged = true; // 永
        ExportOptions o;
        o.formats = {ExportFormat::Png, ExportFormat::ContactSheet, ExportFormat::Svg, ExportFormat::Ufo,
            ExportFormat::Ttf, ExportFormat::Otf};
        o.family = "ZiStudio Test";
        o.style = "Regular";
        o.emBox = s_box;
        o.backgroundImages = true;
        o.metadata = {{"run", "kai <&> \"run\" 永"}, {"checkpoint", "step-1200"}};
        s_report = exportGlyphSet(s_glyphs, o, s_dir->path());
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    static std::filesystem::path out(const std::string &name) { return s_dir->path() / name; }

    static std::unique_ptr<test::TempDir> s_dir;
    static std::filesystem::path s_font;
    static EmBox s_box;
    static std::u32string s_chars;
    static std::vector<ExportGlyph> s_glyphs;
    static ExportReport s_report;
};

std::unique_ptr<test::TempDir> ExportedFonts::s_dir;
std::filesystem::path ExportedFonts::s_font;
EmBox ExportedFonts::s_box;
std::u32string ExportedFonts::s_chars;
std::vector<ExportGlyph> ExportedFonts::s_glyphs;
ExportReport ExportedFonts::s_report;

/** FreeType's orientation of each glyph's outline in a font file. */
FT_Orientation orientationOf(const std::filesystem::path &font, char32_t cp)
{
    FT_Library lib = nullptr;
    FT_Face face = nullptr;
    FT_Orientation o = FT_ORIENTATION_NONE;
    if (FT_Init_FreeType(&lib) == 0 && FT_New_Face(lib, font.c_str(), 0, &face) == 0
        && FT_Load_Glyph(face, FT_Get_Char_Index(face, cp), FT_LOAD_NO_SCALE) == 0)
        o = FT_Outline_Get_Orientation(&face->glyph->outline);
    if (face)
        FT_Done_Face(face);
    FT_Done_FreeType(lib);
    return o;
}

} // namespace

TEST_F(ExportedFonts, ReportListsEveryOutput)
{
    std::vector<std::string> names;
    for (const auto &p : s_report.outputs)
        names.push_back(p.filename().string());
    EXPECT_EQ(names,
        (std::vector<std::string> {"ZiStudioTest-Regular.otf", "ZiStudioTest-Regular.ttf", "ZiStudioTest-Regular.ufo",
            "contact-sheets", "png", "svg"}));
    EXPECT_EQ(s_report.glyphsTraced, static_cast<int>(s_chars.size()));
    EXPECT_EQ(s_report.glyphsInFonts, static_cast<int>(s_chars.size()));
    EXPECT_TRUE(s_report.skipped.empty());
    // PNG + SVG + glif + background per glyph, .notdef glif, 5 plists, 2 fonts, 1 sheet.
    EXPECT_EQ(s_report.filesWritten, 4 * s_chars.size() + 1 + 5 + 2 + 1);
    for (const char32_t cp : s_chars) {
        EXPECT_TRUE(std::filesystem::exists(out("png") / (glyphNameFor(cp) + ".png")));
        EXPECT_TRUE(std::filesystem::exists(out("svg") / (glyphNameFor(cp) + ".svg")));
    }
    // No staging folder is left behind.
    for (const auto &e : std::filesystem::directory_iterator(s_dir->path()))
        EXPECT_EQ(e.path().filename().string().find(".zistudio-export-"), std::string::npos) << e.path();
}

TEST_F(ExportedFonts, PngsAreTheGlyphImages)
{
    for (const auto &g : s_glyphs)
        EXPECT_EQ(readGrayPng(out("png") / (glyphNameFor(g.cp) + ".png")), g.image);
}

TEST_F(ExportedFonts, OtsSanitizeAcceptsTtfAndOtf)
{
    for (const char *file : {"ZiStudioTest-Regular.ttf", "ZiStudioTest-Regular.otf"}) {
        std::string output;
        EXPECT_EQ(test::runCommand("ots-sanitize " + test::shellQuote(out(file).string()), output), 0)
            << file << ": " << output;
    }
}

TEST_F(ExportedFonts, FreeTypeRerenderMatchesThePngs)
{
    for (const char *file : {"ZiStudioTest-Regular.ttf", "ZiStudioTest-Regular.otf"}) {
        for (const auto &g : s_glyphs) {
            const GrayImage png = readGrayPng(out("png") / (glyphNameFor(g.cp) + ".png"));
            const double iou = test::rerenderIou(out(file), g.cp, png);
            EXPECT_GE(iou, 0.9) << file << " " << formatCodePoint(g.cp);
        }
        EXPECT_FALSE(test::fontHas(out(file), U'丁')) << "only exported characters are mapped";
    }
}

TEST_F(ExportedFonts, ContourDirectionFollowsEachFormat)
{
    EXPECT_EQ(orientationOf(out("ZiStudioTest-Regular.ttf"), U'回'), FT_ORIENTATION_TRUETYPE);
    EXPECT_EQ(orientationOf(out("ZiStudioTest-Regular.otf"), U'回'), FT_ORIENTATION_POSTSCRIPT);
}

TEST_F(ExportedFonts, FontToolsAgreesWithEveryTable)
{
    std::string output;
    const std::string script = R"PY(
import sys
from fontTools.ttLib import TTFont
path, count = sys.argv[1], int(sys.argv[2])
f = TTFont(path, checkChecksums=2)
data = open(path, 'rb').read()
data += b'\0' * (-len(data) % 4)
total = sum(int.from_bytes(data[i:i+4], 'big') for i in range(0, len(data), 4)) & 0xFFFFFFFF
assert total == 0xB1B0AFBA, hex(total)
order = f.getGlyphOrder()
assert order[0] == '.notdef', order[:3]
assert f['maxp'].numGlyphs == count + 1, f['maxp'].numGlyphs
cmap = f.getBestCmap()
assert len(cmap) == count, len(cmap)
assert f['head'].unitsPerEm == 1000
os2 = f['OS/2']
assert os2.version == 4 and os2.fsSelection & (1 << 7), os2.fsSelection
assert os2.ulUnicodeRange2 & (1 << (59 - 32)), hex(os2.ulUnicodeRange2)
assert (os2.sTypoAscender, os2.sTypoDescender) == (int(sys.argv[3]), int(sys.argv[4])), (os2.sTypoAscender, os2.sTypoDescender)
names = {n.nameID: n.toUnicode() for n in f['name'].names if n.platformID == 3}
assert names[1] == 'ZiStudio Test' and names[2] == 'Regular' and names[6] == 'ZiStudioTest-Regular', names
assert any(n.platformID == 1 for n in f['name'].names)
assert 'cmap' in f and {(t.platformID, t.platEncID, t.format) for t in f['cmap'].tables} >= {(3, 1, 4), (3, 10, 12)}
assert 'vhea' in f and 'vmtx' in f
if 'glyf' in f:
    assert f['head'].indexToLocFormat == 1
    glyf = f['glyf']
    maxPoints = maxContours = 0
    for name in order:
        g = glyf[name]
        if g.numberOfContours > 0:
            g.recalcBounds(glyf)
            assert f['hmtx'][name][1] == g.xMin, (name, f['hmtx'][name], g.xMin)
            maxPoints = max(maxPoints, len(g.coordinates))
            maxContours = max(maxContours, g.numberOfContours)
    assert (f['maxp'].maxPoints, f['maxp'].maxContours) == (maxPoints, maxContours), (f['maxp'].maxPoints, maxPoints)
else:
    cff = f['CFF '].cff
    assert cff.fontNames == ['ZiStudioTest-Regular']
    cs = cff[cff.fontNames[0]].CharStrings
    assert sorted(cs.keys()) == sorted(order)
    for name in order:
        cs[name].decompile()
print('ok')
)PY";
    const auto count = std::to_string(s_chars.size());
    for (const char *file : {"ZiStudioTest-Regular.ttf", "ZiStudioTest-Regular.otf"}) {
        EXPECT_EQ(test::runPython(script, output,
                      {out(file).string(), count, std::to_string(s_box.ascender), std::to_string(s_box.descender)}),
            0)
            << file << ": " << output;
    }
}

TEST_F(ExportedFonts, UfoPassesFontToolsValidation)
{
    std::string output;
    const std::string script = R"PY(
import sys
from fontTools.ufoLib import UFOReader
from fontTools.pens.recordingPen import RecordingPointPen
r = UFOReader(sys.argv[1], validate=True)
class Info: pass
info = Info()
r.readInfo(info)
assert info.familyName == 'ZiStudio Test' and info.unitsPerEm == 1000, info.familyName
assert info.openTypeOS2TypoAscender == int(sys.argv[2]) and info.openTypeOS2TypoDescender == int(sys.argv[3])
assert info.openTypeVheaVertTypoAscender is not None and info.xHeight > 0 and info.capHeight > 0
lib = r.readLib()
order = lib['public.glyphOrder']
assert order[0] == '.notdef' and len(order) == int(sys.argv[4]) + 1, order
meta = lib['com.zistudio.export']
assert meta == {'run': 'kai <&> "run" 永', 'checkpoint': 'step-1200'}, meta
gs = r.getGlyphSet()
assert gs.contents['uni6C38'] == 'uni6C_38.glif', gs.contents['uni6C38']
assert gs.contents['.notdef'] == '_notdef.glif'
class G: pass
def read(name):
    g, pen = G(), RecordingPointPen()
    gs.readGlyph(name, g, pen, validate=True)
    return g, pen
for name in order[1:]:
    g, pen = read(name)
    assert g.unicodes == [int(name[3:], 16)], (name, g.unicodes)
    assert g.width == 1000
    assert sum(1 for op, _, _ in pen.value if op == 'beginPath') > 0, name
    assert g.image['fileName'] in r.getImageDirectoryListing(validate=True), g.image
assert read('uni6C38')[0].lib['public.markColor'] == '1,0,0,1'
assert 'public.markColor' not in read('uni56DE')[0].lib
print('ok')
)PY";
    EXPECT_EQ(test::runPython(script, output,
                  {out("ZiStudioTest-Regular.ufo").string(), std::to_string(s_box.ascender),
                      std::to_string(s_box.descender), std::to_string(s_chars.size())}),
        0)
        << output;
}

TEST_F(ExportedFonts, FontForgeOpensTheUfo)
{
    std::string output;
    const std::string script = "import fontforge, sys\n"
                               "f = fontforge.open(sys.argv[1])\n"
                               "print('family=' + f.familyname)\n"
                               "print('mapped=%d' % sum(1 for g in f.glyphs() if g.unicode > 0))\n";
    const int rc = test::runCommand("fontforge -quiet -lang=py -c " + test::shellQuote(script) + " "
            + test::shellQuote(out("ZiStudioTest-Regular.ufo").string()),
        output);
    EXPECT_EQ(rc, 0) << output;
    EXPECT_NE(output.find("family=ZiStudio Test"), std::string::npos) << output;
    EXPECT_NE(output.find("mapped=" + std::to_string(s_chars.size())), std::string::npos) << output;
}

TEST_F(ExportedFonts, FontForgeOpensTheFonts)
{
    const std::string script = "import fontforge, sys\n"
                               "f = fontforge.open(sys.argv[1])\n"
                               "print('mapped=%d' % sum(1 for g in f.glyphs() if g.unicode > 0))\n"
                               // open contours, self-intersections, wrong direction (missing extrema is
                               // expected of traced curves and left to the designer)
                               "print('problems=%d' % (f.validate() & (0x2 | 0x4 | 0x8)))\n";
    for (const char *file : {"ZiStudioTest-Regular.ttf", "ZiStudioTest-Regular.otf"}) {
        std::string output;
        EXPECT_EQ(test::runCommand("fontforge -quiet -lang=py -c " + test::shellQuote(script) + " "
                          + test::shellQuote(out(file).string()),
                      output),
            0)
            << output;
        EXPECT_NE(output.find("mapped=" + std::to_string(s_chars.size())), std::string::npos) << file << output;
        EXPECT_NE(output.find("problems=0"), std::string::npos) << file << output;
    }
}

TEST_F(ExportedFonts, ContactSheetCarriesSettings)
{
    const auto sheet = out("contact-sheets") / "sheet-001.png";
    const GrayImage lum = readLuminanceImage(sheet);
    EXPECT_GT(lum.width, kSize * 4);
    std::string output;
    EXPECT_EQ(
        test::runPython("import sys, zlib\n"
                        "data = open(sys.argv[1], 'rb').read()\n"
                        "i, text = 8, {}\n"
                        "while i < len(data):\n"
                        "    n = int.from_bytes(data[i:i+4], 'big'); t = data[i+4:i+8]\n"
                        "    if t == b'tEXt':\n"
                        "        k, v = data[i+8:i+8+n].split(b'\\0', 1); text[k.decode()] = v.decode('latin-1')\n"
                        "    i += 12 + n\n"
                        "print(text.get('checkpoint'), text.get('zistudio.sheet'))\n",
            output, {sheet.string()}),
        0)
        << output;
    EXPECT_NE(output.find("step-1200 1/1"), std::string::npos) << output;
}
