// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphs/coverage.h"

#include "glyphs/charsets.h"
#include "glyphs/fontface.h"

#include <cstring>
#include <unordered_map>

namespace zistudio::glyphs
{

std::vector<char32_t> coveredChars(const FontFace &face, const std::vector<char32_t> &chars)
{
    std::vector<char32_t> out;
    for (char32_t cp : chars)
        if (face.hasGlyph(cp))
            out.push_back(cp);
    return out;
}

int countCovered(const FontFace &face, const std::vector<char32_t> &chars)
{
    int n = 0;
    for (char32_t cp : chars)
        n += face.hasGlyph(cp) ? 1 : 0;
    return n;
}

std::vector<char32_t> coveredByAll(const std::vector<const FontFace *> &faces, const std::vector<char32_t> &chars)
{
    std::vector<char32_t> out;
    for (char32_t cp : chars) {
        bool all = true;
        for (const FontFace *face : faces)
            all = all && face->hasGlyph(cp);
        if (all)
            out.push_back(cp);
    }
    return out;
}

std::vector<CharsetCoverage> builtinCoverage(const FontFace &face)
{
    std::vector<CharsetCoverage> out;
    for (const std::string &name : builtinCharsetNames()) {
        const auto chars = builtinCharset(name);
        out.push_back({name, countCovered(face, chars), static_cast<int>(chars.size())});
    }
    return out;
}

std::uint64_t imageHash(const GrayImage &image)
{
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](std::uint64_t byte) {
        h ^= byte;
        h *= 1099511628211ull;
    };
    for (int shift = 0; shift < 32; shift += 8) {
        mix((static_cast<std::uint32_t>(image.width) >> shift) & 0xFF);
        mix((static_cast<std::uint32_t>(image.height) >> shift) & 0xFF);
    }
    // Eight pixels per step: the filter hashes every glyph of a charset, at up to 512 x 512 pixels.
    const std::size_t n = image.pixels.size();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, image.pixels.data() + i, 8);
        h = (h ^ word) * 1099511628211ull;
        h ^= h >> 29;
    }
    for (; i < n; ++i)
        mix(image.pixels[i]);
    return h;
}

std::vector<bool> findRepeated(const std::vector<std::uint64_t> &hashes, const std::vector<unsigned> &glyphIds,
    const std::vector<bool> &ok, int maxRepeats)
{
    std::unordered_map<std::uint64_t, int> hashCount;
    std::unordered_map<unsigned, int> glyphCount;
    for (std::size_t i = 0; i < ok.size(); ++i) {
        if (!ok[i])
            continue;
        ++hashCount[hashes[i]];
        ++glyphCount[glyphIds[i]];
    }
    std::vector<bool> repeated(ok.size(), false);
    for (std::size_t i = 0; i < ok.size(); ++i)
        repeated[i] = ok[i] && (hashCount[hashes[i]] > maxRepeats || glyphCount[glyphIds[i]] > maxRepeats);
    return repeated;
}

int markRepeated(std::vector<GlyphRender> &renders, int maxRepeats)
{
    std::vector<std::uint64_t> hashes(renders.size());
    std::vector<unsigned> glyphIds(renders.size());
    std::vector<bool> ok(renders.size());
    for (std::size_t i = 0; i < renders.size(); ++i) {
        ok[i] = renders[i].status == GlyphStatus::Ok;
        glyphIds[i] = renders[i].glyphId;
        if (ok[i])
            hashes[i] = imageHash(renders[i].image);
    }
    const std::vector<bool> repeated = findRepeated(hashes, glyphIds, ok, maxRepeats);
    int marked = 0;
    for (std::size_t i = 0; i < renders.size(); ++i)
        if (repeated[i]) {
            renders[i].status = GlyphStatus::Repeated;
            ++marked;
        }
    return marked;
}

} // namespace zistudio::glyphs
