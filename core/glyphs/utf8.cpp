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

constexpr char32_t kMaxCodePoint = 0x10FFFF;

bool isSurrogate(char32_t cp)
{
    return cp >= 0xD800 && cp <= 0xDFFF;
}

std::optional<char32_t> parseHex(std::string_view digits)
{
    if (digits.size() < 4 || digits.size() > 6)
        return std::nullopt;
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
    if (ec != std::errc() || end != digits.data() + digits.size())
        return std::nullopt;
    const auto cp = static_cast<char32_t>(value);
    if (cp > kMaxCodePoint || isSurrogate(cp))
        return std::nullopt;
    return cp;
}

} // namespace

std::optional<std::u32string> decodeUtf8(std::string_view text, Utf8ErrorPosition *where)
{
    std::u32string out;
    out.reserve(text.size());
    int line = 1;
    std::size_t lineStart = 0;
    std::size_t i = 0;
    const auto fail = [&](std::size_t at) -> std::optional<std::u32string> {
        if (where)
            *where = {line, at - lineStart + 1, at};
        return std::nullopt;
    };
    while (i < text.size()) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        if (b0 < 0x80) {
            out.push_back(b0);
            ++i;
            if (b0 == '\n') {
                ++line;
                lineStart = i;
            }
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t minimum = 0;
        if ((b0 & 0xE0) == 0xC0) {
            extra = 1;
            cp = b0 & 0x1F;
            minimum = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            extra = 2;
            cp = b0 & 0x0F;
            minimum = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            extra = 3;
            cp = b0 & 0x07;
            minimum = 0x10000;
        } else {
            return fail(i);
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= text.size())
                return fail(i);
            const auto b = static_cast<unsigned char>(text[i + k]);
            if ((b & 0xC0) != 0x80)
                return fail(i);
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < minimum || cp > kMaxCodePoint || isSurrogate(cp))
            return fail(i);
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

std::u32string decodeUtf8OrThrow(std::string_view text, const std::string &sourceName)
{
    Utf8ErrorPosition where;
    auto decoded = decodeUtf8(text, &where);
    if (!decoded)
        throw FontError(sourceName + ": invalid UTF-8 at line " + std::to_string(where.line) + ", byte "
            + std::to_string(where.byteInLine) + " (offset " + std::to_string(where.offset) + ")");
    return std::move(*decoded);
}

std::string encodeUtf8(char32_t cp)
{
    if (cp > kMaxCodePoint || isSurrogate(cp))
        cp = 0xFFFD;
    std::string out;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return out;
}

std::string encodeUtf8(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size() * 3);
    for (char32_t cp : text)
        out += encodeUtf8(cp);
    return out;
}

std::string formatCodePoint(char32_t cp)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
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
