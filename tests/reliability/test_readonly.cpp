// SPDX-License-Identifier: GPL-3.0-or-later
// docs/reliability.md: a read-only folder gives an error and never a false success, and what is
// there still loads. As root (CI) the folder is a tmpfs remounted read-only, because root ignores mode
// bits; otherwise the test removes the write permission from a temp folder.
#include "checkpointfixture.h"
#include "runrow.h"
#include "scratchmount.h"
#include "tempdir.h"
#include "tinyproject.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "project/project.h"
#include "project/projecterror.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "training/checkpointstore.h"
#include "training/tensorarchive.h"

#include <gtest/gtest.h>

#include <memory>
#include <unistd.h>

namespace zistudio::test
{
namespace
{

namespace fs = std::filesystem;

/** A folder that can be made read-only: a remounted tmpfs as root, a chmod-ed temp folder otherwise. */
class ReadOnlyFolder
{
public:
    ReadOnlyFolder()
    {
        if (::geteuid() == 0) {
            m_mount = std::make_unique<ScratchMount>(std::uint64_t(8) << 20);
            m_path = m_mount->path();
        } else {
            m_temp = std::make_unique<TempDir>();
            m_path = m_temp->path() / "ro";
            fs::create_directories(m_path);
        }
    }
    ~ReadOnlyFolder()
    {
        if (m_readOnly && m_mount)
            m_mount->remountReadWrite();
    }
    ReadOnlyFolder(const ReadOnlyFolder &) = delete;
    ReadOnlyFolder &operator=(const ReadOnlyFolder &) = delete;

    bool usable() const { return !m_mount || m_mount->mounted(); }
    std::string skipReason() const { return m_mount ? m_mount->skipReason() : std::string(); }
    const fs::path &path() const { return m_path; }

    /** Makes the whole folder read-only (chmod: every folder in it). */
    void makeReadOnly()
    {
        m_readOnly = true;
        if (m_mount) {
            m_mount->remountReadOnly();
            return;
        }
        for (const auto &entry : fs::recursive_directory_iterator(m_path))
            if (entry.is_directory())
                fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::owner_exec);
        fs::permissions(m_path, fs::perms::owner_read | fs::perms::owner_exec);
    }

private:
    std::unique_ptr<ScratchMount> m_mount;
    std::unique_ptr<TempDir> m_temp;
    fs::path m_path;
    bool m_readOnly = false;
};

} // namespace

TEST(ReadOnlyFolder, CheckpointSavesFailAndTheExistingOnesLoad)
{
    ReadOnlyFolder folder;
    if (!folder.usable())
        GTEST_SKIP() << folder.skipReason();
    const CheckpointFixture fixture(1);
    const fs::path dir = folder.path() / "checkpoints";
    {
        training::CheckpointStore store(dir);
        fixture.write(store, 10);
        fixture.write(store, 20);
    }
    folder.makeReadOnly();
    training::CheckpointStore store(dir); // opening for writing must not fail: there may be nothing to write yet
    try {
        fixture.write(store, 30);
        FAIL() << "a checkpoint was saved into a read-only folder";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find(dir.string()), std::string::npos) << e.what();
    }
    EXPECT_THROW(store.setPinned(10, true), IoError);
    const auto loaded = store.loadLatest();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->info.step, 20);
    EXPECT_TRUE(fixture.verify(store, loaded->info).empty());
    const training::CheckpointStore reader(dir, {}, training::CheckpointStore::Mode::ReadOnly);
    EXPECT_EQ(reader.list().size(), 2u);
}

TEST(ReadOnlyFolder, ProjectAndArchiveSavesFailAndTheOldFilesStay)
{
    ReadOnlyFolder folder;
    if (!folder.usable())
        GTEST_SKIP() << folder.skipReason();
    const fs::path projectFile = folder.path() / "demo.zistudio";
    project::Project p = project::defaultProject("read-only");
    p.dataset.source.path = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
    p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::Font,
        .path = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
        .face = 0,
        .styleId = 0,
        .name = "Kai"});
    project::saveProject(p, projectFile);
    const fs::path archive = folder.path() / "model.zsm";
    training::writeTensorArchive(archive, {{"w", torch::ones({2})}});
    folder.makeReadOnly();

    project::Project changed = p;
    changed.name = "changed";
    try {
        project::saveProject(changed, projectFile);
        FAIL() << "a project was saved into a read-only folder";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find(folder.path().string()), std::string::npos) << e.what();
    }
    EXPECT_EQ(project::loadProject(projectFile), p);
    EXPECT_THROW(training::writeTensorArchive(archive, {{"w", torch::zeros({2})}}), IoError);
    EXPECT_TRUE(torch::equal(training::readTensorArchive(archive).at("w"), torch::ones({2})));
    EXPECT_THROW(writeFileAtomically(folder.path() / "new.txt", "x"), IoError);
    EXPECT_FALSE(fs::exists(folder.path() / "new.txt"));
}

} // namespace zistudio::test

