// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "training/checkpointstore.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace zistudio::test
{

/**
 * The parts of a realistic checkpoint (generator, discriminator and optimizer tensor archives plus a
 * state.json naming the step), made once in memory so that a forked child can write them without
 * touching LibTorch, and checked byte for byte when a checkpoint is loaded back.
 */
class CheckpointFixture
{
public:
    /** `scale` multiplies the tensor sizes: 1 gives about 100 KiB of parts. */
    explicit CheckpointFixture(int scale = 1);

    /** Writes and commits step `step` (metric val_l1 = 1 / (step + 1), so newer is better). */
    training::CheckpointInfo write(training::CheckpointStore &store, long long step) const;

    /**
     * Checks a loaded checkpoint part by part: every archive decodes to the tensors written, state.json names
     * `info.step`. Returns an empty string when intact, else what is wrong.
     */
    std::string verify(const training::CheckpointStore &store, const training::CheckpointInfo &info) const;

    /** Total bytes of one checkpoint's parts. */
    std::size_t bytes() const;
    const std::vector<std::pair<std::string, std::string>> &archives() const { return m_archives; }

    static std::string stateJson(long long step);

private:
    std::vector<std::pair<std::string, std::string>> m_archives; ///< part name, archive bytes
};

} // namespace zistudio::test
