// SPDX-License-Identifier: GPL-3.0-or-later
// SelfAttention and UNetGenerator on the CPU: shapes, gates, gradients, styles, probes.
#include "common/computedevice.h"
#include "model/fastconvtranspose.h"
#include "model/selfattention.h"
#include "model/unetgenerator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>

using namespace zistudio::model;

namespace
{

/** A small config: tiny widths and embedding so every size stays fast on 2 cores. */
ModelConfig tiny(int size, const std::string &attention = "none")
{
    ModelConfig config;
    config.imageSize = size;
    config.ngf = 4;
    config.ndf = 4;
    config.embeddingNum = 5;
    config.embeddingDim = 6;
    config.attention = AttentionSpec::parse(attention);
    return config;
}

torch::Tensor glyphs(int batch, int size)
{
    return torch::rand({batch, 1, size, size}) * 2 - 1;
}

void setGammas(UNetGenerator &g, float value)
{
    torch::NoGradGuard noGrad;
    for (const AttentionSite &site : g->config().attention.sites)
        g->attentionAt(site)->gamma.fill_(value);
}

} // namespace

TEST(SelfAttention, ZeroGammaIsTheIdentity)
{
    torch::manual_seed(1);
    SelfAttention attn(SelfAttentionOptions(16));
    const torch::Tensor x = torch::randn({2, 16, 4, 4});
    EXPECT_EQ(attn->gammaValue(), 0.0F);
    EXPECT_TRUE(torch::equal(attn(x), x));
    {
        torch::NoGradGuard noGrad;
        attn->gamma.fill_(0.7F);
    }
    EXPECT_FALSE(torch::allclose(attn(x), x));
}

TEST(SelfAttention, RowsAreDistributionsOverPositions)
{
    torch::manual_seed(2);
    SelfAttention attn(SelfAttentionOptions(8));
    const torch::Tensor x = torch::randn({3, 8, 5, 4});
    auto [out, matrix] = attn->forwardWithAttention(x);
    EXPECT_EQ(matrix.sizes(), (std::vector<int64_t> {3, 20, 20}));
    EXPECT_TRUE(torch::allclose(matrix.sum(-1), torch::ones({3, 20}), 1e-5, 1e-6));
    EXPECT_GE(matrix.min().item<float>(), 0.0F);
    EXPECT_TRUE(torch::equal(out, attn(x))); // the probe path computes the same output
}

TEST(SelfAttention, KeyWidthIsAnEighthAtLeastOne)
{
    EXPECT_EQ(SelfAttention(SelfAttentionOptions(64))->query->weight.size(0), 8);
    EXPECT_EQ(SelfAttention(SelfAttentionOptions(4))->key->weight.size(0), 1);
    EXPECT_EQ(SelfAttention(SelfAttentionOptions(4))->value->weight.size(0), 4);
}

TEST(SelfAttention, RowIndexIsTheQueryPosition)
{
    // Position i carries the unit vector at angle 2*pi*i/N in channels 0-1; with q = 50 x, k = x the
    // energy q_i . k_j = 50 cos(angle_i - angle_j) peaks at j = i, so row i must peak at column i.
    SelfAttention attn(SelfAttentionOptions(16)); // key width 2
    const int h = 3;
    const int w = 5;
    const int n = h * w;
    torch::Tensor x = torch::zeros({1, 16, h, w});
    for (int i = 0; i < n; ++i) {
        const double angle = 2 * std::numbers::pi * i / n;
        x[0][0][i / w][i % w] = std::cos(angle);
        x[0][1][i / w][i % w] = std::sin(angle);
    }
    {
        torch::NoGradGuard noGrad;
        for (auto *conv : {attn->query.get(), attn->key.get()}) {
            conv->weight.zero_();
            conv->bias.zero_();
            conv->weight[0][0][0][0] = 1.0;
            conv->weight[1][1][0][0] = 1.0;
        }
        attn->query->weight.mul_(50.0);
    }
    const torch::Tensor matrix = attn->forwardWithAttention(x).second[0];
    EXPECT_TRUE(torch::equal(matrix.argmax(1), torch::arange(n)));
    EXPECT_GT(matrix.diagonal().min().item<float>(), 0.9F);
}

