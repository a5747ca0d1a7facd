// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorof.h"
#include "export/exporterror.h"
#include "filetree.h"
#include "runshell.h"
#include "tempdir.h"
#include "tinyproject.h"
#include "training/trainer.h"
#include "trainrun.h"
#include "workflow/exportrun.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace zistudio;
using workflow::CharacterChoice;
using zistudio::test::errorOf;
namespace fs = std::filesystem;

namespace
{

/** One tiny project with a trained run "r" (8 steps) and a few reviews, shared by the tests. */
class ExportRunTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1); // fonts carry no clock time: two exports compare equal
        s_dir = new test::TempDir;
        auto p = test::tinyProject();
        s_project = *s_dir / "tiny.zistudio";
        project::saveProject(p, s_project);
        test::trainToCompletion(s_project, "r");
        // Reviews made after the run started: export reads the live project's.
        p.reviews = {{U'永', project::Review::Accepted}, {U'和', project::Review::Flagged},
            {U'九', project::Review::Rejected}, {U'年', project::Review::Accepted}};
        project::saveProject(p, s_project);
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static workflow::ExportRequest request(const fs::path &out)
    {
        workflow::ExportRequest r;
        r.projectFile = s_project;
        r.run = "r";
        r.device = "cpu";
        r.outDir = out;
        return r;
    }
    static test::TempDir *s_dir;
    static fs::path s_project;
};

test::TempDir *ExportRunTest::s_dir = nullptr;
fs::path ExportRunTest::s_project;

} // namespace

TEST(ExportPolicy, RejectedNeverShipUnreviewedWaitFlaggedShipMarked)
{
    const std::map<char32_t, project::Review> reviews
        = {{U'a', project::Review::Accepted}, {U'b', project::Review::Rejected}, {U'c', project::Review::Flagged}};
    auto s = workflow::selectForExport({U'a', U'b', U'c', U'd'}, reviews, false);
    EXPECT_EQ(s.chars, U"ac");
    EXPECT_EQ(s.flagged, (std::vector<bool> {false, true}));
    EXPECT_EQ(s.rejected, 1);
    EXPECT_EQ(s.unreviewed, 1);
    s = workflow::selectForExport({U'a', U'b', U'c', U'd'}, reviews, true);
    EXPECT_EQ(s.chars, U"acd");
    EXPECT_EQ(s.unreviewed, 0);
    // Nothing requested was reviewed: everything ships (reviews are the designer's to start).
    s = workflow::selectForExport({U'x', U'y'}, reviews, false);
    EXPECT_EQ(s.chars, U"xy");
}

TEST(ExportPolicy, CharacterChoices)
{
    auto run = test::tinyProject();
    auto live = run;
    live.reviews = {{U'和', project::Review::Accepted}, {U'永', project::Review::Rejected}};
    EXPECT_EQ(workflow::chooseCharacters({CharacterChoice::Kind::RunCharset, ""}, run, live).size(),
        std::u32string(
            U"永和九年岁在癸丑暮春之初会于稽山阴兰亭修禊事也群贤毕至少长咸集此地有崇峻岭茂林竹又清流激湍映带左右")
            .size());
    EXPECT_EQ(workflow::chooseCharacters({CharacterChoice::Kind::Reviewed, ""}, run, live),
        (std::vector<char32_t> {U'和', U'永'})); // code point order
    EXPECT_EQ(workflow::chooseCharacters({CharacterChoice::Kind::Text, "天 地"}, run, live),
        (std::vector<char32_t> {U'天', U'地'}));
    EXPECT_EQ(workflow::chooseCharacters({CharacterChoice::Kind::Builtin, "joyo"}, run, live).size(), 2136u);
    EXPECT_NE(errorOf<Error>([&] {
        workflow::chooseCharacters({CharacterChoice::Kind::Reviewed, ""}, run, run);
    }).find("nothing has been reviewed"),
        std::string::npos);
    EXPECT_NE(errorOf<Error>([&] { workflow::chooseCharacters({CharacterChoice::Kind::Text, ""}, run, run); }), "");
    for (auto kind : {CharacterChoice::Kind::RunCharset, CharacterChoice::Kind::Reviewed,
             CharacterChoice::Kind::Builtin, CharacterChoice::Kind::File, CharacterChoice::Kind::Text})
        EXPECT_EQ(workflow::parseCharacterChoiceKind(workflow::characterChoiceKindName(kind)), kind);
    EXPECT_FALSE(workflow::parseCharacterChoiceKind("everything"));
}

