// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/atomicfile.h"
#include "common/error.h"
#include "tempdir.h"
#include "training/checkpointstore.h"
#include "training/tensorarchive.h"
#include "training/trainingerror.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <random>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace zistudio;
using namespace zistudio::training;
namespace fs = std::filesystem;

namespace
{

/** A checkpoint whose parts are real tensor archives whose content identifies the step. */
CheckpointInfo saveStep(CheckpointStore &store, long long step, std::map<std::string, double> metrics = {},
    std::int64_t elements = 1000, const std::string &kind = "regular")
{
    auto writer = store.begin(step, kind);
    writer.addPart("generator.zt", encodeTensorArchive({{"w", torch::full({elements}, double(step))}}));
    writer.addPart("state.json", R"({"step":)" + std::to_string(step) + "}");
    return writer.commit(metrics);
}

double stepInside(const CheckpointStore &store, const CheckpointInfo &info)
{
    const auto archive = decodeTensorArchive(store.readPart(info, "generator.zt"), "generator.zt");
    return archive.at("w")[0].item<double>();
}

std::vector<long long> steps(const std::vector<CheckpointInfo> &infos)
{
    std::vector<long long> out;
    for (const auto &i : infos)
        out.push_back(i.step);
    return out;
}

void flipByte(const fs::path &path, std::size_t offset)
{
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(offset));
    char c = 0;
    f.get(c);
    f.seekp(static_cast<std::streamoff>(offset));
    f.put(static_cast<char>(c ^ 0x10));
}

/**
 * Runs `body` in a child process with a private mount namespace and a tmpfs of `bytes` mounted on
 * `dir` (so tests can fill a filesystem or make it read-only without touching the machine). Returns
 * false when the machine does not allow it (not root and no user namespaces).
 */
bool inChildWithTmpfs(const fs::path &dir, std::size_t bytes, const std::function<int()> &body, int &exitCode)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::geteuid() != 0 && ::unshare(CLONE_NEWUSER) != 0)
            ::_exit(77);
        if (::unshare(CLONE_NEWNS) != 0 || ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            ::_exit(77);
        const std::string opts = "size=" + std::to_string(bytes);
        if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, opts.c_str()) != 0)
            ::_exit(77);
        int rc = 1;
        try {
            rc = body();
        } catch (const std::exception &e) {
            std::fprintf(stderr, "child: %s\n", e.what());
            rc = 2;
        }
        ::_exit(rc);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 100;
    return exitCode != 77;
}

} // namespace

TEST(CheckpointStore, CommitsWithManifestAndLoadsLatest)
{
    test::TempDir dir;
    CheckpointStore store(dir / "checkpoints");
    EXPECT_FALSE(store.loadLatest().has_value());
    saveStep(store, 100);
    const auto info = saveStep(store, 200, {{"val_l1", 0.2}});
    EXPECT_EQ(info.dir, dir / "checkpoints" / "step-000200");
    EXPECT_TRUE(fs::exists(info.dir / "manifest.json"));
    EXPECT_FALSE(fs::exists(dir / "checkpoints" / "step-000200.partial"));
    const auto latest = store.loadLatest();
    ASSERT_TRUE(latest);
    EXPECT_FALSE(latest->fellBack());
    EXPECT_EQ(latest->info.step, 200);
    EXPECT_DOUBLE_EQ(latest->info.metrics.at("val_l1"), 0.2);
    EXPECT_EQ(stepInside(store, latest->info), 200.0);
    EXPECT_EQ(store.readPart(latest->info, "state.json"), R"({"step":200})");
    EXPECT_EQ(steps(store.list()), (std::vector<long long> {100, 200}));
}

TEST(CheckpointStore, UncommittedWriterLeavesNothing)
{
    test::TempDir dir;
    CheckpointStore store(dir / "ck");
    saveStep(store, 1);
    {
        auto writer = store.begin(2);
        writer.addPart("generator.zt", "abc");
        EXPECT_TRUE(fs::exists(writer.partialDir()));
    }
    EXPECT_FALSE(fs::exists(dir / "ck" / "step-000002.partial"));
    EXPECT_EQ(store.loadLatest()->info.step, 1);
    auto writer = store.begin(3);
    EXPECT_THROW(writer.addPart("manifest.json", "x"), TrainingError);
    EXPECT_THROW(writer.addPart("../escape", "x"), TrainingError);
    writer.addPart("a", "x");
    EXPECT_THROW(writer.addPart("a", "y"), TrainingError);
}

