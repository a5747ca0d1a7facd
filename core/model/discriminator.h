// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/.
#include "model/modelconfig.h"

#include <torch/torch.h>

#include <vector>

namespace zistudio::model
{

/** What the discriminator returns. */
struct DiscriminatorOutput
{
    torch::Tensor logits;         ///< [B, 1, S/16, S/16] real/fake logits, one per patch
    torch::Tensor categoryLogits; ///< [B, embeddingNum] style classifier logits
};

/**
 * zi2zi's PatchGAN discriminator on the (source, image) pair: four 4x4 stride-2 convs with widths
 * ndf*{1,2,4,8}, batch norm after all but the first, LeakyReLU(0.2); a 3x3 conv to one logit per
 * patch; and a style classifier (1x1 conv) on globally average-pooled features, so it works at every
 * image size (no size-dependent Linear layer). With config.spectralNorm every conv is a
 * SpectralConv2d. Submodules: layer1..layer4, patch, category.
 */
class DiscriminatorImpl : public torch::nn::Module
{
public:
    explicit DiscriminatorImpl(const ModelConfig &config); ///< throws ModelError on an invalid config

    /** source, image: [B, C, S, S] in [-1, 1]. */
    DiscriminatorOutput forward(const torch::Tensor &source, const torch::Tensor &image);

    const ModelConfig &config() const { return m_config; }

private:
    ModelConfig m_config;
    std::vector<torch::nn::Sequential> m_layers;
    torch::nn::Sequential m_patch {nullptr};
    torch::nn::Sequential m_category {nullptr};
};
TORCH_MODULE(Discriminator);

} // namespace zistudio::model