TEST(UNetGenerator, OutputShapesAtEverySize)
{
    torch::manual_seed(3);
    for (int size : {32, 64, 128, 256, 512}) {
        ModelConfig config = tiny(size);
        config.ngf = size >= 256 ? 2 : 4;
        UNetGenerator g(config);
        const GeneratorOutput out = g(glyphs(2, size), torch::tensor({0, 4}, torch::kLong));
        const int64_t bottleneck = config.ngf * 8;
        EXPECT_EQ(out.image.sizes(), (std::vector<int64_t> {2, 1, size, size})) << size;
        EXPECT_EQ(out.encoded.sizes(), (std::vector<int64_t> {2, bottleneck})) << size;
        EXPECT_LE(out.image.abs().max().item<float>(), 1.0F) << size; // tanh
    }
}

TEST(UNetGenerator, WeightsStartAsDcganNormals)
{
    // zi2zi / DCGAN: every convolution, transposed convolution and the style embedding N(0, 0.02), norm
    // scales N(1, 0.02), biases 0, attention gammas 0. Checked on the pooled values of each kind.
    torch::manual_seed(11);
    for (UpsampleKind up : {UpsampleKind::TransposedConv, UpsampleKind::PixelShuffle}) {
        ModelConfig config = tiny(64, "enc:2,dec:3");
        config.ngf = 16;
        config.embeddingNum = 40;
        config.embeddingDim = 128;
        config.upsample = up;
        UNetGenerator g(config);
        std::vector<torch::Tensor> weights, scales;
        for (const auto &item : g->named_parameters()) {
            const std::string &name = item.key();
            const torch::Tensor &t = item.value();
            if (name.ends_with("gamma"))
                EXPECT_EQ(t.abs().max().item<float>(), 0.0F) << name;
            else if (name.ends_with("bias"))
                EXPECT_EQ(t.abs().max().item<float>(), 0.0F) << name;
            else if (t.dim() == 1)
                scales.push_back(t.detach().flatten());
            else
                weights.push_back(t.detach().flatten());
        }
        const torch::Tensor w = torch::cat(weights);
        const torch::Tensor n = torch::cat(scales);
        EXPECT_GT(w.numel(), 100000);
        EXPECT_NEAR(w.mean().item<double>(), 0.0, 0.001) << toString(up);
        EXPECT_NEAR(w.std().item<double>(), 0.02, 0.0005) << toString(up);
        EXPECT_NEAR(n.mean().item<double>(), 1.0, 0.005) << toString(up);
        EXPECT_NEAR(n.std().item<double>(), 0.02, 0.003) << toString(up);
        // And no single layer kept LibTorch's default (Kaiming-uniform) initialisation.
        for (const auto &item : g->named_parameters()) {
            if (item.value().dim() >= 2 && item.value().numel() >= 1000) {
                EXPECT_NEAR(item.value().std().item<double>(), 0.02, 0.004) << item.key();
            }
        }
    }
}

TEST(UNetGenerator, OutputShapesForEveryOption)
{
    torch::manual_seed(4);
    for (NormKind norm : {NormKind::Batch, NormKind::Instance})
        for (UpsampleKind up : {UpsampleKind::TransposedConv, UpsampleKind::PixelShuffle})
            for (SkipKind skip : {SkipKind::Concat, SkipKind::Residual})
                for (const char *attention : {"none", "enc:2", "dec:3", "enc:1,dec:1,enc:5,dec:5"}) {
                    ModelConfig config = tiny(32, attention);
                    config.norm = norm;
                    config.upsample = up;
                    config.skip = skip;
                    UNetGenerator g(config);
                    const GeneratorOutput out = g(glyphs(2, 32), torch::tensor({1, 2}, torch::kLong));
                    const std::string what
                        = toString(norm) + "/" + toString(up) + "/" + toString(skip) + "/" + attention;
                    EXPECT_EQ(out.image.sizes(), (std::vector<int64_t> {2, 1, 32, 32})) << what;
                    EXPECT_EQ(out.encoded.sizes(), (std::vector<int64_t> {2, 32})) << what;
                    EXPECT_TRUE(torch::isfinite(out.image).all().item<bool>()) << what;
                    EXPECT_EQ(g->gammas().size(), config.attention.sites.size()) << what;
                }
}

