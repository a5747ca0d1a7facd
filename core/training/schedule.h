// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/trainingconfig.h"

#include <algorithm>
#include <cmath>

namespace zistudio::training
{

/**
 * The learning rate at generator step `step` (0-based): step decay by decayFactor every
 * decayEverySteps, never below minLearningRate, times `scale` (halved at each rollback after
 * non-finite losses).
 */
inline double learningRateAt(const TrainingConfig &config, long long step, double scale = 1.0)
{
    double lr = config.learningRate;
    if (config.decayEverySteps > 0 && step > 0)
        lr *= std::pow(config.decayFactor, static_cast<double>(step / config.decayEverySteps));
    return std::max(lr, config.minLearningRate) * scale;
}

} // namespace zistudio::training
