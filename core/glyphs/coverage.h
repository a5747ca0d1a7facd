// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "glyphs/rasterizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace zistudio::glyphs
{

class FontFace;

/** How much of a charset a face covers (cmap entries). */
struct CharsetCoverage
{
    std::string charset; ///< built-in name, or whatever the caller named it
    int covered = 0;
    int total = 0;
};

/** Characters of `chars` that the face's cmap maps to a glyph, in the given order. */
std::vector<char32_t> coveredChars(const FontFace &face, const std::vector<char32_t> &chars);

/** Number of characters of `chars` in the face's cmap. */
int countCovered(const FontFace &face, const std::vector<char32_t> &chars);

/** Characters of `chars` covered by every face in `faces` ("covered by all chosen fonts"), in order. */
std::vector<char32_t> coveredByAll(const std::vector<const FontFace *> &faces, const std::vector<char32_t> &chars);

/** Coverage of every built-in charset (builtinCharsetNames order), for `fonts info`. */
std::vector<CharsetCoverage> builtinCoverage(const FontFace &face);

/**
 * zi2zi's repeated-bitmap (tofu) filter, plus the same idea on glyph ids: among the Ok renders of one font
 * over a charset, any bitmap seen more than `maxRepeats` times, and any glyph id used by more than
 * `maxRepeats` characters, is a placeholder. Marks those renders Repeated and returns how many it marked.
 */
int markRepeated(std::vector<GlyphRender> &renders, int maxRepeats = 2);

/**
 * The counting behind markRepeated on what it needs of each render — its imageHash, glyph id, and whether it
 * is Ok (only those count) — for callers that do not keep the images: which entries are repeated.
 */
std::vector<bool> findRepeated(const std::vector<std::uint64_t> &hashes, const std::vector<unsigned> &glyphIds,
    const std::vector<bool> &ok, int maxRepeats = 2);

/** 64-bit FNV-1a hash of an image's size and pixels (the repeated-bitmap filter's key). */
std::uint64_t imageHash(const GrayImage &image);

} // namespace zistudio::glyphs
