// SPDX-License-Identifier: GPL-3.0-or-later
// The small LibTorch pieces: SelfAttention, SpectralConv2d, FastConvTranspose2d, weight init and
// checkpoint loading.
// (Grouped in one translation unit: each torch TU costs ~15 s to compile.)
#include "common/computedevice.h"
#include "model/fastconvtranspose.h"
#include "model/modelerror.h"
#include "model/modelstate.h"
#include "model/selfattention.h"
#include "model/spectralconv2d.h"
#include "model/unetlayout.h"

#include <torch/version.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <sstream>

namespace zistudio::model
{

namespace
{

/** DCGAN / zi2zi initialisation. */
constexpr double kInitStd = 0.02;
/** Power-iteration steps when a spectral conv is created, so sigma is right from the first use. */
constexpr int kSpectralWarmupIterations = 15;
/** How many names an error message lists per kind before "and N more". */
constexpr std::size_t kMaxNamesListed = 8;

std::string shapeString(const torch::Tensor &t)
{
    std::ostringstream out;
    out << t.sizes();
    return out.str();
}

std::string nameList(const std::vector<std::string> &names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < kMaxNamesListed; ++i)
        out += (i ? ", " : "") + names[i];
    if (names.size() > kMaxNamesListed)
        out += " and " + std::to_string(names.size() - kMaxNamesListed) + " more";
    return out;
}

} // namespace

// --- SelfAttention ---------------------------------------------------------------------------

namespace
{

std::atomic<bool> blockedAttentionEnabled {true};

/**
 * Row-blocked attention on the CPU (see selfattention.h). Works in the layer's own layout, every
 * tensor [B, X, N] with the positions last, so no block is ever transposed or copied: a block of Br
 * query positions is a [X, Br] view with leading dimension N, which BLAS reads and writes in place.
 *   forward, per image and block:  s = q_blk^T k [Br, N]; m = rowmax; p = exp(s - m); l = rowsum;
 *                                  p /= l; o_blk = v p^T [C, Br]  (m and l kept for backward)
 *   backward, per image and block: p = exp(q_blk^T k - m) / l; dv += go_blk p; dp = go_blk^T v [Br, N];
 *                                  ds = p (dp - D), D = rowsum(go * o); dq_blk = k ds^T; dk += q_blk ds
 * The blocks run as LibTorch's parallel tasks, each product on the task's own thread (OpenBLAS computes on the
 * calling thread: configureComputeThreads): forward,
 * every image x block; backward, every image (its dk and dv sum over its blocks).
 */
class BlockedAttentionFunction : public torch::autograd::Function<BlockedAttentionFunction>
{
public:
    static torch::Tensor forward(
        torch::autograd::AutogradContext *ctx, const torch::Tensor &qkvIn, int64_t keyChannels, int64_t rowBlock)
    {
        // Detached: the tasks below run on LibTorch's other threads, where grad mode is on (it is thread-local).
        const torch::Tensor qkv = qkvIn.detach().contiguous();
        // So is InferenceMode: under it the outputs below are inference tensors, which a task may write only
        // inside InferenceMode too (the caller's mode, carried into every task).
        const bool inference = c10::InferenceMode::is_enabled();
        const int64_t b = qkv.size(0);
        const int64_t c = qkv.size(1) - 2 * keyChannels;
        const int64_t n = qkv.size(2);
        const int64_t rows = std::clamp<int64_t>(rowBlock, 1, n);
        torch::Tensor o = torch::empty({b, c, n}, qkv.options());
        // Each row's maximum and sum of exponentials, kept apart (not as one log-sum-exp: with scores in the
        // thousands, float32 would round m + log(l) and every recomputed probability with it).
        torch::Tensor rowMax = torch::empty({b, n, 1}, qkv.options());
        torch::Tensor rowSum = torch::empty({b, n, 1}, qkv.options());
        const int64_t blocks = (n + rows - 1) / rows;
        at::parallel_for(0, b * blocks, 1, [&](int64_t first, int64_t last) {
            const c10::InferenceMode inferenceMode(inference);
            const torch::NoGradGuard noGrad;
            torch::Tensor scores = torch::empty({rows, n}, qkv.options());
            for (int64_t task = first; task < last; ++task) {
                const int64_t i = task / blocks;
                const int64_t r = task % blocks * rows;
                const int64_t m = std::min(rows, n - r);
                const torch::Tensor q = qkv[i].narrow(0, 0, keyChannels);
                const torch::Tensor k = qkv[i].narrow(0, keyChannels, keyChannels);
                const torch::Tensor v = qkv[i].narrow(0, 2 * keyChannels, c);
                torch::Tensor s = scores.narrow(0, 0, m);
                torch::Tensor mx = rowMax[i].narrow(0, r, m);
                torch::Tensor sum = rowSum[i].narrow(0, r, m);
                at::mm_out(s, q.narrow(1, r, m).t(), k);
                at::amax_out(mx, s, {1}, true);
                s.sub_(mx).exp_();
                at::sum_out(sum, s, {1}, true);
                s.div_(sum);
                torch::Tensor oBlock = o[i].narrow(1, r, m);
                at::mm_out(oBlock, v, s.t());
            }
        });
        ctx->save_for_backward({qkv, o, rowMax, rowSum});
        ctx->saved_data["keyChannels"] = keyChannels;
        ctx->saved_data["rows"] = rows;
        return o;
    }

