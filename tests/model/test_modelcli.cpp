// SPDX-License-Identifier: GPL-3.0-or-later
// `zistudio-cli model info` as a user runs it: a real process, its exit code and output.
#include "model/costmodel.h"
#include "model/modelconfigjson.h"
#include "runshell.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <utility>

namespace
{

struct Result
{
    int exitCode;
    std::string output;
};

Result run(const std::string &args)
{
    const std::string cmd = std::string(ZISTUDIO_CLI) + " " + args + " 2>&1";
    const auto r = zistudio::test::runShell(cmd);
    return {r.exitCode, r.output};
}

} // namespace

TEST(ModelCli, InfoPrintsThePerDepthTable)
{
    const Result r = run("model info --size 256 --ngf 64 --attention enc:3,enc:4 --batch 4");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    for (const char *needle : {"depth", "32x32", "16x16", "1x1", "enc:3", "enc:4", "generator", "discriminator",
             "training step", "attention matrices", "batch 4"})
        EXPECT_NE(r.output.find(needle), std::string::npos) << needle << " missing in:\n" << r.output;
}

TEST(ModelCli, JsonMatchesTheCostModel)
{
    const Result r = run("model info --preset attn256 --batch 2 --json");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const nlohmann::json j = nlohmann::json::parse(r.output);
    const zistudio::model::CostReport expected = zistudio::model::estimateCost(zistudio::model::attn256(), 2);
    EXPECT_EQ(j.at("params").at("generator").get<std::int64_t>(), expected.generatorParams);
    EXPECT_EQ(j.at("attentionMatrixBytes").get<std::int64_t>(), expected.attentionMatrixBytes);
    EXPECT_EQ(j.at("config").get<zistudio::model::ModelConfig>(), zistudio::model::attn256());
}

TEST(ModelCli, TheDeviceDecidesTheAttentionMemory)
{
    zistudio::model::ModelConfig config = zistudio::model::cpu64();
    config.attention = zistudio::model::AttentionSpec::parse("enc:1");
    for (const auto &[device, memory] : {std::pair {"cpu", zistudio::model::AttentionMemory::Blocked},
             std::pair {"cuda", zistudio::model::AttentionMemory::Matrix}}) {
        const Result r = run(std::string("model info --preset cpu64 --attention enc:1 --json --device ") + device);
        ASSERT_EQ(r.exitCode, 0) << r.output;
        const nlohmann::json j = nlohmann::json::parse(r.output);
        const auto expected = zistudio::model::estimateCost(config, 16, memory);
        EXPECT_EQ(j.at("attentionMemory").get<std::string>(), zistudio::model::toString(memory)) << device;
        EXPECT_EQ(j.at("trainingMemoryBytes").get<std::int64_t>(), expected.trainingMemoryBytes) << device;
    }
    const Result table = run("model info --preset cpu64 --attention enc:1 --device cpu");
    ASSERT_EQ(table.exitCode, 0) << table.output;
    EXPECT_NE(table.output.find("blocked: matrix never built"), std::string::npos) << table.output;
    const Result bad = run("model info --device tpu");
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.output.find("must be auto, cpu, cuda or cuda:N"), std::string::npos) << bad.output;
}

TEST(ModelCli, DegeneratePlacementWarns)
{
    const Result r = run("model info --size 64 --attention dec:6");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("warning: attention dec:6 sits on a 1x1 map"), std::string::npos) << r.output;
}

TEST(ModelCli, BadSettingsAreClearErrors)
{
    const std::pair<const char *, const char *> cases[] = {
        {"model info --attention enc:x", "enc:x"},
        {"model info --size 64 --attention enc:7", "enc:7 is outside the UNet"},
        {"model info --size 100", "imageSize = 100"},
        {"model info --norm group", "unknown norm \"group\""},
        {"model info --preset huge", "unknown preset \"huge\""},
        {"model info --batch 0", "batch size 0"},
    };
    for (const auto &[args, needle] : cases) {
        const Result r = run(args);
        EXPECT_EQ(r.exitCode, 1) << args << "\n" << r.output;
        EXPECT_NE(r.output.find("zistudio-cli: error: "), std::string::npos) << args << "\n" << r.output;
        EXPECT_NE(r.output.find(needle), std::string::npos) << args << "\n" << r.output;
    }
}
