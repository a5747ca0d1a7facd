// SPDX-License-Identifier: GPL-3.0-or-later
// Merging generated glyphs into existing TrueType fonts (DejaVu Sans, a Kai subset), proved with
// ots-sanitize, fontTools and FreeType renders before/after.
#include "common/atomicfile.h"
#include "export/bytebuffer.h"
#include "export/cffwriter.h"
#include "export/exporterror.h"
#include "export/fontmerge.h"
#include "export/glyphexporter.h"
#include "export/glyphnames.h"
#include "export/sfnt.h"
#include "exporttestutil.h"
#include "glyphs/charsets.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>

using namespace zistudio;
using namespace zistudio::fontexport;

namespace
{

constexpr int kSize = 128;

struct Traced
{
    std::vector<ExportGlyph> images;
    std::vector<FontGlyph> glyphs;
};

/** Renders `chars` from Kai (em-box placement) and traces them into font glyphs in `box` units. */
Traced traceKai(const std::u32string &chars, const EmBox &box)
{
    Traced t;
    t.images = test::renderGlyphs(test::TestFonts::kaiGb(), chars, kSize);
    for (const auto &g : t.images)
        t.glyphs.push_back(FontGlyph {glyphNameFor(g.cp), g.cp, box.unitsPerEm, traceGlyph(g.image, box)});
    return t;
}

int ots(const std::filesystem::path &font, std::string &output)
{
    return test::runCommand("ots-sanitize " + test::shellQuote(font.string()), output);
}

const std::string kCheckMerged = R"PY(
import sys
from fontTools.ttLib import TTFont
before, after = TTFont(sys.argv[1]), TTFont(sys.argv[2])
added = [int(c, 16) for c in sys.argv[3].split(',')]
b, a = before.getBestCmap(), after.getBestCmap()
for cp, name in b.items():
    assert cp in a, hex(cp)
    assert after.getGlyphID(a[cp]) == before.getGlyphID(name), hex(cp)
for cp in added:
    assert cp not in b and cp in a, hex(cp)
    assert after.getGlyphID(a[cp]) >= before['maxp'].numGlyphs
n = before['maxp'].numGlyphs + len(added)
assert after['maxp'].numGlyphs == n and len(after.getGlyphOrder()) == n
assert after['hhea'].numberOfHMetrics <= n
glyf = after['glyf']
for cp in added:
    name = a[cp]
    g = glyf[name]
    g.recalcBounds(glyf)
    assert after['hmtx'][name][1] == g.xMin, name
    assert after['hmtx'][name][0] == after['head'].unitsPerEm, after['hmtx'][name]
    if before['post'].formatType == 2:
        assert name == 'uni%04X' % cp, name
for tag in before.keys():
    if tag not in ('hdmx', 'LTSH', 'VDMX', 'DSIG', 'GlyphOrder'):
        assert tag in after, tag
print('ok', after['post'].formatType)
)PY";

std::string hexList(const std::u32string &cps)
{
    std::string s;
    for (const char32_t cp : cps) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s%X", s.empty() ? "" : ",", static_cast<unsigned>(cp));
        s += buf;
    }
    return s;
}

} // namespace

TEST(Merge, FiveCjkGlyphsIntoDejaVuSans)
{
    test::TempDir dir;
    const auto dejavu = test::TestFonts::dejavu();
    const EmBox box = test::emBoxOf(test::TestFonts::kaiGb());
    const std::u32string chars = U"永回学爱龙";
    const Traced t = traceKai(chars, box);
    const auto merged = dir / "DejaVuSans-merged.ttf";
    const MergeReport r = mergeIntoFont(dejavu, t.glyphs, box, merged);
    EXPECT_EQ(r.added.size(), 5u);
    EXPECT_TRUE(r.alreadyPresent.empty());
    EXPECT_EQ(r.glyphsAfter, r.glyphsBefore + 5);
    EXPECT_DOUBLE_EQ(r.scale, 2048.0 / 1000.0);

    std::string output;
    EXPECT_EQ(ots(merged, output), 0) << output;
    EXPECT_EQ(test::runPython(kCheckMerged, output, {dejavu.string(), merged.string(), hexList(chars)}), 0) << output;
    // Old glyphs render exactly as before; new ones where the images had them.
    for (const char32_t old : {U'A', U'g', U'&', U'é'})
        EXPECT_EQ(test::renderEmBox(dejavu, old, 64), test::renderEmBox(merged, old, 64)) << formatCodePoint(old);
    // The new glyphs are our outlines, baseline-aligned in DejaVu's own em box (which the rasterizer
    // uses for it): compare FreeType's render of the merged font with the outline filled in that box.
    const EmBox dejavuBox = test::emBoxOf(dejavu);
    for (const auto &g : t.glyphs)
        EXPECT_GE(
            test::inkIou(test::renderEmBox(merged, g.codePoint, kSize), test::fillOutline(g.outline, kSize, dejavuBox)),
            0.9)
            << formatCodePoint(g.codePoint);
}

