// SPDX-License-Identifier: GPL-3.0-or-later
// Built-in charsets (exact counts), charset files, and CharsetSpec resolution.
#include "glyphs/charsets.h"
#include "glyphs/fonterror.h"
#include "glyphs/fontface.h"

#include "common/atomicfile.h"
#include "data/datasetspec.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>

#include <set>

using namespace zistudio;
using namespace zistudio::glyphs;
using zistudio::test::TempDir;

namespace
{

bool allHan(const std::vector<char32_t> &chars)
{
    for (char32_t cp : chars) {
        const bool unified = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp >= 0x20000;
        const bool compatibility = cp >= 0xF900 && cp <= 0xFAFF;
        if (!unified && !compatibility)
            return false;
    }
    return true;
}

} // namespace

TEST(Charsets, BuiltinCountsAreExact)
{
    const std::pair<const char *, std::size_t> expected[] = {{"gb2312", 6763}, {"gb2312-1", 3755}, {"big5", 13053},
        {"big5-common", 5401}, {"jis0208", 6355}, {"joyo", 2136}, {"ksx1001-hangul", 2350}};
    ASSERT_EQ(builtinCharsetNames().size(), std::size(expected));
    for (const auto &[name, count] : expected) {
        const auto chars = builtinCharset(name);
        EXPECT_EQ(chars.size(), count) << name;
        EXPECT_EQ(std::set<char32_t>(chars.begin(), chars.end()).size(), count) << name << " has duplicates";
        if (std::string(name) != "ksx1001-hangul") {
            EXPECT_TRUE(allHan(chars)) << name;
        }
    }
    for (char32_t cp : builtinCharset("ksx1001-hangul"))
        EXPECT_TRUE(cp >= 0xAC00 && cp <= 0xD7A3);
}

TEST(Charsets, BuiltinOrderAndMembership)
{
    const auto gb = builtinCharset("gb2312");
    const auto level1 = builtinCharset("gb2312-1");
    EXPECT_EQ(gb.front(), U'啊'); // GB 2312 B0A1
    EXPECT_TRUE(std::equal(level1.begin(), level1.end(), gb.begin()));
    EXPECT_EQ(level1.back(), U'座'); // last level-1 hanzi, D7F9
    const auto big5 = builtinCharset("big5");
    EXPECT_EQ(big5.front(), U'一'); // Big5 A440
    const auto joyo = builtinCharset("joyo");
    const std::set<char32_t> joyoSet(joyo.begin(), joyo.end());
    for (char32_t cp : std::u32string(U"亜愛日本語𠮟塡剝頰"))
        EXPECT_TRUE(joyoSet.count(cp)) << static_cast<unsigned>(cp);
    EXPECT_FALSE(joyoSet.count(U'叱')); // the JIS form of 𠮟 is not in the 2010 list
    const auto jis = builtinCharset("jis0208");
    const std::set<char32_t> jisSet(jis.begin(), jis.end());
    int joyoInJis = 0;
    for (char32_t cp : joyo)
        joyoInJis += jisSet.count(cp) ? 1 : 0;
    EXPECT_EQ(joyoInJis, 2132);
}

TEST(Charsets, UnknownBuiltinNamesTheKnownOnes)
{
    try {
        builtinCharset("gbk");
        FAIL() << "expected FontError";
    } catch (const FontError &e) {
        EXPECT_NE(std::string(e.what()).find("gbk"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("gb2312-1"), std::string::npos);
    }
}

TEST(Charsets, ParseTextCommentsWhitespaceAndDuplicates)
{
    const auto chars
        = parseCharsetText("\xEF\xBB\xBF# my list\n永 和\t九年\r\n永\u3000#歲 in a comment\n  年丑 # x\n𠮟\n", "t");
    EXPECT_EQ(chars, (std::vector<char32_t> {U'永', U'和', U'九', U'年', U'丑', U'𠮟'}));
    EXPECT_TRUE(parseCharsetText("# only a comment\n\n", "t").empty());
}

TEST(Charsets, InvalidUtf8NamesLineAndByte)
{
    // Line 3 is "a" + 永 (3 bytes) + a lone continuation byte: byte 5 of the line, offset 7 + 7 + 4 = 18.
    const std::string text = std::string("永和\n九年\na永\x80z\n");
    try {
        parseCharsetText(text, "chars.txt");
        FAIL() << "expected FontError";
    } catch (const FontError &e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("chars.txt"), std::string::npos) << msg;
        EXPECT_NE(msg.find("line 3"), std::string::npos) << msg;
        EXPECT_NE(msg.find("byte 5"), std::string::npos) << msg;
        EXPECT_NE(msg.find("offset 18"), std::string::npos) << msg;
    }
    // Overlong, surrogate and truncated sequences are all rejected.
    for (const std::string &bad : {std::string("\xC0\xAF"), std::string("\xED\xA0\x80"), std::string("\xE6\xB0"),
             std::string("\xF4\x90\x80\x80")})
        EXPECT_THROW(parseCharsetText("ok" + bad, "x"), FontError);
}