TEST(CheckpointStore, DamagedNewestFallsBackAndSaysWhy)
{
    test::TempDir dir;
    CheckpointStore store(dir / "ck");
    saveStep(store, 10);
    saveStep(store, 20);
    const fs::path newest = dir / "ck" / "step-000030";

    struct Damage
    {
        const char *what;
        std::function<void()> apply;
        const char *reason;
    };
    const std::vector<Damage> damages = {
        {"flipped byte in a part", [&] { flipByte(newest / "generator.zt", 100); }, "SHA-256"},
        {"truncated part", [&] { fs::resize_file(newest / "generator.zt", 50); }, "truncated"},
        {"missing part", [&] { fs::remove(newest / "state.json"); }, "missing"},
        {"garbage manifest", [&] { writeFileAtomically(newest / "manifest.json", std::string_view("{nope")); },
            "not valid JSON"},
        {"missing manifest", [&] { fs::remove(newest / "manifest.json"); }, "manifest missing"},
        {"manifest of another step",
            [&] {
                auto text = readFile(newest / "manifest.json");
                text.replace(text.find("\"step\": 30"), 10, "\"step\": 31");
                writeFileAtomically(newest / "manifest.json", text);
            },
            "does not match the folder"},
    };
    for (const auto &d : damages) {
        saveStep(store, 30);
        d.apply();
        const auto loaded = store.loadLatest();
        ASSERT_TRUE(loaded) << d.what;
        EXPECT_EQ(loaded->info.step, 20) << d.what;
        EXPECT_EQ(stepInside(store, loaded->info), 20.0);
        ASSERT_TRUE(loaded->fellBack()) << d.what;
        EXPECT_NE(loaded->skipped[0].find("step-000030"), std::string::npos) << loaded->skipped[0];
        EXPECT_NE(loaded->skipped[0].find(d.reason), std::string::npos) << d.what << ": " << loaded->skipped[0];
        EXPECT_THROW(store.load(30), TrainingError) << d.what;
        fs::remove_all(newest);
    }
}

TEST(CheckpointStore, ReadPartRechecksTheBytes)
{
    test::TempDir dir;
    CheckpointStore store(dir / "ck");
    const auto info = saveStep(store, 5);
    flipByte(info.dir / "generator.zt", 10);
    EXPECT_THROW(store.readPart(info, "generator.zt"), TrainingError);
    EXPECT_THROW(store.readPart(info, "nope.zt"), TrainingError);
}

TEST(CheckpointStore, AllDamagedMeansNone)
{
    test::TempDir dir;
    CheckpointStore store(dir / "ck");
    saveStep(store, 1);
    fs::remove(dir / "ck" / "step-000001" / "generator.zt");
    const auto loaded = store.loadLatest();
    EXPECT_FALSE(loaded.has_value());
}

TEST(CheckpointStore, KeepsLastKPlusBestPlusPinned)
{
    test::TempDir dir;
    CheckpointStore store(dir / "ck", CheckpointPolicy {.keepLast = 2, .bestMetric = "val_l1", .lowerIsBetter = true});
    saveStep(store, 100, {{"val_l1", 0.30}});
    saveStep(store, 200, {{"val_l1", 0.10}}); // best
    saveStep(store, 300, {{"val_l1", 0.20}});
    store.setPinned(300, true);
    saveStep(store, 400, {{"val_l1", 0.25}});
    saveStep(store, 500, {{"val_l1", 0.40}});
    saveStep(store, 600);
    EXPECT_EQ(steps(store.list()), (std::vector<long long> {200, 300, 500, 600}));
    EXPECT_EQ(store.bestStep(), 200);
    const auto infos = store.list();
    EXPECT_TRUE(infos[0].best);
    EXPECT_TRUE(infos[1].pinned);
    EXPECT_EQ(store.loadBest()->info.step, 200);
    saveStep(store, 700, {{"val_l1", 0.05}}); // new best: 200 is now an ordinary old checkpoint
    EXPECT_EQ(steps(store.list()), (std::vector<long long> {300, 600, 700}));
    store.setPinned(300, false);
    saveStep(store, 800);
    EXPECT_EQ(steps(store.list()), (std::vector<long long> {700, 800}));
    EXPECT_TRUE(store.pinnedSteps().empty());
}

TEST(CheckpointStore, HigherIsBetterAndBestFallsBack)
{
    test::TempDir dir;
    CheckpointStore store(
        dir / "ck", CheckpointPolicy {.keepLast = 5, .bestMetric = "val_ssim", .lowerIsBetter = false});
    saveStep(store, 1, {{"val_ssim", 0.5}});
    saveStep(store, 2, {{"val_ssim", 0.7}});
    saveStep(store, 3, {{"val_ssim", 0.6}});
    EXPECT_EQ(store.bestStep(), 2);
    fs::remove(dir / "ck" / "step-000002" / "state.json");
    const auto best = store.loadBest();
    ASSERT_TRUE(best);
    EXPECT_EQ(best->info.step, 3); // the next best intact one
    EXPECT_TRUE(best->fellBack());
}

TEST(CheckpointStore, SameStepIsReplacedAndStaleFoldersRecovered)
{
    test::TempDir dir;
    {
        CheckpointStore store(dir / "ck");
        saveStep(store, 50, {}, 10, "interrupted");
        saveStep(store, 50, {}, 20, "regular");
        EXPECT_EQ(store.loadLatest()->info.kind, "regular");
        EXPECT_EQ(store.list().size(), 1u);
    }
    // A killed process left a half-written folder and a moved-aside old checkpoint.
    fs::create_directory(dir / "ck" / "step-000060.partial");
    fs::rename(dir / "ck" / "step-000050", dir / "ck" / "step-000050.replaced");
    CheckpointStore reopened(dir / "ck");
    EXPECT_TRUE(fs::exists(dir / "ck" / "step-000060.partial")); // opening never deletes: another writer may own it
    reopened.recover();
    EXPECT_FALSE(fs::exists(dir / "ck" / "step-000060.partial"));
    ASSERT_TRUE(reopened.loadLatest());
    EXPECT_EQ(reopened.loadLatest()->info.step, 50);
}

