// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace zistudio::fontexport
{

constexpr std::uint32_t kSfntTrueType = 0x00010000;
constexpr std::uint32_t kSfntCff = 0x4F54544F; // 'OTTO'

/** The tables of an sfnt (TrueType/OpenType) font by tag, plus its version tag. */
struct SfntFont
{
    std::uint32_t version = kSfntTrueType;
    std::map<std::uint32_t, std::string> tables;

    bool has(std::uint32_t tag) const { return tables.count(tag) != 0; }
    /** The table's bytes; throws ExportError naming the table when it is missing. */
    const std::string &table(std::uint32_t tag) const;
};

/**
 * Parses an sfnt font file's table directory (bounds-checked). `what` names the file in errors.
 * Throws ExportError for collections (TTC), WOFF, and anything that is not TrueType/OpenType.
 */
SfntFont parseSfnt(const std::string &bytes, const std::string &what);

/**
 * Serialises tables into an sfnt file: table directory sorted by tag, tables 4-byte aligned in the
 * recommended order, per-table checksums, and head.checksumAdjustment (head must be present).
 */
std::string assembleSfnt(const SfntFont &font);

/** The OpenType table checksum (sum of big-endian uint32 words, zero-padded). */
std::uint32_t tableChecksum(std::string_view data);

/** Seconds since 1904-01-01 (LONGDATETIME) for now, or SOURCE_DATE_EPOCH when set (reproducible builds). */
std::int64_t fontTimestamp();

} // namespace zistudio::fontexport
