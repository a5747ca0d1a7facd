// SPDX-License-Identifier: GPL-3.0-or-later
// A project whose fonts moved or vanished: the project still opens (so the user can point it at the
// font again), building its dataset fails with a FontError naming the missing font, and the dataset
// built before stays intact. A project folder moved with its fonts inside keeps working (relative paths).
#include "tempdir.h"
#include "testfonts.h"

#include "data/dataset.h"
#include "glyphs/fonterror.h"
#include "project/project.h"
#include "project/projectlayout.h"

#include <gtest/gtest.h>

#include <fstream>

namespace zistudio::test
{
namespace
{

namespace fs = std::filesystem;

class MovedFonts : public ::testing::Test
{
protected:
    void SetUp() override
    {
        fs::create_directories(m_folder / "fonts");
        fs::copy_file(TestFonts::songGb(), m_folder / "fonts" / "song.ttf");
        fs::copy_file(TestFonts::kaiGb(), m_folder / "fonts" / "kai.ttf");
        project::Project p = project::defaultProject("moved fonts");
        p.model.imageSize = 32;
        p.dataset.imageSize = 32;
        p.dataset.source.path = (m_folder / "fonts" / "song.ttf").string();
        p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::Font,
            .path = (m_folder / "fonts" / "kai.ttf").string(),
            .face = 0,
            .styleId = 0,
            .name = "Kai"});
        p.dataset.charset = {.builtin = "", .file = "", .text = "永国一字中天地人", .limit = 0, .coveredByAll = false};
        p.dataset.validationFraction = 0.25;
        project::saveProject(p, m_file);
    }

    data::Dataset build() const
    {
        const project::Project p = project::loadProject(m_file);
        return data::Dataset::build(p.dataset, project::ProjectLayout::of(m_file).datasetStore);
    }

    /** Building fails with a FontError naming `font`; the earlier store still opens with the same content. */
    void expectClearErrorAndIntactStore(const fs::path &font, const std::string &reason, const data::Dataset &before)
    {
        try {
            (void)build();
            ADD_FAILURE() << "the dataset built without " << font;
        } catch (const glyphs::FontError &e) {
            EXPECT_NE(std::string(e.what()).find(font.string()), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
        }
        const auto reopened = data::Dataset::open(project::ProjectLayout::of(m_file).datasetStore);
        EXPECT_EQ(reopened.contentHashValue(), before.contentHashValue());
        EXPECT_EQ(reopened.imageCount(), before.imageCount());
        EXPECT_EQ(reopened.trainSamples(), before.trainSamples());
    }

    TempDir m_tmp;
    fs::path m_folder = m_tmp / "project";
    fs::path m_file = m_folder / "demo.zistudio";
};

} // namespace

TEST_F(MovedFonts, AMovedTargetFontIsNamedAndTheOldDatasetStays)
{
    const data::Dataset before = build();
    ASSERT_GT(before.imageCount(), 0);
    fs::rename(m_folder / "fonts" / "kai.ttf", m_tmp / "kai-moved.ttf");
    EXPECT_NO_THROW((void)project::loadProject(m_file)); // the project opens so the font can be fixed
    expectClearErrorAndIntactStore(m_folder / "fonts" / "kai.ttf", "does not exist", before);
}

TEST_F(MovedFonts, AVanishedSourceFontIsNamed)
{
    const data::Dataset before = build();
    fs::remove(m_folder / "fonts" / "song.ttf");
    expectClearErrorAndIntactStore(m_folder / "fonts" / "song.ttf", "does not exist", before);
}

TEST_F(MovedFonts, AFontReplacedByAnotherFileIsNamed)
{
    const data::Dataset before = build();
    std::ofstream(m_folder / "fonts" / "kai.ttf", std::ios::trunc) << "<html>404 Not Found</html>";
    expectClearErrorAndIntactStore(m_folder / "fonts" / "kai.ttf", "not an OpenType/TrueType font", before);
}

TEST_F(MovedFonts, AProjectFolderMovedWithItsFontsStillBuilds)
{
    const data::Dataset before = build();
    const fs::path moved = m_tmp / "elsewhere";
    fs::rename(m_folder, moved);
    const project::Project p = project::loadProject(moved / "demo.zistudio");
    EXPECT_EQ(fs::path(p.dataset.source.path), moved / "fonts" / "song.ttf");
    const auto after
        = data::Dataset::build(p.dataset, project::ProjectLayout::of(moved / "demo.zistudio").datasetStore);
    EXPECT_EQ(after.imageCount(), before.imageCount());
    EXPECT_EQ(after.validationChars(), before.validationChars());
}

} // namespace zistudio::test
