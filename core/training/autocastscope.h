// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch (used by trainingsession.cpp).

#include <torch/torch.h>

#ifdef ZISTUDIO_WITH_CUDA
#include <ATen/autocast_mode.h>
#include <torch/version.h>
#endif

namespace zistudio::training
{

/**
 * bf16 autocast around forward passes on CUDA (Ampere or newer), nothing on the CPU. Backward passes
 * run outside it, as LibTorch recommends.
 */
class AutocastScope
{
public:
    explicit AutocastScope(bool on)
        : m_on(on)
    {
#ifdef ZISTUDIO_WITH_CUDA
        if (!m_on)
            return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
        at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
#endif
#endif
    }
    ~AutocastScope()
    {
#ifdef ZISTUDIO_WITH_CUDA
        if (!m_on)
            return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
        at::autocast::set_enabled(false);
#endif
        at::autocast::clear_cache();
#endif
    }
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    [[maybe_unused]] bool m_on;
};

} // namespace zistudio::training
