// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The machine's ceiling for a configuration: every operation the cost model counts (convolutions,
// transposed convolutions, attention 1x1 convolutions and attention matrix products), with the
// shapes and multiplicities of one training step (or one generator forward), run ALONE on random
// data, forward + the backward the step needs (weight and/or input gradients). Credited with the
// cost model's FLOPs, so achieved / ceiling = (time of the counted work alone) / (time of the step).
// Each op runs in the fastest of the implementations at hand (see WorkRunner::calibrate).

#include "model/costmodel.h"
#include "model/fastconvtranspose.h"
#include "model/modelconfig.h"
#include "model/unetlayout.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace zistudio::bench
{

enum class OpKind
{
    Conv,          ///< input [B, Cin, H, W], weight [Cout, Cin, k, k]
    ConvTranspose, ///< input [B, Cin, H, W], weight [Cin, Cout, k, k]
    Bmm            ///< input [B, M, K], weight (second operand) [B, K, N]
};

/** One counted operation of a step. */
struct WorkItem
{
    std::string name;
    OpKind kind = OpKind::Conv;
    std::vector<int64_t> input;
    std::vector<int64_t> weight;
    int64_t stride = 1;
    int64_t padding = 0;
    double count = 1;       ///< executions per step
    bool inputGrad = true;  ///< the step back-propagates into the input
    bool weightGrad = true; ///< the step needs the weight's gradient
    double macs = 0;        ///< one execution, whole batch
};

/** The ops of one generator forward (encoder only when encoderOnly), in forward order. */
inline std::vector<WorkItem> generatorWork(const model::ModelConfig &config, int64_t b, bool encoderOnly = false)
{
    const model::UNetLayout lay = model::unetLayout(config);
    const auto enc = [&](int d) { return int64_t {lay.encoderChannels[static_cast<std::size_t>(d)]}; };
    const auto res = [&](int d) { return int64_t {lay.resolution(d)}; };
    std::vector<WorkItem> out;
    const auto attention = [&](const model::AttentionSite &site) {
        const int64_t c = lay.attentionChannels(site);
        const int64_t ck = model::attentionKeyChannels(static_cast<int>(c));
        const int64_t r = res(site.depth);
        const int64_t n = r * r;
        const std::string name = "attn " + model::toString(site);
        for (const auto &[what, o] : {std::pair {"q", ck}, std::pair {"k", ck}, std::pair {"v", c}})
            out.push_back({name + " " + what, OpKind::Conv, {b, c, r, r}, {o, c, 1, 1}, 1, 0, 1, true, true,
                static_cast<double>(b * n * c * o)});
        out.push_back({name + " energy", OpKind::Bmm, {b, n, ck}, {b, ck, n}, 1, 0, 1, true, true,
            static_cast<double>(b * n * n * ck)});
        out.push_back({name + " out", OpKind::Bmm, {b, c, n}, {b, n, n}, 1, 0, 1, true, true,
            static_cast<double>(b * n * n * c)});
    };
    for (int d = 1; d <= lay.depth; ++d) {
        out.push_back({"enc" + std::to_string(d), OpKind::Conv, {b, enc(d - 1), res(d - 1), res(d - 1)},
            {enc(d), enc(d - 1), 4, 4}, 2, 1, 1, d > 1, true,
            static_cast<double>(b * res(d) * res(d) * enc(d) * enc(d - 1) * 16)});
        if (config.attention.has(model::AttentionSide::Encoder, d))
            attention({model::AttentionSide::Encoder, d});
    }
    if (encoderOnly)
        return out;
    if (config.attention.has(model::AttentionSide::Decoder, lay.depth))
        attention({model::AttentionSide::Decoder, lay.depth});
    for (int d = lay.depth - 1; d >= 0; --d) {
        const int64_t in = lay.upInputChannels(d);
        const int64_t o = lay.upOutputChannels(d);
        const int64_t r = res(d + 1);
        if (config.upsample == model::UpsampleKind::TransposedConv)
            out.push_back({"dec" + std::to_string(d), OpKind::ConvTranspose, {b, in, r, r}, {in, o, 4, 4}, 2, 1, 1,
                true, true, static_cast<double>(b * r * r * in * o * 16)});
        else
            out.push_back({"dec" + std::to_string(d), OpKind::Conv, {b, in, r, r}, {4 * o, in, 3, 3}, 1, 1, 1, true,
                true, static_cast<double>(b * r * r * in * 4 * o * 9)});
        if (d >= 1 && config.attention.has(model::AttentionSide::Decoder, d))
            attention({model::AttentionSide::Decoder, d});
    }
    return out;
}

/** The discriminator's ops on a batch of pairs. */
inline std::vector<WorkItem> discriminatorWork(const model::ModelConfig &config, int64_t b)
{
    std::vector<WorkItem> out;
    const std::vector<int> widths = model::discriminatorChannels(config);
    int64_t in = 2 * int64_t {config.inputChannels};
    int64_t r = config.imageSize;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        const int64_t o = widths[i];
        out.push_back({"D layer" + std::to_string(i + 1), OpKind::Conv, {b, in, r, r}, {o, in, 4, 4}, 2, 1, 1, i > 0,
            true, static_cast<double>(b * (r / 2) * (r / 2) * o * in * 16)});
        in = o;
        r /= 2;
    }
    out.push_back({"D patch", OpKind::Conv, {b, in, r, r}, {1, in, 3, 3}, 1, 1, 1, true, true,
        static_cast<double>(b * r * r * in * 9)});
    out.push_back({"D category", OpKind::Conv, {b, in, 1, 1}, {config.embeddingNum, in, 1, 1}, 1, 0, 1, true, true,
        static_cast<double>(b * in * config.embeddingNum)});
    return out;
}

