// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/.
#include <torch/torch.h>

namespace zistudio::model
{

/** Options of a spectrally normalised 2-D convolution. */
struct SpectralConv2dOptions
{
    SpectralConv2dOptions(int64_t inChannels, int64_t outChannels, int64_t kernelSize)
        : in_channels_(inChannels)
        , out_channels_(outChannels)
        , kernel_size_(kernelSize)
    { }
    /// Input channels.
    TORCH_ARG(int64_t, in_channels);
    /// Output channels.
    TORCH_ARG(int64_t, out_channels);
    /// Square kernel size.
    TORCH_ARG(int64_t, kernel_size);
    /// Stride in both directions.
    TORCH_ARG(int64_t, stride) = 1;
    /// Zero padding in both directions.
    TORCH_ARG(int64_t, padding) = 0;
    /// Whether the convolution has a bias (not normalised).
    TORCH_ARG(bool, bias) = true;
    /// Power-iteration steps per training forward.
    TORCH_ARG(int, power_iterations) = 1;
    /// Guards the normalisation of u and v against division by zero.
    TORCH_ARG(double, eps) = 1e-12;
};

/**
 * A convolution whose weight is divided by its largest singular value (Miyato et al. 2018), the
 * way torch.nn.utils.spectral_norm does it (which the C++ frontend lacks): the parameter is
 * weight_orig, sigma is estimated by power iteration on the weight reshaped to [out, in*k*k], with
 * persistent buffers weight_u and weight_v that are updated in training mode only.
 */
class SpectralConv2dImpl : public torch::nn::Module
{
public:
    explicit SpectralConv2dImpl(const SpectralConv2dOptions &options);

    torch::Tensor forward(const torch::Tensor &x);
    /** The normalised weight W / sigma for the current u and v (no update). */
    torch::Tensor normalizedWeight() const;

    SpectralConv2dOptions options;
    torch::Tensor weight_orig;
    torch::Tensor bias;
    torch::Tensor weight_u; ///< [out], left singular vector estimate
    torch::Tensor weight_v; ///< [in*k*k], right singular vector estimate

private:
    void powerIteration(int steps);
};
TORCH_MODULE(SpectralConv2d);

} // namespace zistudio::model
