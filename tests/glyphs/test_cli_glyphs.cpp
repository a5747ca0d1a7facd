// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli fonts info / render as a user runs them: a real process, its exit code and output.
#include "common/atomicfile.h"
#include "common/imageio.h"
#include "glyphs/charsets.h"
#include "glyphs/coverage.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"
#include "runshell.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <sys/wait.h>

using namespace zistudio;
using zistudio::test::TempDir;
using zistudio::test::TestFonts;

namespace
{

struct Result
{
    int exitCode;
    std::string out; ///< stdout
    std::string err; ///< stderr
};

Result run(const std::string &args)
{
    TempDir dir;
    const std::string cmd = std::string(ZISTUDIO_CLI) + " " + args + " 2>" + (dir / "err").string();
    const auto r = zistudio::test::runShell(cmd);
    return {r.exitCode, r.output, readFile(dir / "err")};
}

std::string quote(const std::filesystem::path &p)
{
    return "'" + p.string() + "'";
}

/** One clear line on stderr: "zistudio-cli: error: ...". */
void expectOneErrorLine(const Result &r, const std::string &needle)
{
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_EQ(r.err.rfind("zistudio-cli: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

} // namespace

TEST(CliFonts, CoverageOfSeveralFontsEachAndAllTogether)
{
    // Song (GB2312) with UKai TW (face 2: Big5 and more): what they cover together is what a dataset with
    // "covered by all chosen fonts" keeps, and what core's coverage functions count.
    const Result r
        = run("fonts coverage --json " + quote(TestFonts::songGb()) + " " + quote(TestFonts::ukaiTtc()) + ":2");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["fonts"].size(), 2u);
    EXPECT_EQ(j["fonts"][1]["face"], 2);
    const glyphs::FontFace song(TestFonts::songGb()), ukai(TestFonts::ukaiTtc(), 2);
    const auto names = glyphs::builtinCharsetNames();
    ASSERT_EQ(j["charsets"].size(), names.size());
    bool someDiffer = false;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto &row = j["charsets"][i];
        const auto chars = glyphs::builtinCharset(names[i]);
        EXPECT_EQ(row["charset"], names[i]);
        EXPECT_EQ(row["total"], chars.size());
        EXPECT_EQ(row["covered"][0], glyphs::countCovered(song, chars)) << names[i];
        EXPECT_EQ(row["covered"][1], glyphs::countCovered(ukai, chars)) << names[i];
        const int together = row["coveredByAll"];
        EXPECT_EQ(together, static_cast<int>(glyphs::coveredByAll({&song, &ukai}, chars).size())) << names[i];
        EXPECT_LE(together, std::min(row["covered"][0].get<int>(), row["covered"][1].get<int>())) << names[i];
        someDiffer = someDiffer || together < row["covered"][1].get<int>();
    }
    EXPECT_TRUE(someDiffer) << "Song lacks traditional characters UKai TW has";

    const Result table = run("fonts coverage " + quote(TestFonts::songGb()) + " " + quote(TestFonts::kaiGb()));
    ASSERT_EQ(table.exitCode, 0) << table.err;
    EXPECT_NE(table.out.find("all of them"), std::string::npos) << table.out;
    expectOneErrorLine(run("fonts coverage " + quote(TestFonts::ukaiTtc()) + ":9"), "face index 9 is out of range");
}

TEST(CliFonts, InfoJsonListsFacesAndCoverage)
{
    const Result r = run("fonts info --json " + quote(TestFonts::ukaiTtc()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["faces"].size(), 4u);
    EXPECT_EQ(j["faces"][0]["format"], "TrueType");
    EXPECT_EQ(j["faces"][0]["unitsPerEm"], 1024);
    EXPECT_EQ(j["faces"][0]["coverage"]["gb2312"]["covered"], 6763);
    EXPECT_EQ(j["faces"][0]["coverage"]["big5"]["total"], 13053);
    EXPECT_EQ(j["faces"][2]["index"], 2);

    const Result one = run("fonts info --json --face 3 " + quote(TestFonts::ukaiTtc()));
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_EQ(nlohmann::json::parse(one.out)["faces"][0]["index"], 3);
}

TEST(CliFonts, InfoTextShowsCoverageTable)
{
    const Result r = run("fonts info " + quote(TestFonts::dejavu()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("DejaVu Sans"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("gb2312"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("0.0%"), std::string::npos) << r.out;
}

TEST(CliFonts, BadFontsGiveOneErrorLine)
{
    TempDir dir;
    expectOneErrorLine(run("fonts info /nonexistent/font.ttf"), "does not exist");
    writeGrayPng(dir / "x.ttf", GrayImage(4, 4));
    expectOneErrorLine(run("fonts info " + quote(dir / "x.ttf")), "not an OpenType/TrueType font");
    expectOneErrorLine(run("fonts info --face 9 " + quote(TestFonts::ukaiTtc())), "face index 9 is out of range");
}

TEST(CliRender, WritesThePixelsOfTheRasterizer)
{
    TempDir dir;
    const Result r = run("render --font " + quote(TestFonts::kaiGb()) + " --chars 永和A --size 48 --policy fit --out "
        + quote(dir / "out"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("rendered 3 of 3"), std::string::npos) << r.out;
    glyphs::FontFace face(TestFonts::kaiGb());
    glyphs::Rasterizer rasterizer(face, {.size = 48, .placement = glyphs::Placement::FitToInk});
    EXPECT_EQ(readGrayPng(dir / "out" / "uni6C38.png"), rasterizer.render(U'永'));
    EXPECT_EQ(readGrayPng(dir / "out" / "uni0041.png"), rasterizer.render(U'A'));
}

TEST(CliRender, CharsetAndMissingGlyphsAreReported)
{
    TempDir dir;
    writeFileAtomically(dir / "chars.txt", "# test\n永𠮟\n");
    const Result r = run("render --font " + quote(TestFonts::songGb()) + " --charset-file " + quote(dir / "chars.txt")
        + " --size 32 --out " + quote(dir / "out"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "out" / "uni6C38.png"));
    EXPECT_FALSE(std::filesystem::exists(dir / "out" / "u20B9F.png"));
    EXPECT_NE(r.out.find("not in font"), std::string::npos) << r.out;

    const Result gb = run("render --font " + quote(TestFonts::songGb())
        + " --charset gb2312-1 --limit 40 --size 16 --out " + quote(dir / "gb"));
    ASSERT_EQ(gb.exitCode, 0) << gb.err;
    int files = 0;
    for ([[maybe_unused]] const auto &entry : std::filesystem::directory_iterator(dir / "gb"))
        ++files;
    EXPECT_EQ(files, 40);
    EXPECT_TRUE(std::filesystem::exists(dir / "gb" / "uni554A.png")); // 啊, the first GB2312 hanzi
}

TEST(CliRender, ErrorsGiveOneLine)
{
    TempDir dir;
    writeFileAtomically(dir / "bad.txt", "永\n\xFF\n");
    expectOneErrorLine(run("render --font " + quote(TestFonts::songGb()) + " --charset-file " + quote(dir / "bad.txt")
                           + " --size 32 --out " + quote(dir / "out")),
        "line 2, byte 1");
    expectOneErrorLine(
        run("render --font " + quote(TestFonts::songGb()) + " --charset nope --size 32 --out " + quote(dir / "out")),
        "unknown built-in charset 'nope'");
    expectOneErrorLine(run("render --font " + quote(TestFonts::songGb()) + " --chars 永 --size 32 --policy wide --out "
                           + quote(dir / "out")),
        "--policy");
    expectOneErrorLine(
        run("render --font " + quote(TestFonts::songGb()) + " --chars 永 --size 3 --out " + quote(dir / "out")),
        "size 3");
    EXPECT_NE(run("render --font " + quote(TestFonts::songGb()) + " --chars 永 --charset gb2312 --size 32 --out "
                  + quote(dir / "out"))
                  .exitCode,
        0);
}

TEST(CliFontCheck, AMemoryBudgetCountsOnlyWhatTheCheckAllocates)
{
    // The studio's font worker runs with --max-memory-mb 2048: however large the program's own
    // libraries (a CUDA LibTorch build maps gigabytes), a real font passes and a runaway allocation is
    // stopped by the budget, reported as bad_alloc.
    const auto ok = run("font-check " + quote(TestFonts::kaiGb()) + " --json --renders 0 --max-memory-mb 2048");
    ASSERT_EQ(ok.exitCode, 0) << ok.out << ok.err;
    EXPECT_TRUE(nlohmann::json::parse(ok.out).value("ok", false)) << ok.out;
    const auto hungry = run("font-check " + quote(TestFonts::kaiGb()) + " --json --max-memory-mb 256 --test-alloc");
    EXPECT_NE(hungry.exitCode, 0);
    // bad_alloc; under AddressSanitizer its own allocator reports the same limit as "out-of-memory".
    EXPECT_TRUE(
        hungry.err.find("bad_alloc") != std::string::npos || hungry.err.find("out-of-memory") != std::string::npos)
        << hungry.err;
}
