// SPDX-License-Identifier: GPL-3.0-or-later
// Discriminator and SpectralConv2d on the CPU.
#include "model/discriminator.h"
#include "model/spectralconv2d.h"

#include <gtest/gtest.h>

using namespace zistudio::model;

namespace
{

ModelConfig tinyD(int size, bool spectral = false)
{
    ModelConfig config;
    config.imageSize = size;
    config.ngf = 4;
    config.ndf = 4;
    config.embeddingNum = 7;
    config.spectralNorm = spectral;
    return config;
}

float largestSingularValue(const torch::Tensor &weight)
{
    return std::get<1>(torch::svd(weight.detach().reshape({weight.size(0), -1})))[0].item<float>();
}

} // namespace

TEST(Discriminator, WorksAtEverySize)
{
    torch::manual_seed(20);
    for (const bool spectral : {false, true})
        for (int size : {32, 64, 128, 256, 512}) {
            Discriminator d(tinyD(size, spectral));
            const torch::Tensor a = torch::rand({2, 1, size, size}) * 2 - 1;
            const torch::Tensor b = torch::rand({2, 1, size, size}) * 2 - 1;
            const DiscriminatorOutput out = d(a, b);
            EXPECT_EQ(out.logits.sizes(), (std::vector<int64_t> {2, 1, size / 16, size / 16})) << size;
            EXPECT_EQ(out.categoryLogits.sizes(), (std::vector<int64_t> {2, 7})) << size;
            EXPECT_TRUE(torch::isfinite(out.logits).all().item<bool>()) << size << " spectral=" << spectral;
        }
}

TEST(Discriminator, EveryParameterReceivesAGradient)
{
    for (const bool spectral : {false, true}) {
        torch::manual_seed(21);
        Discriminator d(tinyD(32, spectral));
        d->train();
        const torch::Tensor a = torch::rand({3, 1, 32, 32}) * 2 - 1;
        const DiscriminatorOutput out = d(a, a.flip({3}));
        (out.logits.mean() + out.categoryLogits.square().mean()).backward();
        for (const auto &p : d->named_parameters()) {
            ASSERT_TRUE(p.value().grad().defined()) << p.key();
            EXPECT_GT(p.value().grad().abs().sum().item<float>(), 0.0F) << p.key() << " spectral=" << spectral;
        }
    }
}

TEST(Discriminator, SpectralNormUsesItsOwnParameters)
{
    torch::manual_seed(22);
    Discriminator plain(tinyD(32, false));
    Discriminator spectral(tinyD(32, true));
    const auto names = [](const torch::nn::Module &m) {
        std::vector<std::string> out;
        for (const auto &p : m.named_parameters())
            out.push_back(p.key());
        return out;
    };
    EXPECT_EQ(names(*plain)[0], "layer1.conv.weight");
    EXPECT_EQ(names(*spectral)[0], "layer1.conv.weight_orig");
    EXPECT_EQ(names(*plain).size(), names(*spectral).size());
    EXPECT_TRUE(spectral->named_buffers().contains("layer2.conv.weight_u"));
}

TEST(SpectralConv2d, NormalisedWeightHasUnitSpectralNorm)
{
    torch::manual_seed(23);
    SpectralConv2d conv(SpectralConv2dOptions(6, 10, 3).padding(1));
    {
        torch::NoGradGuard noGrad;
        conv->weight_orig.normal_(0.0, 1.0); // a new weight: training forwards must re-estimate sigma
    }
    conv->train();
    const torch::Tensor x = torch::randn({2, 6, 8, 8});
    for (int i = 0; i < 30; ++i)
        conv(x);
    EXPECT_NEAR(largestSingularValue(conv->normalizedWeight()), 1.0F, 1e-3F);
    EXPECT_GT(largestSingularValue(conv->weight_orig), 2.0F);
    // The output is a plain convolution with the normalised weight.
    const torch::Tensor expected = torch::conv2d(x, conv->normalizedWeight(), conv->bias, 1, 1);
    conv->eval();
    EXPECT_TRUE(torch::allclose(conv(x), expected, 1e-5, 1e-6));
}

TEST(SpectralConv2d, EvalDoesNotUpdateTheEstimate)
{
    torch::manual_seed(24);
    SpectralConv2d conv(SpectralConv2dOptions(3, 4, 4).stride(2).padding(1));
    {
        torch::NoGradGuard noGrad;
        conv->weight_orig.mul_(7.0);
    }
    const torch::Tensor u = conv->weight_u.clone();
    conv->eval();
    conv(torch::randn({1, 3, 8, 8}));
    EXPECT_TRUE(torch::equal(conv->weight_u, u));
    conv->train();
    conv(torch::randn({1, 3, 8, 8}));
    EXPECT_FALSE(torch::equal(conv->weight_u, u));
}

TEST(SpectralConv2d, SeveralForwardsInOneGraphStillBackPropagate)
{
    // The discriminator runs on real and fake pairs before one backward: the in-place power
    // iteration of the second forward must not invalidate the first one's graph.
    torch::manual_seed(25);
    SpectralConv2d conv(SpectralConv2dOptions(2, 3, 3));
    conv->train();
    const torch::Tensor loss = conv(torch::randn({1, 2, 6, 6})).mean() + conv(torch::randn({1, 2, 6, 6})).mean();
    EXPECT_NO_THROW(loss.backward());
    EXPECT_TRUE(conv->weight_orig.grad().defined());
}

TEST(Discriminator, RejectsMismatchedInputs)
{
    torch::manual_seed(26);
    Discriminator d(tinyD(32));
    EXPECT_THROW(d(torch::zeros({1, 1, 32, 32}), torch::zeros({1, 1, 64, 64})), ModelError);
    EXPECT_THROW(d(torch::zeros({2, 1, 32, 32}), torch::zeros({1, 1, 32, 32})), ModelError);
    EXPECT_THROW(d(torch::zeros({1, 2, 32, 32}), torch::zeros({1, 2, 32, 32})), ModelError);
}
