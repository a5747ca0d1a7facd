// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/.
#include "model/unetlayout.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <utility>

namespace zistudio::model
{

/** Elements of one block of scores in blockedAttention (512 KiB of float32): with kBlockedAttentionMinRows, the
 * row blocks bench_attention measured best or within 5 % of it at N = 256, 1024 and 4096 (docs/performance.md). */
constexpr int64_t kBlockedAttentionScores = int64_t {1} << 17;
/** The fewest query rows per block (fewer make each product too small). */
constexpr int64_t kBlockedAttentionMinRows = 128;

/**
 * Softmax attention without the N x N matrix: qkv [B, 2Ck + C, N] holds q [B, Ck, N], k [B, Ck, N] and
 * v [B, C, N] (the layer's one projection); returns o [B, C, N], o[:, :, i] = sum_j softmax_j(q_i . k_j) v_j,
 * computed rowBlock query positions at a time, the backward pass recomputing each block from the
 * row's maximum and sum (flash attention's idea, row-blocked only: a whole row of scores fits the cache).
 * CPU, float32 or float64; differentiable in qkv; equal to the explicit products up to float rounding.
 */
torch::Tensor blockedAttention(const torch::Tensor &qkv, int64_t keyChannels, int64_t rowBlock);
/** The row block blockedAttention uses for N positions: kBlockedAttentionScores / N, at least
 * kBlockedAttentionMinRows, at most N. */
int64_t blockedAttentionRows(int64_t positions);

/** scaled_dot_product_attention's inputs [B, 1, N, d] for SAGAN's q [B, Ck, N], k [B, Ck, N] and v [B, C, N]. */
struct SdpaInputs
{
    torch::Tensor query; ///< q, times sqrt(d): SAGAN has no 1/sqrt(d), this cancels SDPA's
    torch::Tensor key;
    torch::Tensor value;
};

/** Channels that q, k and v must come in multiples of for a GPU's memory-efficient attention kernel (its GEMMs
 * read 128 bits at a time on sm80 and newer): 4 in float32, 8 in bf16 and half. */
int64_t sdpaChannelAlignment(torch::ScalarType type);

/**
 * The layer's q, k, v as SDPA takes them. forFusedKernel (a GPU): every row of d channels contiguous, and each
 * width zero-padded to sdpaChannelAlignment — a fused kernel refuses a transposed view or a key 4 channels wide
 * in bf16 and the math kernel it falls back to builds the N x N matrix. Zero channels add nothing to q.k, and the
 * value's padding comes out as zero channels that sdpaAttention drops. Otherwise transposed views, no copies
 * (the CPU, whose fused kernel refuses SAGAN's unequal widths anyway).
 */
SdpaInputs sdpaInputs(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, bool forFusedKernel);

#if TORCH_VERSION_MAJOR >= 2
/** softmax(q^T k) attention through scaled_dot_product_attention: o [B, C, N] from sdpaInputs. */
torch::Tensor sdpaAttention(
    const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, bool forFusedKernel);
#endif

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
 *
 * On the CPU (float32 and float64), from kBlockedAttentionMinPositions positions on, forward runs
 * blockedAttention: the N x N matrix is never built, a block of query rows at a time stays in the
 * cache and the backward pass recomputes it (docs/performance.md: "Blocked attention").
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

    /** Process-wide switch, on by default; off = the whole-matrix path (benchmarks compare both). */
    static void setBlockedEnabled(bool enabled);
    static bool blockedEnabled();

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
