// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/cmaptable.h"

#include "export/bytebuffer.h"
#include "export/exporterror.h"

#include <algorithm>

namespace zistudio::fontexport
{

namespace
{

constexpr std::size_t kMaxFormat4Length = 0xFFFF;
constexpr std::uint32_t kMaxCmapGroups = 0x110000;

struct Run
{
    char32_t first = 0;
    std::vector<std::uint16_t> gids; // consecutive code points from `first`
};

std::vector<Run> bmpRuns(const std::map<char32_t, std::uint16_t> &map)
{
    std::vector<Run> runs;
    for (const auto &[cp, gid] : map) {
        if (cp >= 0xFFFF)
            break;
        if (runs.empty() || runs.back().first + runs.back().gids.size() != cp)
            runs.push_back(Run {cp, {}});
        runs.back().gids.push_back(gid);
    }
    return runs;
}

bool constantDelta(const Run &r)
{
    for (std::size_t i = 1; i < r.gids.size(); ++i)
        if (r.gids[i] != r.gids[0] + i)
            return false;
    return true;
}

std::size_t format4Size(const std::vector<Run> &runs)
{
    std::size_t size = 16 + 8 * (runs.size() + 1);
    for (const auto &r : runs)
        if (!constantDelta(r))
            size += 2 * r.gids.size();
    return size;
}

std::string format4(std::vector<Run> runs)
{
    while (!runs.empty() && format4Size(runs) > kMaxFormat4Length)
        runs.pop_back();
    const auto segCount = static_cast<std::uint32_t>(runs.size() + 1);
    std::uint32_t entrySelector = 0;
    while ((2u << entrySelector) <= segCount)
        ++entrySelector;
    const std::uint32_t searchRange = 2u << entrySelector;
    ByteWriter w;
    w.u16(4);
    w.u16(static_cast<std::uint32_t>(format4Size(runs)));
    w.u16(0);
    w.u16(segCount * 2);
    w.u16(searchRange);
    w.u16(entrySelector);
    w.u16(segCount * 2 - searchRange);
    for (const auto &r : runs)
        w.u16(static_cast<std::uint32_t>(r.first + r.gids.size() - 1));
    w.u16(0xFFFF);
    w.u16(0); // reservedPad
    for (const auto &r : runs)
        w.u16(r.first);
    w.u16(0xFFFF);
    for (const auto &r : runs)
        w.u16(constantDelta(r) ? (r.gids[0] - r.first) & 0xFFFF : 0);
    w.u16(1);
    std::uint32_t arrayIndex = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (constantDelta(runs[i])) {
            w.u16(0);
        } else {
            w.u16(2 * (segCount - static_cast<std::uint32_t>(i)) + 2 * arrayIndex);
            arrayIndex += static_cast<std::uint32_t>(runs[i].gids.size());
        }
    }
    w.u16(0);
    for (const auto &r : runs)
        if (!constantDelta(r))
            for (const auto gid : r.gids)
                w.u16(gid);
    return w.take();
}

std::string format12(const std::map<char32_t, std::uint16_t> &map)
{
    struct Group
    {
        char32_t first, last;
        std::uint32_t gid;
    };
    std::vector<Group> groups;
    for (const auto &[cp, gid] : map) {
        if (!groups.empty() && groups.back().last + 1 == cp && groups.back().gid + (cp - groups.back().first) == gid)
            groups.back().last = cp;
        else
            groups.push_back(Group {cp, cp, gid});
    }
    ByteWriter w;
    w.u16(12);
    w.u16(0);
    w.u32(static_cast<std::uint32_t>(16 + 12 * groups.size()));
    w.u32(0);
    w.u32(static_cast<std::uint32_t>(groups.size()));
    for (const auto &g : groups) {
        w.u32(g.first);
        w.u32(g.last);
        w.u32(g.gid);
    }
    return w.take();
}

void parseFormat4(const ByteReader &r, std::size_t at, std::map<char32_t, std::uint16_t> &out, const std::string &what)
{
    const std::uint32_t segCount = r.u16(at + 6) / 2;
    const std::size_t ends = at + 14, starts = ends + 2 * segCount + 2, deltas = starts + 2 * segCount,
                      ranges = deltas + 2 * segCount;
    r.require(at, 16 + 8 * static_cast<std::size_t>(segCount));
    std::int64_t previousEnd = -1;
    for (std::uint32_t s = 0; s < segCount; ++s) {
        const std::uint32_t end = r.u16(ends + 2 * s), start = r.u16(starts + 2 * s);
        const std::uint32_t delta = r.u16(deltas + 2 * s), rangeOffset = r.u16(ranges + 2 * s);
        // Segments are sorted and disjoint (which also bounds the work on a hostile font).
        if (start > end || static_cast<std::int64_t>(start) <= previousEnd)
            throw ExportError("the cmap format 4 subtable of " + what + " has unsorted or overlapping segments");
        previousEnd = end;
        for (std::uint32_t cp = start; cp <= end && cp < 0xFFFF; ++cp) {
            std::uint32_t gid = 0;
            if (rangeOffset == 0) {
                gid = (cp + delta) & 0xFFFF;
            } else {
                gid = r.u16(ranges + 2 * s + rangeOffset + 2 * (cp - start));
                if (gid != 0)
                    gid = (gid + delta) & 0xFFFF;
            }
            if (gid != 0)
                out.emplace(static_cast<char32_t>(cp), static_cast<std::uint16_t>(gid));
        }
    }
}

void parseFormat6(const ByteReader &r, std::size_t at, std::map<char32_t, std::uint16_t> &out)
{
    const std::uint32_t first = r.u16(at + 6), count = r.u16(at + 8);
    for (std::uint32_t i = 0; i < count; ++i)
        if (const std::uint32_t gid = r.u16(at + 10 + 2 * i))
            out.emplace(static_cast<char32_t>(first + i), static_cast<std::uint16_t>(gid));
}

void parseFormat12(const ByteReader &r, std::size_t at, std::map<char32_t, std::uint16_t> &out, const std::string &what)
{
    const std::uint32_t groups = r.u32(at + 12);
    if (groups > kMaxCmapGroups)
        throw ExportError("the cmap format 12 subtable of " + what + " has an implausible group count");
    r.require(at + 16, 12 * static_cast<std::size_t>(groups));
    std::int64_t previousLast = -1;
    for (std::uint32_t g = 0; g < groups; ++g) {
        const std::size_t rec = at + 16 + 12 * static_cast<std::size_t>(g);
        const std::uint32_t first = r.u32(rec), last = std::min<std::uint32_t>(r.u32(rec + 4), 0x10FFFF);
        const std::uint32_t gid = r.u32(rec + 8);
        if (first > last || static_cast<std::int64_t>(first) <= previousLast)
            throw ExportError("the cmap format 12 subtable of " + what + " has unsorted or overlapping groups");
        previousLast = last;
        for (std::uint32_t cp = first; cp <= last; ++cp)
            if (gid + (cp - first) != 0 && gid + (cp - first) <= 0xFFFF)
                out.emplace(static_cast<char32_t>(cp), static_cast<std::uint16_t>(gid + (cp - first)));
    }
}

std::size_t subtableLength(const ByteReader &r, std::size_t at)
{
    const std::uint32_t format = r.u16(at);
    if (format == 8 || format == 10 || format == 12 || format == 13)
        return r.u32(at + 4);
    if (format == 14)
        return r.u32(at + 2);
    return r.u16(at + 2);
}

} // namespace

