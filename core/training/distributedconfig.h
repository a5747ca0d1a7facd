// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Torch-free: the CLI fills it from torchrun's environment; the trainer joins the job with it.

#include "training/trainingerror.h"

#include <optional>
#include <string>

namespace zistudio::training
{

/** Default seconds a collective operation or the rendezvous may wait for the other ranks. */
inline constexpr int kDefaultDistributedTimeoutSeconds = 60;

/**
 * This process's place in a data-parallel job, with torchrun's names: WORLD_SIZE processes, this
 * one is RANK (LOCAL_RANK on its node picks its GPU), rank 0 hosts the rendezvous store at
 * MASTER_ADDR:MASTER_PORT.
 */
struct DistributedConfig
{
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    int timeoutSeconds = kDefaultDistributedTimeoutSeconds; ///< rendezvous and each collective operation
    std::string backend = "auto"; ///< "auto" (NCCL for CUDA tensors where built in, else Gloo), "gloo", "nccl"

    bool leader() const { return rank == 0; }
};

/** Thrown when the job cannot form or a collective operation fails: names the rank(s) and what happened. */
class DistributedError : public TrainingError
{
public:
    using TrainingError::TrainingError;
};

/**
 * Reads torchrun's variables (WORLD_SIZE, RANK, LOCAL_RANK, MASTER_ADDR, MASTER_PORT). Returns
 * nullopt when WORLD_SIZE is unset; throws TrainingError naming the variable when one is missing
 * or malformed (RANK outside 0..WORLD_SIZE-1, a port outside 1..65535...).
 */
std::optional<DistributedConfig> distributedConfigFromEnvironment();

/** Checks the values (rank within the world, port, timeout, backend); throws TrainingError naming the bad one. */
void validateDistributedConfig(const DistributedConfig &config);

} // namespace zistudio::training
