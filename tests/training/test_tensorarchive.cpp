// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/error.h"
#include "common/hashing.h"
#include "tempdir.h"
#include "training/tensorarchive.h"
#include "training/trainingerror.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace zistudio;
using namespace zistudio::training;

namespace
{

NamedTensors sampleTensors()
{
    torch::manual_seed(3);
    return {
        {"gen.weight", torch::randn({4, 3, 2, 2})},
        {"gen.bias", torch::randn({4}, torch::kDouble)},
        {"bn.num_batches_tracked", torch::tensor(7, torch::kLong)},
        {"half", torch::randn({5}).to(torch::kHalf)},
        {"bf16", torch::randn({2, 2}).to(torch::kBFloat16)},
        {"bytes", torch::arange(0, 200, torch::kLong).to(torch::kByte)},
        {"flags", torch::tensor({true, false, true})},
        {"ints", torch::tensor({-1, 2, 3}, torch::kInt)},
        {"empty", torch::empty({0, 3})},
        {"transposed", torch::arange(0, 6, torch::kFloat).reshape({2, 3}).t()},
    };
}

/** Builds an archive from a hand-written header so that validation, not the checksum, must catch problems. */
std::string craft(const std::string &header, std::size_t dataBytes)
{
    std::string out = "ZITENSOR";
    const std::uint32_t version = 1, reserved = 0;
    const std::uint64_t headerBytes = header.size();
    out.append(reinterpret_cast<const char *>(&version), 4);
    out.append(reinterpret_cast<const char *>(&reserved), 4);
    out.append(reinterpret_cast<const char *>(&headerBytes), 8);
    out += header;
    out.resize((out.size() + 63) / 64 * 64, '\0');
    out.append(dataBytes, '\x01');
    out += sha256Hex(out);
    return out;
}

std::string decodeError(const std::string &bytes)
{
    try {
        decodeTensorArchive(bytes, "test.zt");
    } catch (const TrainingError &e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(TensorArchive, RoundTripsEveryDtypeAndMetadata)
{
    const auto tensors = sampleTensors();
    const nlohmann::json meta = {{"step", 500}, {"what", "generator"}};
    const auto bytes = encodeTensorArchive(tensors, meta);
    const auto archive = decodeTensorArchive(bytes, "mem");
    ASSERT_EQ(archive.tensors.size(), tensors.size());
    EXPECT_EQ(archive.metadata, meta);
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        EXPECT_EQ(archive.tensors[i].first, tensors[i].first);
        const auto &a = archive.tensors[i].second;
        const auto &b = tensors[i].second;
        EXPECT_EQ(a.scalar_type(), b.scalar_type()) << tensors[i].first;
        EXPECT_EQ(a.sizes(), b.sizes()) << tensors[i].first;
        EXPECT_TRUE(torch::equal(a, b)) << tensors[i].first;
    }
    EXPECT_TRUE(archive.contains("gen.bias"));
    EXPECT_FALSE(archive.contains("nope"));
    EXPECT_THROW(archive.at("nope"), TrainingError);
    // Encoding is deterministic: the same tensors give the same bytes (checkpoint hashes are stable).
    EXPECT_EQ(encodeTensorArchive(tensors, meta), bytes);
}

TEST(TensorArchive, WritesAndReadsFiles)
{
    test::TempDir dir;
    writeTensorArchive(dir / "a.zt", sampleTensors());
    const auto archive = readTensorArchive(dir / "a.zt");
    EXPECT_TRUE(torch::equal(archive.at("gen.weight"), sampleTensors()[0].second));
    EXPECT_THROW(readTensorArchive(dir / "missing.zt"), IoError);
}

TEST(TensorArchive, EveryTruncationIsRejected)
{
    const auto bytes = encodeTensorArchive(sampleTensors());
    for (std::size_t len = 0; len < bytes.size(); len += 1 + len / 7) {
        const auto msg = decodeError(bytes.substr(0, len));
        EXPECT_FALSE(msg.empty()) << "truncated to " << len << " bytes was accepted";
        EXPECT_NE(msg.find("test.zt"), std::string::npos) << msg;
    }
    EXPECT_FALSE(decodeError(bytes.substr(0, bytes.size() - 1)).empty());
}

TEST(TensorArchive, FlippedBitsAnywhereAreRejected)
{
    const auto bytes = encodeTensorArchive(sampleTensors());
    for (std::size_t pos = 0; pos < bytes.size(); pos += 1 + pos / 11) {
        auto damaged = bytes;
        damaged[pos] = static_cast<char>(damaged[pos] ^ (1 << (pos % 8)));
        EXPECT_FALSE(decodeError(damaged).empty()) << "bit flip at byte " << pos << " was accepted";
    }
}

TEST(TensorArchive, BadMagicAndVersion)
{
    auto bytes = encodeTensorArchive(sampleTensors());
    auto png = bytes;
    std::memcpy(png.data(), "\x89PNG\r\n\x1a\n", 8);
    EXPECT_NE(decodeError(png).find("bad magic"), std::string::npos);
    const std::string v2 = craft(R"({"tensors":[],"data_bytes":0})", 0);
    auto future = v2;
    future[8] = 2;
    future.replace(future.size() - 64, 64, sha256Hex(std::string_view(future).substr(0, future.size() - 64)));
    EXPECT_NE(decodeError(future).find("unsupported format version 2"), std::string::npos) << decodeError(future);
    EXPECT_TRUE(decodeError(v2).empty()) << decodeError(v2);
}

TEST(TensorArchive, AbsurdOrInconsistentHeadersAreRejected)
{
    struct Case
    {
        std::string header;
        std::size_t dataBytes;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {R"({"tensors":[{"name":"x","dtype":"float32","shape":[1099511627776,1099511627776],"offset":0,"bytes":4}],"data_bytes":64})",
            64, "absurd shape"},
        {R"({"tensors":[{"name":"x","dtype":"float32","shape":[2,-3],"offset":0,"bytes":4}],"data_bytes":64})", 64,
            "invalid size"},
        {R"({"tensors":[{"name":"x","dtype":"float32","shape":[1,1,1,1,1,1,1,1,1],"offset":0,"bytes":4}],"data_bytes":64})",
            64, "at most 8"},
        {R"({"tensors":[{"name":"x","dtype":"complex64","shape":[2],"offset":0,"bytes":16}],"data_bytes":64})", 64,
            "unsupported dtype"},
        {R"({"tensors":[{"name":"x","dtype":"float32","shape":[4],"offset":0,"bytes":8}],"data_bytes":64})", 64,
            "does not match its shape"},
        {R"({"tensors":[{"name":"x","dtype":"float32","shape":[4],"offset":64,"bytes":16}],"data_bytes":64})", 64,
            "outside the data"},
        {R"({"tensors":[{"name":"x","dtype":"float32","shape":[4],"offset":18446744073709551552,"bytes":16}],"data_bytes":64})",
            64, "outside the data"},
        {R"({"tensors":[{"name":"x","dtype":"float32","shape":[4],"offset":0,"bytes":16},{"name":"x","dtype":"float32","shape":[4],"offset":64,"bytes":16}],"data_bytes":128})",
            128, "appears twice"},
        {R"({"tensors":[{"name":"x","dtype":"float32","shape":[32],"offset":0,"bytes":128},{"name":"y","dtype":"float32","shape":[4],"offset":64,"bytes":16}],"data_bytes":128})",
            128, "overlap"},
        {R"({"tensors":[{"name":"x","dtype":"float32","shape":[4],"offset":3,"bytes":16}],"data_bytes":64})", 64,
            "misaligned"},
        {R"({"tensors":[],"data_bytes":64})", 32, "does not match the header"},
        {R"({"tensors":[],"data_bytes":999999999999999})", 0, "over the limit"},
        {R"({"tensors":{"x":1},"data_bytes":0})", 0, "lacks"},
        {R"({"tensors":[{"name":"","dtype":"float32","shape":[],"offset":0,"bytes":4}],"data_bytes":64})", 64,
            "non-empty string"},
        {R"({"tensors":[{"name":"b","dtype":"bool","shape":[2],"offset":0,"bytes":2}],"data_bytes":64})", 64,
            "other than 0 and 1"}, // the crafted data bytes are 0x01 0x01... except we poke a 2 below
        {R"({"tensors":[], "data_bytes":0, "metadata":[1,2]})", 0, "metadata"},
        {R"({"tensors":[)", 0, "not valid JSON"},
    };
    for (const auto &c : cases) {
        auto bytes = craft(c.header, c.dataBytes);
        if (c.expected == "other than 0 and 1") {
            const std::size_t dataStart = bytes.size() - 64 - c.dataBytes;
            bytes[dataStart] = 2;
            bytes.replace(bytes.size() - 64, 64, sha256Hex(std::string_view(bytes).substr(0, bytes.size() - 64)));
        }
        const auto msg = decodeError(bytes);
        EXPECT_NE(msg.find(c.expected), std::string::npos) << c.header << "\n  gave: " << msg;
    }
}

TEST(TensorArchive, RefusesNonFiniteWeights)
{
    auto tensors = sampleTensors();
    tensors[1].second[2] = std::numeric_limits<double>::quiet_NaN();
    try {
        encodeTensorArchive(tensors);
        FAIL() << "NaN weights were encoded";
    } catch (const TrainingError &e) {
        EXPECT_NE(std::string(e.what()).find("gen.bias"), std::string::npos) << e.what();
    }
    EXPECT_EQ(firstNonFinite(tensors), "gen.bias");
    tensors[1].second[2] = std::numeric_limits<double>::infinity();
    EXPECT_THROW(encodeTensorArchive(tensors), TrainingError);
    EXPECT_NO_THROW(encodeTensorArchive(tensors, nlohmann::json::object(), false));
    test::TempDir dir;
    EXPECT_THROW(writeTensorArchive(dir / "nan.zt", tensors), TrainingError);
    EXPECT_FALSE(std::filesystem::exists(dir / "nan.zt"));
}

TEST(TensorArchive, RejectsDuplicateNamesOnWrite)
{
    NamedTensors t = {{"a", torch::zeros({1})}, {"a", torch::ones({1})}};
    EXPECT_THROW(encodeTensorArchive(t), TrainingError);
}