TEST(Merge, IntoAKaiSubsetKeepsItsGlyphsAndSkipsPresentOnes)
{
    test::TempDir dir;
    const auto subset = dir / "kai-subset.ttf";
    std::string output;
    ASSERT_EQ(
        test::runCommand("/usr/bin/python3 -m fontTools.subset " + test::shellQuote(test::TestFonts::kaiGb().string())
                + " --unicodes=U+4E00-4EFF --glyph-names --output-file=" + test::shellQuote(subset.string()),
            output),
        0)
        << output;
    const EmBox box = test::emBoxOf(subset);
    const Traced t = traceKai(U"一永回学爱龙", box); // 一 is in the subset
    const auto merged = dir / "kai-merged.ttf";
    const MergeReport r = mergeIntoFont(subset, t.glyphs, box, merged);
    EXPECT_EQ(r.alreadyPresent, std::vector<char32_t> {U'一'});
    EXPECT_EQ(r.added.size(), 5u);
    EXPECT_EQ(ots(merged, output), 0) << output;
    EXPECT_EQ(test::runPython(kCheckMerged, output, {subset.string(), merged.string(), hexList(U"永回学爱龙")}), 0)
        << output;
    // The font's own 一 and 丁 are untouched; the new glyphs fit its em box.
    for (const char32_t old : {U'一', U'丁'})
        EXPECT_EQ(test::renderEmBox(subset, old, 64), test::renderEmBox(merged, old, 64));
    for (std::size_t i = 1; i < t.images.size(); ++i)
        EXPECT_GE(test::rerenderIou(merged, t.images[i].cp, t.images[i].image), 0.9);
    // Vertical metrics grew with the glyphs.
    EXPECT_EQ(test::runPython("import sys\nfrom fontTools.ttLib import TTFont\nf = TTFont(sys.argv[1])\n"
                              "assert f['vhea'].numberOfVMetrics <= f['maxp'].numGlyphs\n"
                              "assert len(f['vmtx'].metrics) == f['maxp'].numGlyphs\nprint('ok')\n",
                  output, {merged.string()}),
        0)
        << output;
}

TEST(Merge, GrowingPastShortOffsetsSwitchesLocaToLong)
{
    test::TempDir dir;
    const auto subset = dir / "kai-subset.ttf";
    std::string output;
    ASSERT_EQ(
        test::runCommand("/usr/bin/python3 -m fontTools.subset " + test::shellQuote(test::TestFonts::kaiGb().string())
                + " --unicodes=U+4E00-4EFF --output-file=" + test::shellQuote(subset.string()),
            output),
        0)
        << output;
    const auto shortLoca = [](const std::filesystem::path &font) {
        const SfntFont f = parseSfnt(readFile(font), font.string());
        const std::string &head = f.table(makeTag("head"));
        return head[50] == 0 && head[51] == 0;
    };
    ASSERT_TRUE(shortLoca(subset)) << "the subset starts with short loca offsets";
    // 120 glyphs of 4-5 KB each push 'glyf' past the 128 KiB that short offsets can address.
    std::u32string chars;
    for (const char32_t cp : glyphs::builtinCharset("gb2312"))
        if (cp > 0x4EFF && chars.size() < 120)
            chars += cp;
    const EmBox box = test::emBoxOf(subset);
    Traced t;
    for (const auto &g : test::renderGlyphs(test::TestFonts::kaiGb(), chars, 256))
        t.glyphs.push_back(FontGlyph {glyphNameFor(g.cp), g.cp, box.unitsPerEm, traceGlyph(g.image, box)});
    const auto merged = dir / "merged.ttf";
    const MergeReport r = mergeIntoFont(subset, t.glyphs, box, merged);
    EXPECT_EQ(r.added.size(), chars.size());
    EXPECT_FALSE(shortLoca(merged));
    EXPECT_GT(parseSfnt(readFile(merged), "merged").table(makeTag("glyf")).size(), 0x1FFFEu);
    EXPECT_EQ(ots(merged, output), 0) << output;
    EXPECT_EQ(test::renderEmBox(subset, U'丁', 64), test::renderEmBox(merged, U'丁', 64));
    EXPECT_TRUE(test::fontHas(merged, chars.back()));
}

