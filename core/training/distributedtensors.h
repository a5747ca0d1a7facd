// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. The tensor collectives of a data-parallel step (communicator.cpp).

#include "training/communicator.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace zistudio::training
{

/** Largest gradient bucket flattened into one all-reduce (PyTorch DDP's default bucket size). */
inline constexpr std::int64_t kGradientBucketBytes = std::int64_t {25} << 20;

/**
 * Replaces the gradient of every parameter that has one with its mean over the ranks, flattened into
 * buckets of at most kGradientBucketBytes (a few all-reduce calls, not one per parameter), all in
 * flight at once. `localFinite` false (this rank's loss was NaN/Inf) travels with the first bucket.
 * Returns true when every rank's loss was finite and the averaged gradients hold no NaN/Inf: the same
 * answer on every rank, so all skip or all apply the update and the replicas never diverge.
 */
bool averageGradients(Communicator &comm, const std::vector<torch::Tensor> &parameters, bool localFinite);

/** Overwrites every rank's `tensors` (parameters, buffers) with rank 0's values, one broadcast per dtype. */
void broadcastFromLeader(Communicator &comm, const std::vector<torch::Tensor> &tensors, const std::string &what);

} // namespace zistudio::training
