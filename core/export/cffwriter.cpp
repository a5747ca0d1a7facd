// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/cffwriter.h"

#include "export/bytebuffer.h"
#include "export/exporterror.h"
#include "export/sfnt.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace zistudio::fontexport
{

namespace
{

constexpr int kMaxArgs = 48;
constexpr int kStandardStrings = 391; // SIDs 0..390 are CFF's standard strings
constexpr std::uint32_t kRmoveto = 21, kRlineto = 5, kRrcurveto = 8, kEndchar = 14;

/** A Type 2 charstring number operand (integers only). */
void csNumber(ByteWriter &w, int v)
{
    if (v >= -107 && v <= 107) {
        w.u8(static_cast<std::uint32_t>(v + 139));
    } else if (v >= 108 && v <= 1131) {
        v -= 108;
        w.u8(static_cast<std::uint32_t>((v >> 8) + 247));
        w.u8(static_cast<std::uint32_t>(v & 0xFF));
    } else if (v >= -1131 && v <= -108) {
        v = -v - 108;
        w.u8(static_cast<std::uint32_t>((v >> 8) + 251));
        w.u8(static_cast<std::uint32_t>(v & 0xFF));
    } else {
        w.u8(28);
        w.i16(v);
    }
}

/** A DICT integer operand; `fixed5` forces the 5-byte form (for offsets patched later). */
void dictInt(ByteWriter &w, long v, bool fixed5 = false)
{
    if (!fixed5 && v >= -107 && v <= 107) {
        w.u8(static_cast<std::uint32_t>(v + 139));
    } else if (!fixed5 && v >= 108 && v <= 1131) {
        v -= 108;
        w.u8(static_cast<std::uint32_t>((v >> 8) + 247));
        w.u8(static_cast<std::uint32_t>(v & 0xFF));
    } else if (!fixed5 && v >= -1131 && v <= -108) {
        v = -v - 108;
        w.u8(static_cast<std::uint32_t>((v >> 8) + 251));
        w.u8(static_cast<std::uint32_t>(v & 0xFF));
    } else if (!fixed5 && v >= SHRT_MIN && v <= SHRT_MAX) {
        w.u8(28);
        w.i16(static_cast<int>(v));
    } else {
        w.u8(29);
        w.u32(static_cast<std::uint32_t>(v));
    }
}

/** A DICT real operand (BCD nibbles), for the FontMatrix. */
void dictReal(ByteWriter &w, double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    std::vector<std::uint8_t> nibbles;
    for (const char *p = buf; *p; ++p) {
        if (*p >= '0' && *p <= '9')
            nibbles.push_back(static_cast<std::uint8_t>(*p - '0'));
        else if (*p == '.')
            nibbles.push_back(0xA);
        else if (*p == '-')
            nibbles.push_back(0xE);
        else if (*p == 'e' || *p == 'E') {
            if (p[1] == '-') {
                nibbles.push_back(0xC);
                ++p;
            } else {
                nibbles.push_back(0xB);
                if (p[1] == '+')
                    ++p;
            }
        }
    }
    nibbles.push_back(0xF);
    if (nibbles.size() % 2)
        nibbles.push_back(0xF);
    w.u8(30);
    for (std::size_t i = 0; i < nibbles.size(); i += 2)
        w.u8(static_cast<std::uint32_t>((nibbles[i] << 4) | nibbles[i + 1]));
}

void op(ByteWriter &w, std::uint32_t code)
{
    if (code >= 1200) {
        w.u8(12);
        w.u8(code - 1200);
    } else {
        w.u8(code);
    }
}

/** A CFF INDEX of the given items. */
std::string cffIndex(const std::vector<std::string> &items)
{
    ByteWriter w;
    w.u16(static_cast<std::uint32_t>(items.size()));
    if (items.empty())
        return w.take();
    std::size_t total = 1;
    for (const auto &i : items)
        total += i.size();
    const int offSize = total <= 0xFF ? 1 : total <= 0xFFFF ? 2 : total <= 0xFFFFFF ? 3 : 4;
    w.u8(static_cast<std::uint32_t>(offSize));
    auto offset = [&](std::size_t v) {
        for (int b = offSize - 1; b >= 0; --b)
            w.u8(static_cast<std::uint32_t>((v >> (8 * b)) & 0xFF));
    };
    std::size_t at = 1;
    offset(at);
    for (const auto &i : items) {
        at += i.size();
        offset(at);
    }
    for (const auto &i : items)
        w.bytes(i);
    return w.take();
}

int roundCoord(double v)
{
    const double r = std::round(v);
    if (!(r >= -32768 && r <= 32767))
        throw ExportError("glyph coordinate " + std::to_string(v) + " is outside the CFF 16-bit range");
    return static_cast<int>(r);
}

} // namespace

CffGlyph compileCffGlyph(const Outline &outline, int advanceWidth, int defaultWidth)
{
    CffGlyph g;
    ByteWriter w;
    if (advanceWidth != defaultWidth)
        csNumber(w, advanceWidth); // nominalWidthX is 0
    int cx = 0, cy = 0;
    bool first = true;
    auto bound = [&](int x, int y) {
        if (first) {
            g.xMin = g.xMax = x;
            g.yMin = g.yMax = y;
            first = false;
        }
        g.xMin = std::min(g.xMin, x), g.xMax = std::max(g.xMax, x);
        g.yMin = std::min(g.yMin, y), g.yMax = std::max(g.yMax, y);
    };
    for (const auto &c : outline.contours) {
        if (c.segments.empty())
            continue;
        const int sx = roundCoord(c.start.x), sy = roundCoord(c.start.y);
        csNumber(w, sx - cx);
        csNumber(w, sy - cy);
        op(w, kRmoveto);
        cx = sx, cy = sy;
        bound(sx, sy);
        std::vector<int> args;
        std::uint32_t pending = 0;
        auto flush = [&] {
            for (const int a : args)
                csNumber(w, a);
            if (!args.empty())
                op(w, pending);
            args.clear();
        };
        for (std::size_t i = 0; i < c.segments.size(); ++i) {
            const auto &s = c.segments[i];
            const std::uint32_t kind = s.type == Segment::Type::Cubic ? kRrcurveto : kRlineto;
            const int need = kind == kRrcurveto ? 6 : 2;
            if (kind != pending || static_cast<int>(args.size()) + need > kMaxArgs)
                flush();
            pending = kind;
            const bool last = i + 1 == c.segments.size();
            if (kind == kRrcurveto) {
                const int x1 = roundCoord(s.c1.x), y1 = roundCoord(s.c1.y);
                const int x2 = roundCoord(s.c2.x), y2 = roundCoord(s.c2.y);
                const int x3 = roundCoord(s.end.x), y3 = roundCoord(s.end.y);
                args.insert(args.end(), {x1 - cx, y1 - cy, x2 - x1, y2 - y1, x3 - x2, y3 - y2});
                bound(x1, y1), bound(x2, y2), bound(x3, y3);
                cx = x3, cy = y3;
            } else {
                const int x = roundCoord(s.end.x), y = roundCoord(s.end.y);
                bound(x, y);
                if (last && x == sx && y == sy)
                    continue; // closepath is implicit
                args.insert(args.end(), {x - cx, y - cy});
                cx = x, cy = y;
            }
        }
        flush();
        g.hasOutline = true;
    }
    op(w, kEndchar);
    g.charString = w.take();
    if (!g.hasOutline)
        g.xMin = g.yMin = g.xMax = g.yMax = 0;
    return g;
}

GlyphRecord glyphRecord(const std::string &name, char32_t codePoint, int advanceWidth, const CffGlyph &glyph)
{
    GlyphRecord r;
    r.name = name;
    r.codePoint = codePoint;
    r.advanceWidth = advanceWidth;
    r.hasOutline = glyph.hasOutline;
    r.xMin = glyph.xMin;
    r.yMin = glyph.yMin;
    r.xMax = glyph.xMax;
    r.yMax = glyph.yMax;
    return r;
}

std::string buildCffFont(
    const FontInfo &info, const std::vector<GlyphRecord> &records, const std::vector<CffGlyph> &glyphs)
{
    if (records.size() != glyphs.size())
        throw ExportError("internal: glyph records and CFF glyphs differ in number");
    SfntFont font = buildSharedTables(info, records, OutlineFlavour::Cff);
    const int upem = info.emBox.unitsPerEm;
    const std::string psName = postScriptName(info);

    // Strings: glyph names (after .notdef, which is standard SID 0) first, so the charset is one range.
    std::vector<std::string> strings;
    for (std::size_t i = 1; i < records.size(); ++i)
        strings.push_back(records[i].name);
    const int sidVersion = kStandardStrings + static_cast<int>(strings.size());
    strings.push_back(versionString(info));
    const int sidFullName = sidVersion + 1;
    strings.push_back(info.family + " " + info.style);
    const int sidFamily = sidVersion + 2;
    strings.push_back(info.family);

    int xMin = 0, yMin = 0, xMax = 0, yMax = 0;
    bool any = false;
    for (const auto &g : glyphs) {
        if (!g.hasOutline)
            continue;
        xMin = any ? std::min(xMin, g.xMin) : g.xMin, yMin = any ? std::min(yMin, g.yMin) : g.yMin;
        xMax = any ? std::max(xMax, g.xMax) : g.xMax, yMax = any ? std::max(yMax, g.yMax) : g.yMax;
        any = true;
    }

    // Private DICT.
    ByteWriter priv;
    dictInt(priv, upem);
    op(priv, 20); // defaultWidthX
    dictInt(priv, 0);
    op(priv, 21); // nominalWidthX

    // charset format 2: one range of consecutive SIDs.
    ByteWriter charset;
    charset.u8(2);
    if (records.size() > 1) {
        charset.u16(kStandardStrings);
        charset.u16(static_cast<std::uint32_t>(records.size() - 2));
    }

    std::vector<std::string> charStrings;
    charStrings.reserve(glyphs.size());
    for (const auto &g : glyphs)
        charStrings.push_back(g.charString);
    const std::string charStringsIndex = cffIndex(charStrings);

    // The Top DICT holds offsets to data after it: use fixed 5-byte integers so its size is known.
    auto topDict = [&](long charsetOff, long charStringsOff, long privOff) {
        ByteWriter t;
        dictInt(t, sidVersion);
        op(t, 0);
        dictInt(t, sidFullName);
        op(t, 2);
        dictInt(t, sidFamily);
        op(t, 3);
        if (upem != 1000) {
            for (const double v : {1.0 / upem, 0.0, 0.0, 1.0 / upem, 0.0, 0.0})
                dictReal(t, v);
            op(t, 1207); // FontMatrix
        }
        for (const int v : {xMin, yMin, xMax, yMax})
            dictInt(t, v);
        op(t, 5); // FontBBox
        dictInt(t, charsetOff, true);
        op(t, 15);
        dictInt(t, charStringsOff, true);
        op(t, 17);
        dictInt(t, static_cast<long>(priv.size()), true);
        dictInt(t, privOff, true);
        op(t, 18);
        return t.take();
    };
    const std::string header = std::string("\x01\x00\x04\x04", 4);
    const std::string nameIndex = cffIndex({psName});
    const std::string stringIndex = cffIndex(strings);
    const std::string globalSubrs = cffIndex({});
    const std::size_t topSize = cffIndex({topDict(0, 0, 0)}).size();
    const std::size_t charsetOff = header.size() + nameIndex.size() + topSize + stringIndex.size() + globalSubrs.size();
    const std::size_t charStringsOff = charsetOff + charset.size();
    const std::size_t privOff = charStringsOff + charStringsIndex.size();
    const std::string topIndex = cffIndex(
        {topDict(static_cast<long>(charsetOff), static_cast<long>(charStringsOff), static_cast<long>(privOff))});

    std::string cff = header + nameIndex + topIndex + stringIndex + globalSubrs;
    cff += charset.data();
    cff += charStringsIndex;
    cff += priv.data();
    font.tables[makeTag("CFF ")] = std::move(cff);
    return assembleSfnt(font);
}

std::string buildCffFont(const FontInfo &info, const std::vector<FontGlyph> &glyphs)
{
    std::vector<const FontGlyph *> sorted;
    for (const auto &g : glyphs)
        sorted.push_back(&g);
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const FontGlyph *a, const FontGlyph *b) { return a->codePoint < b->codePoint; });
    const int defaultWidth = info.emBox.unitsPerEm;
    std::vector<GlyphRecord> records;
    std::vector<CffGlyph> compiled;
    compiled.push_back(compileCffGlyph(notdefOutline(info.emBox), defaultWidth, defaultWidth));
    records.push_back(glyphRecord(".notdef", 0, defaultWidth, compiled.back()));
    for (const auto *g : sorted) {
        compiled.push_back(compileCffGlyph(g->outline, g->advanceWidth, defaultWidth));
        records.push_back(glyphRecord(g->name, g->codePoint, g->advanceWidth, compiled.back()));
    }
    return buildCffFont(info, records, compiled);
}

} // namespace zistudio::fontexport