    static torch::autograd::variable_list backward(
        torch::autograd::AutogradContext *ctx, torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor qkv = saved[0].detach();
        const torch::Tensor o = saved[1].detach();
        const torch::Tensor rowMax = saved[2].detach();
        const torch::Tensor rowSum = saved[3].detach();
        const int64_t ck = ctx->saved_data["keyChannels"].toInt();
        const int64_t rows = ctx->saved_data["rows"].toInt();
        const torch::Tensor go = grads[0].detach().contiguous();
        const int64_t b = qkv.size(0);
        const int64_t c = qkv.size(1) - 2 * ck;
        const int64_t n = qkv.size(2);
        torch::Tensor gqkv = torch::zeros_like(qkv);
        const torch::Tensor d = (go * o).sum(1); // [B, N]
        at::parallel_for(0, b, 1, [&](int64_t first, int64_t last) {
            const torch::NoGradGuard noGrad;
            torch::Tensor p = torch::empty({rows, n}, qkv.options());
            torch::Tensor dp = torch::empty({rows, n}, qkv.options());
            for (int64_t i = first; i < last; ++i) {
                const torch::Tensor q = qkv[i].narrow(0, 0, ck);
                const torch::Tensor k = qkv[i].narrow(0, ck, ck);
                const torch::Tensor v = qkv[i].narrow(0, 2 * ck, c);
                torch::Tensor gq = gqkv[i].narrow(0, 0, ck);
                torch::Tensor gk = gqkv[i].narrow(0, ck, ck);
                torch::Tensor gv = gqkv[i].narrow(0, 2 * ck, c);
                for (int64_t r = 0; r < n; r += rows) {
                    const int64_t m = std::min(rows, n - r);
                    const torch::Tensor qBlock = q.narrow(1, r, m);
                    const torch::Tensor goBlock = go[i].narrow(1, r, m);
                    torch::Tensor pb = p.narrow(0, 0, m);
                    torch::Tensor ds = dp.narrow(0, 0, m);
                    at::mm_out(pb, qBlock.t(), k);
                    pb.sub_(rowMax[i].narrow(0, r, m)).exp_().div_(rowSum[i].narrow(0, r, m)); // as forward made it
                    gv.addmm_(goBlock, pb);
                    at::mm_out(ds, goBlock.t(), v);
                    ds.sub_(d[i].narrow(0, r, m).unsqueeze(1)).mul_(pb);
                    torch::Tensor gqBlock = gq.narrow(1, r, m);
                    at::mm_out(gqBlock, k, ds.t());
                    gk.addmm_(qBlock, ds);
                }
            }
        });
        return {gqkv, torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor blockedAttention(const torch::Tensor &qkv, int64_t keyChannels, int64_t rowBlock)
{
    return BlockedAttentionFunction::apply(qkv, keyChannels, rowBlock);
}

int64_t blockedAttentionRows(int64_t positions)
{
    const int64_t rows = kBlockedAttentionScores / std::max<int64_t>(positions, 1);
    return std::clamp<int64_t>(rows, std::min<int64_t>(kBlockedAttentionMinRows, positions), positions);
}

SelfAttentionImpl::SelfAttentionImpl(const SelfAttentionOptions &options_)
    : options(options_)
{
    const int64_t c = options.channels();
    const int64_t ck = attentionKeyChannels(static_cast<int>(c));
    query = register_module("query", torch::nn::Conv2d(torch::nn::Conv2dOptions(c, ck, 1)));
    key = register_module("key", torch::nn::Conv2d(torch::nn::Conv2dOptions(c, ck, 1)));
    value = register_module("value", torch::nn::Conv2d(torch::nn::Conv2dOptions(c, c, 1)));
    gamma = register_parameter("gamma", torch::zeros({1}));
}

void SelfAttentionImpl::setBlockedEnabled(bool enabled)
{
    blockedAttentionEnabled = enabled;
}

int64_t sdpaChannelAlignment(torch::ScalarType type)
{
    return 128 / (8 * static_cast<int64_t>(c10::elementSize(type)));
}

SdpaInputs sdpaInputs(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, bool forFusedKernel)
{
    torch::Tensor query = q.transpose(1, 2); // [B, N, Ck]
    torch::Tensor key = k.transpose(1, 2);
    torch::Tensor value = v.transpose(1, 2); // [B, N, C]
    if (forFusedKernel) {
        const int64_t alignment = sdpaChannelAlignment(q.scalar_type());
        const auto padded = [alignment](const torch::Tensor &t) {
            const int64_t pad = (alignment - t.size(-1) % alignment) % alignment;
            return (pad == 0 ? t : torch::constant_pad_nd(t, {0, pad})).contiguous();
        };
        query = padded(query);
        key = padded(key);
        value = padded(value);
    }
    const double unscale = std::sqrt(static_cast<double>(query.size(-1)));
    query = query * unscale; // keeps query's layout: contiguous when it was
    return {query.unsqueeze(1), key.unsqueeze(1), value.unsqueeze(1)};
}

#if TORCH_VERSION_MAJOR >= 2
torch::Tensor sdpaAttention(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, bool forFusedKernel)
{
    const SdpaInputs in = sdpaInputs(q, k, v, forFusedKernel);
    return at::scaled_dot_product_attention(in.query, in.key, in.value)
        .squeeze(1)
        .narrow(-1, 0, v.size(1)) // the value's zero padding, if any
        .transpose(1, 2);         // [B, C, N]
}
#endif

bool SelfAttentionImpl::blockedEnabled()
{
    return blockedAttentionEnabled;
}

torch::Tensor SelfAttentionImpl::attend(const torch::Tensor &x, torch::Tensor *matrix)
{
    const int64_t b = x.size(0);
    const int64_t c = x.size(1);
    const int64_t n = x.size(2) * x.size(3);
    const int64_t ck = query->weight.size(0);
    // The three 1x1 convolutions as one batched matrix product over the positions: x is read once,
    // and one large GEMM beats three small convolutions (same parameters, so checkpoints do not change).
    const torch::Tensor weight = torch::cat({query->weight, key->weight, value->weight}).flatten(1); // [2Ck+C, C]
    const torch::Tensor bias = torch::cat({query->bias, key->bias, value->bias}).view({1, -1, 1});
    const torch::Tensor qkv = torch::baddbmm(
        bias.expand({b, weight.size(0), n}), weight.unsqueeze(0).expand({b, -1, -1}), x.flatten(2)); // [B, 2Ck+C, N]
    torch::Tensor o;
    const bool cpuFloat
        = x.device().is_cpu() && (x.scalar_type() == torch::kFloat || x.scalar_type() == torch::kDouble);
    if (matrix == nullptr && cpuFloat && blockedAttentionEnabled && n >= kBlockedAttentionMinPositions)
        o = blockedAttention(qkv, ck, blockedAttentionRows(n)); // [B, C, N]
    const torch::Tensor q = qkv.narrow(1, 0, ck);               // [B, Ck, N]
    const torch::Tensor k = qkv.narrow(1, ck, ck);              // [B, Ck, N]
    const torch::Tensor v = qkv.narrow(1, 2 * ck, c);           // [B, C, N]
#if TORCH_VERSION_MAJOR >= 2
    // scaled_dot_product_attention with one head. SAGAN's keys are C/8 wide and its values C: PyTorch's fused
    // CPU kernel refuses that (it needs equal widths; the blocked kernel above takes the CPU), a GPU's
    // memory-efficient kernel allows it when the inputs are laid out for it (sdpaInputs).
    if (!o.defined() && matrix == nullptr)
        o = sdpaAttention(q, k, v, x.is_cuda());
#endif
    if (!o.defined()) {
        const torch::Tensor attention = torch::softmax(torch::bmm(q.transpose(1, 2), k), -1); // [B, N, N]
        o = torch::bmm(v, attention.transpose(1, 2));                                         // [B, C, N]
        if (matrix != nullptr)
            *matrix = attention;
    }
    return torch::addcmul(x, gamma, o.reshape({b, c, x.size(2), x.size(3)})); // x + gamma * o, one pass
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor &x)
{
    return attend(x, nullptr);
}

std::pair<torch::Tensor, torch::Tensor> SelfAttentionImpl::forwardWithAttention(const torch::Tensor &x)
{
    torch::Tensor matrix;
    torch::Tensor out = attend(x, &matrix);
    return {out, matrix};
}

float SelfAttentionImpl::gammaValue() const
{
    return gamma.detach().to(torch::kCPU).item<float>();
}

// --- SpectralConv2d --------------------------------------------------------------------------

SpectralConv2dImpl::SpectralConv2dImpl(const SpectralConv2dOptions &options_)
    : options(options_)
{
    const int64_t in = options.in_channels();
    const int64_t out = options.out_channels();
    const int64_t k = options.kernel_size();
    weight_orig = register_parameter("weight_orig", torch::randn({out, in, k, k}) * kInitStd);
    if (options.bias())
        bias = register_parameter("bias", torch::zeros({out}));
    weight_u = register_buffer("weight_u",
        torch::nn::functional::normalize(
            torch::randn({out}), torch::nn::functional::NormalizeFuncOptions().dim(0).eps(options.eps())));
    weight_v = register_buffer("weight_v",
        torch::nn::functional::normalize(
            torch::randn({in * k * k}), torch::nn::functional::NormalizeFuncOptions().dim(0).eps(options.eps())));
    powerIteration(kSpectralWarmupIterations);
}

void SpectralConv2dImpl::powerIteration(int steps)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor w = weight_orig.reshape({weight_orig.size(0), -1});
    const auto normalize = torch::nn::functional::NormalizeFuncOptions().dim(0).eps(options.eps());
    torch::Tensor u = weight_u;
    torch::Tensor v = weight_v;
    for (int i = 0; i < steps; ++i) {
        v = torch::nn::functional::normalize(torch::mv(w.t(), u), normalize);
        u = torch::nn::functional::normalize(torch::mv(w, v), normalize);
    }
    weight_u.copy_(u);
    weight_v.copy_(v);
}

torch::Tensor SpectralConv2dImpl::normalizedWeight() const
{
    // u and v are cloned so that a later in-place update (the next training forward, e.g. the
    // discriminator's second pass in one step) cannot invalidate this graph.
    const torch::Tensor u = weight_u.clone();
    const torch::Tensor v = weight_v.clone();
    const torch::Tensor sigma = torch::dot(u, torch::mv(weight_orig.reshape({weight_orig.size(0), -1}), v));
    return weight_orig / sigma;
}

torch::Tensor SpectralConv2dImpl::forward(const torch::Tensor &x)
{
    if (is_training())
        powerIteration(options.power_iterations());
    return torch::conv2d(x, normalizedWeight(), bias, options.stride(), options.padding());
}

// --- FastConvTranspose2d ---------------------------------------------------------------------

namespace
{

std::atomic<bool> fastConvTransposeEnabled {true};

/** The transposed convolution as oneDNN's convolution primitives (see fastconvtranspose.h). */
class OneDnnConvTranspose : public torch::autograd::Function<OneDnnConvTranspose>
{
public:
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
        const torch::Tensor &weight, const torch::Tensor &bias, int64_t stride, int64_t padding, bool oneDnnBackward)
    {
        const int64_t k = weight.size(2);
        const auto outSize = [&](int64_t in) { return (in - 1) * stride - 2 * padding + k; };
        // Only the shape of this "input" is read: a convolution's data gradient depends on its size alone.
        const torch::Tensor shape
            = torch::empty({x.size(0), weight.size(1), outSize(x.size(2)), outSize(x.size(3))}, x.options());
        torch::Tensor y = std::get<0>(at::convolution_backward(x, shape, weight, c10::nullopt, {stride, stride},
            {padding, padding}, {1, 1}, false, {0, 0}, 1, {true, false, false}));
        const bool hasBias = bias.numel() > 0;
        if (hasBias)
            y.add_(bias.reshape({1, -1, 1, 1}));
        ctx->save_for_backward({x, weight});
        ctx->saved_data["stride"] = stride;
        ctx->saved_data["padding"] = padding;
        ctx->saved_data["oneDnnBackward"] = oneDnnBackward;
        ctx->saved_data["bias"] = hasBias;
        return y;
    }

    static torch::autograd::variable_list backward(
        torch::autograd::AutogradContext *ctx, torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &x = saved[0];
        const torch::Tensor &weight = saved[1];
        const torch::Tensor gy = grads[0].contiguous();
        const int64_t s = ctx->saved_data["stride"].toInt();
        const int64_t p = ctx->saved_data["padding"].toInt();
        const bool needX = ctx->needs_input_grad(0);
        const bool needW = ctx->needs_input_grad(1);
        torch::Tensor gx, gw, gb;
        if (ctx->saved_data["oneDnnBackward"].toBool()) {
            if (needX)
                gx = torch::conv2d(gy, weight, {}, s, p);
            if (needW)
                gw = std::get<1>(at::convolution_backward(
                    x, gy, weight, c10::nullopt, {s, s}, {p, p}, {1, 1}, false, {0, 0}, 1, {false, true, false}));
        } else if (needX || needW) {
            std::tie(gx, gw, std::ignore) = at::convolution_backward(
                gy, x, weight, c10::nullopt, {s, s}, {p, p}, {1, 1}, true, {0, 0}, 1, {needX, needW, false});
        }
        if (ctx->saved_data["bias"].toBool() && ctx->needs_input_grad(2))
            gb = gy.sum({0, 2, 3});
        return {gx, gw, gb, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor oneDnnConvTranspose2d(const torch::Tensor &x, const torch::Tensor &weight, const torch::Tensor &bias,
    int64_t stride, int64_t padding, bool oneDnnBackward)
{
    // LibTorch 1.13's custom functions reject undefined tensor arguments: no bias is an empty one.
    return OneDnnConvTranspose::apply(
        x, weight, bias.defined() ? bias : torch::empty({0}, weight.options()), stride, padding, oneDnnBackward);
}

void FastConvTranspose2dImpl::setEnabled(bool enabled)
{
    fastConvTransposeEnabled = enabled;
}

bool FastConvTranspose2dImpl::enabled()
{
    return fastConvTransposeEnabled;
}

torch::Tensor FastConvTranspose2dImpl::forward(
    const torch::Tensor &input, const c10::optional<at::IntArrayRef> &output_size)
{
    // Unqualified: found by ADL in c10 (LibTorch 1.13) or std (LibTorch 2.x, std::variant).
    const auto *padding = get_if<torch::ExpandingArray<2>>(&options.padding());
    const at::IntArrayRef k = options.kernel_size();
    const at::IntArrayRef s = options.stride();
    const at::IntArrayRef d = options.dilation();
    const at::IntArrayRef extra = options.output_padding();
    const bool square = padding && k[0] == k[1] && s[0] == s[1] && (**padding)[0] == (**padding)[1];
    const bool simple = square && !output_size && options.groups() == 1 && d[0] == 1 && d[1] == 1 && extra[0] == 0
        && extra[1] == 0 && get_if<torch::enumtype::kZeros>(&options.padding_mode());
    if (!simple || !fastConvTransposeEnabled || input.dim() != 4 || !input.is_cpu()
        || input.scalar_type() != torch::kFloat || weight.scalar_type() != torch::kFloat || !at::hasMKLDNN()
        || !at::globalContext().userEnabledMkldnn() || options.out_channels() < kMinOutputChannels)
        return torch::nn::ConvTranspose2dImpl::forward(input, output_size);
    const bool oneDnnBackward
        = weight.numel() <= kLargeWeight || input.size(0) * input.size(2) * input.size(3) >= kManyPositions;
    return oneDnnConvTranspose2d(input, weight, bias, s[0], (**padding)[0], oneDnnBackward);
}

// --- weights and checkpoints -----------------------------------------------------------------

namespace
{

void initOne(torch::nn::Module &m)
{
    const auto initBias = [](torch::Tensor &bias) {
        if (bias.defined())
            bias.zero_();
    };
    if (auto *conv = m.as<torch::nn::Conv2d>()) {
        conv->weight.normal_(0.0, kInitStd);
        initBias(conv->bias);
    } else if (auto *deconv = m.as<torch::nn::ConvTranspose2d>()) {
        deconv->weight.normal_(0.0, kInitStd);
        initBias(deconv->bias);
    } else if (auto *linear = m.as<torch::nn::Linear>()) {
        linear->weight.normal_(0.0, kInitStd);
        initBias(linear->bias);
    } else if (auto *embedding = m.as<torch::nn::Embedding>()) {
        embedding->weight.normal_(0.0, kInitStd);
    } else if (auto *bn = m.as<torch::nn::BatchNorm2d>()) {
        if (bn->weight.defined())
            bn->weight.normal_(1.0, kInitStd);
        initBias(bn->bias);
    } else if (auto *in = m.as<torch::nn::InstanceNorm2d>()) {
        if (in->weight.defined())
            in->weight.normal_(1.0, kInitStd);
        initBias(in->bias);
    }
}

} // namespace

void initWeights(torch::nn::Module &module)
{
    torch::NoGradGuard noGrad;
    // include_self would need a shared_ptr to module, which a constructor does not have yet.
    initOne(module);
    for (const auto &m : module.modules(/*include_self=*/false))
        initOne(*m);
}

NamedTensors namedState(const torch::nn::Module &module)
{
    NamedTensors out;
    for (const auto &item : module.named_parameters(/*recurse=*/true))
        out.emplace_back(item.key(), item.value());
    for (const auto &item : module.named_buffers(/*recurse=*/true))
        out.emplace_back(item.key(), item.value());
    return out;
}

bool isAttentionParameter(const std::string &name)
{
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t dot = std::min(name.find('.', start), name.size());
        if (name.compare(start, 5, "attn_") == 0 && dot - start > 5)
            return true;
        start = dot + 1;
    }
    return false;
}

void loadCompatible(torch::nn::Module &target, const NamedTensors &saved)
{
    std::map<std::string, const torch::Tensor *> savedByName;
    std::vector<std::string> duplicate;
    for (const auto &[name, tensor] : saved)
        if (!savedByName.emplace(name, &tensor).second)
            duplicate.push_back(name);

    std::vector<std::pair<torch::Tensor, const torch::Tensor *>> copies;
    std::vector<std::string> missing;
    std::vector<std::string> mismatched;
    std::map<std::string, bool> used;
    for (const auto &[name, tensor] : namedState(target)) {
        const auto it = savedByName.find(name);
        if (it == savedByName.end()) {
            if (!isAttentionParameter(name))
                missing.push_back(name);
            continue;
        }
        used[name] = true;
        if (!it->second->defined() || it->second->sizes() != tensor.sizes()) {
            mismatched.push_back(name + " (saved " + (it->second->defined() ? shapeString(*it->second) : "undefined")
                + ", model " + shapeString(tensor) + ")");
            continue;
        }
        copies.emplace_back(tensor, it->second);
    }
    std::vector<std::string> unexpected;
    for (const auto &[name, tensor] : savedByName)
        if (!used.contains(name))
            unexpected.push_back(name);

    std::string problems;
    const auto add = [&problems](const char *what, const std::vector<std::string> &names) {
        if (!names.empty())
            problems += std::string(problems.empty() ? "" : "; ") + what + ": " + nameList(names);
    };
    add("missing", missing);
    add("shape mismatch", mismatched);
    add("unexpected", unexpected);
    add("duplicate", duplicate);
    if (!problems.empty())
        throw ModelError("saved weights do not fit this model configuration: " + problems);

    torch::NoGradGuard noGrad;
    for (auto &[dst, src] : copies)
        dst.copy_(*src);
}

} // namespace zistudio::model
