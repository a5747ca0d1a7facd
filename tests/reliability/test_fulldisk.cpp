// SPDX-License-Identifier: GPL-3.0-or-later
// docs/reliability.md, proven on a real full filesystem: a 2 MiB tmpfs (mounted by the test when it
// runs as root, as CI does; skipped with a message otherwise). A save that runs out of space reports an
// IoError naming the file and "No space left on device", and whatever was saved before stays intact.
#include "checkpointfixture.h"
#include "scratchmount.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "data/dataset.h"
#include "project/project.h"
#include "project/projecterror.h"
#include "project/runstore.h"
#include "training/checkpointstore.h"
#include "training/tensorarchive.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace zistudio::test
{
namespace
{

namespace fs = std::filesystem;

constexpr std::uint64_t kMountBytes = 2 << 20;
constexpr std::uint64_t kPage = 4096;

/** Fills the filesystem until only about `leave` bytes are free (tmpfs counts whole pages). */
void fillLeaving(const ScratchMount &mnt, std::uint64_t leave)
{
    const fs::path filler = mnt / "filler.bin";
    fs::remove(filler);
    const std::uint64_t free = mnt.freeBytes();
    if (free <= leave)
        return;
    const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    const std::string block(kPage, 'f');
    for (std::uint64_t written = 0; written + kPage <= free - leave; written += kPage)
        ASSERT_EQ(::write(fd, block.data(), block.size()), static_cast<ssize_t>(block.size()));
    ::close(fd);
}

project::Project smallProject()
{
    project::Project p = project::defaultProject("full disk");
    p.dataset.source.path = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
    p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::Font,
        .path = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
        .face = 0,
        .styleId = 0,
        .name = "Kai"});
    return p;
}

} // namespace

TEST(FullDisk, EveryFillLevelEitherCommitsTheCheckpointOrKeepsThePreviousOne)
{
    ScratchMount mnt(kMountBytes);
    if (!mnt.mounted())
        GTEST_SKIP() << mnt.skipReason();
    const CheckpointFixture fixture(1);
    const training::CheckpointPolicy policy {.keepLast = 1, .bestMetric = "val_l1", .lowerIsBetter = true};
    const fs::path dir = mnt / "checkpoints";
    long long latest = 0;
    {
        training::CheckpointStore store(dir, policy);
        fixture.write(store, latest);
    }
    int committed = 0;
    int refused = 0;
    // From a full disk to room for two checkpoints, page by page: the save runs out of space in every part,
    // in the manifest, and not at all.
    const std::uint64_t maxLeave = 2 * fixture.bytes() + 16 * kPage;
    for (std::uint64_t leave = 0; leave <= maxLeave; leave += kPage) {
        fillLeaving(mnt, leave);
        training::CheckpointStore store(dir, policy);
        const long long step = latest + 1;
        try {
            fixture.write(store, step);
            latest = step;
            ++committed;
        } catch (const IoError &e) {
            ++refused;
            const std::string message = e.what();
            EXPECT_NE(message.find("No space left on device"), std::string::npos) << message;
            EXPECT_NE(message.find(dir.string()), std::string::npos) << message;
        }
        const auto loaded = store.loadLatest();
        ASSERT_TRUE(loaded.has_value()) << "nothing loads after a save with " << leave << " bytes free";
        EXPECT_FALSE(loaded->fellBack());
        EXPECT_EQ(loaded->info.step, latest) << leave << " bytes free";
        const std::string problem = fixture.verify(store, loaded->info);
        ASSERT_TRUE(problem.empty()) << leave << " bytes free: " << problem;
        EXPECT_FALSE(fs::exists(dir / (training::CheckpointStore::folderName(step) + ".partial")))
            << "a refused save left its partial folder behind (" << leave << " bytes free)";
    }
    EXPECT_GT(committed, 0);
    EXPECT_GT(refused, 0);
    std::printf("[ figures  ] %d fill levels: %d saves committed, %d refused with the previous checkpoint intact\n",
        committed + refused, committed, refused);
}

