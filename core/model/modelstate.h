// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/.
#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace zistudio::model
{

/** Named tensors as a checkpoint holds them: dotted module paths ("enc3.conv.weight"). */
using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

/** Every parameter, then every buffer, of a module and its children, by dotted name. */
NamedTensors namedState(const torch::nn::Module &module);

/** True for a name inside a self-attention layer (a path component starting with "attn_"). */
bool isAttentionParameter(const std::string &name);

/**
 * Copies saved parameters and buffers into target by name (any device or dtype is converted).
 * Parameters of attention layers that `saved` lacks keep their initial values (gamma = 0: the
 * network computes what it computed before they were added). Every other mismatch — a missing
 * parameter or buffer, a shape mismatch, an unexpected name — throws ModelError naming them all,
 * and nothing is copied.
 */
void loadCompatible(torch::nn::Module &target, const NamedTensors &saved);

/**
 * zi2zi / DCGAN initialisation of every submodule: conv, transposed-conv, linear and embedding
 * weights N(0, 0.02), norm weights N(1, 0.02), biases 0. Attention gates are left at 0.
 */
void initWeights(torch::nn::Module &module);

} // namespace zistudio::model
