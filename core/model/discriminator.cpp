// SPDX-License-Identifier: GPL-3.0-or-later
// Discriminator: zi2zi's PatchGAN with a size-independent style classifier head.
#include "model/discriminator.h"

#include "model/modelstate.h"
#include "model/spectralconv2d.h"
#include "model/unetlayout.h"

#include <sstream>

namespace zistudio::model
{

namespace
{

constexpr int64_t kKernel = 4;
constexpr int64_t kStride = 2;
constexpr int64_t kPadding = 1;
constexpr int64_t kPatchKernel = 3;
constexpr double kLeakySlope = 0.2;

torch::nn::AnyModule makeConv(
    bool spectral, int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding, bool bias)
{
    if (spectral)
        return torch::nn::AnyModule(
            SpectralConv2d(SpectralConv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(bias)));
    return torch::nn::AnyModule(
        torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(bias)));
}

std::string shapeOf(const torch::Tensor &t)
{
    std::ostringstream out;
    out << t.sizes();
    return out.str();
}

} // namespace

DiscriminatorImpl::DiscriminatorImpl(const ModelConfig &config)
    : m_config(config)
{
    using namespace torch::nn;
    validate(config);
    const bool spectral = config.spectralNorm;
    int64_t in = 2 * int64_t {config.inputChannels};
    const std::vector<int> widths = discriminatorChannels(config);
    for (int i = 0; i < kDiscriminatorLayers; ++i) {
        const int64_t out = widths[static_cast<std::size_t>(i)];
        const bool norm = i > 0;
        Sequential layer;
        layer->push_back("conv", makeConv(spectral, in, out, kKernel, kStride, kPadding, !norm));
        if (norm)
            layer->push_back("norm", BatchNorm2d(out));
        // In place: neither a convolution nor a batch norm needs its output for its gradients.
        layer->push_back("act", LeakyReLU(LeakyReLUOptions().negative_slope(kLeakySlope).inplace(true)));
        m_layers.push_back(register_module("layer" + std::to_string(i + 1), layer));
        in = out;
    }
    m_patch = register_module("patch", Sequential());
    m_patch->push_back("conv", makeConv(spectral, in, 1, kPatchKernel, 1, 1, true));
    m_category = register_module("category", Sequential());
    m_category->push_back("conv", makeConv(spectral, in, config.embeddingNum, 1, 1, 0, true));
    initWeights(*this); // plain convs and norms; spectral convs initialise themselves
}

DiscriminatorOutput DiscriminatorImpl::forward(const torch::Tensor &source, const torch::Tensor &image)
{
    const int64_t s = m_config.imageSize;
    const auto check = [&](const torch::Tensor &t, const char *what) {
        if (t.dim() != 4 || t.size(1) != m_config.inputChannels || t.size(2) != s || t.size(3) != s)
            throw ModelError(std::string("discriminator ") + what + " has shape " + shapeOf(t) + ", expected [B, "
                + std::to_string(m_config.inputChannels) + ", " + std::to_string(s) + ", " + std::to_string(s) + "]");
    };
    check(source, "source");
    check(image, "image");
    if (source.size(0) != image.size(0))
        throw ModelError("discriminator got " + std::to_string(source.size(0)) + " sources but "
            + std::to_string(image.size(0)) + " images");
    torch::Tensor h = torch::cat({source, image}, 1);
    for (auto &layer : m_layers)
        h = layer->forward(h);
    const torch::Tensor pooled = h.mean({2, 3}, /*keepdim=*/true);
    return {m_patch->forward(h), m_category->forward(pooled).flatten(1)};
}

} // namespace zistudio::model
