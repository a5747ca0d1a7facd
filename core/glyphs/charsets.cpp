// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphs/charsets.h"

#include "common/atomicfile.h"
#include "glyphs/charsetdata.h"
#include "glyphs/coverage.h"
#include "glyphs/fonterror.h"
#include "glyphs/utf8.h"

#include <map>
#include <mutex>
#include <unordered_set>

namespace zistudio::glyphs
{

namespace
{

constexpr std::uintmax_t kMaxCharsetFileBytes = 16u << 20;

/** A built-in name: the embedded file it reads and how many characters of it (0 = all). */
struct BuiltinCharset
{
    std::string_view name;
    std::string_view file;
    std::size_t prefix;
};

constexpr BuiltinCharset kBuiltins[] = {
    {"gb2312", "gb2312", 0},
    {"gb2312-1", "gb2312", 3755}, // level 1 hanzi come first in code order
    {"big5", "big5", 0},
    {"big5-common", "big5", 5401}, // the frequently used hanzi come first in code order
    {"jis0208", "jis0208", 0},
    {"joyo", "joyo", 0},
    {"ksx1001-hangul", "ksx1001-hangul", 0},
};

const std::vector<char32_t> &embeddedChars(std::string_view file)
{
    static std::mutex mutex;
    static std::map<std::string, std::vector<char32_t>, std::less<>> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(file);
    if (it == cache.end()) {
        const std::string_view text = detail::embeddedCharsetText(file);
        if (text.empty())
            throw FontError("the built-in charset file " + std::string(file) + ".txt was not compiled in");
        it = cache.emplace(std::string(file), parseCharsetText(text, "built-in charset " + std::string(file))).first;
    }
    return it->second;
}

std::string joinedNames()
{
    std::string names;
    for (const auto &b : kBuiltins)
        names += (names.empty() ? "" : ", ") + std::string(b.name);
    return names;
}

} // namespace

std::vector<char32_t> builtinCharset(std::string_view name)
{
    for (const auto &b : kBuiltins) {
        if (b.name != name)
            continue;
        const auto &all = embeddedChars(b.file);
        if (b.prefix == 0)
            return all;
        return {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(b.prefix, all.size()))};
    }
    throw FontError("unknown built-in charset '" + std::string(name) + "' (known: " + joinedNames() + ")");
}

std::vector<std::string> builtinCharsetNames()
{
    std::vector<std::string> names;
    for (const auto &b : kBuiltins)
        names.emplace_back(b.name);
    return names;
}

std::vector<char32_t> uniqueChars(const std::vector<char32_t> &chars)
{
    std::vector<char32_t> out;
    out.reserve(chars.size());
    std::unordered_set<char32_t> seen;
    for (char32_t cp : chars)
        if (seen.insert(cp).second)
            out.push_back(cp);
    return out;
}

std::vector<char32_t> parseCharsetText(std::string_view utf8, const std::string &sourceName)
{
    const std::u32string text = decodeUtf8OrThrow(utf8, sourceName);
    std::vector<char32_t> chars;
    bool comment = false;
    for (char32_t cp : text) {
        if (cp == U'\n') {
            comment = false;
            continue;
        }
        if (comment)
            continue;
        if (cp == U'#') {
            comment = true;
            continue;
        }
        if (isBlankCodePoint(cp))
            continue;
        chars.push_back(cp);
    }
    return uniqueChars(chars);
}

std::vector<char32_t> loadCharsetFile(const std::filesystem::path &file)
{
    std::string bytes;
    try {
        bytes = readFile(file, kMaxCharsetFileBytes);
    } catch (const Error &e) {
        throw FontError(std::string("cannot read the charset file: ") + e.what());
    }
    auto chars = parseCharsetText(bytes, "charset file " + file.string());
    if (chars.empty())
        throw FontError("charset file contains no characters: " + file.string());
    return chars;
}

std::vector<char32_t> resolveCharset(
    const CharsetSpec &spec, const std::vector<const FontFace *> &fonts, int *notCovered)
{
    std::vector<char32_t> chars;
    if (!spec.builtin.empty())
        chars = builtinCharset(spec.builtin);
    if (!spec.file.empty()) {
        const auto fromFile = loadCharsetFile(spec.file);
        chars.insert(chars.end(), fromFile.begin(), fromFile.end());
    }
    if (!spec.text.empty()) {
        const auto fromText = parseCharsetText(spec.text, "charset text");
        chars.insert(chars.end(), fromText.begin(), fromText.end());
    }
    chars = uniqueChars(chars);
    if (spec.limit < 0)
        throw FontError("charset limit must not be negative, got " + std::to_string(spec.limit));
    if (notCovered)
        *notCovered = 0;
    if (spec.coveredByAll && !fonts.empty() && !chars.empty()) {
        const std::size_t before = chars.size();
        chars = coveredByAll(fonts, chars);
        if (notCovered)
            *notCovered = static_cast<int>(before - chars.size());
        if (chars.empty())
            throw FontError(
                "none of the " + std::to_string(before) + " characters of the charset is covered by every chosen font");
    }
    if (spec.limit > 0 && chars.size() > static_cast<std::size_t>(spec.limit))
        chars.resize(static_cast<std::size_t>(spec.limit));
    if (chars.empty())
        throw FontError("the charset is empty: choose a built-in charset, a charset file or some characters");
    return chars;
}

} // namespace zistudio::glyphs
