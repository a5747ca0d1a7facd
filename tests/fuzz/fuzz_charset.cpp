// SPDX-License-Identifier: GPL-3.0-or-later
// Charset files come from users: any bytes must give a list of distinct, valid, non-blank code points
// or a FontError naming the line and byte. Valid UTF-8 must also survive a decode/encode round trip.
#include "fuzzsupport.h"

#include "common/error.h"
#include "glyphs/charsets.h"
#include "glyphs/utf8.h"

#include <cstdint>
#include <unordered_set>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace zistudio;
    const std::string_view bytes = fuzz::bytesOf(data, size);
    const auto decoded = glyphs::decodeUtf8(bytes);
    if (decoded && glyphs::encodeUtf8(*decoded) != bytes)
        __builtin_trap();
    try {
        const std::vector<char32_t> chars = glyphs::parseCharsetText(bytes, "fuzz.txt");
        if (!decoded)
            __builtin_trap(); // accepted text that decodeUtf8 calls invalid
        std::unordered_set<char32_t> seen;
        for (char32_t cp : chars) {
            const bool valid = cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != U'#' && cp != U'\n'
                && !glyphs::isBlankCodePoint(cp);
            if (!valid || !seen.insert(cp).second)
                __builtin_trap();
        }
        if (chars.size() > size)
            __builtin_trap();
    } catch (const Error &) {
        if (decoded)
            __builtin_trap(); // refused text that decodes
    }
    return 0;
}
