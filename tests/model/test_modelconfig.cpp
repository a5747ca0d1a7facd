// SPDX-License-Identifier: GPL-3.0-or-later
// Torch-free model contracts: the attention spec, config validation, presets and JSON.
#include "model/attentionprobe.h"
#include "model/modelconfig.h"
#include "model/modelconfigjson.h"
#include "model/unetlayout.h"

#include <gtest/gtest.h>

using namespace zistudio::model;

namespace
{

/** The message of the ModelError f throws ("" when it throws none). */
template<typename F> std::string errorOf(F f)
{
    try {
        f();
    } catch (const ModelError &e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(AttentionSpec, ParsesSidesAndDepths)
{
    const AttentionSpec spec = AttentionSpec::parse("enc:3,dec:4");
    ASSERT_EQ(spec.sites.size(), 2U);
    EXPECT_EQ(spec.sites[0], (AttentionSite {AttentionSide::Encoder, 3}));
    EXPECT_EQ(spec.sites[1], (AttentionSite {AttentionSide::Decoder, 4}));
    EXPECT_TRUE(spec.has(AttentionSide::Encoder, 3));
    EXPECT_TRUE(spec.has(AttentionSide::Decoder, 4));
    EXPECT_FALSE(spec.has(AttentionSide::Decoder, 3));
    EXPECT_FALSE(spec.has(AttentionSide::Encoder, 4));
}

TEST(AttentionSpec, CanonicalFormIsSortedAndDeduplicated)
{
    const AttentionSpec spec = AttentionSpec::parse(" dec:4 , enc:5,encoder:3, enc:3 ");
    EXPECT_EQ(spec.toString(), "enc:3,enc:5,dec:4");
    EXPECT_EQ(spec, AttentionSpec::parse("enc:3,enc:5,dec:4"));
    EXPECT_EQ(AttentionSpec::parse(spec.toString()), spec);
}

TEST(AttentionSpec, EmptyAndNoneMeanNoAttention)
{
    EXPECT_TRUE(AttentionSpec::parse("").sites.empty());
    EXPECT_TRUE(AttentionSpec::parse("none").sites.empty());
    EXPECT_TRUE(AttentionSpec::parse(" NONE ").sites.empty());
    EXPECT_EQ(AttentionSpec {}.toString(), "none");
}

TEST(AttentionSpec, BadTokensAreNamed)
{
    for (const char *bad :
        {"enc3", "mid:3", "enc:x", "enc:0", "dec:-1", "enc:3x", "enc:3,,dec:4", "enc:3,", "enc:99"}) {
        const std::string message = errorOf([&] { AttentionSpec::parse(bad); });
        EXPECT_NE(message.find("attention spec"), std::string::npos) << bad << ": " << message;
        EXPECT_NE(message.find(bad), std::string::npos) << bad << ": " << message;
    }
    EXPECT_NE(errorOf([] { AttentionSpec::parse("mid:3"); }).find("unknown side \"mid\""), std::string::npos);
}

TEST(ModelConfig, DepthIsLog2OfTheSize)
{
    ModelConfig config;
    for (const auto &[size, depth] :
        std::vector<std::pair<int, int>> {{32, 5}, {64, 6}, {128, 7}, {256, 8}, {512, 9}}) {
        config.imageSize = size;
        EXPECT_EQ(config.depth(), depth) << size;
    }
    for (int bad : {0, 16, 100, 1024, -64}) {
        config.imageSize = bad;
        EXPECT_NE(errorOf([&] { (void)config.depth(); }).find("imageSize = " + std::to_string(bad)), std::string::npos);
    }
}

TEST(ModelConfig, ValidateNamesTheBadSetting)
{
    ModelConfig config = cpu64();
    EXPECT_EQ(errorOf([&] { validate(config); }), "");
    config.attention = AttentionSpec::parse("enc:3,dec:7");
    const std::string deep = errorOf([&] { validate(config); });
    EXPECT_NE(deep.find("dec:7"), std::string::npos) << deep;
    EXPECT_NE(deep.find("1..6"), std::string::npos) << deep;

    config = cpu64();
    config.ngf = 0;
    EXPECT_NE(errorOf([&] { validate(config); }).find("ngf"), std::string::npos);
    config = cpu64();
    config.dropout = 1.0;
    EXPECT_NE(errorOf([&] { validate(config); }).find("dropout"), std::string::npos);
    config = cpu64();
    config.embeddingNum = 0;
    EXPECT_NE(errorOf([&] { validate(config); }).find("embeddingNum"), std::string::npos);
}

TEST(ModelConfig, ReferenceConfigurations)
{
    const ModelConfig classic = classic256();
    EXPECT_EQ(classic.imageSize, 256);
    EXPECT_EQ(classic.ngf, 64);
    EXPECT_EQ(classic.ndf, 64);
    EXPECT_EQ(classic.embeddingNum, 40);
    EXPECT_EQ(classic.embeddingDim, 128);
    EXPECT_EQ(classic.norm, NormKind::Batch);
    EXPECT_EQ(classic.upsample, UpsampleKind::TransposedConv);
    EXPECT_EQ(classic.skip, SkipKind::Concat);
    EXPECT_TRUE(classic.attention.sites.empty());

    ModelConfig attn = attn256();
    EXPECT_EQ(attn.attention.toString(), "enc:3,enc:4");
    const UNetLayout layout = unetLayout(attn);
    EXPECT_EQ(layout.resolution(3), 32); // the 32x32 and 16x16 maps of the user's notes
    EXPECT_EQ(layout.resolution(4), 16);
    attn.attention = {};
    EXPECT_EQ(attn, classic);

    const ModelConfig small = cpu64();
    EXPECT_EQ(small.imageSize, 64);
    EXPECT_EQ(small.ngf, 32);
    EXPECT_EQ(small.ndf, 32);
}

TEST(UNetLayout, WidthsDoubleUpToEightTimesNgf)
{
    const UNetLayout layout = unetLayout(classic256());
    EXPECT_EQ(layout.depth, 8);
    EXPECT_EQ(layout.encoderChannels, (std::vector<int> {1, 64, 128, 256, 512, 512, 512, 512, 512}));
    // Concat skips double the decoder maps; the bottleneck joins the 128-wide embedding.
    EXPECT_EQ(layout.fusedChannels, (std::vector<int> {1, 128, 256, 512, 1024, 1024, 1024, 1024, 640}));
    EXPECT_EQ(layout.resolution(8), 1);
    EXPECT_TRUE(layout.decoderHasDropout(7));
    EXPECT_TRUE(layout.decoderHasDropout(5));
    EXPECT_FALSE(layout.decoderHasDropout(4));
    EXPECT_FALSE(layout.encoderHasNorm(1));
    EXPECT_TRUE(layout.encoderHasNorm(7));
    EXPECT_FALSE(layout.encoderHasNorm(8)); // norm on a 1x1 map is degenerate

    ModelConfig residual = cpu64();
    residual.skip = SkipKind::Residual;
    EXPECT_EQ(unetLayout(residual).fusedChannels, (std::vector<int> {1, 32, 64, 128, 256, 256, 384}));
}

TEST(AttentionRowIndex, MapsNormalisedPointsToRowMajorPositions)
{
    EXPECT_EQ(attentionRowIndex(0.0F, 0.0F, 4, 4), 0);
    EXPECT_EQ(attentionRowIndex(0.99F, 0.0F, 4, 4), 3);
    EXPECT_EQ(attentionRowIndex(0.0F, 0.99F, 4, 4), 12);
    EXPECT_EQ(attentionRowIndex(0.5F, 0.5F, 4, 4), 10);
    EXPECT_EQ(attentionRowIndex(0.3F, 0.6F, 8, 2), 1 * 8 + 2);
    EXPECT_EQ(attentionRowIndex(1.0F, 1.0F, 4, 4), 15); // clamped
    EXPECT_EQ(attentionRowIndex(-3.0F, 7.0F, 4, 4), 12);
    EXPECT_EQ(attentionRowIndex(0.7F, 0.7F, 1, 1), 0);
}

TEST(ModelConfigJson, RoundTrips)
{
    ModelConfig config = attn256();
    config.norm = NormKind::Instance;
    config.upsample = UpsampleKind::PixelShuffle;
    config.skip = SkipKind::Residual;
    config.spectralNorm = true;
    config.dropout = 0.25;
    config.attention = AttentionSpec::parse("enc:4,dec:3");
    const nlohmann::json j = config;
    EXPECT_EQ(j.at("attention"), "enc:4,dec:3");
    EXPECT_EQ(j.at("norm"), "instance");
    EXPECT_EQ(j.get<ModelConfig>(), config);
    EXPECT_EQ(modelConfigFromJson(nlohmann::json::parse(j.dump()), "x"), config);
}

TEST(ModelConfigJson, MissingKeysKeepDefaults)
{
    const ModelConfig config = modelConfigFromJson(nlohmann::json::parse(R"({"imageSize": 128})"), "test");
    ModelConfig expected;
    expected.imageSize = 128;
    EXPECT_EQ(config, expected);
}

TEST(ModelConfigJson, ErrorsNameTheSourceAndTheKey)
{
    const auto error = [](const char *text) {
        return errorOf([&] { modelConfigFromJson(nlohmann::json::parse(text), "runs/a/config.json"); });
    };
    const std::pair<const char *, const char *> cases[] = {
        {R"({"ngff": 3})", "unknown model setting \"ngff\""},
        {R"({"ngf": "wide"})", "\"ngf\" must be a whole number"},
        {R"({"ngf": 3.5})", "\"ngf\" must be a whole number"},
        {R"({"norm": "group"})", "unknown norm \"group\""},
        {R"({"upsample": 2})", "\"upsample\" must be a string"},
        {R"({"attention": "enc:three"})", "enc:three"},
        {R"({"imageSize": 100})", "imageSize = 100"},
        {R"({"imageSize": 64, "attention": "enc:7"})", "enc:7"},
        {R"({"spectralNorm": 1})", "\"spectralNorm\" must be true or false"},
        {R"({"dropout": 2})", "dropout"},
        {R"([1, 2])", "must be a JSON object"},
    };
    for (const auto &[text, needle] : cases) {
        const std::string message = error(text);
        EXPECT_EQ(message.rfind("runs/a/config.json: ", 0), 0U) << text << ": " << message;
        EXPECT_NE(message.find(needle), std::string::npos) << text << ": " << message;
    }
}
