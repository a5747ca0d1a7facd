// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphs/utf8.h"

#include <gtest/gtest.h>

using namespace zistudio::glyphs;

TEST(Utf8, RoundTrip)
{
    const std::u32string text = U"A永𠮟\u00E9\U0010FFFF";
    const std::string utf8 = encodeUtf8(text);
    EXPECT_EQ(utf8.size(), 1u + 3u + 4u + 2u + 4u);
    EXPECT_EQ(decodeUtf8(utf8), text);
}

TEST(Utf8, NamesOfCodePoints)
{
    EXPECT_EQ(formatCodePoint(U'永'), "U+6C38");
    EXPECT_EQ(formatCodePoint(U'A'), "U+0041");
    EXPECT_EQ(glyphFileStem(U'永'), "uni6C38");
    EXPECT_EQ(glyphFileStem(U'𠮟'), "u20B9F");
    EXPECT_EQ(parseCodePointName("uni6C38"), U'永');
    EXPECT_EQ(parseCodePointName("U+6C38"), U'永');
    EXPECT_EQ(parseCodePointName("u+6c38"), U'永');
    EXPECT_EQ(parseCodePointName("u20B9F"), U'𠮟');
    EXPECT_EQ(parseCodePointName("永"), U'永');
    EXPECT_EQ(parseCodePointName("𠮟"), U'𠮟');
    EXPECT_FALSE(parseCodePointName("永和"));
    EXPECT_FALSE(parseCodePointName("uniD800")); // surrogate
    EXPECT_FALSE(parseCodePointName("U+110000"));
    EXPECT_FALSE(parseCodePointName("scan_001"));
    EXPECT_FALSE(parseCodePointName(" "));
    EXPECT_FALSE(parseCodePointName(""));
}

TEST(Utf8, OneCodecForEveryLayer)
{
    // common/utf8: what the project file, the training settings, the exporters and the CLI use.
    char32_t cp = 0;
    EXPECT_EQ(zistudio::decodeUtf8Sequence("a永", 1, cp), 3u);
    EXPECT_EQ(cp, U'永');
    EXPECT_EQ(zistudio::decodeUtf8Sequence("\xC0\x80", 0, cp), 0u);     // overlong
    EXPECT_EQ(zistudio::decodeUtf8Sequence("\xED\xA0\x80", 0, cp), 0u); // a surrogate
    EXPECT_EQ(zistudio::decodeUtf8Sequence("\xE6\xB0", 0, cp), 0u);     // cut short
    EXPECT_EQ(zistudio::utf8Length("永和9"), 3);
    EXPECT_EQ(zistudio::utf8Length("\xFF"), -1);
    EXPECT_EQ(zistudio::singleCodePoint("永"), U'永');
    EXPECT_EQ(zistudio::singleCodePoint("\U00020B9F"), U'\U00020B9F');
    EXPECT_FALSE(zistudio::singleCodePoint("永和"));
    EXPECT_FALSE(zistudio::singleCodePoint(""));
    EXPECT_FALSE(zistudio::singleCodePoint("\xC0\x80"));
    EXPECT_EQ(zistudio::decodeUtf8Lenient("a永\xff"), std::u32string(U"a永\uFFFD"));
    EXPECT_EQ(zistudio::encodeUtf8(U'\U00020B9F'), "\U00020B9F");
    EXPECT_EQ(zistudio::encodeUtf8(char32_t {0xD800}), "\uFFFD");
    EXPECT_EQ(zistudio::formatCodePoint(0x2A6D6), "U+2A6D6");
}
