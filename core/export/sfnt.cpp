// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/sfnt.h"

#include "export/bytebuffer.h"
#include "export/exporterror.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <vector>

namespace zistudio::fontexport
{

namespace
{

constexpr std::uint32_t kChecksumMagic = 0xB1B0AFBA;
constexpr std::size_t kHeadChecksumAdjustment = 8;
constexpr std::int64_t kSeconds1904To1970 = 2082844800;
constexpr std::uint32_t kMaxTables = 256;

/** The OpenType spec's recommended table order for TrueType fonts (others follow, by tag). */
constexpr std::array<std::uint32_t, 20> kOrder = {makeTag("head"), makeTag("hhea"), makeTag("maxp"), makeTag("OS/2"),
    makeTag("hmtx"), makeTag("LTSH"), makeTag("VDMX"), makeTag("hdmx"), makeTag("cmap"), makeTag("fpgm"),
    makeTag("prep"), makeTag("cvt "), makeTag("loca"), makeTag("glyf"), makeTag("kern"), makeTag("name"),
    makeTag("post"), makeTag("gasp"), makeTag("PCLT"), makeTag("CFF ")};

} // namespace

std::uint32_t ByteReader::u8(std::size_t at) const
{
    require(at, 1);
    return static_cast<unsigned char>(m_data[at]);
}

std::uint32_t ByteReader::u16(std::size_t at) const
{
    require(at, 2);
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(m_data[at])) << 8)
        | static_cast<unsigned char>(m_data[at + 1]);
}

std::uint32_t ByteReader::u32(std::size_t at) const
{
    return (u16(at) << 16) | u16(at + 2);
}

std::string_view ByteReader::slice(std::size_t at, std::size_t len) const
{
    require(at, len);
    return m_data.substr(at, len);
}

void ByteReader::require(std::size_t at, std::size_t len) const
{
    if (at > m_data.size() || len > m_data.size() - at)
        throw ExportError(m_what + " is truncated or damaged (a read at byte " + std::to_string(at)
            + " goes past its end, " + std::to_string(m_data.size()) + " bytes)");
}

std::string tagName(std::uint32_t tag)
{
    std::string s(4, ' ');
    for (int i = 0; i < 4; ++i)
        s[static_cast<std::size_t>(i)] = static_cast<char>((tag >> (24 - 8 * i)) & 0xFF);
    return s;
}

const std::string &SfntFont::table(std::uint32_t tag) const
{
    const auto it = tables.find(tag);
    if (it == tables.end())
        throw ExportError("font has no '" + tagName(tag) + "' table");
    return it->second;
}

SfntFont parseSfnt(const std::string &bytes, const std::string &what)
{
    ByteReader r(bytes, what);
    if (bytes.size() < 12)
        throw ExportError("not an OpenType/TrueType font (too short): " + what);
    const std::uint32_t version = r.u32(0);
    if (version == makeTag("ttcf"))
        throw ExportError("font collections (TTC) cannot be merged into; extract one face first: " + what);
    if (version == makeTag("wOFF") || version == makeTag("wOF2"))
        throw ExportError("WOFF web fonts cannot be merged into; use the TTF: " + what);
    if (version != kSfntTrueType && version != kSfntCff && version != makeTag("true"))
        throw ExportError("font file is not an OpenType/TrueType font: " + what);
    const std::uint32_t numTables = r.u16(4);
    if (numTables == 0 || numTables > kMaxTables)
        throw ExportError("font has an implausible table count (" + std::to_string(numTables) + "): " + what);
    SfntFont font;
    font.version = version;
    for (std::uint32_t i = 0; i < numTables; ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        const std::uint32_t tag = r.u32(rec);
        const std::uint32_t offset = r.u32(rec + 8);
        const std::uint32_t length = r.u32(rec + 12);
        font.tables[tag] = std::string(r.slice(offset, length));
    }
    return font;
}

std::uint32_t tableChecksum(std::string_view data)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < data.size(); i += 4) {
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            word <<= 8;
            if (i + k < data.size())
                word |= static_cast<unsigned char>(data[i + k]);
        }
        sum += word;
    }
    return sum;
}

std::string assembleSfnt(const SfntFont &font)
{
    if (!font.has(makeTag("head")) || font.table(makeTag("head")).size() < 54)
        throw ExportError("cannot assemble a font without a valid 'head' table");
    const auto numTables = static_cast<std::uint32_t>(font.tables.size());
    std::uint32_t entrySelector = 0;
    while ((2u << entrySelector) <= numTables)
        ++entrySelector;
    const std::uint32_t searchRange = 16u << entrySelector;

    // Data order: recommended tables first, then the rest by tag.
    std::vector<std::uint32_t> order;
    for (const auto tag : kOrder)
        if (font.has(tag))
            order.push_back(tag);
    for (const auto &[tag, data] : font.tables)
        if (std::find(order.begin(), order.end(), tag) == order.end())
            order.push_back(tag);

    std::map<std::uint32_t, std::uint32_t> offsets;
    std::uint32_t offset = 12 + 16 * numTables;
    for (const auto tag : order) {
        offsets[tag] = offset;
        offset += static_cast<std::uint32_t>((font.table(tag).size() + 3) & ~std::size_t(3));
    }

    std::string head = font.table(makeTag("head"));
    std::fill_n(head.begin() + kHeadChecksumAdjustment, 4, '\0');

    ByteWriter w;
    w.u32(font.version);
    w.u16(numTables);
    w.u16(searchRange);
    w.u16(entrySelector);
    w.u16(numTables * 16 - searchRange);
    for (const auto &[tag, data] : font.tables) {
        w.u32(tag);
        w.u32(tableChecksum(tag == makeTag("head") ? std::string_view(head) : std::string_view(data)));
        w.u32(offsets[tag]);
        w.u32(static_cast<std::uint32_t>(data.size()));
    }
    std::size_t headAt = 0;
    for (const auto tag : order) {
        if (tag == makeTag("head"))
            headAt = w.size();
        w.bytes(tag == makeTag("head") ? std::string_view(head) : std::string_view(font.table(tag)));
        w.padTo(4);
    }
    const std::uint32_t adjustment = kChecksumMagic - tableChecksum(w.data());
    w.patchU32(headAt + kHeadChecksumAdjustment, adjustment);
    return w.take();
}

std::int64_t fontTimestamp()
{
    if (const char *epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char *end = nullptr;
        const long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && v >= 0)
            return v + kSeconds1904To1970;
    }
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::seconds>(now).count() + kSeconds1904To1970;
}

} // namespace zistudio::fontexport
