// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zistudio
{

// The one UTF-8 implementation of the program: every layer encodes and decodes through these.

/** Where a UTF-8 decoder stopped: 1-based line, 1-based byte within that line, 0-based byte in the text. */
struct Utf8ErrorPosition
{
    int line = 1;
    std::size_t byteInLine = 1;
    std::size_t offset = 0;
};

/** True for a Unicode scalar value: at most U+10FFFF and not a surrogate. */
constexpr bool isUnicodeScalar(char32_t cp)
{
    return cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

/**
 * The strict UTF-8 sequence at `text[i]` (no overlong forms, no surrogates, nothing above U+10FFFF):
 * its length 1..4 with its code point in `cp`, or 0 when the bytes there are not valid UTF-8.
 */
std::size_t decodeUtf8Sequence(std::string_view text, std::size_t i, char32_t &cp);

/** Strict UTF-8 decoding. Returns nullopt and fills `where` at the first invalid byte. */
std::optional<std::u32string> decodeUtf8(std::string_view text, Utf8ErrorPosition *where = nullptr);

/** Decodes UTF-8, replacing each invalid byte with U+FFFD (for names read from files we do not own). */
std::u32string decodeUtf8Lenient(std::string_view text);

/** The number of code points of valid UTF-8 text, or -1 when it is not valid UTF-8. */
int utf8Length(std::string_view text);

/** The code point of a string that holds exactly one character, or nullopt. */
std::optional<char32_t> singleCodePoint(std::string_view text);

/** Encodes one code point (U+FFFD for a surrogate or a value above U+10FFFF). */
std::string encodeUtf8(char32_t cp);
std::string encodeUtf8(std::u32string_view text);

/** "U+6C38", "U+20B9F": how code points are named in messages and reports. */
std::string formatCodePoint(char32_t cp);

} // namespace zistudio
