// SPDX-License-Identifier: GPL-3.0-or-later
// docs/reliability.md: truncated and bit-flipped checkpoints, tensor archives and project
// files are refused with a message naming the file (and the part), and a damaged newest checkpoint
// falls back to the previous one. Every truncation length and a flipped bit in every byte are tried.
#include "checkpointfixture.h"
#include "tempdir.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "project/project.h"
#include "project/projecterror.h"
#include "training/checkpointstore.h"
#include "training/tensorarchive.h"
#include "training/trainingerror.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>

namespace zistudio::test
{
namespace
{

namespace fs = std::filesystem;

void writeRaw(const fs::path &file, const std::string &bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string flipBit(std::string bytes, std::size_t byte, int bit)
{
    bytes[byte] = static_cast<char>(static_cast<unsigned char>(bytes[byte]) ^ (1u << bit));
    return bytes;
}

bool contains(const std::string &text, const std::string &needle)
{
    return text.find(needle) != std::string::npos;
}

class DamagedCheckpoint : public ::testing::Test
{
protected:
    void SetUp() override
    {
        training::CheckpointStore store(m_dir);
        m_fixture.write(store, 1);
        m_fixture.write(store, 2);
        m_newest = m_dir / training::CheckpointStore::folderName(2);
    }

    /** Puts `bytes` in place of part `name` of the newest checkpoint, checks the store, restores the part. */
    template<typename Check> void withPart(const std::string &name, const std::string &bytes, Check &&check)
    {
        const fs::path file = m_newest / name;
        const std::string original = readFile(file);
        writeRaw(file, bytes);
        const training::CheckpointStore store(m_dir);
        check(store);
        writeRaw(file, original);
    }

    /** The damaged newest checkpoint is skipped with a reason naming it, and the previous one loads intact. */
    void expectFallback(const training::CheckpointStore &store, const std::string &part, const std::string &what)
    {
        const auto loaded = store.loadLatest();
        ASSERT_TRUE(loaded.has_value()) << what;
        EXPECT_EQ(loaded->info.step, 1) << what;
        ASSERT_TRUE(loaded->fellBack()) << what;
        EXPECT_TRUE(contains(loaded->skipped.front(), "step-000002")) << loaded->skipped.front();
        if (part != "manifest.json") {
            EXPECT_TRUE(contains(loaded->skipped.front(), part)) << loaded->skipped.front();
        }
        EXPECT_TRUE(m_fixture.verify(store, loaded->info).empty()) << what;
        try {
            (void)store.load(2);
            ADD_FAILURE() << "load(2) accepted " << what;
        } catch (const training::TrainingError &e) {
            EXPECT_TRUE(contains(e.what(), m_newest.string())) << e.what();
        }
    }

    TempDir m_tmp;
    fs::path m_dir = m_tmp / "checkpoints";
    fs::path m_newest;
    CheckpointFixture m_fixture {1};
};

} // namespace

TEST_F(DamagedCheckpoint, EveryTruncatedPartFallsBackToThePreviousCheckpoint)
{
    int tried = 0;
    for (const std::string part :
        {"generator.zt", "discriminator.zt", "optimizers.zt", "state.json", "manifest.json"}) {
        const std::string original = readFile(m_newest / part);
        for (const std::size_t length : {std::size_t(0), std::size_t(1), original.size() / 2, original.size() - 1}) {
            withPart(part, original.substr(0, length), [&](const training::CheckpointStore &store) {
                expectFallback(store, part, part + " cut to " + std::to_string(length) + " bytes");
            });
            ++tried;
        }
    }
    std::printf("[ figures  ] %d truncated checkpoint parts, all refused with a fallback\n", tried);
}

TEST_F(DamagedCheckpoint, AFlippedBitInAnyPartFallsBackAndTheManifestNeverLies)
{
    std::mt19937 rng(42);
    int tried = 0;
    for (const std::string part : {"generator.zt", "discriminator.zt", "optimizers.zt", "state.json"}) {
        const std::string original = readFile(m_newest / part);
        std::uniform_int_distribution<std::size_t> pick(0, original.size() - 1);
        for (int i = 0; i < 16; ++i) {
            const std::size_t byte = pick(rng);
            withPart(part, flipBit(original, byte, i % 8), [&](const training::CheckpointStore &store) {
                expectFallback(store, part, part + " with a flipped bit in byte " + std::to_string(byte));
            });
            ++tried;
        }
    }
    // A flipped bit in the manifest either makes it unusable (fallback) or changes nothing that matters (the
    // parts still match their hashes): a damaged part is never handed out.
    const std::string manifest = readFile(m_newest / "manifest.json");
    int refused = 0;
    int manifestFlips = 0;
    for (std::size_t byte = 0; byte < manifest.size(); byte += 2, ++manifestFlips) {
        withPart("manifest.json", flipBit(manifest, byte, static_cast<int>(byte % 8)),
            [&](const training::CheckpointStore &store) {
                const auto loaded = store.loadLatest();
                ASSERT_TRUE(loaded.has_value());
                if (loaded->info.step == 1) {
                    ++refused;
                    EXPECT_TRUE(loaded->fellBack());
                    EXPECT_TRUE(m_fixture.verify(store, loaded->info).empty());
                } else {
                    EXPECT_EQ(loaded->info.step, 2);
                    EXPECT_TRUE(m_fixture.verify(store, loaded->info).empty()) << "byte " << byte;
                }
            });
        ++tried;
    }
    EXPECT_GT(refused, manifestFlips / 2);
    std::printf("[ figures  ] %d bit-flipped checkpoints: every damaged part refused; %d of %d manifest flips "
                "refused, the rest harmless\n",
        tried, refused, manifestFlips);
}

TEST(DamagedArchive, EveryTruncationAndEveryFlippedByteIsRefusedNamingTheFile)
{
    TempDir tmp;
    const fs::path file = tmp / "shared-model.zsm";
    training::writeTensorArchive(
        file, {{"w", torch::arange(24, torch::kFloat).reshape({2, 3, 4})}, {"b", torch::ones({3}, torch::kHalf)}});
    const std::string original = readFile(file);
    const auto expectRefused = [&](const std::string &bytes, const std::string &what) {
        writeRaw(file, bytes);
        try {
            (void)training::readTensorArchive(file);
            ADD_FAILURE() << "accepted " << what;
        } catch (const training::TrainingError &e) {
            EXPECT_TRUE(contains(e.what(), file.string())) << e.what();
        }
    };
    for (std::size_t length = 0; length < original.size(); ++length)
        expectRefused(original.substr(0, length), "a cut to " + std::to_string(length) + " bytes");
    for (std::size_t byte = 0; byte < original.size(); ++byte)
        expectRefused(flipBit(original, byte, static_cast<int>(byte % 8)), "a flip in byte " + std::to_string(byte));
    std::printf("[ figures  ] %zu damaged tensor archives refused\n", 2 * original.size());
}

TEST(DamagedProject, TruncatedAndBitFlippedProjectFilesGiveAProjectErrorNamingTheFile)
{
    TempDir tmp;
    const fs::path file = tmp / "demo.zistudio";
    project::Project p = project::defaultProject("damaged");
    p.dataset.source.path = (tmp / "fonts" / "source.ttf").string();
    p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::Font,
        .path = (tmp / "fonts" / "kai.ttf").string(),
        .face = 0,
        .styleId = 0,
        .name = "Kai"});
    p.reviews[U'\u6C38'] = project::Review::Accepted;
    project::saveProject(p, file);
    const std::string original = readFile(file);
    int refused = 0;
    int accepted = 0;
    const auto tryLoad = [&](const std::string &bytes, const std::string &what) {
        writeRaw(file, bytes);
        try {
            const project::Project loaded = project::loadProject(file);
            ++accepted;
            EXPECT_NO_THROW(project::validateProject(loaded, "reloaded")) << what;
        } catch (const project::ProjectError &e) {
            ++refused;
            EXPECT_TRUE(contains(e.what(), file.string())) << what << ": " << e.what();
        } catch (const std::exception &e) {
            ADD_FAILURE() << what << " threw something other than a ProjectError: " << e.what();
        }
    };
    // The file ends with "}\n": every shorter cut but the one dropping the newline is broken JSON (every other
    // length is tried, and a flipped bit in every third byte, to keep the test quick).
    for (std::size_t length = 0; length + 1 < original.size(); length += 2) {
        const int before = refused;
        tryLoad(original.substr(0, length), "a cut to " + std::to_string(length) + " bytes");
        EXPECT_EQ(refused, before + 1) << "accepted a project cut to " << length << " bytes";
    }
    for (std::size_t byte = 0; byte < original.size(); byte += 3)
        tryLoad(flipBit(original, byte, static_cast<int>(byte % 8)), "a flip in byte " + std::to_string(byte));
    writeRaw(file, original);
    EXPECT_EQ(project::loadProject(file), p);
    std::printf("[ figures  ] %d damaged project files: %d refused with the file named, %d still valid projects\n",
        refused + accepted, refused, accepted);
}

} // namespace zistudio::test
