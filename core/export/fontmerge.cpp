// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/fontmerge.h"

#include "common/atomicfile.h"
#include "export/bytebuffer.h"
#include "export/cmaptable.h"
#include "export/exporterror.h"
#include "export/fonttables.h"
#include "export/glyphnames.h"
#include "export/sfnt.h"
#include "export/truetypeglyph.h"
#include "export/truetypewriter.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace zistudio::fontexport
{

namespace
{

constexpr std::uintmax_t kMaxFontBytes = std::uintmax_t(256) << 20;
constexpr std::uint32_t kMaxGlyphs = 0xFFFF;
constexpr int kStandardMacNames = 258;

/** Tables that list something per glyph id and would disagree with the new glyph count. */
constexpr std::uint32_t kDropped[]
    = {makeTag("hdmx"), makeTag("LTSH"), makeTag("VDMX"), makeTag("DSIG"), makeTag("sbix")};

void putU16(std::string &t, std::size_t at, std::uint32_t v)
{
    t[at] = static_cast<char>((v >> 8) & 0xFF);
    t[at + 1] = static_cast<char>(v & 0xFF);
}

void putI16(std::string &t, std::size_t at, int v)
{
    putU16(t, at, static_cast<std::uint16_t>(static_cast<std::int16_t>(v)));
}

void putU32(std::string &t, std::size_t at, std::uint32_t v)
{
    putU16(t, at, v >> 16);
    putU16(t, at + 2, v & 0xFFFF);
}

/** (advance, side bearing) for every glyph from an hmtx/vmtx-shaped table. */
std::vector<std::pair<int, int>> readMetrics(
    const std::string &table, std::uint32_t numLong, std::uint32_t numGlyphs, const std::string &what)
{
    const ByteReader r(table, what);
    if (numLong == 0 || numLong > numGlyphs)
        throw ExportError(what + " has an invalid number of metrics (" + std::to_string(numLong) + ")");
    std::vector<std::pair<int, int>> m;
    m.reserve(numGlyphs);
    for (std::uint32_t i = 0; i < numLong; ++i)
        m.emplace_back(static_cast<int>(r.u16(4 * i)), r.i16(4 * i + 2));
    for (std::uint32_t i = numLong; i < numGlyphs; ++i)
        m.emplace_back(m.back().first, r.i16(4 * numLong + 2 * (i - numLong)));
    return m;
}

std::vector<std::uint32_t> readLoca(
    const std::string &loca, bool longFormat, std::uint32_t numGlyphs, std::size_t glyfSize, const std::string &what)
{
    const ByteReader r(loca, "the 'loca' table of " + what);
    std::vector<std::uint32_t> offsets(numGlyphs + 1);
    for (std::uint32_t i = 0; i <= numGlyphs; ++i) {
        offsets[i] = longFormat ? r.u32(4 * i) : 2 * r.u16(2 * i);
        if (offsets[i] > glyfSize || (i > 0 && offsets[i] < offsets[i - 1]))
            throw ExportError("the 'loca' table of " + what + " is damaged (glyph " + std::to_string(i) + ")");
    }
    return offsets;
}

/** Appends glyph names to a post format 2.0 table. */
std::string extendPost2(
    const std::string &post, std::uint32_t numGlyphs, const std::vector<std::string> &names, const std::string &what)
{
    const ByteReader r(post, "the 'post' table of " + what);
    if (r.u16(32) != numGlyphs)
        throw ExportError("the 'post' table of " + what + " disagrees with maxp about the glyph count");
    std::uint32_t maxIndex = 0;
    for (std::uint32_t i = 0; i < numGlyphs; ++i)
        maxIndex = std::max(maxIndex, r.u16(34 + 2 * i));
    // Count the Pascal strings present; new names come after them.
    std::size_t at = 34 + 2 * static_cast<std::size_t>(numGlyphs);
    std::uint32_t strings = 0;
    while (at < post.size()) {
        at += 1 + r.u8(at);
        ++strings;
    }
    if (at != post.size()
        || (maxIndex >= static_cast<std::uint32_t>(kStandardMacNames) && maxIndex - kStandardMacNames >= strings))
        throw ExportError("the 'post' table of " + what + " is damaged (glyph names)");
    ByteWriter w;
    w.bytes(std::string_view(post).substr(0, 32));
    w.u16(numGlyphs + static_cast<std::uint32_t>(names.size()));
    w.bytes(std::string_view(post).substr(34, 2 * static_cast<std::size_t>(numGlyphs)));
    for (std::size_t k = 0; k < names.size(); ++k)
        w.u16(kStandardMacNames + strings + static_cast<std::uint32_t>(k));
    w.bytes(std::string_view(post).substr(34 + 2 * static_cast<std::size_t>(numGlyphs)));
    for (const auto &n : names) {
        w.u8(static_cast<std::uint32_t>(n.size()));
        w.bytes(n);
    }
    return w.take();
}

/** Parses a font and refuses what cannot be merged into (CFF, variable, incomplete). */
SfntFont parseMergeTarget(const std::string &bytes, const std::string &what)
{
    SfntFont font = parseSfnt(bytes, what);
    if (font.version == kSfntCff || font.has(makeTag("CFF ")) || font.has(makeTag("CFF2")))
        throw ExportError("font has CFF (PostScript) outlines; only TrueType (glyf) fonts can be merged into: " + what);
    if (font.has(makeTag("fvar")) || font.has(makeTag("gvar")))
        throw ExportError(
            "variable fonts cannot be merged into (their variation data would not cover new glyphs): " + what);
    for (const auto tag : {makeTag("head"), makeTag("hhea"), makeTag("maxp"), makeTag("hmtx"), makeTag("loca"),
             makeTag("glyf"), makeTag("cmap")})
        if (!font.has(tag))
            throw ExportError("font has no '" + tagName(tag) + "' table, so it is not a usable TrueType font: " + what);
    return font;
}

std::string readTarget(const std::filesystem::path &font)
{
    try {
        return readFile(font, kMaxFontBytes);
    } catch (const Error &e) {
        throw ExportError(std::string("cannot read the font to merge into: ") + e.what());
    }
}

} // namespace

void checkMergeTarget(const std::filesystem::path &font)
{
    parseMergeTarget(readTarget(font), font.string());
}

std::string mergeIntoFontData(const std::string &bytes, const std::string &what, const std::vector<FontGlyph> &glyphs,
    const EmBox &ourEmBox, MergeReport &report, double tolerance)
{
    validateEmBox(ourEmBox);
    SfntFont font = parseMergeTarget(bytes, what);

    std::string head = font.table(makeTag("head"));
    std::string hhea = font.table(makeTag("hhea"));
    std::string maxp = font.table(makeTag("maxp"));
    const ByteReader headR(head, "the 'head' table of " + what);
    const ByteReader hheaR(hhea, "the 'hhea' table of " + what);
    const ByteReader maxpR(maxp, "the 'maxp' table of " + what);
    headR.require(0, 54);
    hheaR.require(0, 36);
    const int upem = static_cast<int>(headR.u16(18));
    if (upem < 16 || upem > 16384)
        throw ExportError("font has an invalid units per em (" + std::to_string(upem) + "): " + what);
    const bool longLoca = headR.i16(50) == 1;
    const std::uint32_t numGlyphs = maxpR.u16(4);
    const std::uint32_t numberOfHMetrics = hheaR.u16(34);
    const std::string &glyf = font.table(makeTag("glyf"));
    const auto loca = readLoca(font.table(makeTag("loca")), longLoca, numGlyphs, glyf.size(), what);
    auto hmetrics
        = readMetrics(font.table(makeTag("hmtx")), numberOfHMetrics, numGlyphs, "the 'hmtx' table of " + what);
    ParsedCmap cmap = parseCmap(font.table(makeTag("cmap")), what);

    report = MergeReport {};
    report.glyphsBefore = static_cast<int>(numGlyphs);
    report.scale = static_cast<double>(upem) / ourEmBox.unitsPerEm;

    // Which glyphs to add: those the font lacks, in code point order.
    std::vector<const FontGlyph *> toAdd;
    for (const auto &g : glyphs) {
        if (cmap.unicode.count(g.codePoint))
            report.alreadyPresent.push_back(g.codePoint);
        else if (!g.outline.isEmpty() && isUnicodeScalar(g.codePoint))
            toAdd.push_back(&g);
    }
    std::sort(
        toAdd.begin(), toAdd.end(), [](const FontGlyph *a, const FontGlyph *b) { return a->codePoint < b->codePoint; });
    toAdd.erase(std::unique(toAdd.begin(), toAdd.end(),
                    [](const FontGlyph *a, const FontGlyph *b) { return a->codePoint == b->codePoint; }),
        toAdd.end());
    if (numGlyphs + toAdd.size() > kMaxGlyphs)
        throw ExportError("merging would give " + std::to_string(numGlyphs + toAdd.size())
            + " glyphs; a font can hold at most 65535: " + what);

    const double s = report.scale;
    std::vector<TrueTypeGlyph> added;
    added.reserve(toAdd.size());
    for (const auto *g : toAdd)
        added.push_back(compileTrueTypeGlyph(g->outline.transformed(s), tolerance));

    // glyf + loca: old glyphs byte for byte, new ones appended (4-byte aligned).
    ByteWriter newGlyf;
    newGlyf.bytes(glyf);
    newGlyf.padTo(4);
    std::vector<std::uint32_t> allOffsets(loca.begin(), loca.end());
    allOffsets.back() = static_cast<std::uint32_t>(newGlyf.size()); // the padded end of the last old glyph
    for (const auto &g : added) {
        newGlyf.bytes(g.data);
        newGlyf.padTo(4);
        allOffsets.push_back(static_cast<std::uint32_t>(newGlyf.size()));
    }
    const bool newLongLoca = longLoca || newGlyf.size() > 0x1FFFE;
    ByteWriter newLoca;
    for (const auto o : allOffsets) {
        if (newLongLoca)
            newLoca.u32(o);
        else
            newLoca.u16(o / 2);
    }
    putI16(head, 50, newLongLoca ? 1 : 0);

    // Metrics.
    int advanceMax = static_cast<int>(hheaR.u16(10));
    int minLsb = hheaR.i16(12), minRsb = hheaR.i16(14), xMaxExtent = hheaR.i16(16);
    int xMin = headR.i16(36), yMin = headR.i16(38), xMax = headR.i16(40), yMax = headR.i16(42);
    int maxPoints = 0, maxContours = 0;
    std::vector<char32_t> newCps;
    for (std::size_t k = 0; k < added.size(); ++k) {
        const auto &g = added[k];
        const int advance = static_cast<int>(std::lround(toAdd[k]->advanceWidth * s));
        hmetrics.emplace_back(advance, g.data.empty() ? 0 : g.xMin);
        advanceMax = std::max(advanceMax, advance);
        if (!g.data.empty()) {
            minLsb = std::min(minLsb, g.xMin);
            minRsb = std::min(minRsb, advance - g.xMax);
            xMaxExtent = std::max(xMaxExtent, g.xMax);
            xMin = std::min(xMin, g.xMin), yMin = std::min(yMin, g.yMin);
            xMax = std::max(xMax, g.xMax), yMax = std::max(yMax, g.yMax);
            maxPoints = std::max(maxPoints, g.numPoints);
            maxContours = std::max(maxContours, g.numContours);
        }
        const auto gid = static_cast<std::uint16_t>(numGlyphs + k);
        cmap.unicode[toAdd[k]->codePoint] = gid;
        newCps.push_back(toAdd[k]->codePoint);
        report.added.push_back(toAdd[k]->codePoint);
    }
    const auto total = static_cast<std::uint32_t>(numGlyphs + added.size());
    int newNumberOfHMetrics = 0;
    font.tables[makeTag("hmtx")] = buildHmtx(hmetrics, newNumberOfHMetrics);
    putU16(hhea, 10, static_cast<std::uint32_t>(advanceMax));
    putI16(hhea, 12, minLsb);
    putI16(hhea, 14, minRsb);
    putI16(hhea, 16, xMaxExtent);
    putU16(hhea, 34, static_cast<std::uint32_t>(newNumberOfHMetrics));

    if (font.has(makeTag("vhea")) && font.has(makeTag("vmtx"))) {
        std::string vhea = font.table(makeTag("vhea"));
        const ByteReader vheaR(vhea, "the 'vhea' table of " + what);
        vheaR.require(0, 36);
        auto vmetrics
            = readMetrics(font.table(makeTag("vmtx")), vheaR.u16(34), numGlyphs, "the 'vmtx' table of " + what);
        const int vAdvance = static_cast<int>(std::lround((ourEmBox.emBoxTop - ourEmBox.emBoxBottom) * s));
        const double vOrigin = ourEmBox.emBoxTop * s;
        int vAdvanceMax = static_cast<int>(vheaR.u16(10));
        for (const auto &g : added) {
            vmetrics.emplace_back(vAdvance, g.data.empty() ? 0 : static_cast<int>(std::lround(vOrigin - g.yMax)));
            vAdvanceMax = std::max(vAdvanceMax, vAdvance);
        }
        int numLongVer = 0;
        font.tables[makeTag("vmtx")] = buildHmtx(vmetrics, numLongVer);
        putU16(vhea, 10, static_cast<std::uint32_t>(vAdvanceMax));
        putU16(vhea, 34, static_cast<std::uint32_t>(numLongVer));
        font.tables[makeTag("vhea")] = vhea;
    }

    putU16(maxp, 4, total);
    if (maxpR.u32(0) == 0x00010000) {
        maxpR.require(0, 32);
        putU16(maxp, 6, std::max(maxpR.u16(6), static_cast<std::uint32_t>(maxPoints)));
        putU16(maxp, 8, std::max(maxpR.u16(8), static_cast<std::uint32_t>(maxContours)));
    }
    putI16(head, 36, xMin);
    putI16(head, 38, yMin);
    putI16(head, 40, xMax);
    putI16(head, 42, yMax);
    const std::uint64_t now = static_cast<std::uint64_t>(fontTimestamp());
    putU32(head, 28, static_cast<std::uint32_t>(now >> 32));
    putU32(head, 32, static_cast<std::uint32_t>(now));

    if (font.has(makeTag("OS/2")) && font.table(makeTag("OS/2")).size() >= 68 && !newCps.empty()) {
        std::string os2 = font.table(makeTag("OS/2"));
        const ByteReader r(os2, "the 'OS/2' table of " + what);
        const auto ranges = unicodeRanges(newCps);
        for (std::size_t i = 0; i < 4; ++i)
            putU32(os2, 42 + 4 * i, r.u32(42 + 4 * i) | ranges[i]);
        const auto lo = std::min<std::uint32_t>(*std::min_element(newCps.begin(), newCps.end()), 0xFFFF);
        const auto hi = std::min<std::uint32_t>(*std::max_element(newCps.begin(), newCps.end()), 0xFFFF);
        putU16(os2, 64, std::min(r.u16(64), lo));
        putU16(os2, 66, std::max(r.u16(66), hi));
        font.tables[makeTag("OS/2")] = os2;
    }

    if (font.has(makeTag("post")) && !added.empty()) {
        const std::string &post = font.table(makeTag("post"));
        const ByteReader r(post, "the 'post' table of " + what);
        const std::uint32_t version = r.u32(0);
        if (version == 0x00020000) {
            std::vector<std::string> names;
            for (const auto *g : toAdd)
                names.push_back(g->name.empty() ? glyphNameFor(g->codePoint) : g->name);
            font.tables[makeTag("post")] = extendPost2(post, numGlyphs, names, what);
        } else if (version == 0x00010000 || version == 0x00025000) {
            // Formats that cannot name more glyphs: fall back to 3.0 (no names).
            std::string v3 = post.substr(0, 32);
            putU32(v3, 0, 0x00030000);
            font.tables[makeTag("post")] = v3;
        }
    }

    for (const auto tag : kDropped) {
        if (font.tables.erase(tag))
            report.droppedTables.push_back(tagName(tag));
    }
    font.tables[makeTag("glyf")] = newGlyf.take();
    font.tables[makeTag("loca")] = newLoca.take();
    font.tables[makeTag("head")] = head;
    font.tables[makeTag("hhea")] = hhea;
    font.tables[makeTag("maxp")] = maxp;
    font.tables[makeTag("cmap")] = buildCmap(cmap.unicode, cmap.others);
    report.glyphsAfter = static_cast<int>(total);
    return assembleSfnt(font);
}

MergeReport mergeIntoFont(const std::filesystem::path &targetFont, const std::vector<FontGlyph> &glyphs,
    const EmBox &ourEmBox, const std::filesystem::path &output, double tolerance)
{
    const std::string bytes = readTarget(targetFont);
    MergeReport report;
    const std::string merged = mergeIntoFontData(bytes, targetFont.string(), glyphs, ourEmBox, report, tolerance);
    try {
        writeFileAtomically(output, merged);
    } catch (const Error &e) {
        throw ExportError(std::string("cannot write the merged font: ") + e.what());
    }
    return report;
}

} // namespace zistudio::fontexport
