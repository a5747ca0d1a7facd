// SPDX-License-Identifier: GPL-3.0-or-later
// The cost model: parameters, MACs and memory of a configuration, from the config alone.
#include "model/costmodel.h"

#include "common/computedevice.h"
#include "model/unetlayout.h"

namespace zistudio::model
{

namespace
{

constexpr std::int64_t kFloatBytes = 4;
constexpr int kKernel = 4;        ///< the 4x4 down and up convolutions
constexpr int kShuffleKernel = 3; ///< the 3x3 conv before PixelShuffle
constexpr int kShuffleFactor = 4; ///< PixelShuffle(2) needs 4x the channels
constexpr int kPatchKernel = 3;   ///< the discriminator's patch head
constexpr int kMaxBatch = 1 << 20;
/** Backward ~ 2x forward, so forward + backward ~ 3x forward. */
constexpr double kForwardPlusBackward = 3.0;
/** Training memory per parameter: weight, gradient, Adam's two moments. */
constexpr std::int64_t kTrainingBytesPerParam = 4 * kFloatBytes;

std::int64_t convParams(std::int64_t in, std::int64_t out, std::int64_t kernel, bool bias)
{
    return out * in * kernel * kernel + (bias ? out : 0);
}

AttentionCost attentionCost(const AttentionSite &site, const UNetLayout &layout, int batch, AttentionMemory memory)
{
    AttentionCost cost;
    cost.site = site;
    cost.height = cost.width = layout.resolution(site.depth);
    cost.channels = layout.attentionChannels(site);
    cost.keyChannels = attentionKeyChannels(cost.channels);
    const std::int64_t c = cost.channels;
    const std::int64_t ck = cost.keyChannels;
    const std::int64_t n = std::int64_t {cost.height} * cost.width;
    cost.params = 2 * convParams(c, ck, 1, true) + convParams(c, c, 1, true) + 1;
    // q, k, v projections, then energy = q^T k (N x N x Ck) and out = v attention^T (N x N x C).
    const double nd = static_cast<double>(n);
    cost.macs = nd * static_cast<double>(2 * c * ck + c * c) + nd * nd * static_cast<double>(ck + c);
    cost.flops = 2.0 * cost.macs;
    cost.matrixBytes = batch * n * n * kFloatBytes;
    cost.blocked = memory == AttentionMemory::Blocked && n >= kBlockedAttentionMinPositions;
    // Kept for the backward pass: energy and softmax (N x N each), or the blocked kernel's row maximum and sum.
    const std::int64_t scores = cost.blocked ? 2 * n : 2 * n * n;
    cost.activationBytes = batch * kFloatBytes * (n * (2 * ck + 4 * c) + scores);
    cost.degenerate = n == 1;
    return cost;
}

std::string mib(std::int64_t bytes)
{
    return std::to_string((bytes + (1 << 19)) >> 20) + " MiB";
}

} // namespace

const char *toString(AttentionMemory memory)
{
    return memory == AttentionMemory::Blocked ? "blocked" : "matrix";
}

AttentionMemory attentionMemoryOn(const std::string &device)
{
    if (device == "cpu")
        return AttentionMemory::Blocked;
    if (device == "auto")
        return cudaAvailable() ? AttentionMemory::Matrix : AttentionMemory::Blocked;
    return AttentionMemory::Matrix; // "cuda", "cuda:N"
}

CostReport estimateCost(const ModelConfig &config, int batchSize, AttentionMemory memory)
{
    if (batchSize < 1 || batchSize > kMaxBatch)
        throw ModelError(
            "batch size " + std::to_string(batchSize) + " is out of range 1.." + std::to_string(kMaxBatch));
    const UNetLayout layout = unetLayout(config);
    const int depth = layout.depth;
    const std::int64_t batch = batchSize;
    CostReport report;
    report.config = config;
    report.batchSize = batchSize;
    report.attentionMemory = memory;
    report.depths.resize(static_cast<std::size_t>(depth) + 1);

    // Per-depth convolutions and activations (elements per image, scaled by batch at the end).
    std::vector<std::int64_t> elements(report.depths.size(), 0);
    const auto area = [&](int d) { return std::int64_t {layout.resolution(d)} * layout.resolution(d); };
    const auto enc = [&](int d) { return std::int64_t {layout.encoderChannels[static_cast<std::size_t>(d)]}; };
    const auto fused = [&](int d) { return std::int64_t {layout.fusedChannels[static_cast<std::size_t>(d)]}; };
    for (int d = 0; d <= depth; ++d) {
        DepthCost &row = report.depths[static_cast<std::size_t>(d)];
        row.depth = d;
        row.resolution = layout.resolution(d);
        row.encoderChannels = static_cast<int>(enc(d));
        row.decoderChannels = static_cast<int>(fused(d));
        auto &el = elements[static_cast<std::size_t>(d)];
        if (d == 0) {
            el += area(0) * enc(0); // the input image
        } else {
            // Encoder block: [LeakyReLU] conv4x4/2 [norm].
            const bool norm = layout.encoderHasNorm(d);
            row.encoderParams = convParams(enc(d - 1), enc(d), kKernel, !norm) + (norm ? 2 * enc(d) : 0);
            row.encoderMacs = static_cast<double>(area(d) * enc(d) * enc(d - 1) * kKernel * kKernel);
            el += (d > 1 ? area(d - 1) * enc(d - 1) : 0) + area(d) * enc(d) * (norm ? 2 : 1);
        }
        if (d == depth) {
            el += area(d) * fused(d) + config.embeddingDim; // embedding, joined map
            continue;
        }
        // Up-block from depth d+1: ReLU, up-sampling, [norm], [dropout], then fusion (or tanh at 0).
        const std::int64_t in = fused(d + 1);
        const std::int64_t out = layout.upOutputChannels(d);
        const bool norm = layout.decoderHasNorm(d);
        el += area(d + 1) * in; // ReLU
        if (config.upsample == UpsampleKind::TransposedConv) {
            // ConvTranspose2d weight [in, out, 4, 4]: every input pixel scatters a 4x4 patch.
            row.decoderParams = convParams(in, out, kKernel, !norm);
            row.decoderMacs = static_cast<double>(area(d + 1) * in * out * kKernel * kKernel);
            el += area(d) * out;
        } else {
            row.decoderParams = convParams(in, kShuffleFactor * out, kShuffleKernel, !norm);
            row.decoderMacs
                = static_cast<double>(area(d + 1) * in * kShuffleFactor * out * kShuffleKernel * kShuffleKernel);
            el += area(d + 1) * kShuffleFactor * out + area(d) * out;
        }
        if (norm) {
            row.decoderParams += 2 * out;
            el += area(d) * out;
        }
        if (layout.decoderHasDropout(d) && config.dropout > 0.0)
            el += area(d) * out;
        el += d == 0 ? area(0) * out : area(d) * fused(d); // tanh, or the fused map (concat or sum)
    }

    for (const AttentionSite &site : config.attention.sites) {
        AttentionCost cost = attentionCost(site, layout, batchSize, memory);
        DepthCost &row = report.depths[static_cast<std::size_t>(site.depth)];
        (site.side == AttentionSide::Encoder ? row.encoderAttention : row.decoderAttention) = true;
        row.attentionParams += cost.params;
        row.attentionMacs += cost.macs;
        row.activationBytes += cost.activationBytes;
        report.attentionMatrixBytes += cost.matrixBytes;
        if (site.side == AttentionSide::Encoder)
            report.encoderMacs += cost.macs;
        const std::string name = "attention " + toString(site);
        if (cost.degenerate)
            report.warnings.push_back(name + " sits on a 1x1 map: one position, nothing to attend to (degenerate)");
        if (overMatrixBudget(cost))
            report.warnings.push_back(name + " needs " + mib(cost.matrixBytes) + " for its attention matrix at batch "
                + std::to_string(batchSize) + " (" + std::to_string(cost.height) + "x" + std::to_string(cost.width)
                + " positions), over the " + mib(kAttentionMatrixBudgetBytes) + " budget");
        report.attention.push_back(cost);
    }

    for (int d = 0; d <= depth; ++d) {
        DepthCost &row = report.depths[static_cast<std::size_t>(d)];
        row.activationBytes += batch * kFloatBytes * elements[static_cast<std::size_t>(d)];
        report.encoderParams += row.encoderParams;
        report.decoderParams += row.decoderParams;
        report.attentionParams += row.attentionParams;
        report.encoderMacs += row.encoderMacs;
        report.generatorMacs += row.encoderMacs + row.decoderMacs + row.attentionMacs;
        report.generatorActivationBytes += row.activationBytes;
    }
    report.embeddingParams = std::int64_t {config.embeddingNum} * config.embeddingDim;
    report.generatorParams
        = report.encoderParams + report.decoderParams + report.attentionParams + report.embeddingParams;
    report.generatorFlops = 2.0 * report.generatorMacs;

    // Discriminator: four 4x4/2 convs (norm after all but the first), a 3x3 patch head, and a
    // 1x1 category head on the globally pooled features.
    const std::vector<int> dch = discriminatorChannels(config);
    std::int64_t in = 2 * std::int64_t {config.inputChannels};
    std::int64_t dElements = area(0) * in;
    for (int i = 0; i < kDiscriminatorLayers; ++i) {
        const std::int64_t out = dch[static_cast<std::size_t>(i)];
        const bool norm = i > 0;
        report.discriminatorParams += convParams(in, out, kKernel, !norm) + (norm ? 2 * out : 0);
        report.discriminatorMacs += static_cast<double>(area(i + 1) * out * in * kKernel * kKernel);
        dElements += area(i + 1) * out * (norm ? 3 : 2); // conv, [norm], LeakyReLU
        in = out;
    }
    report.discriminatorParams += convParams(in, 1, kPatchKernel, true) + convParams(in, config.embeddingNum, 1, true);
    report.discriminatorMacs += static_cast<double>(
        area(kDiscriminatorLayers) * in * kPatchKernel * kPatchKernel + in * config.embeddingNum);
    dElements += area(kDiscriminatorLayers) + in + config.embeddingNum;
    report.discriminatorActivationBytes = batch * kFloatBytes * dElements;

    const double forwardMacs = report.generatorMacs + report.encoderMacs + 3.0 * report.discriminatorMacs;
    report.trainingStepFlops = 2.0 * kForwardPlusBackward * forwardMacs * static_cast<double>(batch);

    std::int64_t encoderActivations = 0;
    for (int d = 1; d <= depth; ++d)
        encoderActivations += batch * kFloatBytes
            * (area(d) * enc(d) * (layout.encoderHasNorm(d) ? 2 : 1) + (d > 1 ? area(d - 1) * enc(d - 1) : 0));
    for (const AttentionCost &cost : report.attention)
        if (cost.site.side == AttentionSide::Encoder)
            encoderActivations += cost.activationBytes;
    report.trainingMemoryBytes = kTrainingBytesPerParam * (report.generatorParams + report.discriminatorParams)
        + report.generatorActivationBytes + encoderActivations + 3 * report.discriminatorActivationBytes;

    // The module list, under the names UNetGenerator and Discriminator register.
    for (int d = 1; d <= depth; ++d)
        report.modules.push_back({"enc" + std::to_string(d), report.depths[static_cast<std::size_t>(d)].encoderParams});
    for (int d = depth - 1; d >= 0; --d)
        report.modules.push_back({"dec" + std::to_string(d), report.depths[static_cast<std::size_t>(d)].decoderParams});
    for (const AttentionCost &cost : report.attention)
        report.modules.push_back({std::string(cost.site.side == AttentionSide::Encoder ? "attn_enc" : "attn_dec")
                + std::to_string(cost.site.depth),
            cost.params});
    report.modules.push_back({"embedding", report.embeddingParams});
    report.modules.push_back({"discriminator", report.discriminatorParams});
    return report;
}

} // namespace zistudio::model