std::string buildCmap(const std::map<char32_t, std::uint16_t> &map, const std::vector<CmapSubtable> &keep)
{
    struct Record
    {
        std::uint16_t platform, encoding;
        std::size_t data; // index into blobs
    };
    std::vector<std::string> blobs = {format4(bmpRuns(map))};
    std::vector<Record> records = {{0, 3, 0}, {3, 1, 0}};
    if (!map.empty()) {
        // A format 12 subtable needs at least one group (OTS rejects an empty one).
        blobs.push_back(format12(map));
        records.push_back({0, 4, 1});
        records.push_back({3, 10, 1});
    }
    for (const auto &k : keep) {
        blobs.push_back(k.data);
        records.push_back(Record {k.platformId, k.encodingId, blobs.size() - 1});
    }
    std::sort(records.begin(), records.end(), [](const Record &a, const Record &b) {
        return a.platform != b.platform ? a.platform < b.platform : a.encoding < b.encoding;
    });
    ByteWriter w;
    w.u16(0);
    w.u16(static_cast<std::uint32_t>(records.size()));
    std::vector<std::uint32_t> offsets;
    std::uint32_t offset = 4 + 8 * static_cast<std::uint32_t>(records.size());
    for (const auto &b : blobs) {
        offsets.push_back(offset);
        offset += static_cast<std::uint32_t>((b.size() + 3) & ~std::size_t(3));
    }
    for (const auto &r : records) {
        w.u16(r.platform);
        w.u16(r.encoding);
        w.u32(offsets[r.data]);
    }
    for (const auto &b : blobs) {
        w.bytes(b);
        w.padTo(4);
    }
    return w.take();
}

ParsedCmap parseCmap(const std::string &table, const std::string &what)
{
    const ByteReader r(table, "the 'cmap' table of " + what);
    ParsedCmap parsed;
    const std::uint32_t count = r.u16(2);
    // Unicode subtables, richest first: later ones only fill gaps.
    struct Found
    {
        std::uint16_t platform, encoding;
        std::uint32_t offset, format;
    };
    std::vector<Found> found;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t rec = 4 + 8 * static_cast<std::size_t>(i);
        const auto platform = static_cast<std::uint16_t>(r.u16(rec));
        const auto encoding = static_cast<std::uint16_t>(r.u16(rec + 2));
        const std::uint32_t offset = r.u32(rec + 4);
        found.push_back(Found {platform, encoding, offset, r.u16(offset)});
    }
    std::stable_sort(found.begin(), found.end(), [](const Found &a, const Found &b) { return a.format > b.format; });
    for (const auto &f : found) {
        const bool unicode = f.platform == 0 || (f.platform == 3 && (f.encoding == 1 || f.encoding == 10));
        if (unicode && f.format != 14 && f.format != 13) {
            if (f.format == 4)
                parseFormat4(r, f.offset, parsed.unicode, what);
            else if (f.format == 6)
                parseFormat6(r, f.offset, parsed.unicode);
            else if (f.format == 12)
                parseFormat12(r, f.offset, parsed.unicode, what);
            else
                throw ExportError("the 'cmap' table of " + what + " has a Unicode subtable in format "
                    + std::to_string(f.format) + ", which cannot be merged into");
            continue;
        }
        const std::size_t len = subtableLength(r, f.offset);
        parsed.others.push_back(CmapSubtable {f.platform, f.encoding, std::string(r.slice(f.offset, len))});
    }
    return parsed;
}

} // namespace zistudio::fontexport
