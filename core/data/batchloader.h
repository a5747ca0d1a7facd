// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/ (ARCHITECTURE rule 2).
#include "common/image.h"
#include "data/dataset.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace zistudio::data
{

/** How a BatchLoader draws batches. */
struct BatchLoaderOptions
{
    int batchSize = 16;
    std::uint64_t seed = 1234; ///< epoch order and augmentation are functions of (seed, epoch, position)
    bool augment = true;       ///< zi2zi: the same random up-scale (1.0..maxScale) + crop for source and target
    double maxScale = 1.2;
    int threads = 2;            ///< worker threads building batches ahead (0 = build on the calling thread)
    int prefetch = 2;           ///< batches built ahead of the one next() returns
    bool dropLast = false;      ///< skip the last, smaller batch of an epoch
    std::vector<int> styles {}; ///< train only these style ids (empty = all)
    /**
     * Distributed data parallelism: this process's shard. Every rank draws the same epoch order; a
     * global batch is `batchSize * worldSize` consecutive samples of it and rank r takes the r-th
     * slice of `batchSize`. Positions count global samples, so a checkpoint's position means the
     * same for any world size, and each sample's augmentation is the one a single process would draw.
     * worldSize > 1 needs dropLast (every rank gets a full batch).
     */
    int rank = 0;
    int worldSize = 1;
};

/** Where the loader is: the next (global) batch starts at sample `index` of epoch `epoch`'s order. */
struct LoaderPosition
{
    long long epoch = 0;
    long long index = 0;
    bool operator==(const LoaderPosition &) const = default;
};

/** One batch: images as [B, 1, S, S] float in [-1, 1] (+1 = ink), style ids [B] int64, on the CPU. */
struct Batch
{
    torch::Tensor source;
    torch::Tensor target;
    torch::Tensor styleIds;
    std::vector<char32_t> cps;
    LoaderPosition start; ///< the position of this (global) batch's first sample
};

/**
 * Training batches from a Dataset. Each epoch visits the training samples in an order shuffled from
 * (seed, epoch); augmentation of the sample at position k draws its randomness from (seed, epoch, k). So the
 * batches depend only on the options and the position, never on thread timing, and setPosition() resumes
 * exactly where a checkpoint left off. Worker threads build the next batches while the caller trains.
 * Not thread-safe: one consumer thread calls next()/setPosition().
 */
class BatchLoader
{
public:
    /** Throws DataError when there are no training samples (for the chosen styles) or the options are invalid. */
    BatchLoader(const Dataset &dataset, BatchLoaderOptions options);
    ~BatchLoader();
    BatchLoader(const BatchLoader &) = delete;
    BatchLoader &operator=(const BatchLoader &) = delete;

    /** The next batch; epochs roll over forever. Rethrows an error a worker hit. */
    Batch next();
    /** Position of the batch next() returns. */
    LoaderPosition position() const;
    /** Continues from `position` (from a checkpoint). Throws DataError when it is outside the epoch. */
    void setPosition(const LoaderPosition &position);

    const BatchLoaderOptions &options() const;
    long long samplesPerEpoch() const;
    /** Global batches per epoch (each of batchSize * worldSize samples). */
    long long batchesPerEpoch() const;

    /** Validation batches: the validation samples (of the chosen styles) in fixed order, never augmented. */
    int validationBatchCount() const;
    Batch validationBatch(int index) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/** An ink-coverage image as a [1, H, W] float tensor in [-1, 1] (-1 paper, +1 ink). */
torch::Tensor toTensor(const GrayImage &image);

/**
 * Back to ink coverage: accepts [H, W], [1, H, W] or [1, 1, H, W] on any device and dtype, clamps to [-1, 1]
 * and rounds. Throws DataError for other shapes.
 */
GrayImage fromTensor(const torch::Tensor &tensor);

} // namespace zistudio::data
