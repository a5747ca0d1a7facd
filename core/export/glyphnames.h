// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace zistudio::fontexport
{

/** True for a Unicode scalar value (≤ U+10FFFF, not a surrogate). */
bool isUnicodeScalar(char32_t cp);

/**
 * The production glyph name of a code point (AGL convention): "uni6C38" in the BMP, "u20000"
 * beyond it. Also the file stem of the per-glyph PNG and SVG files (uni6C38.png, uni6C38.svg).
 */
std::string glyphNameFor(char32_t cp);

/** "U+6C38" (at least 4 hex digits), for labels and messages. */
std::string codePointLabel(char32_t cp);

/** The code point as UTF-8. */
std::string toUtf8(char32_t cp);

/** Decodes UTF-8; invalid sequences become U+FFFD. */
std::u32string fromUtf8(std::string_view text);

/**
 * The UFO 3 "user name to file name" convention: illegal characters become "_", every upper-case
 * letter gets "_" after it, a leading "." becomes "_", reserved Windows names get a "_" prefix, and
 * a name that clashes case-insensitively with `taken` gets a number. Adds the lower-cased result
 * to `taken`. Example: "uni6C38" → "uni6C_38.glif", ".notdef" → "_notdef.glif".
 */
std::string ufoFileName(const std::string &userName, std::set<std::string> &taken, const std::string &suffix = ".glif");

} // namespace zistudio::fontexport
