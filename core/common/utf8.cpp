// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/utf8.h"

#include <cstdio>

namespace zistudio
{

std::size_t decodeUtf8Sequence(std::string_view text, std::size_t i, char32_t &cp)
{
    if (i >= text.size())
        return 0;
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    char32_t minimum = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
        minimum = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
        minimum = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + len > text.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < minimum || !isUnicodeScalar(cp))
        return 0;
    return len;
}

std::optional<std::u32string> decodeUtf8(std::string_view text, Utf8ErrorPosition *where)
{
    std::u32string out;
    out.reserve(text.size());
    int line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decodeUtf8Sequence(text, i, cp);
        if (len == 0) {
            if (where)
                *where = {line, i - lineStart + 1, i};
            return std::nullopt;
        }
        out.push_back(cp);
        i += len;
        if (cp == '\n') {
            ++line;
            lineStart = i;
        }
    }
    return out;
}

std::u32string decodeUtf8Lenient(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decodeUtf8Sequence(text, i, cp);
        out.push_back(len == 0 ? U'\uFFFD' : cp);
        i += len == 0 ? 1 : len;
    }
    return out;
}

int utf8Length(std::string_view text)
{
    int count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        char32_t cp = 0;
        const std::size_t len = decodeUtf8Sequence(text, i, cp);
        if (len == 0)
            return -1;
        i += len;
    }
    return count;
}

std::optional<char32_t> singleCodePoint(std::string_view text)
{
    char32_t cp = 0;
    if (text.empty() || decodeUtf8Sequence(text, 0, cp) != text.size())
        return std::nullopt;
    return cp;
}

std::string encodeUtf8(char32_t cp)
{
    if (!isUnicodeScalar(cp))
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

} // namespace zistudio