namespace zistudio::test
{
namespace
{

/** A project file with one run (a row in runs.sqlite, a folder with run.json and a checkpoint folder). */
project::ProjectLayout projectWithARun(const fs::path &folder, bool withStore)
{
    const project::Project p = tinyProject();
    const fs::path file = folder / "ro.zistudio";
    project::saveProject(p, file);
    const auto layout = project::ProjectLayout::of(file);
    fs::create_directories(layout.checkpointsDir("r1") / "step-000500");
    writeFileAtomically(layout.runDir("r1") / "run.json", project::projectToJson(p).dump());
    writeFileAtomically(layout.checkpointsDir("r1") / "step-000500" / "manifest.json", std::string("{}"));
    if (withStore)
        test::addCompletedRunRow(layout.runStore, "r1", p);
    return layout;
}

} // namespace

TEST(ReadOnlyFolder, RunsAreListedFromReadOnlyMedia)
{
    for (const bool withStore : {true, false}) {
        ReadOnlyFolder folder;
        if (!folder.usable())
            GTEST_SKIP() << folder.skipReason();
        const auto layout = projectWithARun(folder.path(), withStore);
        folder.makeReadOnly();
        const auto store = project::openRunStore(layout);
        const auto runs = store.listRuns();
        ASSERT_EQ(runs.size(), 1u) << (withStore ? "with" : "without") << " runs.sqlite";
        EXPECT_EQ(runs[0].name, "r1");
        EXPECT_EQ(runs[0].status, withStore ? "completed" : "recovered");
        EXPECT_EQ(fs::exists(layout.runStore), withStore) << "reading never creates a file";
        // Writing on read-only media is an error with the system's reason, not "is it a runs.sqlite?".
        try {
            project::openRunStore(layout, true)
                .createRun({.name = "r2",
                    .created = "",
                    .status = "created",
                    .configJson = "{}",
                    .attention = "none",
                    .seed = 1,
                    .versions = "{}",
                    .parent = "",
                    .lastStep = 0});
            ADD_FAILURE() << "a run was recorded on read-only media";
        } catch (const project::ProjectError &e) {
            EXPECT_EQ(std::string(e.what()).find("is it a ZiStudio"), std::string::npos) << e.what();
            const std::string message = e.what();
            EXPECT_TRUE(message.find("eadonly") != std::string::npos || message.find("ead-only") != std::string::npos)
                << message;
        }
    }
}

TEST(RunStoreRecovery, ADeletedRunStoreIsRebuiltFromTheRunFolders)
{
    TempDir dir;
    const auto layout = projectWithARun(dir.path(), true);
    fs::remove(layout.runStore);
    const auto runs = project::openRunStore(layout).listRuns();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].name, "r1");
    EXPECT_EQ(runs[0].status, "recovered");
    const auto checkpoints = project::RunStore(layout.runStore).checkpoints("r1");
    ASSERT_EQ(checkpoints.size(), 1u);
    EXPECT_EQ(checkpoints[0].step, 500);
    // A damaged run folder is left out, not a reason to fail the listing.
    fs::create_directories(layout.runDir("broken"));
    writeFileAtomically(layout.runDir("broken") / "run.json", std::string("{\"format\": 1e400}"));
    EXPECT_EQ(project::openRunStore(layout).listRuns().size(), 1u);
}

TEST(ProjectLayout, TwoProjectsInOneFolderKeepTheirDataApart)
{
    TempDir dir;
    const auto a = project::ProjectLayout::of(dir / "a.zistudio");
    writeFileAtomically(dir / "a.zistudio", std::string("{}"));
    writeFileAtomically(dir / "b.zistudio", std::string("{}"));
    const auto b = project::ProjectLayout::of(dir / "b.zistudio");
    EXPECT_EQ(a.runStore, dir / "runs.sqlite") << "the first project keeps the folder's own layout";
    EXPECT_NE(a.runsDir, b.runsDir);
    EXPECT_NE(a.datasetStore, b.datasetStore);
    EXPECT_NE(a.runStore, b.runStore);
    EXPECT_EQ(b.dataFolder, dir / "b.zistudio-data");
    EXPECT_EQ(project::ProjectLayout::of(dir / "a.zistudio").runsDir, a.runsDir) << "stable";
    // The owner renamed: the next project opened there takes the folder's data over (it was the owner's).
    fs::rename(dir / "a.zistudio", dir / "c.zistudio");
    EXPECT_EQ(project::ProjectLayout::of(dir / "c.zistudio").runsDir, a.runsDir);
    EXPECT_EQ(project::ProjectLayout::of(dir / "b.zistudio").runsDir, b.runsDir);
}

} // namespace zistudio::test
