// SPDX-License-Identifier: GPL-3.0-or-later
// ModelConfig: depth, validation, enum names and the reference configurations.
#include "model/modelconfig.h"

#include <bit>

namespace zistudio::model
{

namespace
{

/** Upper bounds that keep a typo ("ngf 6400") from asking for terabytes; far above any real use. */
constexpr int kMaxWidth = 4096;
constexpr int kMaxEmbeddingNum = 100000;
constexpr int kMaxEmbeddingDim = 4096;
constexpr int kMaxChannels = 4;

std::string setting(const char *name, int value)
{
    return std::string("model setting ") + name + " = " + std::to_string(value);
}

} // namespace

int ModelConfig::depth() const
{
    if (imageSize < kMinImageSize || imageSize > kMaxImageSize
        || !std::has_single_bit(static_cast<unsigned>(imageSize)))
        throw ModelError(setting("imageSize", imageSize) + " is not supported (use 32, 64, 128, 256 or 512)");
    return std::countr_zero(static_cast<unsigned>(imageSize));
}

std::string toString(NormKind kind)
{
    return kind == NormKind::Batch ? "batch" : "instance";
}

std::string toString(UpsampleKind kind)
{
    return kind == UpsampleKind::TransposedConv ? "transposed" : "pixelshuffle";
}

std::string toString(SkipKind kind)
{
    return kind == SkipKind::Concat ? "concat" : "residual";
}

NormKind parseNormKind(const std::string &text)
{
    if (text == "batch")
        return NormKind::Batch;
    if (text == "instance")
        return NormKind::Instance;
    throw ModelError("unknown norm \"" + text + "\" (use batch or instance)");
}

UpsampleKind parseUpsampleKind(const std::string &text)
{
    if (text == "transposed")
        return UpsampleKind::TransposedConv;
    if (text == "pixelshuffle")
        return UpsampleKind::PixelShuffle;
    throw ModelError("unknown upsampling \"" + text + "\" (use transposed or pixelshuffle)");
}

SkipKind parseSkipKind(const std::string &text)
{
    if (text == "concat")
        return SkipKind::Concat;
    if (text == "residual")
        return SkipKind::Residual;
    throw ModelError("unknown skip kind \"" + text + "\" (use concat or residual)");
}

void validate(const ModelConfig &config)
{
    const int depth = config.depth();
    const auto checkRange = [](const char *name, int value, int low, int high) {
        if (value < low || value > high)
            throw ModelError(
                setting(name, value) + " is out of range " + std::to_string(low) + ".." + std::to_string(high));
    };
    checkRange("inputChannels", config.inputChannels, 1, kMaxChannels);
    checkRange("ngf", config.ngf, 1, kMaxWidth);
    checkRange("ndf", config.ndf, 1, kMaxWidth);
    checkRange("embeddingNum", config.embeddingNum, 1, kMaxEmbeddingNum);
    checkRange("embeddingDim", config.embeddingDim, 1, kMaxEmbeddingDim);
    if (!(config.dropout >= 0.0 && config.dropout < 1.0))
        throw ModelError("model setting dropout = " + std::to_string(config.dropout) + " is out of range [0, 1)");
    for (const AttentionSite &site : config.attention.sites) {
        if (site.depth < 1 || site.depth > depth)
            throw ModelError("attention " + toString(site) + " is outside the UNet: depths are 1.."
                + std::to_string(depth) + " at " + std::to_string(config.imageSize) + " px");
    }
}

ModelConfig classic256()
{
    return ModelConfig {
        .imageSize = 256,
        .inputChannels = 1,
        .ngf = 64,
        .ndf = 64,
        .embeddingNum = 40,
        .embeddingDim = 128,
        .norm = NormKind::Batch,
        .upsample = UpsampleKind::TransposedConv,
        .skip = SkipKind::Concat,
        .dropout = 0.5,
        .spectralNorm = false,
        .attention = {},
    };
}

ModelConfig attn256()
{
    ModelConfig config = classic256();
    config.attention = AttentionSpec::parse("enc:3,enc:4"); // 32x32 and 16x16 maps at 256 px
    return config;
}

ModelConfig cpu64()
{
    ModelConfig config = classic256();
    config.imageSize = 64;
    config.ngf = 32;
    config.ndf = 32;
    return config;
}

} // namespace zistudio::model