/**
 * One training step's counted work: G on the source (no input gradient at the image), the encoder
 * on the fake (constancy; gradients reach the fake), D twice for its own update (weight gradients,
 * none at the image pair) and once for G's (input gradients only, D frozen).
 */
inline std::vector<WorkItem> trainingWork(const model::ModelConfig &config, int64_t b)
{
    std::vector<WorkItem> out = generatorWork(config, b);
    for (WorkItem item : generatorWork(config, b, true)) {
        item.name += " (constancy)";
        item.inputGrad = true;
        out.push_back(item);
    }
    for (WorkItem item : discriminatorWork(config, b)) {
        item.count = 2; // real pair, detached fake pair
        out.push_back(item);
        item.count = 1; // the G step: D frozen, gradients flow to the fake
        item.name += " (G step)";
        item.inputGrad = true;
        item.weightGrad = false;
        out.push_back(item);
    }
    return out;
}

inline double countedMacs(const std::vector<WorkItem> &work)
{
    double macs = 0;
    for (const WorkItem &w : work)
        macs += w.count * w.macs;
    return macs;
}

/** How an op can run; the ceiling takes the fastest for each item. */
enum class Variant
{
    Default,           ///< LibTorch's choice (oneDNN for convolutions, im2col + BLAS for transposed ones)
    NoOneDnn,          ///< convolutions: LibTorch with oneDNN switched off (im2col + BLAS)
    OneDnn,            ///< transposed: model::oneDnnConvTranspose2d, oneDNN both ways
    OneDnnForwardOnly, ///< transposed: oneDNN forward, LibTorch's backward
};

inline const char *toString(Variant v)
{
    switch (v) {
    case Variant::Default:
        return "libtorch";
    case Variant::NoOneDnn:
        return "libtorch without onednn";
    case Variant::OneDnn:
        return "onednn";
    case Variant::OneDnnForwardOnly:
        return "onednn forward";
    }
    return "?";
}

/**
 * Runs a list of work items on random operands made once. calibrate() times every variant of
 * every item and keeps the fastest, so the ceiling is the best this LibTorch (plus ZiStudio's own
 * oneDNN transposed convolution) can do on each shape, not a handicapped baseline.
 */
