// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/coverageranges.h"

#include <algorithm>
#include <iconv.h>

namespace zistudio::fontexport
{

namespace
{

struct UnicodeBlock
{
    char32_t first, last;
    int bit;
};

/** OS/2 Unicode range bits for the blocks a CJK (and basic Latin) font is likely to have. */
constexpr UnicodeBlock kBlocks[] = {{0x0000, 0x007F, 0}, {0x0080, 0x00FF, 1}, {0x0100, 0x017F, 2}, {0x0180, 0x024F, 3},
    {0x0370, 0x03FF, 7}, {0x0400, 0x04FF, 9}, {0x2000, 0x206F, 31}, {0x2E80, 0x2EFF, 59}, {0x2F00, 0x2FDF, 59},
    {0x2FF0, 0x2FFF, 59}, {0x3000, 0x303F, 48}, {0x3040, 0x309F, 49}, {0x30A0, 0x30FF, 50}, {0x3100, 0x312F, 51},
    {0x3130, 0x318F, 52}, {0x3190, 0x319F, 59}, {0x31A0, 0x31BF, 51}, {0x31C0, 0x31EF, 61}, {0x31F0, 0x31FF, 50},
    {0x3200, 0x32FF, 54}, {0x3300, 0x33FF, 55}, {0x3400, 0x4DBF, 59}, {0x4E00, 0x9FFF, 59}, {0xAC00, 0xD7AF, 56},
    {0xF900, 0xFAFF, 61}, {0xFE30, 0xFE4F, 65}, {0xFF00, 0xFFEF, 68}, {0x20000, 0x2A6DF, 59}, {0x2F800, 0x2FA1F, 61}};

constexpr int kNonPlane0Bit = 57;
constexpr int kMinAsciiForLatin1 = 90; // of the 95 printable ASCII characters

struct CodePage
{
    const char *iconvName;
    int bit;
    int size; ///< ideographs (hangul for Korean) in the code page
    bool hangul;
};
constexpr CodePage kCodePages[] = {{"SHIFT_JIS", 17, 6355, false}, {"GB2312", 18, 6763, false},
    {"EUC-KR", 19, 2350, true}, {"BIG5", 20, 13053, false}};

bool isIdeograph(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/** How many of `cps` the iconv charset can encode. */
int encodableCount(const char *charset, const std::vector<char32_t> &cps)
{
    iconv_t cd = iconv_open(charset, "UTF-32LE");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return 0;
    int n = 0;
    for (const char32_t cp : cps) {
        char in[4] = {static_cast<char>(cp & 0xFF), static_cast<char>((cp >> 8) & 0xFF),
            static_cast<char>((cp >> 16) & 0xFF), static_cast<char>((cp >> 24) & 0xFF)};
        char out[16];
        char *inp = in, *outp = out;
        std::size_t inLeft = sizeof in, outLeft = sizeof out;
        if (iconv(cd, &inp, &inLeft, &outp, &outLeft) != static_cast<std::size_t>(-1))
            ++n;
        iconv(cd, nullptr, nullptr, nullptr, nullptr); // reset shift state
    }
    iconv_close(cd);
    return n;
}

} // namespace

std::array<std::uint32_t, 4> unicodeRanges(const std::vector<char32_t> &codePoints)
{
    std::array<std::uint32_t, 4> r {};
    auto set = [&](int bit) { r[static_cast<std::size_t>(bit / 32)] |= 1u << (bit % 32); };
    for (const char32_t cp : codePoints) {
        if (cp > 0xFFFF)
            set(kNonPlane0Bit);
        for (const auto &b : kBlocks)
            if (cp >= b.first && cp <= b.last)
                set(b.bit);
    }
    return r;
}

std::uint32_t codePageRange1(const std::vector<char32_t> &codePoints)
{
    std::uint32_t bits = 0;
    const auto ascii
        = std::count_if(codePoints.begin(), codePoints.end(), [](char32_t c) { return c >= 32 && c < 127; });
    if (ascii >= kMinAsciiForLatin1)
        bits |= 1u;
    std::vector<char32_t> ideographs, hangul;
    for (const char32_t cp : codePoints) {
        if (isIdeograph(cp))
            ideographs.push_back(cp);
        else if (cp >= 0xAC00 && cp <= 0xD7A3)
            hangul.push_back(cp);
    }
    for (const auto &page : kCodePages) {
        const auto &candidates = page.hangul ? hangul : ideographs;
        if (static_cast<int>(candidates.size()) * 2 < page.size)
            continue;
        if (encodableCount(page.iconvName, candidates) * 2 >= page.size)
            bits |= 1u << page.bit;
    }
    return bits;
}

} // namespace zistudio::fontexport
