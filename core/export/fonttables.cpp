// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/fonttables.h"

#include "export/bytebuffer.h"
#include "export/cmaptable.h"
#include "export/coverageranges.h"
#include "export/exporterror.h"
#include "export/glyphnames.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>

namespace zistudio::fontexport
{

namespace
{

int weightClass(const std::string &style)
{
    auto has = [&](const char *w) { return style.find(w) != std::string::npos; };
    if (has("Thin"))
        return 100;
    if (has("ExtraLight"))
        return 200;
    if (has("Light"))
        return 300;
    if (has("Medium"))
        return 500;
    if (has("SemiBold"))
        return 600;
    if (has("ExtraBold"))
        return 800;
    if (has("Black") || has("Heavy"))
        return 900;
    if (has("Bold"))
        return 700;
    return 400;
}

bool isItalic(const std::string &style)
{
    return style.find("Italic") != std::string::npos || style.find("Oblique") != std::string::npos;
}

bool isRibbi(const std::string &style)
{
    return style == "Regular" || style == "Bold" || style == "Italic" || style == "Bold Italic";
}

int clamp16(double v)
{
    return static_cast<int>(std::clamp<double>(std::lround(v), SHRT_MIN, SHRT_MAX));
}

struct Summary
{
    int xMin = 0, yMin = 0, xMax = 0, yMax = 0;
    int advanceMax = 0, minLsb = 0, minRsb = 0, xMaxExtent = 0;
    int maxPoints = 0, maxContours = 0;
    int avgWidth = 0;
    int minTsb = 0, minBsb = 0, yMaxExtent = 0;
    bool any = false;
};

Summary summarise(const std::vector<GlyphRecord> &glyphs, double vertOrigin, int vertAdvance)
{
    Summary s;
    long long widthSum = 0;
    int widthCount = 0;
    for (const auto &g : glyphs) {
        s.advanceMax = std::max(s.advanceMax, g.advanceWidth);
        if (g.advanceWidth > 0) {
            widthSum += g.advanceWidth;
            ++widthCount;
        }
        if (!g.hasOutline)
            continue;
        const int tsb = clamp16(vertOrigin - g.yMax);
        const int bsb = vertAdvance - tsb - (g.yMax - g.yMin);
        if (!s.any) {
            s.xMin = g.xMin, s.yMin = g.yMin, s.xMax = g.xMax, s.yMax = g.yMax;
            s.minLsb = g.xMin, s.minRsb = g.advanceWidth - g.xMax, s.xMaxExtent = g.xMax;
            s.minTsb = tsb, s.minBsb = bsb, s.yMaxExtent = tsb + (g.yMax - g.yMin);
            s.any = true;
        }
        s.xMin = std::min(s.xMin, g.xMin), s.yMin = std::min(s.yMin, g.yMin);
        s.xMax = std::max(s.xMax, g.xMax), s.yMax = std::max(s.yMax, g.yMax);
        s.minLsb = std::min(s.minLsb, g.xMin);
        s.minRsb = std::min(s.minRsb, g.advanceWidth - g.xMax);
        s.xMaxExtent = std::max(s.xMaxExtent, g.xMax);
        s.minTsb = std::min(s.minTsb, tsb), s.minBsb = std::min(s.minBsb, bsb);
        s.yMaxExtent = std::max(s.yMaxExtent, tsb + (g.yMax - g.yMin));
        s.maxPoints = std::max(s.maxPoints, g.numPoints);
        s.maxContours = std::max(s.maxContours, g.numContours);
    }
    s.avgWidth = widthCount ? static_cast<int>(std::lround(static_cast<double>(widthSum) / widthCount)) : 0;
    return s;
}

std::string head(const FontInfo &info, const Summary &s, OutlineFlavour flavour)
{
    const std::int64_t now = fontTimestamp();
    ByteWriter w;
    w.u16(1);
    w.u16(0);
    w.u32(static_cast<std::uint32_t>(info.versionMajor << 16)
        + static_cast<std::uint32_t>(std::lround(info.versionMinor / 1000.0 * 65536)));
    w.u32(0);               // checksumAdjustment, set by assembleSfnt
    w.u32(0x5F0F3CF5);      // magic
    w.u16(0x0001 | 0x0008); // baseline at y=0, integer ppem
    w.u16(static_cast<std::uint32_t>(info.emBox.unitsPerEm));
    w.i64(now);
    w.i64(now);
    w.i16(s.xMin);
    w.i16(s.yMin);
    w.i16(s.xMax);
    w.i16(s.yMax);
    const int weight = weightClass(info.style);
    w.u16((weight >= 700 ? 1u : 0u) | (isItalic(info.style) ? 2u : 0u));
    w.u16(8);                                           // lowestRecPPEM
    w.i16(2);                                           // fontDirectionHint (deprecated, 2)
    w.i16(flavour == OutlineFlavour::TrueType ? 1 : 0); // long loca offsets
    w.i16(0);
    return w.take();
}

std::string hhea(const FontInfo &info, const Summary &s, int numberOfHMetrics)
{
    ByteWriter w;
    w.u16(1);
    w.u16(0);
    w.i16(info.emBox.ascender);
    w.i16(info.emBox.descender);
    w.i16(0); // lineGap
    w.u16(static_cast<std::uint32_t>(s.advanceMax));
    w.i16(s.minLsb);
    w.i16(s.minRsb);
    w.i16(s.xMaxExtent);
    w.i16(1); // caretSlopeRise
    w.i16(0);
    w.i16(0);
    for (int i = 0; i < 4; ++i)
        w.i16(0);
    w.i16(0);
    w.u16(static_cast<std::uint32_t>(numberOfHMetrics));
    return w.take();
}

std::string vhea(const Summary &s, int vertAdvance, int numOfLongVerMetrics)
{
    ByteWriter w;
    w.u32(0x00011000);                       // version 1.1
    w.i16(vertAdvance / 2);                  // vertTypoAscender
    w.i16(-(vertAdvance - vertAdvance / 2)); // vertTypoDescender
    w.i16(0);
    w.u16(static_cast<std::uint32_t>(vertAdvance));
    w.i16(s.minTsb);
    w.i16(s.minBsb);
    w.i16(s.yMaxExtent);
    w.i16(0); // caretSlopeRise: vertical caret is horizontal
    w.i16(1);
    w.i16(0);
    for (int i = 0; i < 4; ++i)
        w.i16(0);
    w.i16(0);
    w.u16(static_cast<std::uint32_t>(numOfLongVerMetrics));
    return w.take();
}

std::string maxp(const std::vector<GlyphRecord> &glyphs, const Summary &s, OutlineFlavour flavour)
{
    ByteWriter w;
    if (flavour == OutlineFlavour::Cff) {
        w.u32(0x00005000);
        w.u16(static_cast<std::uint32_t>(glyphs.size()));
        return w.take();
    }
    w.u32(0x00010000);
    w.u16(static_cast<std::uint32_t>(glyphs.size()));
    w.u16(static_cast<std::uint32_t>(s.maxPoints));
    w.u16(static_cast<std::uint32_t>(s.maxContours));
    w.u16(0); // maxCompositePoints
    w.u16(0); // maxCompositeContours
    w.u16(2); // maxZones
    for (int i = 0; i < 8; ++i)
        w.u16(0); // twilight points ... component depth: no hinting, no composites
    return w.take();
}

std::string os2(const FontInfo &info, const std::vector<GlyphRecord> &glyphs, const Summary &s)
{
    const EmBox &box = info.emBox;
    const double em = box.unitsPerEm;
    std::vector<char32_t> cps;
    for (const auto &g : glyphs)
        if (g.codePoint != 0)
            cps.push_back(g.codePoint);
    std::sort(cps.begin(), cps.end());
    const auto ranges = unicodeRanges(cps);
    const int weight = weightClass(info.style);
    const bool italic = isItalic(info.style);
    std::uint32_t fsSelection = 1u << 7; // USE_TYPO_METRICS
    if (italic)
        fsSelection |= 1u;
    if (weight >= 700)
        fsSelection |= 1u << 5;
    if (!italic && weight < 700)
        fsSelection |= 1u << 6; // REGULAR

    ByteWriter w;
    w.u16(4);
    w.i16(s.avgWidth);
    w.u16(static_cast<std::uint32_t>(weight));
    w.u16(5);                   // usWidthClass: medium
    w.u16(0);                   // fsType: installable
    w.i16(clamp16(em * 0.65));  // ySubscriptXSize
    w.i16(clamp16(em * 0.6));   // ySubscriptYSize
    w.i16(0);                   // ySubscriptXOffset
    w.i16(clamp16(em * 0.075)); // ySubscriptYOffset
    w.i16(clamp16(em * 0.65));  // ySuperscriptXSize
    w.i16(clamp16(em * 0.6));   // ySuperscriptYSize
    w.i16(0);
    w.i16(clamp16(em * 0.35));          // ySuperscriptYOffset
    w.i16(clamp16(em * 0.05));          // yStrikeoutSize
    w.i16(clamp16(box.ascender * 0.3)); // yStrikeoutPosition
    w.i16(0);                           // sFamilyClass
    for (int i = 0; i < 10; ++i)
        w.u8(0); // panose: any
    for (const auto r : ranges)
        w.u32(r);
    w.tag(info.vendorId);
    w.u16(fsSelection);
    w.u16(cps.empty() ? 0 : std::min<std::uint32_t>(cps.front(), 0xFFFF));
    w.u16(cps.empty() ? 0 : std::min<std::uint32_t>(cps.back(), 0xFFFF));
    w.i16(box.ascender);
    w.i16(box.descender);
    w.i16(0); // sTypoLineGap
    w.u16(static_cast<std::uint32_t>(std::max({0, s.yMax, box.ascender})));
    w.u16(static_cast<std::uint32_t>(std::max({0, -s.yMin, -box.descender})));
    w.u32(codePageRange1(cps));
    w.u32(0);
    w.i16(box.resolvedXHeight());
    w.i16(box.resolvedCapHeight());
    w.u16(0);  // usDefaultChar
    w.u16(32); // usBreakChar
    w.u16(0);  // usMaxContext: no GSUB/GPOS
    return w.take();
}

std::string post(const EmBox &box)
{
    ByteWriter w;
    w.u32(0x00030000);
    w.u32(0); // italicAngle
    w.i16(clamp16(-0.1 * box.unitsPerEm));
    w.i16(clamp16(0.05 * box.unitsPerEm));
    for (int i = 0; i < 5; ++i)
        w.u32(0); // isFixedPitch, memory hints
    return w.take();
}

void appendUtf16Be(ByteWriter &w, const std::u32string &s)
{
    for (const char32_t cp : s) {
        if (cp >= 0x10000) {
            const char32_t v = cp - 0x10000;
            w.u16(0xD800 + (v >> 10));
            w.u16(0xDC00 + (v & 0x3FF));
        } else {
            w.u16(cp);
        }
    }
}

} // namespace

std::string buildNameTable(const FontInfo &info)
{
    const bool ribbi = isRibbi(info.style);
    std::map<int, std::string> names;
    names[1] = ribbi ? info.family : info.family + " " + info.style;
    names[2] = ribbi ? info.style : "Regular";
    names[3] = versionString(info) + ";" + info.vendorId + ";" + postScriptName(info);
    names[4] = info.family + " " + info.style;
    names[5] = "Version " + versionString(info);
    names[6] = postScriptName(info);
    if (!ribbi) {
        names[16] = info.family;
        names[17] = info.style;
    }
    struct Record
    {
        int platform, encoding, language, id;
        std::string bytes;
    };
    std::vector<Record> records;
    for (const auto &[id, text] : names) {
        const bool ascii
            = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 128; });
        if (ascii)
            records.push_back(Record {1, 0, 0, id, text});
    }
    for (const auto &[id, text] : names) {
        ByteWriter u;
        appendUtf16Be(u, decodeUtf8Lenient(text));
        records.push_back(Record {3, 1, 0x0409, id, u.take()});
    }
    ByteWriter w;
    w.u16(0);
    w.u16(static_cast<std::uint32_t>(records.size()));
    w.u16(static_cast<std::uint32_t>(6 + 12 * records.size()));
    std::string storage;
    for (const auto &r : records) {
        if (r.bytes.size() > 0xFFFF || storage.size() > 0xFFFF)
            throw ExportError("font name is too long: name id " + std::to_string(r.id));
        w.u16(static_cast<std::uint32_t>(r.platform));
        w.u16(static_cast<std::uint32_t>(r.encoding));
        w.u16(static_cast<std::uint32_t>(r.language));
        w.u16(static_cast<std::uint32_t>(r.id));
        w.u16(static_cast<std::uint32_t>(r.bytes.size()));
        w.u16(static_cast<std::uint32_t>(storage.size()));
        storage += r.bytes;
    }
    w.bytes(storage);
    return w.take();
}