TEST(UNetGenerator, EveryParameterReceivesAGradient)
{
    for (const bool alternative : {false, true}) {
        torch::manual_seed(5);
        ModelConfig config = tiny(32, "enc:2,enc:3,dec:2,dec:4");
        if (alternative) {
            config.norm = NormKind::Instance;
            config.upsample = UpsampleKind::PixelShuffle;
            config.skip = SkipKind::Residual;
        }
        UNetGenerator g(config);
        setGammas(g, 0.5F); // at 0 the query and key convs get no gradient, by design
        g->train();
        const GeneratorOutput out = g(glyphs(3, 32), torch::tensor({0, 1, 4}, torch::kLong));
        (out.image.square().mean() + out.encoded.square().mean()).backward();
        for (const auto &p : g->named_parameters()) {
            ASSERT_TRUE(p.value().grad().defined()) << p.key();
            EXPECT_GT(p.value().grad().abs().sum().item<float>(), 0.0F) << p.key() << " alternative=" << alternative;
        }
    }
}

TEST(UNetGenerator, DropoutOnlyInTrainingAndInTheDeepDecoder)
{
    torch::manual_seed(6);
    UNetGenerator g(tiny(32));
    std::vector<std::string> dropouts;
    for (const auto &m : g->named_modules())
        if (m.value()->as<torch::nn::Dropout>())
            dropouts.push_back(m.key());
    EXPECT_EQ(dropouts, (std::vector<std::string> {"dec4.dropout", "dec3.dropout", "dec2.dropout"}));
    const torch::Tensor x = glyphs(2, 32);
    const torch::Tensor ids = torch::tensor({0, 1}, torch::kLong);
    g->eval();
    EXPECT_TRUE(torch::equal(g(x, ids).image, g(x, ids).image));
    g->train();
    EXPECT_FALSE(torch::equal(g(x, ids).image, g(x, ids).image));
}

TEST(UNetGenerator, StylesChangeTheOutputAndBlendAtWeightOneIsThePureStyle)
{
    torch::manual_seed(7);
    UNetGenerator g(tiny(32));
    g->eval();
    const torch::Tensor x = glyphs(2, 32);
    const GeneratorOutput pure = g(x, torch::tensor({3, 1}, torch::kLong));
    torch::Tensor weights = torch::zeros({2, 5});
    weights[0][3] = 1.0;
    weights[1][1] = 1.0;
    const GeneratorOutput blend = g->forwardBlend(x, weights);
    EXPECT_TRUE(torch::allclose(blend.image, pure.image, 0.0, 1e-6));
    EXPECT_TRUE(torch::equal(blend.encoded, pure.encoded));

    const GeneratorOutput other = g(x, torch::tensor({2, 1}, torch::kLong));
    EXPECT_FALSE(torch::allclose(other.image[0], pure.image[0]));
    EXPECT_TRUE(torch::allclose(other.image[1], pure.image[1], 0.0, 1e-6)); // same id, same image
    weights[0][3] = 0.5;
    weights[0][2] = 0.5;
    const torch::Tensor half = g->forwardBlend(x, weights).image[0];
    EXPECT_FALSE(torch::allclose(half, pure.image[0]));
    EXPECT_FALSE(torch::allclose(half, other.image[0]));
}

TEST(UNetGenerator, EncodeIsTheEncoderAlone)
{
    torch::manual_seed(8);
    UNetGenerator g(tiny(64, "enc:3,dec:3"));
    g->eval();
    const torch::Tensor x = glyphs(2, 64);
    EXPECT_TRUE(torch::equal(g->encode(x), g(x, torch::tensor({0, 0}, torch::kLong)).encoded));

    int64_t encoderCount = 0;
    for (const auto &p : g->named_parameters())
        if (p.key().rfind("enc", 0) == 0 || p.key().rfind("attn_enc", 0) == 0)
            encoderCount += p.value().numel();
    int64_t listed = 0;
    for (const torch::Tensor &p : g->encoderParameters())
        listed += p.numel();
    EXPECT_EQ(listed, encoderCount);
    EXPECT_GT(listed, 0);
}