TEST(Merge, DropsPerGlyphDeviceTablesAndSaysSo)
{
    test::TempDir dir;
    SfntFont font = parseSfnt(readFile(test::TestFonts::dejavu()), "DejaVuSans.ttf");
    ByteWriter hdmx; // version 0, no device records
    hdmx.u16(0);
    hdmx.u16(0);
    hdmx.u32(0);
    font.tables[makeTag("hdmx")] = hdmx.take();
    font.tables[makeTag("DSIG")] = std::string("\0\0\0\1\0\0\0\0", 8);
    const auto withHdmx = dir / "with-hdmx.ttf";
    writeFileAtomically(withHdmx, assembleSfnt(font));
    const EmBox box = test::emBoxOf(test::TestFonts::kaiGb());
    const MergeReport r = mergeIntoFont(withHdmx, traceKai(U"永", box).glyphs, box, dir / "out.ttf");
    EXPECT_EQ(r.droppedTables, (std::vector<std::string> {"hdmx", "DSIG"}));
    const SfntFont out = parseSfnt(readFile(dir / "out.ttf"), "out.ttf");
    EXPECT_FALSE(out.has(makeTag("hdmx")));
    EXPECT_FALSE(out.has(makeTag("DSIG")));
    EXPECT_TRUE(out.has(makeTag("GSUB")));
}

TEST(Merge, RefusesCffCollectionsAndNonFontsClearly)
{
    test::TempDir dir;
    const EmBox box;
    const std::vector<FontGlyph> glyphs = traceKai(U"永", box).glyphs;
    auto expectError = [&](const std::filesystem::path &font, const std::string &words) {
        try {
            mergeIntoFont(font, glyphs, box, dir / "out.ttf");
            ADD_FAILURE() << "no error for " << font;
        } catch (const ExportError &e) {
            const std::string msg = e.what();
            EXPECT_NE(msg.find(words), std::string::npos) << msg;
            EXPECT_NE(msg.find(font.filename().string()), std::string::npos) << msg;
        }
        EXPECT_FALSE(std::filesystem::exists(dir / "out.ttf"));
    };
    const auto otf = dir / "cff.otf";
    writeFileAtomically(otf, buildCffFont(FontInfo {}, glyphs));
    expectError(otf, "CFF");
    expectError(test::TestFonts::ukaiTtc(), "TTC");
    writeFileAtomically(dir / "notes.ttf", std::string("these are not the glyphs you are looking for"));
    expectError(dir / "notes.ttf", "not an OpenType/TrueType font");
    expectError(dir / "missing.ttf", "missing.ttf");
    // A truncated font is reported, not crashed on.
    const std::string dejavu = readFile(test::TestFonts::dejavu());
    writeFileAtomically(dir / "truncated.ttf", dejavu.substr(0, dejavu.size() / 3));
    expectError(dir / "truncated.ttf", "truncated");
}

TEST(Merge, ExportGlyphSetWritesTheMergedCopy)
{
    test::TempDir dir;
    const auto dejavu = test::TestFonts::dejavu();
    ExportOptions o;
    o.formats = {ExportFormat::Png};
    o.emBox = test::emBoxOf(test::TestFonts::kaiGb());
    o.mergeInto = dejavu.string();
    const auto glyphs = test::renderGlyphs(test::TestFonts::kaiGb(), U"永回A", kSize);
    const ExportReport r = exportGlyphSet(glyphs, o, dir.path());
    ASSERT_TRUE(r.merge.has_value());
    EXPECT_EQ(r.merge->added, (std::vector<char32_t> {U'回', U'永'}));
    EXPECT_EQ(r.merge->alreadyPresent, std::vector<char32_t> {U'A'});
    const auto merged = dir / "DejaVuSans-merged.ttf";
    ASSERT_TRUE(std::filesystem::exists(merged));
    std::string output;
    EXPECT_EQ(ots(merged, output), 0) << output;
    EXPECT_TRUE(test::fontHas(merged, U'永'));
    EXPECT_FALSE(r.warnings.empty()); // "1 code points were already in DejaVuSans.ttf"
}
