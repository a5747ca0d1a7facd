// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace zistudio::fontexport
{

/** A cmap subtable kept byte for byte (e.g. a format 14 variation-sequence table when merging). */
struct CmapSubtable
{
    std::uint16_t platformId = 0;
    std::uint16_t encodingId = 0;
    std::string data;
};

/**
 * Builds a 'cmap' table for a Unicode → glyph id map: a format 4 subtable for the BMP (encoding
 * records 0/3 and 3/1) and a format 12 subtable for everything (0/4 and 3/10), plus `keep`. When
 * the BMP part would overflow format 4's 64 KiB the highest code points are left to format 12
 * only (which every current system reads first).
 */
std::string buildCmap(const std::map<char32_t, std::uint16_t> &map, const std::vector<CmapSubtable> &keep = {});

/** The parts of an existing 'cmap' table: the Unicode mapping it gives, and the subtables to keep. */
struct ParsedCmap
{
    std::map<char32_t, std::uint16_t> unicode; ///< from the Unicode subtables (formats 4, 6, 12)
    std::vector<CmapSubtable> others;          ///< non-Unicode and variation-sequence subtables
};

/** Parses a 'cmap' table (bounds-checked); `what` names the font in errors. */
ParsedCmap parseCmap(const std::string &table, const std::string &what);

} // namespace zistudio::fontexport
