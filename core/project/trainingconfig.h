// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace zistudio::training
{

// The training layer's settings live in the project layer because the project file holds them and
// project sits below training (training trains a project's run). The namespace stays the training
// layer's: this is the type training::Trainer reads.

/**
 * The largest step count anything accepts (a run's steps, a checkpoint's step, an imported model's step):
 * far beyond any real run (a million steps a day for 2,700 years) and small enough that step folder
 * names ("step-" + 13 digits) and every counter derived from a step stay exact.
 */
inline constexpr long long kMaxSteps = 1'000'000'000'000LL;

/** Every training setting; recorded with each run. Defaults follow zi2zi. */
struct TrainingConfig
{
    int batchSize = 16;
    long long steps = 2000;     ///< total generator steps of a run
    double learningRate = 1e-3; ///< Adam, both networks
    double beta1 = 0.5;
    double beta2 = 0.999;
    int decayEverySteps = 0; ///< step decay period (0 = no decay)
    double decayFactor = 0.5;
    double minLearningRate = 2e-4; ///< decay floor
    double l1Weight = 100.0;
    double constWeight = 15.0;
    double categoryWeight = 1.0;
    double ganWeight = 1.0;
    double tvWeight = 0.0;
    int generatorStepsPerDiscriminatorStep = 1;
    bool labelShuffling = false;
    bool freezeEncoder = false;
    bool augment = true;     ///< zi2zi random scale 1.0-1.2 + crop, same for source and target
    int validateEvery = 200; ///< steps between validations (and sample grids)
    int checkpointEvery = 500;
    int keepLast = 3;                  ///< keep the last K checkpoints plus best plus pinned
    std::string bestMetric = "val_l1"; ///< "val_l1" (lower is better) or "val_ssim" (higher is better)
    unsigned seed = 42;                ///< weights, data order, dropout, augmentation
    std::string device = "auto";       ///< "auto", "cpu", "cuda", "cuda:N"
    /// "auto" (bf16 autocast on a CUDA GPU of compute capability 8.0+, fp32 elsewhere), "fp32" (TF32 matrix
    /// products on such GPUs) or "bf16" (a GPU that has it, else an error)
    std::string precision = "auto";
    int threads = 0; ///< LibTorch CPU threads (0 = the process setting: all cores by default)
    int loaderThreads = 1;
    bool deterministic = true;           ///< CPU: bit-exact resume
    std::string fineTuneFrom;            ///< run name to initialise from ("" = fresh)
    long long fineTuneStep = 0;          ///< checkpoint step of fineTuneFrom to start from (0 = its best)
    std::vector<int> fineTuneStyles;     ///< style ids trained when fine-tuning (empty = all)
    std::vector<std::string> probeChars; ///< characters in the sample grid (empty = first validation chars)
    bool operator==(const TrainingConfig &) const = default;
};

} // namespace zistudio::training
