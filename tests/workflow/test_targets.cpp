// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorof.h"
#include "glyphs/fonterror.h"
#include "tempdir.h"
#include "testfonts.h"
#include "workflow/targets.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace zistudio;
using zistudio::test::errorOf;
namespace fs = std::filesystem;

TEST(Targets, AFolderIsOneHandDrawnStyle)
{
    test::TempDir dir;
    fs::create_directories(dir / "my drawings");
    const auto targets = workflow::makeTargets(dir / "my drawings" / ".", 0, 3);
    ASSERT_EQ(targets.size(), 1u);
    EXPECT_EQ(targets[0].kind, data::TargetSpec::Kind::ImageFolder);
    EXPECT_EQ(targets[0].name, "my drawings");
    EXPECT_EQ(targets[0].styleId, 3);
    EXPECT_TRUE(fs::path(targets[0].path).is_absolute());
}

TEST(Targets, AFontFaceOrEveryFaceOfACollection)
{
    const auto kai = workflow::makeTargets(test::TestFonts::kaiGb(), 0, 0);
    ASSERT_EQ(kai.size(), 1u);
    EXPECT_EQ(kai[0].kind, data::TargetSpec::Kind::Font);
    EXPECT_EQ(kai[0].name, "AR PL KaitiM GB");

    data::DatasetSpec spec;
    spec.targets = kai;
    const auto added = workflow::addTargets(spec, test::TestFonts::ukaiTtc(), -1);
    ASSERT_EQ(added.size(), 4u);
    ASSERT_EQ(spec.targets.size(), 5u);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(added[static_cast<std::size_t>(i)].face, i);
        EXPECT_EQ(added[static_cast<std::size_t>(i)].styleId, 1 + i); // after the Kai target
    }
    EXPECT_NE(added[0].name, added[1].name); // each face named after itself
    EXPECT_EQ(workflow::nextStyleId(spec), 5);
    const auto second = workflow::addTargets(spec, test::TestFonts::ukaiTtc(), 2);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].face, 2);
    EXPECT_EQ(second[0].styleId, 5);
}

TEST(Targets, RefusesAMissingFaceAndANonFont)
{
    EXPECT_NE(
        errorOf<glyphs::FontError>([] { workflow::makeTargets(test::TestFonts::kaiGb(), 3, 0); }).find("no face 3"),
        std::string::npos);
    test::TempDir dir;
    {
        std::ofstream(dir / "notes.ttf") << "not a font";
    }
    EXPECT_FALSE(errorOf<glyphs::FontError>([&] { workflow::makeTargets(dir / "notes.ttf", 0, 0); }).empty());
}
