// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/utf8.h" // isUnicodeScalar, formatCodePoint, encodeUtf8: used with glyph names

#include <set>
#include <string>
#include <string_view>

namespace zistudio::fontexport
{

/**
 * The production glyph name of a code point (AGL convention): "uni6C38" in the BMP, "u20000"
 * beyond it. Also the file stem of the per-glyph PNG and SVG files (uni6C38.png, uni6C38.svg).
 */
std::string glyphNameFor(char32_t cp);

/**
 * The UFO 3 "user name to file name" convention: illegal characters become "_", every upper-case
 * letter gets "_" after it, a leading "." becomes "_", reserved Windows names get a "_" prefix, and
 * a name that clashes case-insensitively with `taken` gets a number. Adds the lower-cased result
 * to `taken`. Example: "uni6C38" → "uni6C_38.glif", ".notdef" → "_notdef.glif".
 */
std::string ufoFileName(const std::string &userName, std::set<std::string> &taken, const std::string &suffix = ".glif");

} // namespace zistudio::fontexport
