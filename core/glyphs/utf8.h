// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zistudio::glyphs
{

/** Where a UTF-8 decoder stopped: 1-based line, 1-based byte within that line, 0-based byte in the text. */
struct Utf8ErrorPosition
{
    int line = 1;
    std::size_t byteInLine = 1;
    std::size_t offset = 0;
};

/**
 * Strict UTF-8 decoding (no overlong forms, no surrogates, nothing above U+10FFFF). Returns nullopt and
 * fills `where` at the first invalid byte.
 */
std::optional<std::u32string> decodeUtf8(std::string_view text, Utf8ErrorPosition *where = nullptr);

/** Decodes UTF-8 or throws FontError("<sourceName>: invalid UTF-8 at line L, byte B (offset O)"). */
std::u32string decodeUtf8OrThrow(std::string_view text, const std::string &sourceName);

/** Encodes one code point (U+FFFD for a surrogate or a value above U+10FFFF). */
std::string encodeUtf8(char32_t cp);
std::string encodeUtf8(std::u32string_view text);

/** "U+6C38", "U+20B9F": how code points are named in messages and reports. */
std::string formatCodePoint(char32_t cp);

/** Glyph-name style file stem: "uni6C38" in the BMP, "u20B9F" above it (Adobe Glyph List convention). */
std::string glyphFileStem(char32_t cp);

/**
 * Reads a code point from a file stem: "uni6C38", "u20B9F", "U+6C38", "u+6c38", or the character itself
 * ("永"). Returns nullopt when the stem is none of these or names a surrogate / invalid value.
 */
std::optional<char32_t> parseCodePointName(std::string_view stem);

/** True for code points that legitimately render nothing: spaces, format and control characters. */
bool isBlankCodePoint(char32_t cp);

} // namespace zistudio::glyphs
