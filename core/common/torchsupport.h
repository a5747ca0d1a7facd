// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/ (ARCHITECTURE rule 2).
#include <torch/torch.h>

#include <string>

namespace zistudio
{

/** Resolves a device preference ("auto", "cpu", "cuda", "cuda:N") once; throws Error when CUDA is asked for but absent.
 */
torch::Device resolveDevice(const std::string &preference);

} // namespace zistudio
