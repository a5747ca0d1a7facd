// SPDX-License-Identifier: GPL-3.0-or-later
// UNetGenerator: the zi2zi UNet with per-depth, per-side self-attention.
#include "model/unetgenerator.h"

#include "model/fastconvtranspose.h"
#include "model/modelstate.h"

#include <sstream>

namespace zistudio::model
{

namespace
{

constexpr int64_t kKernel = 4;
constexpr int64_t kStride = 2;
constexpr int64_t kPadding = 1;
constexpr int64_t kShuffleKernel = 3;
constexpr int64_t kShuffleFactor = 2;
constexpr double kLeakySlope = 0.2;

torch::nn::AnyModule makeNorm(NormKind kind, int64_t channels)
{
    if (kind == NormKind::Batch)
        return torch::nn::AnyModule(torch::nn::BatchNorm2d(channels));
    return torch::nn::AnyModule(
        torch::nn::InstanceNorm2d(torch::nn::InstanceNorm2dOptions(channels).affine(true).track_running_stats(false)));
}

std::string shapeOf(const torch::Tensor &t)
{
    std::ostringstream out;
    out << t.sizes();
    return out.str();
}

} // namespace

/** One attention matrix captured for a probe. */
struct UNetGeneratorImpl::Capture
{
    AttentionSite site;
    torch::Tensor matrix; ///< [B, N, N]
    int height = 0;
    int width = 0;
    float gamma = 0.0F;
};

UNetGeneratorImpl::UNetGeneratorImpl(const ModelConfig &config)
    : m_config(config)
    , m_layout(unetLayout(config))
{
    using namespace torch::nn;
    const int depth = m_layout.depth;
    const auto enc = [this](int d) { return int64_t {m_layout.encoderChannels[static_cast<std::size_t>(d)]}; };

    for (int d = 1; d <= depth; ++d) {
        const bool norm = m_layout.encoderHasNorm(d);
        Sequential block;
        if (d > 1)
            block->push_back("act", LeakyReLU(LeakyReLUOptions().negative_slope(kLeakySlope)));
        block->push_back(
            "conv", Conv2d(Conv2dOptions(enc(d - 1), enc(d), kKernel).stride(kStride).padding(kPadding).bias(!norm)));
        if (norm)
            block->push_back("norm", makeNorm(config.norm, enc(d)));
        m_encoder.push_back(register_module("enc" + std::to_string(d), block));
    }

    m_decoder.resize(static_cast<std::size_t>(depth));
    for (int d = depth - 1; d >= 0; --d) {
        const int64_t in = m_layout.upInputChannels(d);
        const int64_t out = m_layout.upOutputChannels(d);
        const bool norm = m_layout.decoderHasNorm(d);
        Sequential block;
        // In place: the block's input (a fusion, or an attention output) is used by nothing else.
        block->push_back("act", ReLU(ReLUOptions().inplace(true)));
        if (config.upsample == UpsampleKind::TransposedConv) {
            // A ConvTranspose2d whose CPU path runs on oneDNN (same parameters and results).
            block->push_back("up",
                FastConvTranspose2d(
                    ConvTranspose2dOptions(in, out, kKernel).stride(kStride).padding(kPadding).bias(!norm)));
        } else {
            const int64_t shuffled = out * kShuffleFactor * kShuffleFactor;
            block->push_back("up", Conv2d(Conv2dOptions(in, shuffled, kShuffleKernel).padding(1).bias(!norm)));
            block->push_back("shuffle", PixelShuffle(PixelShuffleOptions(kShuffleFactor)));
        }
        if (norm)
            block->push_back("norm", makeNorm(config.norm, out));
        if (m_layout.decoderHasDropout(d) && config.dropout > 0.0)
            block->push_back("dropout", Dropout(DropoutOptions(config.dropout)));
        if (d == 0)
            block->push_back("tanh", Tanh());
        m_decoder[static_cast<std::size_t>(d)] = register_module("dec" + std::to_string(d), block);
    }

    embedding = register_module("embedding", Embedding(config.embeddingNum, config.embeddingDim));

    m_encoderAttention.resize(static_cast<std::size_t>(depth) + 1, SelfAttention(nullptr));
    m_decoderAttention.resize(static_cast<std::size_t>(depth) + 1, SelfAttention(nullptr));
    for (const AttentionSite &site : config.attention.sites) {
        const bool encoder = site.side == AttentionSide::Encoder;
        auto &slot = (encoder ? m_encoderAttention : m_decoderAttention)[static_cast<std::size_t>(site.depth)];
        slot = register_module((encoder ? "attn_enc" : "attn_dec") + std::to_string(site.depth),
            SelfAttention(SelfAttentionOptions(m_layout.attentionChannels(site))));
    }
    initWeights(*this);
}

void UNetGeneratorImpl::checkInput(const torch::Tensor &x) const
{
    const int64_t s = m_config.imageSize;
    if (x.dim() != 4 || x.size(1) != m_config.inputChannels || x.size(2) != s || x.size(3) != s)
        throw ModelError("generator input has shape " + shapeOf(x) + ", expected [B, "
            + std::to_string(m_config.inputChannels) + ", " + std::to_string(s) + ", " + std::to_string(s) + "]");
}

torch::Tensor UNetGeneratorImpl::styleFromIds(const torch::Tensor &styleIds)
{
    if (styleIds.dim() != 1 || styleIds.scalar_type() != torch::kLong)
        throw ModelError("style ids must be a 1-D int64 tensor, got " + shapeOf(styleIds));
    // A range check costs a device sync on a GPU, so it is done where it is free.
    if (styleIds.is_cpu() && styleIds.numel() > 0) {
        const int64_t low = styleIds.min().item<int64_t>();
        const int64_t high = styleIds.max().item<int64_t>();
        if (low < 0 || high >= m_config.embeddingNum)
            throw ModelError("style id " + std::to_string(low < 0 ? low : high) + " is outside the embedding table (0.."
                + std::to_string(m_config.embeddingNum - 1) + ")");
    }
    return embedding->forward(styleIds);
}

torch::Tensor UNetGeneratorImpl::applyAttention(
    SelfAttention &layer, const AttentionSite &site, const torch::Tensor &h, std::vector<Capture> *captures)
{
    if (captures == nullptr)
        return layer(h);
    auto [out, matrix] = layer->forwardWithAttention(h);
    captures->push_back({site, matrix, static_cast<int>(h.size(2)), static_cast<int>(h.size(3)), layer->gammaValue()});
    return out;
}

std::vector<torch::Tensor> UNetGeneratorImpl::runEncoder(const torch::Tensor &x, std::vector<Capture> *captures)
{
    checkInput(x);
    std::vector<torch::Tensor> maps;
    maps.reserve(m_encoder.size());
    torch::Tensor h = x;
    for (int d = 1; d <= m_layout.depth; ++d) {
        h = m_encoder[static_cast<std::size_t>(d) - 1]->forward(h);
        if (SelfAttention &attn = m_encoderAttention[static_cast<std::size_t>(d)])
            h = applyAttention(attn, {AttentionSide::Encoder, d}, h, captures);
        maps.push_back(h);
    }
    return maps;
}

GeneratorOutput UNetGeneratorImpl::run(
    const torch::Tensor &x, const torch::Tensor &style, std::vector<Capture> *captures)
{
    const std::vector<torch::Tensor> skips = runEncoder(x, captures);
    const torch::Tensor &bottleneck = skips.back();
    const int depth = m_layout.depth;
    // The style vector joins the bottleneck (1x1 at full depth; broadcast should it ever be larger).
    const torch::Tensor styleMap
        = style.reshape({style.size(0), style.size(1), 1, 1}).expand({-1, -1, bottleneck.size(2), bottleneck.size(3)});
    torch::Tensor h = torch::cat({bottleneck, styleMap}, 1);
    if (SelfAttention &attn = m_decoderAttention[static_cast<std::size_t>(depth)])
        h = applyAttention(attn, {AttentionSide::Decoder, depth}, h, captures);
    for (int d = depth - 1; d >= 1; --d) {
        const torch::Tensor up = m_decoder[static_cast<std::size_t>(d)]->forward(h);
        const torch::Tensor &skip = skips[static_cast<std::size_t>(d) - 1];
        h = m_config.skip == SkipKind::Concat ? torch::cat({skip, up}, 1) : skip + up;
        if (SelfAttention &attn = m_decoderAttention[static_cast<std::size_t>(d)])
            h = applyAttention(attn, {AttentionSide::Decoder, d}, h, captures);
    }
    return {m_decoder[0]->forward(h), bottleneck.flatten(1)};
}

GeneratorOutput UNetGeneratorImpl::forward(const torch::Tensor &x, const torch::Tensor &styleIds)
{
    if (styleIds.dim() == 1 && x.dim() == 4 && styleIds.size(0) != x.size(0))
        throw ModelError("generator got " + std::to_string(x.size(0)) + " images but "
            + std::to_string(styleIds.size(0)) + " style ids");
    return run(x, styleFromIds(styleIds), nullptr);
}

GeneratorOutput UNetGeneratorImpl::forwardBlend(const torch::Tensor &x, const torch::Tensor &styleWeights)
{
    if (styleWeights.dim() != 2 || styleWeights.size(1) != m_config.embeddingNum || x.dim() != 4
        || styleWeights.size(0) != x.size(0) || !styleWeights.is_floating_point())
        throw ModelError("style weights have shape " + shapeOf(styleWeights) + ", expected a float [B, "
            + std::to_string(m_config.embeddingNum) + "] for " + std::to_string(x.dim() == 4 ? x.size(0) : 0)
            + " images");
    return run(x, styleWeights.to(embedding->weight.scalar_type()).matmul(embedding->weight), nullptr);
}

torch::Tensor UNetGeneratorImpl::encode(const torch::Tensor &x)
{
    return runEncoder(x, nullptr).back().flatten(1);
}

std::vector<torch::Tensor> UNetGeneratorImpl::encoderParameters() const
{
    std::vector<torch::Tensor> out;
    for (const auto &block : m_encoder)
        for (const auto &p : block->parameters())
            out.push_back(p);
    for (const auto &attn : m_encoderAttention)
        if (attn)
            for (const auto &p : attn->parameters())
                out.push_back(p);
    return out;
}

std::vector<UNetGeneratorImpl::Capture> UNetGeneratorImpl::capture(
    const torch::Tensor &x, const torch::Tensor &styleIds)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = is_training();
    eval(); // no dropout, and a probe must not move the batch-norm statistics
    std::vector<Capture> captures;
    try {
        run(x, styleFromIds(styleIds), &captures);
    } catch (...) {
        train(wasTraining);
        throw;
    }
    train(wasTraining);
    // Config order (encoder first, by depth), not the order the forward pass met them.
    std::vector<Capture> ordered;
    for (const AttentionSite &site : m_config.attention.sites)
        for (Capture &c : captures)
            if (c.site == site)
                ordered.push_back(std::move(c));
    return ordered;
}