TEST(UNetGenerator, RejectsBadInputWithClearErrors)
{
    torch::manual_seed(9);
    UNetGenerator g(tiny(32));
    const torch::Tensor ids = torch::tensor({0}, torch::kLong);
    EXPECT_THROW(g(glyphs(1, 64), ids), ModelError);
    EXPECT_THROW(g(glyphs(2, 32), ids), ModelError);
    EXPECT_THROW(g(glyphs(1, 32), torch::tensor({5}, torch::kLong)), ModelError);
    EXPECT_THROW(g(glyphs(1, 32), torch::tensor({0.0F})), ModelError);
    EXPECT_THROW(g->forwardBlend(glyphs(1, 32), torch::ones({1, 4})), ModelError);
    EXPECT_THROW(UNetGenerator(tiny(48)), ModelError);
    EXPECT_THROW(UNetGenerator(tiny(32, "enc:6")), ModelError);
}

TEST(AttentionProbe, RowsAtTheLayersResolution)
{
    torch::manual_seed(10);
    UNetGenerator g(tiny(64, "enc:2,dec:3,dec:6"));
    setGammas(g, 0.25F);
    const torch::Tensor x = glyphs(1, 64);
    const torch::Tensor ids = torch::tensor({2}, torch::kLong);
    const std::vector<std::pair<float, float>> points {{0.1F, 0.2F}, {0.9F, 0.5F}, {0.5F, 0.95F}};
    const auto probes = g->probe(x, ids, points);
    const auto matrices = g->attentionMatrices(x, ids);
    ASSERT_EQ(probes.size(), 3U);
    ASSERT_EQ(matrices.size(), 3U);
    const std::pair<int, bool> expected[] = {{16, false}, {8, false}, {1, true}};
    for (std::size_t i = 0; i < probes.size(); ++i) {
        const AttentionProbe &p = probes[i];
        EXPECT_EQ(p.site, g->config().attention.sites[i]);
        EXPECT_EQ(matrices[i].first, p.site);
        EXPECT_EQ(p.width, expected[i].first);
        EXPECT_EQ(p.height, expected[i].first);
        EXPECT_EQ(p.degenerate, expected[i].second);
        EXPECT_FLOAT_EQ(p.gamma, 0.25F);
        EXPECT_EQ(p.maskMean.width, 0); // no mask given
        ASSERT_EQ(p.rows.size(), points.size());
        for (std::size_t k = 0; k < points.size(); ++k) {
            const zistudio::FloatGrid &row = p.rows[k];
            ASSERT_EQ(row.values.size(), static_cast<std::size_t>(p.width * p.height));
            double sum = 0;
            for (float v : row.values)
                sum += v;
            EXPECT_NEAR(sum, 1.0, 1e-5);
            const int index = attentionRowIndex(points[k].first, points[k].second, p.width, p.height);
            const torch::Tensor expectedRow = matrices[i].second[0][index];
            EXPECT_TRUE(torch::allclose(torch::tensor(row.values), expectedRow)) << toString(p.site) << " point " << k;
        }
    }
    // Different query cells give different rows.
    EXPECT_NE(probes[0].rows[0].values, probes[0].rows[1].values);
}

