// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/glyphnames.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <string_view>

namespace zistudio::fontexport
{

namespace
{

constexpr std::size_t kMaxFileNameLength = 255;
constexpr std::string_view kIllegal = "\"*+/:<>?[\\]|";
constexpr std::array<std::string_view, 24> kReserved
    = {"con", "prn", "aux", "clock$", "nul", "a:", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool isReserved(const std::string &part)
{
    const std::string l = lower(part);
    if (l.size() == 2 && l[1] == ':' && l[0] >= 'a' && l[0] <= 'z')
        return true;
    return std::find(kReserved.begin(), kReserved.end(), l) != kReserved.end();
}

} // namespace

bool isUnicodeScalar(char32_t cp)
{
    return cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

std::string glyphNameFor(char32_t cp)
{
    char buf[16];
    if (cp <= 0xFFFF)
        std::snprintf(buf, sizeof buf, "uni%04X", static_cast<unsigned>(cp));
    else
        std::snprintf(buf, sizeof buf, "u%05X", static_cast<unsigned>(cp));
    return buf;
}

std::string codePointLabel(char32_t cp)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string toUtf8(char32_t cp)
{
    std::string s;
    const auto u = static_cast<std::uint32_t>(cp);
    if (u < 0x80) {
        s += static_cast<char>(u);
    } else if (u < 0x800) {
        s += static_cast<char>(0xC0 | (u >> 6));
        s += static_cast<char>(0x80 | (u & 0x3F));
    } else if (u < 0x10000) {
        s += static_cast<char>(0xE0 | (u >> 12));
        s += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (u & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (u >> 18));
        s += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (u & 0x3F));
    }
    return s;
}

std::u32string fromUtf8(std::string_view text)
{
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        std::size_t len = b0 < 0x80 ? 1
            : (b0 & 0xE0) == 0xC0   ? 2
            : (b0 & 0xF0) == 0xE0   ? 3
            : (b0 & 0xF8) == 0xF0   ? 4
                                    : 0;
        char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
        bool ok = len != 0 && i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            ok = (b & 0xC0) == 0x80;
            cp = (cp << 6) | (b & 0x3F);
        }
        const char32_t minimum = len == 2 ? 0x80 : len == 3 ? 0x800 : len == 4 ? 0x10000 : 0;
        if (!ok || cp < minimum || !isUnicodeScalar(cp)) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        out += cp;
        i += len;
    }
    return out;
}

std::string ufoFileName(const std::string &userName, std::set<std::string> &taken, const std::string &suffix)
{
    std::string name;
    for (std::size_t i = 0; i < userName.size(); ++i) {
        const auto c = static_cast<unsigned char>(userName[i]);
        if (c < 0x20 || c == 0x7F || kIllegal.find(static_cast<char>(c)) != std::string_view::npos) {
            name += '_';
        } else if (i == 0 && c == '.') {
            name += '_';
        } else {
            name += static_cast<char>(c);
            if (c >= 'A' && c <= 'Z')
                name += '_';
        }
    }
    // Reserved names are checked per dot-separated part.
    std::string checked;
    std::size_t from = 0;
    while (true) {
        const std::size_t dot = name.find('.', from);
        std::string part = name.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
        if (isReserved(part))
            part = "_" + part;
        checked += part;
        if (dot == std::string::npos)
            break;
        checked += '.';
        from = dot + 1;
    }
    const std::size_t room = kMaxFileNameLength - suffix.size();
    if (checked.size() > room)
        checked.resize(room);
    std::string candidate = checked + suffix;
    if (taken.insert(lower(candidate)).second)
        return candidate;
    // Clash: add a 15-digit counter, as the spec does, keeping the total length in bounds.
    const std::size_t stemRoom = room - 15;
    if (checked.size() > stemRoom)
        checked.resize(stemRoom);
    for (unsigned long long n = 1;; ++n) {
        char digits[16];
        std::snprintf(digits, sizeof digits, "%015llu", n);
        candidate = checked + digits + suffix;
        if (taken.insert(lower(candidate)).second)
            return candidate;
    }
}

} // namespace zistudio::fontexport
