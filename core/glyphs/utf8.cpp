// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphs/utf8.h"

#include "glyphs/fonterror.h"

#include <charconv>
#include <cstdint>
#include <cstdio>

namespace zistudio::glyphs
{

namespace
{

std::optional<char32_t> parseHex(std::string_view digits)
{
    if (digits.size() < 4 || digits.size() > 6)
        return std::nullopt;
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
    if (ec != std::errc() || end != digits.data() + digits.size())
        return std::nullopt;
    const auto cp = static_cast<char32_t>(value);
    if (!isUnicodeScalar(cp))
        return std::nullopt;
    return cp;
}

} // namespace

std::u32string decodeUtf8OrThrow(std::string_view text, const std::string &sourceName)
{
    Utf8ErrorPosition where;
    auto decoded = decodeUtf8(text, &where);
    if (!decoded)
        throw FontError(sourceName + ": invalid UTF-8 at line " + std::to_string(where.line) + ", byte "
            + std::to_string(where.byteInLine) + " (offset " + std::to_string(where.offset) + ")");
    return std::move(*decoded);
}

std::string glyphFileStem(char32_t cp)
{
    char buf[16];
    if (cp <= 0xFFFF)
        std::snprintf(buf, sizeof buf, "uni%04X", static_cast<unsigned>(cp));
    else
        std::snprintf(buf, sizeof buf, "u%X", static_cast<unsigned>(cp));
    return buf;
}

std::optional<char32_t> parseCodePointName(std::string_view stem)
{
    if (stem.size() == 7 && stem.starts_with("uni"))
        return parseHex(stem.substr(3));
    if (stem.size() >= 3 && (stem[0] == 'U' || stem[0] == 'u') && stem[1] == '+')
        return parseHex(stem.substr(2));
    if (stem.size() >= 5 && stem.size() <= 7 && stem[0] == 'u') {
        auto cp = parseHex(stem.substr(1));
        if (cp && *cp > 0xFFFF)
            return cp;
    }
    auto decoded = decodeUtf8(stem);
    if (decoded && decoded->size() == 1 && !isBlankCodePoint((*decoded)[0]))
        return (*decoded)[0];
    return std::nullopt;
}

bool isBlankCodePoint(char32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0))
        return true; // C0/C1 controls, DEL, NBSP
    switch (cp) {
    case 0x20:
    case 0xAD:
    case 0x034F:
    case 0x1680:
    case 0x180E:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x3164:
    case 0xFEFF:
        return true;
    default:
        break;
    }
    return (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F)
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

} // namespace zistudio::glyphs