TEST(AttentionProbe, MaskMeanIsTheMeanRowOverStrokePositions)
{
    torch::manual_seed(11);
    UNetGenerator g(tiny(32, "enc:2"));
    const torch::Tensor x = glyphs(1, 32);
    const torch::Tensor ids = torch::tensor({0}, torch::kLong);
    // One stroke pixel at (x=21, y=6): layer enc:2 is 8x8, so it lies in cell (5, 1).
    torch::Tensor mask = torch::zeros({32, 32}, torch::kBool);
    mask[6][21] = true;
    const auto single = g->probe(x, ids, {{21.5F / 32, 6.5F / 32}}, mask);
    ASSERT_EQ(single.size(), 1U);
    EXPECT_EQ(single[0].maskMean.values, single[0].rows[0].values);

    // Two stroke pixels in different cells: the mean of their rows.
    mask[30][2] = true;
    const auto two = g->probe(x, ids, {{21.5F / 32, 6.5F / 32}, {2.5F / 32, 30.5F / 32}}, mask);
    const torch::Tensor mean = (torch::tensor(two[0].rows[0].values) + torch::tensor(two[0].rows[1].values)) / 2;
    EXPECT_TRUE(torch::allclose(torch::tensor(two[0].maskMean.values), mean));

    EXPECT_TRUE(g->probe(x, ids, {}, torch::zeros({32, 32}, torch::kBool))[0].maskMean.values.empty());
    EXPECT_THROW(g->probe(glyphs(2, 32), torch::tensor({0, 0}, torch::kLong), {}), ModelError);
    EXPECT_THROW(g->probe(x, ids, {}, torch::zeros({16, 16}, torch::kBool)), ModelError);
}

TEST(AttentionProbe, LeavesTheTrainingStateAlone)
{
    torch::manual_seed(12);
    UNetGenerator g(tiny(32, "enc:3"));
    g->train();
    const torch::Tensor runningMean = g->named_buffers()["enc2.norm.running_mean"].clone();
    g->probe(glyphs(1, 32), torch::tensor({1}, torch::kLong), {{0.5F, 0.5F}});
    EXPECT_TRUE(g->is_training());
    EXPECT_TRUE(torch::equal(g->named_buffers()["enc2.norm.running_mean"], runningMean));
    const auto gammas = g->gammas();
    ASSERT_EQ(gammas.size(), 1U);
    EXPECT_EQ(gammas[0].first, (AttentionSite {AttentionSide::Encoder, 3}));
    EXPECT_EQ(gammas[0].second, 0.0F);
}

// --- FastConvTranspose2d: the oneDNN path gives LibTorch's results --------------------------------

namespace
{

struct ConvTransposeCase
{
    int64_t batch, in, out, size;
    bool bias;
};

/** Forward output and the gradients of x, weight and bias of a module under a fixed upstream gradient. */
std::vector<torch::Tensor> convTransposeResults(torch::nn::Module &module,
    const std::function<torch::Tensor(const torch::Tensor &)> &forward, const torch::Tensor &x0,
    const torch::Tensor &upstream)
{
    torch::Tensor x = x0.clone().set_requires_grad(true);
    torch::Tensor y = forward(x);
    y.backward(upstream);
    std::vector<torch::Tensor> out {y.detach(), x.grad()};
    for (const auto &p : module.parameters())
        out.push_back(p.grad());
    return out;
}

} // namespace

TEST(FastConvTranspose2d, MatchesLibTorchForwardAndBackward)
{
    // Shapes of the decoder: small maps with wide weights (LibTorch's backward) and big maps with
    // narrow ones (oneDNN's backward), with and without a bias, and a thin output (LibTorch's path).
    const ConvTransposeCase cases[]
        = {{2, 64, 32, 4, true}, {2, 16, 8, 16, false}, {1, 512, 520, 2, false}, {3, 8, 1, 8, true}};
    for (const auto &c : cases) {
        torch::manual_seed(7);
        const auto options = torch::nn::ConvTranspose2dOptions(c.in, c.out, 4).stride(2).padding(1).bias(c.bias);
        torch::nn::ConvTranspose2d reference(options);
        FastConvTranspose2d fast(options);
        {
            torch::NoGradGuard noGrad;
            fast->weight.copy_(reference->weight);
            if (c.bias)
                fast->bias.copy_(reference->bias);
        }
        const torch::Tensor x = torch::randn({c.batch, c.in, c.size, c.size});
        const torch::Tensor upstream = torch::randn({c.batch, c.out, 2 * c.size, 2 * c.size});
        const auto expected = convTransposeResults(
            *reference, [&](const torch::Tensor &t) { return reference->forward(t); }, x, upstream);
        const auto actual = convTransposeResults(
            *fast, [&](const torch::Tensor &t) { return fast->forward(t); }, x, upstream);
        ASSERT_EQ(expected.size(), actual.size());
        const char *names[] = {"output", "input gradient", "weight gradient", "bias gradient"};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            ASSERT_TRUE(actual[i].defined()) << names[i];
            EXPECT_EQ(expected[i].sizes(), actual[i].sizes()) << names[i];
            const double scale = expected[i].abs().max().item<double>();
            EXPECT_LT((expected[i] - actual[i]).abs().max().item<double>(), 1e-4 * std::max(1.0, scale))
                << names[i] << " of the case in=" << c.in << " out=" << c.out << " size=" << c.size;
        }
    }
}