TEST(FullDisk, AProjectSaveThatDoesNotFitKeepsTheOldFile)
{
    ScratchMount mnt(kMountBytes);
    if (!mnt.mounted())
        GTEST_SKIP() << mnt.skipReason();
    const fs::path file = mnt / "demo.zistudio";
    project::Project p = smallProject();
    project::saveProject(p, file);
    fillLeaving(mnt, 0);
    project::Project changed = p;
    changed.name = "changed";
    changed.dataset.charset.text = std::string(64 * 1024, 'x'); // needs more than the last page
    try {
        project::saveProject(changed, file);
        FAIL() << "saving onto a full disk succeeded";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find("No space left on device"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
    }
    EXPECT_EQ(project::loadProject(file), p);
    for (const auto &entry : fs::directory_iterator(mnt.path()))
        EXPECT_FALSE(entry.path().string().ends_with(".tmp")) << "left behind: " << entry.path();
}

TEST(FullDisk, ATensorArchiveThatDoesNotFitKeepsTheOldFile)
{
    ScratchMount mnt(kMountBytes);
    if (!mnt.mounted())
        GTEST_SKIP() << mnt.skipReason();
    const fs::path file = mnt / "model.zsm";
    training::writeTensorArchive(file, {{"w", torch::ones({4, 4})}}, {{"version", "old"}});
    fillLeaving(mnt, 0);
    EXPECT_THROW(training::writeTensorArchive(file, {{"w", torch::zeros({512, 512})}}, {{"version", "new"}}), IoError);
    const auto archive = training::readTensorArchive(file);
    EXPECT_EQ(archive.metadata.at("version"), "old");
    EXPECT_TRUE(torch::equal(archive.at("w"), torch::ones({4, 4})));
}

TEST(FullDisk, ADatasetBuildThatDoesNotFitKeepsThePreviousStore)
{
    ScratchMount mnt(kMountBytes);
    if (!mnt.mounted())
        GTEST_SKIP() << mnt.skipReason();
    data::DatasetSpec spec = smallProject().dataset;
    spec.charset = {};
    spec.charset.builtin = "gb2312-1";
    spec.charset.limit = 40;
    spec.imageSize = 32; // 80 images of 1 KiB: fits
    const data::Dataset before = data::Dataset::build(spec, mnt / "store");
    fillLeaving(mnt, 16 * kPage);
    spec.imageSize = 64; // 80 images of 4 KiB no longer fit, and the glyphs stream out while rendering
    try {
        data::Dataset::build(spec, mnt / "store");
        FAIL() << "building onto a full disk succeeded";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find("No space left on device"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find((mnt / "store").string()), std::string::npos) << e.what();
    }
    const data::Dataset after = data::Dataset::open(mnt / "store");
    EXPECT_EQ(after.contentHashValue(), before.contentHashValue());
    EXPECT_EQ(after.imageSize(), 32);
    EXPECT_EQ(after.image(0), before.image(0));
    for (const auto &entry : fs::directory_iterator(mnt / "store"))
        EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << "left behind: " << entry.path();
}

} // namespace zistudio::test

namespace zistudio::test
{

TEST(FullDisk, TheRunStoreSaysTheSystemsReason)
{
    ScratchMount mnt(kMountBytes);
    if (!mnt.mounted())
        GTEST_SKIP() << mnt.skipReason();
    fillLeaving(mnt, 0);
    try {
        project::RunStore store(mnt / "runs.sqlite");
        for (int i = 0; i < 200; ++i)
            store.createRun({.name = "r" + std::to_string(i),
                .created = "",
                .status = "created",
                .configJson = std::string(4096, 'x'),
                .attention = "none",
                .seed = 1,
                .versions = "{}",
                .parent = "",
                .lastStep = 0});
        FAIL() << "200 runs fit on a full disk";
    } catch (const project::ProjectError &e) {
        const std::string message = e.what();
        EXPECT_EQ(message.find("is it a ZiStudio"), std::string::npos) << message;
        EXPECT_TRUE(message.find("full") != std::string::npos || message.find("No space") != std::string::npos)
            << message;
    }
}

} // namespace zistudio::test
