// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. The state behind TrainingSession, shared by
// trainingsession.cpp (steps, validation) and sessioncheckpoint.cpp (save, load).

#include "data/batchloader.h"
#include "data/dataset.h"
#include "model/discriminator.h"
#include "model/unetgenerator.h"
#include "training/trainingsession.h"

#include <torch/torch.h>

#include <memory>

namespace zistudio::training
{

struct TrainingSession::Impl
{
    project::Project config;
    const data::Dataset *dataset = nullptr;
    TrainerHooks hooks;
    torch::Device device {torch::kCPU};
    Communicator *comm = nullptr; ///< data-parallel job, or nullptr

    model::UNetGenerator generator {nullptr};
    model::Discriminator discriminator {nullptr};
    std::unique_ptr<torch::optim::Adam> generatorOptimizer;
    std::unique_ptr<torch::optim::Adam> discriminatorOptimizer;
    std::unique_ptr<data::BatchLoader> loader;

    long long step = 0; ///< generator steps done
    int batchSize = 1;
    double lrScale = 1.0;
    bool autocast = false; ///< bf16 autocast of forward passes (CUDA, Ampere or newer)

    /** Generator parameters the optimizer updates (all, or all but the encoder when it is frozen). */
    std::vector<torch::Tensor> trainableGeneratorParameters() const;
    void buildNetworks();
    void buildOptimizers();
    void buildLoader(const data::LoaderPosition &position);
    double currentLearningRate() const;
};

/** Seed of step `step`'s random numbers (dropout, label shuffling): independent of history. */
std::uint64_t stepSeed(unsigned seed, long long step);
/** stepSeed() of rank `rank` of a data-parallel job: rank 0 draws what a single process draws. */
std::uint64_t stepSeed(unsigned seed, long long step, int rank);

} // namespace zistudio::training