class WorkRunner
{
public:
    WorkRunner(std::vector<WorkItem> work, bool backward)
        : m_work(std::move(work))
        , m_backward(backward)
    {
        torch::manual_seed(1);
        for (const WorkItem &w : m_work) {
            Operands o;
            o.x = torch::randn(w.input).set_requires_grad(backward && w.inputGrad);
            o.w = (torch::randn(w.weight) * 0.05).set_requires_grad(backward && w.weightGrad);
            if (backward) {
                torch::NoGradGuard noGrad;
                o.gy = torch::randn_like(apply(w, o.x, o.w, Variant::Default));
            }
            m_operands.push_back(std::move(o));
            m_chosen.push_back(Variant::Default);
        }
    }

    /** Picks the fastest variant of each item (two timed runs each, the better one counts). */
    void calibrate()
    {
        for (std::size_t i = 0; i < m_work.size(); ++i) {
            double best = 1e30;
            for (const Variant v : variants(m_work[i].kind)) {
                runOne(i, v);
                const double t = std::min(runOne(i, v), runOne(i, v));
                if (t < best) {
                    best = t;
                    m_chosen[i] = v;
                }
            }
        }
        m_calibrated = true;
    }

    /** Seconds of one step's counted work (each item once with its chosen variant, times its count). */
    nlohmann::json measure()
    {
        if (!m_calibrated)
            calibrate();
        double total = 0;
        double macs = 0;
        nlohmann::json items = nlohmann::json::array();
        for (std::size_t i = 0; i < m_work.size(); ++i) {
            const WorkItem &w = m_work[i];
            const double seconds = runOne(i, m_chosen[i]);
            total += w.count * seconds;
            macs += w.count * w.macs;
            items.push_back({{"name", w.name}, {"seconds", seconds}, {"count", w.count},
                {"variant", toString(m_chosen[i])}, {"gflops", (m_backward ? 6.0 : 2.0) * w.macs / seconds / 1e9}});
        }
        const double flops = (m_backward ? 6.0 : 2.0) * macs;
        return {{"seconds", total}, {"flops", flops}, {"gflops", flops / total / 1e9}, {"items", items}};
    }

private:
    struct Operands
    {
        torch::Tensor x, w, gy;
    };

    std::vector<Variant> variants(OpKind kind) const
    {
        if (kind == OpKind::Conv)
            return {Variant::Default, Variant::NoOneDnn};
        if (kind == OpKind::ConvTranspose)
            return m_backward ? std::vector {Variant::Default, Variant::OneDnn, Variant::OneDnnForwardOnly}
                              : std::vector {Variant::Default, Variant::OneDnn};
        return {Variant::Default};
    }

    /** One execution of item i; its seconds. */
    double runOne(std::size_t i, Variant v)
    {
        Operands &o = m_operands[i];
        const bool oneDnn = at::globalContext().userEnabledMkldnn();
        at::globalContext().setUserEnabledMkldnn(v != Variant::NoOneDnn);
        const auto start = std::chrono::steady_clock::now();
        if (m_backward) {
            apply(m_work[i], o.x, o.w, v).backward(o.gy);
        } else {
            c10::InferenceMode inference;
            apply(m_work[i], o.x, o.w, v);
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        at::globalContext().setUserEnabledMkldnn(oneDnn);
        if (o.x.grad().defined())
            o.x.mutable_grad().reset();
        if (o.w.grad().defined())
            o.w.mutable_grad().reset();
        return seconds;
    }

    static torch::Tensor apply(const WorkItem &w, const torch::Tensor &x, const torch::Tensor &weight, Variant v)
    {
        switch (w.kind) {
        case OpKind::Conv:
            return torch::conv2d(x, weight, {}, w.stride, w.padding);
        case OpKind::ConvTranspose:
            if (v == Variant::OneDnn || v == Variant::OneDnnForwardOnly)
                return model::oneDnnConvTranspose2d(x, weight, {}, w.stride, w.padding, v == Variant::OneDnn);
            return torch::conv_transpose2d(x, weight, {}, w.stride, w.padding);
        case OpKind::Bmm:
            return torch::bmm(x, weight);
        }
        return {};
    }

    std::vector<WorkItem> m_work;
    bool m_backward = true;
    std::vector<Operands> m_operands;
    std::vector<Variant> m_chosen;
    bool m_calibrated = false;
};

} // namespace zistudio::bench
