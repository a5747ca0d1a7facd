// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/ (ARCHITECTURE rule 2).
#include <torch/torch.h>

#include <sstream>
#include <string>
#include <type_traits>

namespace zistudio
{

/** Resolves a device preference ("auto", "cpu", "cuda", "cuda:N") once; throws Error when CUDA is asked for but absent.
 */
torch::Device resolveDevice(const std::string &preference);

/**
 * The key under which a torch::optim optimizer keeps a parameter's state. LibTorch 1.13 keys its
 * state map by the TensorImpl address printed as a string, LibTorch 2.x by the address itself;
 * this returns whichever the compiled LibTorch uses (ARCHITECTURE rule 6).
 */
template<typename Optimizer> // a template, so that the branch not taken is never compiled
auto optimizerStateKey(const Optimizer &optimizer, const torch::Tensor &param)
{
    using Key = typename std::decay_t<decltype(optimizer.state())>::key_type;
    if constexpr (std::is_same_v<Key, std::string>) {
        // What LibTorch 1.13's c10::guts::to_string (gone in 2.x) printed: the address through an ostream.
        std::ostringstream key;
        key << static_cast<const void *>(param.unsafeGetTensorImpl());
        return key.str();
    } else
        return static_cast<Key>(param.unsafeGetTensorImpl());
}

} // namespace zistudio
