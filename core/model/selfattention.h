// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/.
#include <torch/torch.h>

#include <utility>

namespace zistudio::model
{

/** Options of a SAGAN self-attention layer. */
struct SelfAttentionOptions
{
    explicit SelfAttentionOptions(int64_t channels)
        : channels_(channels)
    { }
    /// Channels C of the map it attends over; query/key get max(1, C/8), value C.
    TORCH_ARG(int64_t, channels);
};

/**
 * SAGAN self-attention: 1x1 convs to query and key (C/8) and value (C), energy = q^T k over all
 * H*W positions, softmax over the keys (last dim), out = gamma * (v attention^T) + x. gamma is a
 * learned scalar starting at 0, so a fresh layer is the identity. The attention matrix is only
 * materialised for the caller by forwardWithAttention (probes), never kept during training.
 */
class SelfAttentionImpl : public torch::nn::Module
{
public:
    explicit SelfAttentionImpl(const SelfAttentionOptions &options);

    /** x [B,C,H,W] -> [B,C,H,W]. */
    torch::Tensor forward(const torch::Tensor &x);
    /** The output and the attention matrix [B,N,N], N = H*W: row i is where position i (y*W+x) attends. */
    std::pair<torch::Tensor, torch::Tensor> forwardWithAttention(const torch::Tensor &x);
    /** The current gate gamma. */
    float gammaValue() const;

    SelfAttentionOptions options;
    torch::nn::Conv2d query {nullptr};
    torch::nn::Conv2d key {nullptr};
    torch::nn::Conv2d value {nullptr};
    torch::Tensor gamma;

private:
    torch::Tensor attend(const torch::Tensor &x, torch::Tensor *matrix);
};
TORCH_MODULE(SelfAttention);

} // namespace zistudio::model
