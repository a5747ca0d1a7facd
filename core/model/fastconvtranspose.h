// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/.
#include <torch/torch.h>

namespace zistudio::model
{

/**
 * A ConvTranspose2d (same options, same parameters weight [in, out, k, k] and bias, so checkpoints
 * and initialisation treat it as one) whose CPU float32 path runs on oneDNN. LibTorch 1.13 has no
 * oneDNN transposed convolution: it scatters columns (col2im, one thread) after a BLAS product,
 * about half as fast as oneDNN on this model's shapes (docs/performance.md). A transposed
 * convolution is the data gradient of the convolution with the same weight, so the forward pass is
 * oneDNN's backward-data primitive, the input gradient is oneDNN's forward convolution and the weight
 * gradient its backward-weights primitive. Results equal LibTorch's up to float rounding.
 *
 * LibTorch's own path stays where it is faster or the only one: other devices and dtypes, groups,
 * dilation or output padding, narrow outputs (fewer than kMinOutputChannels, e.g. the image layer),
 * and, for the backward pass only, big weights on small maps (oneDNN then spends its time
 * re-laying out the weight).
 */
class FastConvTranspose2dImpl : public torch::nn::ConvTranspose2dImpl
{
public:
    using torch::nn::ConvTranspose2dImpl::ConvTranspose2dImpl;

    torch::Tensor forward(const torch::Tensor &input, const c10::optional<at::IntArrayRef> &output_size = c10::nullopt);

    /** Process-wide switch, on by default; off = LibTorch's path everywhere (benchmarks compare both). */
    static void setEnabled(bool enabled);
    static bool enabled();

    /** Fewer output channels than this: LibTorch's path (oneDNN is slower on thin outputs). */
    static constexpr int64_t kMinOutputChannels = 8;
    /** Backward on oneDNN only when the weight has at most this many elements... */
    static constexpr int64_t kLargeWeight = int64_t {4} << 20;
    /** ...or the batch has at least this many input positions (B * H * W). */
    static constexpr int64_t kManyPositions = 256;

protected:
    FORWARD_HAS_DEFAULT_ARGS({1, torch::nn::AnyValue(c10::optional<at::IntArrayRef>())})
};
TORCH_MODULE(FastConvTranspose2d);

/**
 * The functional form for 4-D CPU float32 inputs, groups 1, dilation 1, no output padding:
 * x [B, Cin, H, W], weight [Cin, Cout, k, k], bias [Cout] or undefined. `oneDnnBackward` picks the
 * backward path. Differentiable in x, weight and bias.
 */
torch::Tensor oneDnnConvTranspose2d(const torch::Tensor &x, const torch::Tensor &weight, const torch::Tensor &bias,
    int64_t stride, int64_t padding, bool oneDnnBackward);

} // namespace zistudio::model
