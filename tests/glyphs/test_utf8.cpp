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