TEST(CheckpointStore, SigkillDuringWritesAlwaysLeavesALoadableCheckpoint)
{
    test::TempDir dir;
    std::mt19937 rng(20240601);
    long long lastSeen = -1;
    for (int iteration = 0; iteration < 25; ++iteration) {
        int ready[2];
        ASSERT_EQ(::pipe(ready), 0);
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(ready[0]);
            try {
                CheckpointStore store(dir / "ck", CheckpointPolicy {.keepLast = 2});
                auto latest = store.loadLatest();
                long long step = latest ? latest->info.step + 1 : 0;
                saveStep(store, step++, {}, 20000);
                (void)!::write(ready[1], "x", 1);
                for (;; ++step)
                    saveStep(store, step, {}, 20000 + (step % 7) * 5000);
            } catch (...) {
                ::_exit(3);
            }
        }
        ::close(ready[1]);
        char c;
        ASSERT_EQ(::read(ready[0], &c, 1), 1);
        ::close(ready[0]);
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 30000)(rng)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the writer died on its own";

        CheckpointStore store(dir / "ck", CheckpointPolicy {.keepLast = 2});
        const auto latest = store.loadLatest();
        ASSERT_TRUE(latest) << "iteration " << iteration;
        store.recover();
        EXPECT_EQ(store.loadLatest()->info.step, latest->info.step);
        EXPECT_GT(latest->info.step, lastSeen);
        EXPECT_EQ(stepInside(store, latest->info), double(latest->info.step));
        lastSeen = latest->info.step;
    }
}

TEST(CheckpointStore, ReadOnlyFolderIsAnErrorAndLosesNothing)
{
    test::TempDir dir;
    const fs::path mountPoint = dir / "mnt";
    fs::create_directory(mountPoint);
    int rc = 0;
    const bool ran = inChildWithTmpfs(
        mountPoint, 4 << 20,
        [&] {
            CheckpointStore store(mountPoint / "ck");
            saveStep(store, 1);
            if (::mount(nullptr, mountPoint.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) != 0)
                return 77;
            try {
                saveStep(store, 2);
                return 10; // false success
            } catch (const IoError &e) {
                if (std::string(e.what()).find(mountPoint.string()) == std::string::npos)
                    return 11;
            }
            const auto latest = store.loadLatest();
            return latest && latest->info.step == 1 && stepInside(store, latest->info) == 1.0 ? 0 : 12;
        },
        rc);
    if (!ran)
        GTEST_SKIP() << "no mount namespaces here";
    EXPECT_EQ(rc, 0);
}

TEST(CheckpointStore, FullDiskIsAnErrorAndLosesNothing)
{
    test::TempDir dir;
    const fs::path mountPoint = dir / "mnt";
    fs::create_directory(mountPoint);
    int rc = 0;
    const bool ran = inChildWithTmpfs(
        mountPoint, 256 << 10,
        [&] {
            CheckpointStore store(mountPoint / "ck", CheckpointPolicy {.keepLast = 1});
            saveStep(store, 1, {}, 1000);
            try {
                saveStep(store, 2, {}, 200000); // 1.6 MB of float64 does not fit in 256 KiB
                return 10;
            } catch (const IoError &) { }
            if (fs::exists(mountPoint / "ck" / "step-000002.partial"))
                return 13;
            const auto latest = store.loadLatest();
            if (!latest || latest->info.step != 1 || stepInside(store, latest->info) != 1.0)
                return 12;
            saveStep(store, 3, {}, 1000); // space is back once the failed attempt is cleaned up
            return store.loadLatest()->info.step == 3 ? 0 : 14;
        },
        rc);
    if (!ran)
        GTEST_SKIP() << "no mount namespaces here";
    EXPECT_EQ(rc, 0);
}

TEST(CheckpointStore, ReadOnlyModeNeverTouchesTheFolder)
{
    test::TempDir dir;
    CheckpointStore writer(dir / "ck");
    saveStep(writer, 1);
    auto pending = writer.begin(2); // a trainer is writing step 2 right now
    pending.addPart("generator.zt", "partial");
    CheckpointStore reader(dir / "ck", {}, CheckpointStore::Mode::ReadOnly);
    EXPECT_TRUE(fs::exists(pending.partialDir()));
    EXPECT_EQ(reader.loadLatest()->info.step, 1);
    EXPECT_THROW(reader.begin(3), TrainingError);
    EXPECT_THROW(reader.setPinned(1, true), TrainingError);
    EXPECT_THROW(reader.recover(), TrainingError);
    EXPECT_THROW(CheckpointStore(dir / "missing", {}, CheckpointStore::Mode::ReadOnly), TrainingError);
    EXPECT_FALSE(fs::exists(dir / "missing"));
}
