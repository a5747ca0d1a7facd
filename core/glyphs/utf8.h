// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/utf8.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zistudio::glyphs
{

// The UTF-8 codec itself is common/utf8.h (one implementation for every layer); glyphs adds the
// naming of code points as glyph files and the decoding that reports a font-layer error.
using zistudio::decodeUtf8;
using zistudio::encodeUtf8;
using zistudio::formatCodePoint;
using zistudio::Utf8ErrorPosition;

/** Decodes UTF-8 or throws FontError("<sourceName>: invalid UTF-8 at line L, byte B (offset O)"). */
std::u32string decodeUtf8OrThrow(std::string_view text, const std::string &sourceName);

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