TEST_F(ExportRunTest, ExportsTheReviewedGlyphsAsTheCliDoes)
{
    test::TempDir out;
    auto r = request(out / "studio");
    r.characters = {CharacterChoice::Kind::Text, "永和九年岁"};
    r.formats = {fontexport::ExportFormat::Png, fontexport::ExportFormat::Svg, fontexport::ExportFormat::Ufo,
        fontexport::ExportFormat::Ttf};
    r.family = "Tiny Test";
    r.trace.turdsize = 4;
    std::vector<double> fractions;
    const auto result = workflow::exportRun(r, [&](double f, const std::string &) { fractions.push_back(f); });
    EXPECT_EQ(result.step, 8);
    EXPECT_EQ(result.glyphsExported, 3u); // 永 和 年: 九 rejected, 岁 not reviewed while others are
    EXPECT_EQ(result.rejected, 1);
    EXPECT_EQ(result.unreviewed, 1);
    ASSERT_FALSE(fractions.empty());
    EXPECT_DOUBLE_EQ(fractions.back(), 1.0);
    EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
    EXPECT_TRUE(fs::exists(out / "studio" / "png" / "uni6C38.png"));
    EXPECT_FALSE(fs::exists(out / "studio" / "png" / "uni4E5D.png")); // 九: rejected
    EXPECT_FALSE(fs::exists(out / "studio" / "png" / "uni5C81.png")); // 岁: unreviewed
    EXPECT_TRUE(fs::exists(out / "studio" / "TinyTest-Regular.ttf"));

    const auto cli = test::runShell(std::string(ZISTUDIO_CLI) + " --threads 1 export --project " + s_project.string()
        + " --run r --device cpu --chars 永和九年岁 --format png,svg,ufo,ttf --family 'Tiny Test' --turdsize 4 --out "
        + (out / "cli").string() + " 2>&1");
    ASSERT_EQ(cli.exitCode, 0) << cli.output;
    EXPECT_NE(cli.output.find("left out: 1 rejected, 1 not reviewed yet"), std::string::npos) << cli.output;
    const auto studio = test::readFileTree(out / "studio");
    const auto fromCli = test::readFileTree(out / "cli");
    ASSERT_EQ(studio.size(), fromCli.size());
    for (const auto &[name, bytes] : studio) {
        ASSERT_TRUE(fromCli.count(name)) << name;
        EXPECT_TRUE(fromCli.at(name) == bytes) << name << " differs between the workflow call and the CLI";
    }
}

TEST_F(ExportRunTest, IncludeUnreviewedAndReviewedChoice)
{
    test::TempDir out;
    auto r = request(out.path());
    r.formats = {fontexport::ExportFormat::Png};
    r.characters = {CharacterChoice::Kind::Text, "永九岁"};
    r.includeUnreviewed = true;
    auto result = workflow::exportRun(r);
    EXPECT_EQ(result.glyphsExported, 2u); // 永 and 岁; 九 stays rejected
    EXPECT_TRUE(fs::exists(out / "png" / "uni5C81.png"));

    test::TempDir reviewed;
    r.outDir = reviewed.path();
    r.includeUnreviewed = false;
    r.characters = {CharacterChoice::Kind::Reviewed, ""};
    result = workflow::exportRun(r);
    EXPECT_EQ(result.glyphsExported, 3u);
    EXPECT_EQ(result.rejected, 1);
}

TEST_F(ExportRunTest, CancelAndBadRequestsLeaveNothing)
{
    test::TempDir out;
    auto r = request(out / "cancelled");
    r.characters = {CharacterChoice::Kind::RunCharset, ""};
    std::atomic<bool> cancel {true};
    EXPECT_THROW(workflow::exportRun(r, {}, &cancel), fontexport::ExportCancelled);
    EXPECT_FALSE(fs::exists(out / "cancelled"));

    r.outDir = out / "none";
    r.formats.clear();
    EXPECT_NE(errorOf<Error>([&] { workflow::exportRun(r); }).find("at least one format"), std::string::npos);
    r.formats = {fontexport::ExportFormat::Png};
    r.characters = {CharacterChoice::Kind::Text, "九"};
    EXPECT_NE(errorOf<Error>([&] { workflow::exportRun(r); }).find("nothing to export"), std::string::npos);
    r.run = "nope";
    EXPECT_NE(errorOf<Error>([&] { workflow::exportRun(r); }).find("no run named"), std::string::npos);
}
