// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace zistudio::glyphs
{

/** Which characters: a built-in charset, a UTF-8 text file, or literal text (all de-duplicated). */
struct CharsetSpec
{
    std::string builtin; ///< "gb2312", "gb2312-1", "big5", "big5-common", "jis0208", "joyo", "ksx1001-hangul", or ""
    std::string file;    ///< UTF-8 text file, one or more characters per line ("#" starts a comment)
    std::string text;    ///< literal characters
    int limit = 0;       ///< keep only the first N characters (0 = all), for quick experiments
    /// keep only the characters that every chosen font covers (the source and each font target; an image
    /// folder is not a font), before the limit: "covered by all chosen fonts"
    bool coveredByAll = false;
    bool operator==(const CharsetSpec &) const = default;
};

/**
 * A built-in character list, compiled into the program from resources/charsets (see its README):
 * "gb2312" (6763), "gb2312-1" (3755), "big5" (13053), "big5-common" (5401), "jis0208" (6355),
 * "joyo" (2136), "ksx1001-hangul" (2350). Throws FontError naming the valid names for any other name.
 */
std::vector<char32_t> builtinCharset(std::string_view name);

/** The names builtinCharset accepts, in a stable order. */
std::vector<std::string> builtinCharsetNames();

/**
 * Reads characters from UTF-8 text: '#' starts a comment to the end of the line, whitespace and other
 * blank characters (spaces, U+3000, BOM, variation selectors...) are ignored, duplicates are removed
 * keeping the first occurrence. Invalid UTF-8 throws FontError("<sourceName>: invalid UTF-8 at line L,
 * byte B (offset O)").
 */
std::vector<char32_t> parseCharsetText(std::string_view utf8, const std::string &sourceName);

/** Reads a UTF-8 charset file (parseCharsetText). Throws FontError when unreadable, invalid or empty. */
std::vector<char32_t> loadCharsetFile(const std::filesystem::path &file);

class FontFace;

/**
 * The characters a CharsetSpec chooses: the built-in list, then the file, then the literal text, duplicates
 * removed keeping order; when `spec.coveredByAll`, only those every face of `fonts` covers (cmap); then cut
 * to `limit` when it is positive. Throws FontError when nothing is chosen or no character is covered by all.
 * With no `fonts` the coverage filter is skipped (a count before the fonts are known); `notCovered`, when
 * given, receives how many characters the filter removed.
 */
std::vector<char32_t> resolveCharset(
    const CharsetSpec &spec, const std::vector<const FontFace *> &fonts = {}, int *notCovered = nullptr);

/** Removes duplicates keeping the first occurrence. */
std::vector<char32_t> uniqueChars(const std::vector<char32_t> &chars);

} // namespace zistudio::glyphs
