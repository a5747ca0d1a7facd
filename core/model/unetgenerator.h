// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/.
#include "model/attentionprobe.h"
#include "model/modelconfig.h"
#include "model/selfattention.h"
#include "model/unetlayout.h"

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace zistudio::model
{

/** What the generator returns. */
struct GeneratorOutput
{
    torch::Tensor image;   ///< [B, C, S, S] in [-1, 1] (tanh)
    torch::Tensor encoded; ///< bottleneck features of the input, flattened [B, C_D] (zi2zi's encoded_real_A)
};

/**
 * The zi2zi UNet generator with self-attention switchable per depth and side (see UNetLayout for
 * the block structure). Submodules are registered as enc1..encD, dec0..dec<D-1>, attn_enc<d>,
 * attn_dec<d> and embedding; those names are what checkpoints and the cost model use.
 *
 * Inputs: x [B, C, S, S] in [-1, 1] (S = config.imageSize), style ids [B] int64.
 */
class UNetGeneratorImpl : public torch::nn::Module
{
public:
    explicit UNetGeneratorImpl(const ModelConfig &config); ///< throws ModelError on an invalid config

    GeneratorOutput forward(const torch::Tensor &x, const torch::Tensor &styleIds);
    /** Style interpolation: styleWeights [B, embeddingNum] mixes the embedding table's rows. */
    GeneratorOutput forwardBlend(const torch::Tensor &x, const torch::Tensor &styleWeights);
    /** The encoder alone: flattened bottleneck [B, C_D] (constancy loss on the generated image). */
    torch::Tensor encode(const torch::Tensor &x);
    /** Parameters of the encoder blocks and encoder-side attention (to freeze the encoder). */
    std::vector<torch::Tensor> encoderParameters() const;

    /**
     * What each attention layer looks at, for ONE image (x [1, C, S, S]). queryPoints are normalised
     * image coordinates (0..1, x right, y down); mask, if defined, is [S, S] bool (stroke pixels) and
     * gives the mean row over the masked positions. Runs in eval mode without gradients and restores
     * the training flag; nothing is kept.
     */
    std::vector<AttentionProbe> probe(const torch::Tensor &x, const torch::Tensor &styleIds,
        const std::vector<std::pair<float, float>> &queryPoints, const torch::Tensor &mask = {});
    /** The raw attention matrices [B, N, N] of every layer, in config order (eval, no grad). */
    std::vector<std::pair<AttentionSite, torch::Tensor>> attentionMatrices(
        const torch::Tensor &x, const torch::Tensor &styleIds);
    /** Each attention layer's gate gamma, in config order. */
    std::vector<std::pair<AttentionSite, float>> gammas() const;
    /** The attention layer at a site (an empty holder when there is none). */
    SelfAttention attentionAt(const AttentionSite &site) const;

    const ModelConfig &config() const { return m_config; }
    const UNetLayout &layout() const { return m_layout; }

    torch::nn::Embedding embedding {nullptr};

private:
    struct Capture;
    torch::Tensor styleFromIds(const torch::Tensor &styleIds);
    void checkInput(const torch::Tensor &x) const;
    /** Runs once in eval mode without gradients, capturing every attention matrix (config order). */
    std::vector<Capture> capture(const torch::Tensor &x, const torch::Tensor &styleIds);
    /** Encoder maps for depths 1..D (index d-1), after their attention layers. */
    std::vector<torch::Tensor> runEncoder(const torch::Tensor &x, std::vector<Capture> *captures);
    GeneratorOutput run(const torch::Tensor &x, const torch::Tensor &style, std::vector<Capture> *captures);
    torch::Tensor applyAttention(
        SelfAttention &layer, const AttentionSite &site, const torch::Tensor &h, std::vector<Capture> *captures);

    ModelConfig m_config;
    UNetLayout m_layout;
    std::vector<torch::nn::Sequential> m_encoder;  ///< [d - 1] = enc<d>
    std::vector<torch::nn::Sequential> m_decoder;  ///< [d] = dec<d>
    std::vector<SelfAttention> m_encoderAttention; ///< [d], empty holder where off
    std::vector<SelfAttention> m_decoderAttention; ///< [d], empty holder where off
};
TORCH_MODULE(UNetGenerator);

} // namespace zistudio::model
