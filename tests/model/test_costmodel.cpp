// SPDX-License-Identifier: GPL-3.0-or-later
// The cost model against hand counts (exact parameter counts against the built modules are in
// test_modelcompat.cpp).
#include "common/computedevice.h"
#include "model/costmodel.h"
#include "model/modelconfigjson.h"
#include "model/unetlayout.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace zistudio::model;

namespace
{

const AttentionCost *findSite(const CostReport &report, const std::string &site)
{
    for (const AttentionCost &a : report.attention)
        if (toString(a.site) == site)
            return &a;
    return nullptr;
}

bool anyWarningContains(const CostReport &report, const std::string &needle)
{
    for (const std::string &w : report.warnings)
        if (w.find(needle) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST(CostModel, Classic256GeneratorForwardIsAboutSixGigaMacs)
{
    // Hand count from the pix2pix / zi2zi layer table, convolutions only.
    // Encoder, 4x4 stride-2 convs: output area x C_in x C_out x 16.
    const double encoder = 16.0
        * (128.0 * 128 * 1 * 64 + 64.0 * 64 * 64 * 128 + 32.0 * 32 * 128 * 256 + 16.0 * 16 * 256 * 512
            + 8.0 * 8 * 512 * 512 + 4.0 * 4 * 512 * 512 + 2.0 * 2 * 512 * 512 + 1.0 * 1 * 512 * 512);
    // Decoder, 4x4 stride-2 transposed convs: input area x C_in x C_out x 16; the first takes the
    // bottleneck plus the 128-wide embedding, the others the concatenated skips.
    const double decoder = 16.0
        * (1.0 * 1 * 640 * 512 + 2.0 * 2 * 1024 * 512 + 4.0 * 4 * 1024 * 512 + 8.0 * 8 * 1024 * 512
            + 16.0 * 16 * 1024 * 256 + 32.0 * 32 * 512 * 128 + 64.0 * 64 * 256 * 64 + 128.0 * 128 * 128 * 1);
    const CostReport report = estimateCost(classic256(), 1);
    EXPECT_DOUBLE_EQ(report.encoderMacs, encoder);
    EXPECT_DOUBLE_EQ(report.generatorMacs, encoder + decoder);
    EXPECT_NEAR(report.generatorMacs / 5.95e9, 1.0, 0.005);
    EXPECT_DOUBLE_EQ(report.generatorFlops, 2.0 * report.generatorMacs);
}

TEST(CostModel, AttentionLayerCostByHand)
{
    const CostReport report = estimateCost(attn256(), 4);
    ASSERT_EQ(report.attention.size(), 2U);
    const AttentionCost *enc3 = findSite(report, "enc:3");
    ASSERT_NE(enc3, nullptr);
    EXPECT_EQ(enc3->height, 32);
    EXPECT_EQ(enc3->width, 32);
    EXPECT_EQ(enc3->channels, 256);
    EXPECT_EQ(enc3->keyChannels, 32);
    // q, k: 256x32 + 32 each; v: 256x256 + 256; gamma: 1.
    EXPECT_EQ(enc3->params, 2 * (256 * 32 + 32) + 256 * 256 + 256 + 1);
    const double n = 1024;
    EXPECT_DOUBLE_EQ(enc3->macs, n * (2 * 256 * 32 + 256 * 256) + n * n * (32 + 256));
    EXPECT_EQ(enc3->matrixBytes, 4LL * 1024 * 1024 * 4); // batch 4, float32: 16 MiB
    EXPECT_FALSE(enc3->degenerate);
    const AttentionCost *enc4 = findSite(report, "enc:4");
    ASSERT_NE(enc4, nullptr);
    EXPECT_EQ(enc4->height, 16);
    EXPECT_EQ(enc4->channels, 512);
    EXPECT_EQ(report.attentionMatrixBytes, enc3->matrixBytes + enc4->matrixBytes);
    EXPECT_EQ(report.attentionParams, enc3->params + enc4->params);

    const CostReport classic = estimateCost(classic256(), 4);
    EXPECT_DOUBLE_EQ(report.generatorMacs - classic.generatorMacs, enc3->macs + enc4->macs);
    EXPECT_EQ(report.generatorParams - classic.generatorParams, enc3->params + enc4->params);
    EXPECT_TRUE(report.warnings.empty());
}

TEST(CostModel, DegenerateAndOverBudgetPlacementsWarn)
{
    ModelConfig config = classic256();
    config.attention = AttentionSpec::parse("enc:1,dec:8");
    const CostReport report = estimateCost(config, 16);
    const AttentionCost *bottleneck = findSite(report, "dec:8");
    ASSERT_NE(bottleneck, nullptr);
    EXPECT_TRUE(bottleneck->degenerate);
    EXPECT_EQ(bottleneck->channels, 512 + 128);
    EXPECT_TRUE(anyWarningContains(report, "dec:8 sits on a 1x1 map"));
    // enc:1 at 256 px: 128x128 = 16384 positions, 16 x 16384^2 x 4 bytes = 16 GiB.
    const AttentionCost *shallow = findSite(report, "enc:1");
    ASSERT_NE(shallow, nullptr);
    EXPECT_EQ(shallow->matrixBytes, 16LL * 16384 * 16384 * 4);
    EXPECT_TRUE(anyWarningContains(report, "enc:1 needs 16384 MiB"));
    EXPECT_FALSE(anyWarningContains(report, "enc:1 sits"));
}

TEST(CostModel, TheBlockedCpuKernelKeepsNoMatrixFromTwoHundredFiftySixPositionsOn)
{
    // cpu-64 with attention at every depth: 32x32 (1024 positions) and 16x16 (256) run the blocked kernel on
    // the CPU, 8x8 and smaller keep the whole matrix either way.
    ModelConfig config = cpu64();
    config.attention = AttentionSpec::parse("enc:1,enc:2,enc:3,enc:4,enc:5,dec:1,dec:2,dec:3,dec:4,dec:5");
    const int batch = 16;
    const CostReport gpu = estimateCost(config, batch, AttentionMemory::Matrix);
    const CostReport cpu = estimateCost(config, batch, AttentionMemory::Blocked);
    EXPECT_EQ(gpu.attentionMemory, AttentionMemory::Matrix);
    EXPECT_EQ(cpu.attentionMemory, AttentionMemory::Blocked);
    ASSERT_EQ(cpu.attention.size(), gpu.attention.size());
    std::int64_t saved = 0;
    int blocked = 0;
    for (std::size_t i = 0; i < cpu.attention.size(); ++i) {
        const AttentionCost &c = cpu.attention[i];
        const AttentionCost &g = gpu.attention[i];
        const std::int64_t n = std::int64_t {c.height} * c.width;
        EXPECT_EQ(c.blocked, n >= kBlockedAttentionMinPositions) << toString(c.site);
        EXPECT_FALSE(g.blocked) << toString(c.site);
        EXPECT_EQ(c.matrixBytes, g.matrixBytes) << toString(c.site); // the size it would have, either way
        // Kept for the backward: energy and softmax (2 N^2 floats per image), or each row's maximum and sum (2 N).
        const std::int64_t expected = c.blocked ? batch * 4 * (2 * n * n - 2 * n) : 0;
        EXPECT_EQ(g.activationBytes - c.activationBytes, expected) << toString(c.site);
        // The encoder's layers are counted twice: the generator pass and the constancy pass on the fake.
        saved += (g.activationBytes - c.activationBytes) * (c.site.side == AttentionSide::Encoder ? 2 : 1);
        blocked += c.blocked ? 1 : 0;
    }
    EXPECT_EQ(blocked, 4); // enc:1, dec:1, enc:2, dec:2
    EXPECT_EQ(gpu.trainingMemoryBytes - cpu.trainingMemoryBytes, saved);
    EXPECT_EQ(cpu.attentionMatrixBytes, gpu.attentionMatrixBytes);
    EXPECT_DOUBLE_EQ(cpu.trainingStepFlops, gpu.trainingStepFlops); // the same arithmetic
    // Measured on this configuration (docs/performance.md, "Blocked attention"): 318 MiB of training memory
    // with the kernel, 690 MiB with the matrices; the estimate follows the path.
    EXPECT_LT(cpu.trainingMemoryBytes, gpu.trainingMemoryBytes / 2);

    // A matrix over the budget warns only where a step would build it.
    ModelConfig shallow = classic256();
    shallow.attention = AttentionSpec::parse("enc:1");
    EXPECT_TRUE(anyWarningContains(estimateCost(shallow, 16, AttentionMemory::Matrix), "enc:1 needs"));
    const CostReport onCpu = estimateCost(shallow, 16, AttentionMemory::Blocked);
    EXPECT_FALSE(anyWarningContains(onCpu, "enc:1 needs"));
    EXPECT_FALSE(overMatrixBudget(onCpu.attention.front()));
    EXPECT_EQ(costReportToJson(onCpu).at("attentionMemory"), "blocked");
    EXPECT_TRUE(costReportToJson(onCpu).at("attention").at(0).at("blocked").get<bool>());
}

TEST(CostModel, TheDeviceDecidesHowAttentionIsHeld)
{
    EXPECT_EQ(attentionMemoryOn("cpu"), AttentionMemory::Blocked);
    EXPECT_EQ(attentionMemoryOn("cuda"), AttentionMemory::Matrix);
    EXPECT_EQ(attentionMemoryOn("cuda:1"), AttentionMemory::Matrix);
    EXPECT_EQ(
        attentionMemoryOn("auto"), zistudio::cudaAvailable() ? AttentionMemory::Matrix : AttentionMemory::Blocked);
    EXPECT_STREQ(toString(AttentionMemory::Blocked), "blocked");
    EXPECT_STREQ(toString(AttentionMemory::Matrix), "matrix");
}

TEST(CostModel, MemoryAndStepCostScaleWithTheBatch)
{
    const ModelConfig config = attn256();
    const CostReport one = estimateCost(config, 1);
    const CostReport eight = estimateCost(config, 8);
    EXPECT_EQ(eight.generatorActivationBytes, 8 * one.generatorActivationBytes);
    EXPECT_EQ(eight.attentionMatrixBytes, 8 * one.attentionMatrixBytes);
    EXPECT_DOUBLE_EQ(eight.trainingStepFlops, 8 * one.trainingStepFlops);
    EXPECT_DOUBLE_EQ(eight.generatorMacs, one.generatorMacs); // per image
    EXPECT_EQ(eight.generatorParams, one.generatorParams);
    EXPECT_GT(eight.trainingMemoryBytes, one.trainingMemoryBytes);
    // The documented accounting: (G + encoder + 3 D) forward, x3 for backward, x2 for FLOPs.
    EXPECT_DOUBLE_EQ(one.trainingStepFlops, 6.0 * (one.generatorMacs + one.encoderMacs + 3.0 * one.discriminatorMacs));
    // The activations of the input image alone are a lower bound: 256 x 256 floats per image.
    EXPECT_GT(one.generatorActivationBytes, 256LL * 256 * 4);
    std::int64_t perDepth = 0;
    for (const DepthCost &d : one.depths)
        perDepth += d.activationBytes;
    EXPECT_EQ(perDepth, one.generatorActivationBytes);
}

TEST(CostModel, DiscriminatorMacsByHand)
{
    ModelConfig config = cpu64();
    config.ndf = 8;
    config.embeddingNum = 10;
    const CostReport report = estimateCost(config, 1);
    const double convs = 16.0 * (32.0 * 32 * 2 * 8 + 16.0 * 16 * 8 * 16 + 8.0 * 8 * 16 * 32 + 4.0 * 4 * 32 * 64);
    const double heads = 4.0 * 4 * 64 * 9 + 64.0 * 10;
    EXPECT_DOUBLE_EQ(report.discriminatorMacs, convs + heads);
    // conv1 (bias), conv2-4 (no bias, batch norm), patch 3x3 (bias), category 1x1 (bias).
    const std::int64_t params = (2 * 8 * 16 + 8) + (8 * 16 * 16 + 32) + (16 * 32 * 16 + 64) + (32 * 64 * 16 + 128)
        + (64 * 9 + 1) + (64 * 10 + 10);
    EXPECT_EQ(report.discriminatorParams, params);
}

TEST(CostModel, PerDepthRowsDescribeTheUNet)
{
    ModelConfig config = cpu64();
    config.attention = AttentionSpec::parse("enc:2,dec:2,dec:6");
    const CostReport report = estimateCost(config, 2);
    ASSERT_EQ(report.depths.size(), 7U);
    EXPECT_EQ(report.depths[0].resolution, 64);
    EXPECT_EQ(report.depths[2].resolution, 16);
    EXPECT_EQ(report.depths[2].encoderChannels, 64);
    EXPECT_EQ(report.depths[2].decoderChannels, 128);
    EXPECT_TRUE(report.depths[2].encoderAttention);
    EXPECT_TRUE(report.depths[2].decoderAttention);
    EXPECT_FALSE(report.depths[3].encoderAttention);
    EXPECT_TRUE(report.depths[6].decoderAttention);
    EXPECT_EQ(report.depths[6].decoderParams, 0); // nothing up-samples into the bottleneck
    EXPECT_EQ(report.depths[0].encoderParams, 0);
    std::int64_t sum = 0;
    for (const ModuleParams &m : report.modules)
        if (m.name != "discriminator")
            sum += m.params;
    EXPECT_EQ(sum, report.generatorParams);
}

TEST(CostModel, RejectsBadInput)
{
    EXPECT_THROW(estimateCost(cpu64(), 0), ModelError);
    ModelConfig config = cpu64();
    config.attention = AttentionSpec::parse("enc:9");
    EXPECT_THROW(estimateCost(config, 1), ModelError);
}

TEST(CostModel, TableAndJsonShowTheNumbers)
{
    ModelConfig config = attn256();
    config.attention = AttentionSpec::parse("enc:3,dec:8");
    const CostReport report = estimateCost(config, 4);
    const std::string table = formatCostTable(report);
    for (const char *needle : {"32x32", "enc:3", "dec:8", "degenerate", "warning:", "generator forward", "GMAC"})
        EXPECT_NE(table.find(needle), std::string::npos) << needle << " missing in:\n" << table;
    const nlohmann::json j = costReportToJson(report);
    EXPECT_EQ(j.at("params").at("generator").get<std::int64_t>(), report.generatorParams);
    EXPECT_EQ(j.at("depths").size(), 9U);
    EXPECT_EQ(j.at("attention").at(1).at("degenerate"), true);
    EXPECT_EQ(j.at("config").get<ModelConfig>(), config);
}
