// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Included by trainingsession.cpp only (header-only so that the
// training layer keeps its three LibTorch translation units).

#include "common/torchsupport.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cmath>
#include <cstdint>

namespace zistudio::training
{

namespace detail
{

/** The constants of one parameter's Adam update. */
struct AdamCoefficients
{
    float beta1, beta2;
    float oneMinusBeta1, oneMinusBeta2;
    float stepSize;         ///< lr / (1 - beta1^t)
    float sqrtCorrection2;  ///< sqrt(1 - beta2^t)
    float eps, weightDecay; ///< weightDecay 0 = none
};

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
// An AVX2 clone chosen at load time where the CPU has it, at O3. The loop vectorises only where the
// square root cannot set errno: GCC 12 ignores "no-math-errno" in an optimize attribute, so the
// including translation unit is compiled with -fno-math-errno (core/training/CMakeLists.txt), and the
// square root is the builtin itself (std::sqrt, compiled without O3, is not inlined into this clone:
// a call per element). Checked in the disassembly: vsqrtps/vdivps on ymm registers.
#define ZISTUDIO_ADAM_KERNEL [[gnu::target_clones("arch=haswell", "default"), gnu::optimize("O3")]]
#define ZISTUDIO_ADAM_SQRT __builtin_sqrtf
#else
#define ZISTUDIO_ADAM_KERNEL
#define ZISTUDIO_ADAM_SQRT std::sqrt
#endif

/** Elements [begin, end) of one parameter: LibTorch's Adam formula, one read and write of each. */
ZISTUDIO_ADAM_KERNEL inline void adamKernel(float *__restrict p, float *__restrict m, float *__restrict v,
    const float *__restrict g, int64_t begin, int64_t end, AdamCoefficients c)
{
    for (int64_t i = begin; i < end; ++i) {
        const float grad = c.weightDecay != 0.0F ? g[i] + c.weightDecay * p[i] : g[i];
        const float mi = m[i] * c.beta1 + c.oneMinusBeta1 * grad;
        const float vi = v[i] * c.beta2 + c.oneMinusBeta2 * grad * grad;
        m[i] = mi;
        v[i] = vi;
        p[i] -= c.stepSize * (mi / (ZISTUDIO_ADAM_SQRT(vi) / c.sqrtCorrection2 + c.eps));
    }
}

#undef ZISTUDIO_ADAM_KERNEL
#undef ZISTUDIO_ADAM_SQRT

/** Elements per parallel chunk: large enough that a chunk outweighs waking a thread. */
constexpr int64_t kAdamGrain = int64_t {1} << 15;

} // namespace detail

/**
 * optimizer.step() for torch::optim::Adam, fused: LibTorch 1.13 updates each parameter with eight
 * whole-tensor operations (mul_, add_, mul_, addcmul_, sqrt, div, add_, addcdiv_), so a step reads
 * and writes every parameter and both moments several times over; this kernel does it in one pass
 * with the same formula, the same state (AdamParamState under the same keys, so checkpoints do not
 * change) and the same skipping of parameters without a gradient. Falls back to optimizer.step()
 * for anything but contiguous CPU float32 parameters without amsgrad (e.g. on CUDA).
 */
inline void fusedAdamStep(torch::optim::Adam &optimizer)
{
    bool fusable = true;
    for (auto &group : optimizer.param_groups()) {
        if (static_cast<const torch::optim::AdamOptions &>(group.options()).amsgrad())
            fusable = false;
        for (const auto &p : group.params())
            if (p.grad().defined()
                && (!p.is_cpu() || p.scalar_type() != torch::kFloat || !p.is_contiguous() || !p.grad().is_contiguous()
                    || p.grad().is_sparse()))
                fusable = false;
    }
    if (!fusable) {
        optimizer.step();
        return;
    }
    torch::NoGradGuard noGrad;
    for (auto &group : optimizer.param_groups()) {
        const auto &options = static_cast<const torch::optim::AdamOptions &>(group.options());
        for (auto &p : group.params()) {
            if (!p.grad().defined())
                continue;
            const auto key = optimizerStateKey(optimizer, p);
            auto found = optimizer.state().find(key);
            if (found == optimizer.state().end()) {
                auto fresh = std::make_unique<torch::optim::AdamParamState>();
                fresh->step(0);
                fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
                fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
                found = optimizer.state().emplace(key, std::move(fresh)).first;
            }
            auto &state = static_cast<torch::optim::AdamParamState &>(*found->second);
            if (!state.exp_avg().is_contiguous() || !state.exp_avg_sq().is_contiguous()) {
                state.exp_avg(state.exp_avg().contiguous());
                state.exp_avg_sq(state.exp_avg_sq().contiguous());
            }
            state.step(state.step() + 1);
            const auto [beta1, beta2] = options.betas();
            const double correction1 = 1.0 - std::pow(beta1, static_cast<double>(state.step()));
            const double correction2 = 1.0 - std::pow(beta2, static_cast<double>(state.step()));
            const detail::AdamCoefficients c {static_cast<float>(beta1), static_cast<float>(beta2),
                static_cast<float>(1.0 - beta1), static_cast<float>(1.0 - beta2),
                static_cast<float>(options.lr() / correction1), static_cast<float>(std::sqrt(correction2)),
                static_cast<float>(options.eps()), static_cast<float>(options.weight_decay())};
            float *param = p.data_ptr<float>();
            float *m = state.exp_avg().data_ptr<float>();
            float *v = state.exp_avg_sq().data_ptr<float>();
            const float *g = p.grad().data_ptr<float>();
            at::parallel_for(0, p.numel(), detail::kAdamGrain,
                [&](int64_t begin, int64_t end) { detail::adamKernel(param, m, v, g, begin, end, c); });
            // Written through raw pointers: tell autograd, as the in-place operations would have.
            p.unsafeGetTensorImpl()->bump_version();
            state.exp_avg().unsafeGetTensorImpl()->bump_version();
            state.exp_avg_sq().unsafeGetTensorImpl()->bump_version();
        }
    }
}

} // namespace zistudio::training