TEST(FastConvTranspose2d, SwitchOffGivesTheSameResultThroughLibTorch)
{
    torch::manual_seed(3);
    FastConvTranspose2d fast(torch::nn::ConvTranspose2dOptions(32, 16, 4).stride(2).padding(1));
    const torch::Tensor x = torch::randn({2, 32, 8, 8});
    const torch::Tensor onDnn = fast->forward(x).detach();
    FastConvTranspose2dImpl::setEnabled(false);
    const torch::Tensor native = fast->forward(x).detach();
    FastConvTranspose2dImpl::setEnabled(true);
    EXPECT_TRUE(FastConvTranspose2dImpl::enabled());
    EXPECT_TRUE(torch::allclose(onDnn, native, 1e-5, 1e-5));
    // The parameters are a ConvTranspose2d's, under the same names: checkpoints do not change.
    EXPECT_EQ(fast->named_parameters().keys(), (std::vector<std::string> {"weight", "bias"}));
}

namespace
{

/** softmax(q^T k) v^T from the explicit products: the reference for blockedAttention. */
torch::Tensor matrixAttention(const torch::Tensor &qkv, int64_t ck)
{
    const int64_t c = qkv.size(1) - 2 * ck;
    const torch::Tensor q = qkv.narrow(1, 0, ck);
    const torch::Tensor k = qkv.narrow(1, ck, ck);
    const torch::Tensor v = qkv.narrow(1, 2 * ck, c);
    return torch::bmm(v, torch::softmax(torch::bmm(q.transpose(1, 2), k), -1).transpose(1, 2));
}

/** The output and the gradient of qkv under a fixed random upstream gradient. */
std::pair<torch::Tensor, torch::Tensor> valueAndGradient(
    const std::function<torch::Tensor(const torch::Tensor &)> &attention, const torch::Tensor &qkv0,
    const torch::Tensor &upstream)
{
    torch::Tensor qkv = qkv0.clone().requires_grad_(true);
    torch::Tensor o = attention(qkv);
    (o * upstream).sum().backward();
    return {o.detach(), qkv.grad()};
}

} // namespace

TEST(BlockedAttention, EqualsTheExplicitProductsAndTheirGradients)
{
    // float64, so that any difference is the algorithm's, not rounding: several images, a row block that
    // does not divide the positions (35 = 4 * 8 + 3), key width 2, value width 5.
    torch::manual_seed(3);
    const int64_t ck = 2;
    const torch::Tensor qkv = torch::randn({3, 2 * ck + 5, 35}, torch::kDouble) * 2;
    const torch::Tensor upstream = torch::randn({3, 5, 35}, torch::kDouble);
    const auto [want, wantGrad]
        = valueAndGradient([&](const torch::Tensor &t) { return matrixAttention(t, ck); }, qkv, upstream);
    for (const auto &[threads, rows] :
        std::vector<std::pair<int, int64_t>> {{1, 1}, {1, 8}, {2, 8}, {1, 35}, {2, 100}}) {
        // Two threads: the blocks run as LibTorch's parallel tasks, on threads where grad mode is on by default.
        SCOPED_TRACE(std::to_string(threads) + " threads, row block " + std::to_string(rows));
        zistudio::configureComputeThreads(threads);
        const auto [got, gotGrad]
            = valueAndGradient([&](const torch::Tensor &t) { return blockedAttention(t, ck, rows); }, qkv, upstream);
        EXPECT_TRUE(torch::allclose(got, want, 1e-12, 1e-12)) << (got - want).abs().max().item<double>();
        EXPECT_TRUE(torch::allclose(gotGrad, wantGrad, 1e-11, 1e-11))
            << (gotGrad - wantGrad).abs().max().item<double>();
        // The gradient is not zero where it should not be: every part of qkv (q, k and v) receives one.
        for (const int64_t part : {int64_t {0}, ck, 2 * ck})
            EXPECT_GT(gotGrad.narrow(1, part, 1).abs().sum().item<double>(), 0.0);
    }
}