std::vector<std::pair<AttentionSite, torch::Tensor>> UNetGeneratorImpl::attentionMatrices(
    const torch::Tensor &x, const torch::Tensor &styleIds)
{
    std::vector<std::pair<AttentionSite, torch::Tensor>> out;
    for (Capture &c : capture(x, styleIds))
        out.emplace_back(c.site, std::move(c.matrix));
    return out;
}

namespace
{

/** A 1-D CPU float tensor of width*height values as a grid. */
FloatGrid toGrid(const torch::Tensor &row, int width, int height)
{
    const torch::Tensor values = row.to(torch::kCPU, torch::kFloat).contiguous();
    const float *data = values.data_ptr<float>();
    return FloatGrid {width, height, std::vector<float>(data, data + values.numel())};
}

} // namespace

std::vector<AttentionProbe> UNetGeneratorImpl::probe(const torch::Tensor &x, const torch::Tensor &styleIds,
    const std::vector<std::pair<float, float>> &queryPoints, const torch::Tensor &mask)
{
    const int64_t s = m_config.imageSize;
    if (x.dim() != 4 || x.size(0) != 1)
        throw ModelError("an attention probe takes one image [1, C, S, S], got " + shapeOf(x));
    if (mask.defined() && (mask.dim() != 2 || mask.size(0) != s || mask.size(1) != s))
        throw ModelError("an attention probe mask must be [" + std::to_string(s) + ", " + std::to_string(s) + "], got "
            + shapeOf(mask));
    torch::NoGradGuard noGrad;
    const torch::Tensor maskImage = mask.defined() ? mask.to(torch::kCPU, torch::kFloat).reshape({1, 1, s, s}) : mask;
    std::vector<AttentionProbe> probes;
    for (const Capture &c : capture(x, styleIds)) {
        AttentionProbe p;
        p.site = c.site;
        p.width = c.width;
        p.height = c.height;
        p.gamma = c.gamma;
        p.degenerate = c.width * c.height == 1;
        const torch::Tensor matrix = c.matrix[0].to(torch::kCPU, torch::kFloat); // [N, N]
        for (const auto &[u, v] : queryPoints)
            p.rows.push_back(toGrid(matrix[attentionRowIndex(u, v, c.width, c.height)], c.width, c.height));
        if (maskImage.defined()) {
            // A position counts as stroke when any pixel of its block is.
            const int64_t block = s / c.height;
            const torch::Tensor cells = torch::max_pool2d(maskImage, {block, block}, {block, block}).flatten() > 0.5F;
            if (cells.any().item<bool>())
                p.maskMean = toGrid(matrix.index({cells}).mean(0), c.width, c.height);
        }
        probes.push_back(std::move(p));
    }
    return probes;
}

SelfAttention UNetGeneratorImpl::attentionAt(const AttentionSite &site) const
{
    if (site.depth < 1 || site.depth > m_layout.depth)
        return SelfAttention(nullptr);
    const auto &slots = site.side == AttentionSide::Encoder ? m_encoderAttention : m_decoderAttention;
    return slots[static_cast<std::size_t>(site.depth)];
}

std::vector<std::pair<AttentionSite, float>> UNetGeneratorImpl::gammas() const
{
    std::vector<std::pair<AttentionSite, float>> out;
    for (const AttentionSite &site : m_config.attention.sites)
        out.emplace_back(site, attentionAt(site)->gammaValue());
    return out;
}

} // namespace zistudio::model
