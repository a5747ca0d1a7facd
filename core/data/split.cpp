// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/split.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace zistudio::data
{

namespace
{

std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace

std::uint64_t splitRank(unsigned seed, char32_t cp)
{
    return splitmix64(splitmix64(seed) ^ static_cast<std::uint64_t>(cp));
}

std::vector<char32_t> chooseValidationChars(
    const std::vector<char32_t> &candidates, double fraction, unsigned seed, const std::vector<char32_t> &pinned)
{
    const std::unordered_set<char32_t> candidateSet(candidates.begin(), candidates.end());
    std::unordered_set<char32_t> chosen;
    for (char32_t cp : pinned)
        if (candidateSet.count(cp))
            chosen.insert(cp);
    const std::size_t n = candidateSet.size();
    std::size_t wanted
        = static_cast<std::size_t>(std::llround(std::clamp(fraction, 0.0, 1.0) * static_cast<double>(n)));
    if (fraction < 1.0 && n > 0)
        wanted = std::min(wanted, n - 1);
    std::vector<char32_t> ranked(candidateSet.begin(), candidateSet.end());
    std::sort(ranked.begin(), ranked.end(), [seed](char32_t a, char32_t b) {
        const auto ra = splitRank(seed, a);
        const auto rb = splitRank(seed, b);
        return ra != rb ? ra < rb : a < b;
    });
    for (char32_t cp : ranked) {
        if (chosen.size() >= wanted)
            break;
        chosen.insert(cp);
    }
    std::vector<char32_t> out(chosen.begin(), chosen.end());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace zistudio::data