TEST(BlockedAttention, RunsUnderInferenceModeOnEveryThread)
{
    // InferenceMode is thread-local like grad mode: a forward under it makes inference tensors, which the
    // parallel tasks (on LibTorch's other threads) must be allowed to write. Same result as without it.
    torch::manual_seed(5);
    const int64_t ck = 2;
    const torch::Tensor qkv = torch::randn({4, 2 * ck + 6, 300});
    const torch::Tensor want = matrixAttention(qkv, ck);
    for (const int threads : {1, 2}) {
        SCOPED_TRACE(std::to_string(threads) + " threads");
        zistudio::configureComputeThreads(threads);
        torch::Tensor got;
        {
            const c10::InferenceMode inference;
            ASSERT_NO_THROW(got = blockedAttention(qkv, ck, 64));
            EXPECT_TRUE(got.is_inference());
        }
        EXPECT_TRUE(torch::allclose(got, want, 1e-5, 1e-5)) << (got - want).abs().max().item<double>();
    }
}

TEST(BlockedAttention, StaysFiniteWhereScoresAreLarge)
{
    // Scores in the thousands overflow exp() unless each row subtracts its maximum first; the backward
    // pass rebuilds the probabilities from the row's log-sum-exp, which must be just as safe.
    torch::manual_seed(4);
    const int64_t ck = 4;
    torch::Tensor qkv = torch::randn({2, 2 * ck + 8, 300});
    qkv.narrow(1, 0, 2 * ck).mul_(40.0F);
    const torch::Tensor upstream = torch::randn({2, 8, 300});
    const auto [want, wantGrad] = valueAndGradient([&](const torch::Tensor &t) { return matrixAttention(t, ck); },
        qkv.to(torch::kDouble), upstream.to(torch::kDouble));
    const auto [got, gotGrad]
        = valueAndGradient([&](const torch::Tensor &t) { return blockedAttention(t, ck, 64); }, qkv, upstream);
    const auto [matrix, matrixGrad]
        = valueAndGradient([&](const torch::Tensor &t) { return matrixAttention(t, ck); }, qkv, upstream);
    ASSERT_TRUE(torch::isfinite(got).all().item<bool>());
    ASSERT_TRUE(torch::isfinite(gotGrad).all().item<bool>());
    // As accurate as the whole matrix in float32: both errors against float64 are float32's rounding of
    // scores in the thousands (~3e-4), the blocked one no more than twice the explicit one's.
    const auto error = [](const torch::Tensor &t, const torch::Tensor &exact) {
        return (t.to(torch::kDouble) - exact).abs().max().item<double>();
    };
    EXPECT_LE(error(got, want), 2 * error(matrix, want) + 1e-6);
    EXPECT_LE(error(gotGrad, wantGrad), 2 * error(matrixGrad, wantGrad) + 1e-6);
    EXPECT_LT(error(got, want), 1e-2);
}

