// SPDX-License-Identifier: GPL-3.0-or-later
// docs/reliability.md, proven: a process killed (SIGKILL) at a random moment while it saves
// checkpoints never costs the previous checkpoint. A forked child saves checkpoints in a loop with
// CheckpointStore; the parent kills it after a random delay, reopens the store, recovers it (removes
// what the killed writer left) and loads the latest checkpoint, byte for byte, 200 times. The store lives in
// /dev/shm when there is one: a SIGKILL loses nothing that reached the page cache, so a RAM disk tests
// the same thing without the disk's fsync latency (the kill delays scale with the measured save time).
#include "checkpointfixture.h"

#include "training/checkpointstore.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <stdlib.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace zistudio::test
{
namespace
{

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kIterations = 200;
constexpr int kMaxIterations = 1000;
constexpr int kMinMidWrite = kIterations / 4;   ///< kills that must land inside an unfinished write
constexpr int kMinProgressed = kIterations / 5; ///< kills after the child committed a new checkpoint
constexpr unsigned kSeed = 20251125;
const training::CheckpointPolicy kPolicy {.keepLast = 2, .bestMetric = "val_l1", .lowerIsBetter = true};

/** The child: saves checkpoints from `firstStep` on until it is killed; writes a byte to `ready` first. */
[[noreturn]] void saveForever(const fs::path &dir, const CheckpointFixture &fixture, long long firstStep, int ready)
{
    try {
        training::CheckpointStore store(dir, kPolicy);
        store.recover(); // as a resumed trainer does: it is the run's only writer
        const char go = 1;
        if (::write(ready, &go, 1) != 1)
            ::_exit(4);
        for (long long step = firstStep;; ++step) {
            fixture.write(store, step);
            if (step % 7 == 0)
                store.setPinned(step, true); // pins.json is rewritten under the knife as well
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "saving child failed: %s\n", e.what());
    }
    ::_exit(3);
}

/** A checkpoint folder still being written or replaced (the store must clean these up when reopened). */
bool hasUnfinishedCheckpoint(const fs::path &dir)
{
    for (const auto &entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".partial") || name.ends_with(".replaced"))
            return true;
    }
    return false;
}

/** Any trace of a write in progress: an unfinished checkpoint or an atomic-write temp file. */
bool hasUnfinishedWrite(const fs::path &dir)
{
    for (const auto &entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".partial") || name.ends_with(".replaced") || name.ends_with(".tmp"))
            return true;
        if (entry.is_directory())
            for (const auto &inner : fs::directory_iterator(entry.path()))
                if (inner.path().filename().string().ends_with(".tmp"))
                    return true;
    }
    return false;
}

/** A scratch folder on the RAM disk (/dev/shm), removed afterwards; the system temp folder without one. */
class RamDir
{
public:
    RamDir()
    {
        const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        std::string pattern = (base / "zistudio-kill-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("mkdtemp failed in " + base.string());
        m_path = pattern;
    }
    ~RamDir()
    {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    RamDir(const RamDir &) = delete;
    RamDir &operator=(const RamDir &) = delete;
    fs::path operator/(const fs::path &rel) const { return m_path / rel; }

private:
    fs::path m_path;
};

} // namespace

TEST(KillDuringSave, ThePreviousCheckpointAlwaysLoads)
{
    RamDir tmp;
    const fs::path dir = tmp / "run" / "checkpoints";
    const CheckpointFixture fixture(4); // ~0.3 MiB per checkpoint: writes take a while, kills land inside them
    Clock::duration perCheckpoint {};
    {
        training::CheckpointStore store(dir, kPolicy);
        const auto start = Clock::now();
        for (long long step = 0; step < 3; ++step)
            fixture.write(store, step);
        perCheckpoint = (Clock::now() - start) / 3;
    }
    // Kill anywhere from "at once" to three checkpoint-writes in: most kills land inside a write.
    const auto maxDelayUs
        = std::max<long long>(200, 3 * std::chrono::duration_cast<std::chrono::microseconds>(perCheckpoint).count());
    std::mt19937 rng(kSeed);
    std::uniform_int_distribution<long long> delayUs(0, maxDelayUs);

    long long latest = 2;
    int killedMidWrite = 0;
    int progressed = 0;
    // At least kIterations kills, more while too few landed inside a write or after progress (the
    // timing varies with the machine's load), up to kMaxIterations.
    int i = 0;
    for (; i < kIterations || ((killedMidWrite < kMinMidWrite || progressed < kMinProgressed) && i < kMaxIterations);
         ++i) {
        std::fflush(nullptr);
        int ready[2];
        ASSERT_EQ(::pipe(ready), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0) << "fork failed";
        if (child == 0)
            saveForever(dir, fixture, latest + 1, ready[1]);
        ::close(ready[1]);
        char go = 0;
        ASSERT_EQ(::read(ready[0], &go, 1), 1) << "the saving child did not start in iteration " << i;
        ::close(ready[0]);
        // The delay starts when the child starts saving: the time fork() takes does not count.
        std::this_thread::sleep_for(std::chrono::microseconds(delayUs(rng)));
        ASSERT_EQ(::kill(child, SIGKILL), 0);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "the saving child ended by itself (status " << status << ") in iteration " << i;
        if (hasUnfinishedWrite(dir))
            ++killedMidWrite;

        training::CheckpointStore store(dir, kPolicy);
        store.recover(); // cleans up after the killed writer
        EXPECT_FALSE(hasUnfinishedCheckpoint(dir)) << "iteration " << i;
        const auto loaded = store.loadLatest();
        ASSERT_TRUE(loaded.has_value()) << "no checkpoint loads after the kill in iteration " << i;
        EXPECT_FALSE(loaded->fellBack()) << "iteration " << i << ": " << loaded->skipped.front();
        ASSERT_GE(loaded->info.step, latest) << "a committed checkpoint vanished in iteration " << i;
        const std::string problem = fixture.verify(store, loaded->info);
        ASSERT_TRUE(problem.empty()) << "iteration " << i << ": " << problem;
        for (const auto &info : store.list())
            ASSERT_TRUE(fixture.verify(store, info).empty())
                << "iteration " << i << ": " << fixture.verify(store, info);
        if (loaded->info.step > latest)
            ++progressed;
        latest = loaded->info.step;
    }
    // The test must have killed writers in the middle, and the children must have made progress between
    // kills, or it proved nothing.
    EXPECT_GE(killedMidWrite, kMinMidWrite);
    EXPECT_GE(progressed, kMinProgressed);
    std::printf("[ figures  ] %d kills, %d inside an unfinished write, %d after new progress, last step %lld, "
                "%lld us per checkpoint\n",
        i, killedMidWrite, progressed, latest,
        static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(perCheckpoint).count()));
}

} // namespace zistudio::test