std::string buildHmtx(const std::vector<std::pair<int, int>> &metrics, int &numberOfHMetrics)
{
    std::size_t n = metrics.size();
    while (n > 1 && metrics[n - 1].first == metrics[n - 2].first)
        --n;
    numberOfHMetrics = static_cast<int>(n);
    ByteWriter w;
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        if (i < n)
            w.u16(static_cast<std::uint32_t>(metrics[i].first));
        w.i16(metrics[i].second);
    }
    return w.take();
}

SfntFont buildSharedTables(const FontInfo &info, const std::vector<GlyphRecord> &glyphs, OutlineFlavour flavour)
{
    validateFontInfo(info);
    if (glyphs.empty() || glyphs.front().name != ".notdef")
        throw ExportError("a font must start with the .notdef glyph");
    if (glyphs.size() > 0xFFFF)
        throw ExportError("a font can hold at most 65535 glyphs, got " + std::to_string(glyphs.size()));
    const EmBox &box = info.emBox;
    const double vertOrigin = box.emBoxTop;
    const int vertAdvance = static_cast<int>(std::lround(box.emBoxTop - box.emBoxBottom));
    const Summary s = summarise(glyphs, vertOrigin, vertAdvance);

    std::vector<std::pair<int, int>> hmetrics, vmetrics;
    std::map<char32_t, std::uint16_t> cmap;
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        const auto &g = glyphs[i];
        hmetrics.emplace_back(g.advanceWidth, g.hasOutline ? g.xMin : 0);
        vmetrics.emplace_back(vertAdvance, g.hasOutline ? clamp16(vertOrigin - g.yMax) : 0);
        if (g.codePoint != 0 && !cmap.emplace(g.codePoint, static_cast<std::uint16_t>(i)).second)
            throw ExportError("code point " + formatCodePoint(g.codePoint) + " is given to two glyphs");
    }
    int numberOfHMetrics = 0, numOfLongVerMetrics = 0;
    SfntFont font;
    font.version = flavour == OutlineFlavour::Cff ? kSfntCff : kSfntTrueType;
    font.tables[makeTag("hmtx")] = buildHmtx(hmetrics, numberOfHMetrics);
    font.tables[makeTag("vmtx")] = buildHmtx(vmetrics, numOfLongVerMetrics);
    font.tables[makeTag("head")] = head(info, s, flavour);
    font.tables[makeTag("hhea")] = hhea(info, s, numberOfHMetrics);
    font.tables[makeTag("vhea")] = vhea(s, vertAdvance, numOfLongVerMetrics);
    font.tables[makeTag("maxp")] = maxp(glyphs, s, flavour);
    font.tables[makeTag("OS/2")] = os2(info, glyphs, s);
    font.tables[makeTag("cmap")] = buildCmap(cmap);
    font.tables[makeTag("name")] = buildNameTable(info);
    font.tables[makeTag("post")] = post(box);
    return font;
}

} // namespace zistudio::fontexport