TEST(Charsets, LoadFileErrors)
{
    TempDir dir;
    writeFileAtomically(dir / "good.txt", "永和\n");
    EXPECT_EQ(loadCharsetFile(dir / "good.txt").size(), 2u);
    writeFileAtomically(dir / "empty.txt", "# nothing\n");
    EXPECT_THROW(loadCharsetFile(dir / "empty.txt"), FontError);
    try {
        loadCharsetFile(dir / "missing.txt");
        FAIL() << "expected FontError";
    } catch (const FontError &e) {
        EXPECT_NE(std::string(e.what()).find("missing.txt"), std::string::npos) << e.what();
    }
}

TEST(Charsets, ResolveSpecCombinesDedupesAndLimits)
{
    TempDir dir;
    writeFileAtomically(dir / "extra.txt", "永龘\n");
    data::CharsetSpec spec;
    spec.builtin = "gb2312-1";
    spec.file = (dir / "extra.txt").string();
    spec.text = "永𠮟";
    const auto all = resolveCharset(spec);
    EXPECT_EQ(all.size(), 3755u + 2u); // 永 is in level 1; 龘 and 𠮟 are new
    EXPECT_EQ(all[3755], U'龘');
    EXPECT_EQ(all[3756], U'𠮟');
    spec.limit = 10;
    EXPECT_EQ(resolveCharset(spec).size(), 10u);
    EXPECT_THROW(resolveCharset(data::CharsetSpec {}), FontError);
    data::CharsetSpec bad;
    bad.builtin = "nope";
    EXPECT_THROW(resolveCharset(bad), FontError);
}

TEST(Charsets, CoveredByAllChosenFontsKeepsTheSharedCharactersBeforeTheLimit)
{
    // UKai (Big5 + GB2312) has the traditional 還 and 們; AR PL KaitiM GB (GB2312 only) has neither.
    const FontFace ukai(zistudio::test::TestFonts::ukaiTtc(), 0);
    const FontFace kai(zistudio::test::TestFonts::kaiGb());
    data::CharsetSpec spec;
    spec.text = "還永們和九";
    spec.coveredByAll = true;
    int notCovered = -1;
    EXPECT_EQ(resolveCharset(spec, {&ukai, &kai}, &notCovered), (std::vector<char32_t> {U'永', U'和', U'九'}));
    EXPECT_EQ(notCovered, 2);
    EXPECT_EQ(resolveCharset(spec, {&ukai}, &notCovered).size(), 5u);
    EXPECT_EQ(notCovered, 0);
    // The limit counts covered characters: the first two of 永和九, not of 還永.
    spec.limit = 2;
    EXPECT_EQ(resolveCharset(spec, {&ukai, &kai}), (std::vector<char32_t> {U'永', U'和'}));
    // Without fonts (a count before they are chosen) nothing is filtered; without the option neither.
    EXPECT_EQ(resolveCharset(spec).size(), 2u);
    EXPECT_EQ(resolveCharset(spec).front(), U'還');
    spec.coveredByAll = false;
    EXPECT_EQ(resolveCharset(spec, {&ukai, &kai}).front(), U'還');
    // Nothing in common is an error that says so.
    data::CharsetSpec none;
    none.text = "還們";
    none.coveredByAll = true;
    try {
        resolveCharset(none, {&ukai, &kai});
        FAIL() << "expected FontError";
    } catch (const FontError &e) {
        EXPECT_NE(std::string(e.what()).find("covered by every chosen font"), std::string::npos) << e.what();
    }
}
