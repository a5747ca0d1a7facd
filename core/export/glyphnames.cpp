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

std::string glyphNameFor(char32_t cp)
{
    char buf[16];
    if (cp <= 0xFFFF)
        std::snprintf(buf, sizeof buf, "uni%04X", static_cast<unsigned>(cp));
    else
        std::snprintf(buf, sizeof buf, "u%05X", static_cast<unsigned>(cp));
    return buf;
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