TEST(SelfAttention, SdpaInputsForAFusedKernelAreTheSameAttention)
{
    // Laid out for a GPU's fused kernel: every row of channels contiguous, every width a multiple of the kernel's
    // alignment (keys 4 wide and values 12 wide pad to 8 and 16 in bf16), and still SAGAN's attention: the zero
    // channels change no score, and the value's come out as zeros that are dropped.
    EXPECT_EQ(sdpaChannelAlignment(torch::kFloat), 4);
    EXPECT_EQ(sdpaChannelAlignment(torch::kBFloat16), 8);
    torch::manual_seed(6);
    const int64_t ck = 4;
    const int64_t c = 12;
    const torch::Tensor qkv = torch::randn({2, 2 * ck + c, 40});
    const torch::Tensor want = matrixAttention(qkv, ck);
    for (const auto type : {torch::kFloat, torch::kBFloat16}) {
        const torch::Tensor typed = qkv.to(type);
        const torch::Tensor q = typed.narrow(1, 0, ck);
        const torch::Tensor k = typed.narrow(1, ck, ck);
        const torch::Tensor v = typed.narrow(1, 2 * ck, c);
        const double tolerance = type == torch::kFloat ? 1e-5 : 5e-2;
        for (const bool fused : {false, true}) {
            SCOPED_TRACE(std::string(type == torch::kFloat ? "float32" : "bf16") + (fused ? ", fused" : ", views"));
            const SdpaInputs in = sdpaInputs(q, k, v, fused);
            if (fused) {
                for (const torch::Tensor &t : {in.query, in.key, in.value}) {
                    EXPECT_EQ(t.stride(-1), 1);
                    EXPECT_EQ(t.size(-1) % sdpaChannelAlignment(type), 0);
                }
                EXPECT_EQ(in.key.size(-1), type == torch::kFloat ? 4 : 8);
                EXPECT_EQ(in.value.size(-1), type == torch::kFloat ? 12 : 16);
            } else {
                EXPECT_EQ(in.key.size(-1), ck); // plain views: nothing copied
                EXPECT_EQ(in.key.data_ptr(), k.data_ptr());
            }
            // SDPA's formula on these inputs, in float: softmax(query key^T / sqrt(d)) value.
            const torch::Tensor query = in.query.squeeze(1).to(torch::kFloat);
            const torch::Tensor scores
                = torch::bmm(query, in.key.squeeze(1).to(torch::kFloat).transpose(1, 2)) / std::sqrt(query.size(-1));
            const torch::Tensor o = torch::bmm(torch::softmax(scores, -1), in.value.squeeze(1).to(torch::kFloat));
            EXPECT_TRUE(torch::allclose(o.narrow(-1, 0, c).transpose(1, 2), want, tolerance, tolerance))
                << (o.narrow(-1, 0, c).transpose(1, 2) - want).abs().max().item<double>();
            if (fused && o.size(-1) > c) {
                EXPECT_EQ(o.narrow(-1, c, o.size(-1) - c).abs().max().item<float>(), 0.0F);
            }
#if TORCH_VERSION_MAJOR >= 2
            const torch::Tensor got = sdpaAttention(q, k, v, fused).to(torch::kFloat);
            EXPECT_TRUE(torch::allclose(got, want, tolerance, tolerance)) << (got - want).abs().max().item<double>();
#endif
        }
    }
}

TEST(SelfAttention, TheBlockedKernelTrainsLikeTheWholeMatrix)
{
    // A layer on a 16x16 map (256 positions: the blocked kernel's smallest) in float32: the output and every
    // parameter's gradient agree with the whole-matrix path, the switch really changes the path taken.
    ASSERT_GE(16 * 16, kBlockedAttentionMinPositions);
    torch::manual_seed(5);
    SelfAttention attn(SelfAttentionOptions(16));
    {
        torch::NoGradGuard noGrad;
        attn->gamma.fill_(0.5F);
    }
    const torch::Tensor x0 = torch::randn({2, 16, 16, 16});
    const auto run = [&](bool blocked) {
        SelfAttentionImpl::setBlockedEnabled(blocked);
        attn->zero_grad();
        torch::Tensor x = x0.clone().requires_grad_(true);
        const torch::Tensor y = attn(x);
        y.square().sum().backward();
        SelfAttentionImpl::setBlockedEnabled(true);
        std::vector<torch::Tensor> out {y.detach(), x.grad()};
        for (const auto &p : attn->parameters())
            out.push_back(p.grad().clone());
        return out;
    };
    zistudio::configureComputeThreads(2);
    const std::vector<torch::Tensor> blocked = run(true);
    const std::vector<torch::Tensor> matrix = run(false);
    ASSERT_EQ(blocked.size(), matrix.size());
    for (std::size_t i = 0; i < blocked.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_TRUE(torch::allclose(blocked[i], matrix[i], 1e-4, 1e-4))
            << (blocked[i] - matrix[i]).abs().max().item<double>();
    }
    EXPECT_TRUE(SelfAttentionImpl::blockedEnabled());
}
