// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/modelconfig.h"

#include <cstdint>
#include <string>
#include <vector>

namespace zistudio::model
{

/**
 * One depth of the UNet (0 = the image, 1 = the size/2 map, ..., D = the 1x1 bottleneck).
 * Parameters and MACs are those of the blocks that PRODUCE the maps of this depth.
 */
struct DepthCost
{
    int depth = 0;
    int resolution = 0;               ///< maps here are resolution x resolution
    int encoderChannels = 0;          ///< encoder output (depth 0: the input image)
    int decoderChannels = 0;          ///< decoder map after skip fusion (depth D: bottleneck + embedding; 0: output)
    bool encoderAttention = false;    ///< an attention layer after this depth's down-sampling
    bool decoderAttention = false;    ///< an attention layer after this depth's skip fusion
    std::int64_t encoderParams = 0;   ///< encoder block enc<d> (0 at depth 0)
    std::int64_t decoderParams = 0;   ///< up-block dec<d> from depth d+1 (0 at depth D)
    std::int64_t attentionParams = 0; ///< attention layers at this depth, both sides
    double encoderMacs = 0;           ///< per image
    double decoderMacs = 0;           ///< per image
    double attentionMacs = 0;         ///< per image, both sides
    std::int64_t activationBytes = 0; ///< generator forward tensors at this depth, whole batch
};

/**
 * How a training step holds its attention scores, which decides the attention's share of the training memory.
 * Matrix: the whole N x N matrix per image, kept from the forward pass for the backward (a GPU, and any map of
 * fewer than kBlockedAttentionMinPositions positions). Blocked: ZiStudio's CPU kernel (model::blockedAttention)
 * from kBlockedAttentionMinPositions positions on, which keeps each row's maximum and sum (2 floats per position)
 * and never the matrix; its transient blocks (1.5 MiB per thread) are left out.
 */
enum class AttentionMemory
{
    Matrix,
    Blocked,
};

/** "matrix" or "blocked". */
const char *toString(AttentionMemory memory);

/** How a step on `device` holds its scores: Blocked on the CPU ("cpu", or "auto" where no GPU answers), Matrix on a
 * GPU ("cuda", "cuda:N", or "auto" with one). */
AttentionMemory attentionMemoryOn(const std::string &device);

/** One self-attention layer's cost. */
struct AttentionCost
{
    AttentionSite site;
    int height = 0;
    int width = 0;
    int channels = 0;    ///< C of the map it attends over
    int keyChannels = 0; ///< C/8 (at least 1)
    std::int64_t params = 0;
    double macs = 0;                  ///< per image: 1x1 convs + the two N x N products
    double flops = 0;                 ///< 2 * macs
    std::int64_t matrixBytes = 0;     ///< B * N * N * 4: the softmax matrix of the whole batch, if it were built
    std::int64_t activationBytes = 0; ///< q, k, v, output and the scores kept (energy and softmax, or Blocked's row
                                      ///< maximum and sum); whole batch
    bool blocked = false;             ///< trained by the blocked CPU kernel: the matrix is never built
    bool degenerate = false;          ///< N == 1: one position, nothing to attend to
};

/** Parameter count of one named submodule (the names the modules are registered under). */
struct ModuleParams
{
    std::string name; ///< "enc3", "dec0", "attn_enc3", "embedding", "discriminator"
    std::int64_t params = 0;
};

/**
 * Everything the cost model knows about a configuration, computed from the config alone.
 *
 * MACs count multiply-accumulates of convolutions, transposed convolutions, attention 1x1 convs and
 * attention matrix products (norms, activations and softmax are elementwise and left out); FLOPs =
 * 2 x MACs. A training step (zi2zi) is accounted as: generator forward on the source, encoder
 * forward on the fake (constancy loss), discriminator forward three times (real pair and fake pair
 * for the D step, fake pair for the G step); every forward pass is back-propagated and a backward
 * pass costs about 2x its forward, so a step is 3 x (G + encoder + 3 D) forward MACs per image, times
 * the batch, times 2 for FLOPs.
 */
struct CostReport
{
    ModelConfig config;
    int batchSize = 1;
    AttentionMemory attentionMemory = AttentionMemory::Matrix;
    std::vector<DepthCost> depths; ///< depth 0..D
    std::vector<AttentionCost> attention;
    std::vector<ModuleParams> modules; ///< every generator submodule, then "discriminator"

    std::int64_t encoderParams = 0;
    std::int64_t decoderParams = 0;
    std::int64_t attentionParams = 0;
    std::int64_t embeddingParams = 0;
    std::int64_t generatorParams = 0; ///< sum of the four above
    std::int64_t discriminatorParams = 0;

    double encoderMacs = 0;       ///< per image: encoder with its attention (the constancy pass)
    double generatorMacs = 0;     ///< per image, one forward
    double generatorFlops = 0;    ///< 2 x generatorMacs
    double discriminatorMacs = 0; ///< per image pair, one forward
    double trainingStepFlops = 0; ///< one training step, whole batch (accounting above)

    std::int64_t generatorActivationBytes = 0;     ///< one generator forward, whole batch, float32
    std::int64_t discriminatorActivationBytes = 0; ///< one discriminator forward, whole batch
    std::int64_t attentionMatrixBytes = 0;         ///< all attention matrices, whole batch, as if built at once
    /** Rough training footprint: weights, gradients and two Adam moments of G and D (16 bytes per
     * parameter) plus the activations of a step (G, encoder on the fake, three D passes). */
    std::int64_t trainingMemoryBytes = 0;

    std::vector<std::string> warnings; ///< degenerate placements, attention matrices over budget
};

/** An attention matrix bigger than this (whole batch) is worth a warning, where a step would build it. */
inline constexpr std::int64_t kAttentionMatrixBudgetBytes = std::int64_t {1} << 30;

/** The layer's matrix is over kAttentionMatrixBudgetBytes and a step would build it (not the blocked kernel). */
inline bool overMatrixBudget(const AttentionCost &cost)
{
    return !cost.blocked && cost.matrixBytes > kAttentionMatrixBudgetBytes;
}

/** The cost of a configuration at a batch size, its attention held as `memory` says; throws ModelError on an
 * invalid config or batch. */
CostReport estimateCost(const ModelConfig &config, int batchSize, AttentionMemory memory = AttentionMemory::Matrix);

/** The per-depth table, attention layers, totals and warnings as aligned text. */
std::string formatCostTable(const CostReport &report);

} // namespace zistudio::model
