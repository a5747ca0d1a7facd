// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

namespace zistudio::training
{

/**
 * Test hooks that exercise the recovery paths (docs/reliability.md): make step N's generator loss
 * non-finite, or make step N fail as if the device ran out of memory. Steps are 0-based.
 */
struct TrainerHooks
{
    std::function<bool(long long step)> injectNonFiniteLoss;
    std::function<bool(long long step)> simulateOutOfMemory;
};

} // namespace zistudio::training
