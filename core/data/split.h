// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace zistudio::data
{

/** Rank of a character in the validation draw: a hash of (seed, code point), the same on every platform. */
std::uint64_t splitRank(unsigned seed, char32_t cp);

/**
 * The validation characters: the pinned ones that are among `candidates`, then the candidates of lowest
 * splitRank until round(fraction * candidates) are chosen (at least one character stays for training when
 * fraction < 1). Sorted by code point. Adding or removing other characters never moves one between the sets
 * unless it crosses the count boundary.
 */
std::vector<char32_t> chooseValidationChars(
    const std::vector<char32_t> &candidates, double fraction, unsigned seed, const std::vector<char32_t> &pinned);

} // namespace zistudio::data
