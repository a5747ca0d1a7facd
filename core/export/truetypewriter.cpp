// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/truetypewriter.h"

#include "export/bytebuffer.h"
#include "export/exporterror.h"
#include "export/sfnt.h"

#include <algorithm>

namespace zistudio::fontexport
{

GlyphRecord glyphRecord(const std::string &name, char32_t codePoint, int advanceWidth, const TrueTypeGlyph &glyph)
{
    GlyphRecord r;
    r.name = name;
    r.codePoint = codePoint;
    r.advanceWidth = advanceWidth;
    r.hasOutline = !glyph.data.empty();
    r.xMin = glyph.xMin;
    r.yMin = glyph.yMin;
    r.xMax = glyph.xMax;
    r.yMax = glyph.yMax;
    r.numPoints = glyph.numPoints;
    r.numContours = glyph.numContours;
    return r;
}

void buildGlyfLoca(const std::vector<const TrueTypeGlyph *> &glyphs, std::string &glyf, std::string &loca)
{
    ByteWriter g, l;
    for (const auto *glyph : glyphs) {
        l.u32(static_cast<std::uint32_t>(g.size()));
        g.bytes(glyph->data);
        g.padTo(4);
    }
    l.u32(static_cast<std::uint32_t>(g.size()));
    glyf = g.take();
    loca = l.take();
}

std::string buildTrueTypeFont(
    const FontInfo &info, const std::vector<GlyphRecord> &records, const std::vector<TrueTypeGlyph> &compiled)
{
    if (records.size() != compiled.size())
        throw ExportError("internal: glyph records and compiled glyphs differ in number");
    SfntFont font = buildSharedTables(info, records, OutlineFlavour::TrueType);
    std::vector<const TrueTypeGlyph *> ptrs;
    ptrs.reserve(compiled.size());
    for (const auto &g : compiled)
        ptrs.push_back(&g);
    buildGlyfLoca(ptrs, font.tables[makeTag("glyf")], font.tables[makeTag("loca")]);
    return assembleSfnt(font);
}

std::string buildTrueTypeFont(const FontInfo &info, const std::vector<FontGlyph> &glyphs, double tolerance)
{
    std::vector<const FontGlyph *> sorted;
    for (const auto &g : glyphs)
        sorted.push_back(&g);
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const FontGlyph *a, const FontGlyph *b) { return a->codePoint < b->codePoint; });
    std::vector<GlyphRecord> records;
    std::vector<TrueTypeGlyph> compiled;
    compiled.push_back(compileTrueTypeGlyph(notdefOutline(info.emBox), tolerance));
    records.push_back(glyphRecord(".notdef", 0, info.emBox.unitsPerEm, compiled.back()));
    for (const auto *g : sorted) {
        compiled.push_back(compileTrueTypeGlyph(g->outline, tolerance));
        records.push_back(glyphRecord(g->name, g->codePoint, g->advanceWidth, compiled.back()));
    }
    return buildTrueTypeFont(info, records, compiled);
}

} // namespace zistudio::fontexport
