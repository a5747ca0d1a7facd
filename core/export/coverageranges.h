// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace zistudio::fontexport
{

/** OS/2 ulUnicodeRange1..4 bits for a set of code points (the blocks CJK fonts use, Latin, Greek, Cyrillic). */
std::array<std::uint32_t, 4> unicodeRanges(const std::vector<char32_t> &codePoints);

/**
 * OS/2 ulCodePageRange1: bit 0 (Latin 1) when printable ASCII is (nearly) complete, and bits 17
 * (JIS/Japan), 18 (GB2312), 19 (Korean Wansung) and 20 (Big5) when at least half of that code
 * page's ideographs (hangul for Korean) are present; membership is checked with iconv.
 */
std::uint32_t codePageRange1(const std::vector<char32_t> &codePoints);

} // namespace zistudio::fontexport
