// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/printable.h"

#include "common/utf8.h"

#include <cstdio>

namespace zistudio
{

namespace
{

/** Control characters and the invisible characters that reorder or hide text. */
bool needsEscape(char32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) // C0, DEL, C1
        || (cp >= 0x200E && cp <= 0x200F)                        // LRM, RLM
        || (cp >= 0x2028 && cp <= 0x202E)                        // line/paragraph separators, embeddings, overrides
        || (cp >= 0x2066 && cp <= 0x2069)                        // isolates
        || cp == 0xFEFF;                                         // BOM / zero-width no-break space
}

} // namespace

std::string printable(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    char buf[16];
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t n = decodeUtf8Sequence(text, i, cp);
        if (n == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
            out += buf;
            ++i;
            continue;
        }
        if (!needsEscape(cp)) {
            out.append(text.substr(i, n));
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp < 0x80) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
            out += buf;
        } else {
            std::snprintf(buf, sizeof buf, "\\u{%04x}", static_cast<unsigned>(cp));
            out += buf;
        }
        i += n;
    }
    return out;
}

} // namespace zistudio
