// SPDX-License-Identifier: GPL-3.0-or-later
// Text from files reaches terminals and logs (printable) and JSON from files reaches every layer
// (parseJsonText): both must be safe whatever the bytes are.
#include "common/jsontext.h"
#include "common/printable.h"

#include <gtest/gtest.h>

#include <string>

using namespace zistudio;

namespace
{

std::string jsonError(const std::string &text)
{
    try {
        parseJsonText(text);
    } catch (const JsonTextError &e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(Printable, KeepsTextAndCjk)
{
    EXPECT_EQ(printable("Kai 楷体 — style 3"), "Kai 楷体 — style 3");
    EXPECT_EQ(printable(""), "");
}

TEST(Printable, EscapesTerminalControls)
{
    EXPECT_EQ(printable("a\x1b]0;pwned\x07z"), "a\\x1b]0;pwned\\x07z"); // a title sequence
    EXPECT_EQ(printable("line\r\nfake: ok"), "line\\r\\nfake: ok");
    EXPECT_EQ(printable("\x1b[2J"), "\\x1b[2J");
    EXPECT_EQ(printable(std::string("a\0b", 3)), "a\\x00b");
    EXPECT_EQ(printable("\x7f"), "\\x7f");
    EXPECT_EQ(printable("\xc2\x9b"
                        "31m"),
        "\\u{009b}31m"); // C1 CSI
    EXPECT_EQ(printable("\xe2\x80\xae"
                        "txt.exe"),
        "\\u{202e}txt.exe"); // right-to-left override
}

TEST(Printable, EscapesBytesThatAreNotUtf8)
{
    EXPECT_EQ(printable("\xff\xfe"), "\\xff\\xfe");
    EXPECT_EQ(printable("\xe6\xb0"), "\\xe6\\xb0");          // a truncated 永
    EXPECT_EQ(printable("\xc0\xaf"), "\\xc0\\xaf");          // overlong '/'
    EXPECT_EQ(printable("\xed\xa0\x80"), "\\xed\\xa0\\x80"); // a surrogate
    for (int b = 0; b < 256; ++b) {                          // nothing below 0x20 or DEL ever gets through
        const std::string out = printable(std::string(1, static_cast<char>(b)));
        for (char c : out)
            EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 || c == 0x7f) << "byte " << b;
    }
}

TEST(JsonText, NumbersOutOfRangeAreErrorsNamingTheField)
{
    EXPECT_NE(jsonError("1e2308").find("a number is out of range"), std::string::npos);
    const std::string batch = jsonError(R"({"training": {"steps": 5, "batchSize": 1e400}})");
    EXPECT_NE(batch.find("out of range"), std::string::npos) << batch;
    EXPECT_NE(batch.find("\"training.batchSize\""), std::string::npos) << batch;
    const std::string part = jsonError(R"({"parts": [{"bytes": 1}, {"bytes": 2}, {"bytes": -1e999}]})");
    EXPECT_NE(part.find("\"parts[2].bytes\""), std::string::npos) << part;
    EXPECT_EQ(part.find("[json.exception"), std::string::npos) << "the library's code is not words: " << part;
}

TEST(JsonText, SyntaxErrorsAndDeepNestingAreErrors)
{
    EXPECT_NE(jsonError(R"({"name": "x",)").find("not valid JSON"), std::string::npos);
    EXPECT_NE(jsonError(std::string(100, '[') + std::string(100, ']')).find("deeper than"), std::string::npos);
    EXPECT_NE(jsonError("\"\xff\"").find("not valid JSON"), std::string::npos);
    EXPECT_EQ(parseJsonText(R"({"a": [1, 2.5, "x"]})")["a"][2], "x");
    EXPECT_EQ(parseJsonText("18446744073709551615").get<std::uint64_t>(), 18446744073709551615ull);
}
