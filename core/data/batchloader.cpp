// SPDX-License-Identifier: GPL-3.0-or-later
// All of data/'s LibTorch code: the batch loader and the image <-> tensor conversions.
#include "data/batchloader.h"

#include "data/dataerror.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace zistudio::data
{

namespace
{

std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/** A tiny counter-based generator: the same numbers on every platform and standard library. */
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(splitmix64(seed))
    { }
    std::uint64_t next() { return splitmix64(m_state += 0x632BE59BD9B4E019ull); }
    /** Uniform in [0, 1). */
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /** Uniform integer in [0, n). */
    std::uint64_t below(std::uint64_t n) { return next() % n; }

private:
    std::uint64_t m_state;
};

std::uint64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0)
{
    return splitmix64(splitmix64(splitmix64(a) ^ b) ^ c);
}

constexpr std::uint64_t kShuffleStream = 0x5348554646ull;   // "SHUFF"
constexpr std::uint64_t kAugmentStream = 0x4155474D454Eull; // "AUGMEN"

/** zi2zi's augmentation of one pair: resize to n x n (n = int(scale * S) + 1), crop S x S at (dx, dy). */
struct Augmentation
{
    int resized = 0; ///< 0 = none
    int dx = 0;
    int dy = 0;
};

Augmentation drawAugmentation(std::uint64_t seed, long long epoch, long long position, int size, double maxScale)
{
    Random rng(mix(seed ^ kAugmentStream, static_cast<std::uint64_t>(epoch), static_cast<std::uint64_t>(position)));
    const double scale = 1.0 + rng.uniform() * (maxScale - 1.0);
    Augmentation a;
    a.resized = static_cast<int>(scale * size) + 1;
    const int room = a.resized - size; // >= 1
    a.dx = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(room)));
    a.dy = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(room)));
    a.dx = std::min(a.dx, room);
    a.dy = std::min(a.dy, room);
    return a;
}

/** Writes one image into `out` (S*S floats in [-1, 1]), bilinearly resized and cropped when augmented. */
void writeImage(std::span<const std::uint8_t> pixels, int s, const Augmentation &aug, float *out)
{
    constexpr float kScale = 2.0f / 255.0f;
    if (aug.resized == 0) {
        for (std::size_t i = 0; i < pixels.size(); ++i)
            out[i] = static_cast<float>(pixels[i]) * kScale - 1.0f;
        return;
    }
    // Output pixel (x, y) is pixel (x + dx, y + dy) of the n x n resize; half-pixel centres (align_corners=False).
    const double ratio = static_cast<double>(s) / aug.resized;
    std::vector<int> x0(static_cast<std::size_t>(s));
    std::vector<float> tx(static_cast<std::size_t>(s));
    for (int x = 0; x < s; ++x) {
        const double sx = std::max(0.0, (x + aug.dx + 0.5) * ratio - 0.5);
        x0[static_cast<std::size_t>(x)] = std::min(static_cast<int>(sx), s - 1);
        tx[static_cast<std::size_t>(x)] = static_cast<float>(sx - x0[static_cast<std::size_t>(x)]);
    }
    for (int y = 0; y < s; ++y) {
        const double sy = std::max(0.0, (y + aug.dy + 0.5) * ratio - 0.5);
        const int y0 = std::min(static_cast<int>(sy), s - 1);
        const int y1 = std::min(y0 + 1, s - 1);
        const auto ty = static_cast<float>(sy - y0);
        const std::uint8_t *r0 = pixels.data() + static_cast<std::size_t>(y0) * s;
        const std::uint8_t *r1 = pixels.data() + static_cast<std::size_t>(y1) * s;
        float *o = out + static_cast<std::size_t>(y) * s;
        for (int x = 0; x < s; ++x) {
            const int a = x0[static_cast<std::size_t>(x)];
            const int b = std::min(a + 1, s - 1);
            const float fx = tx[static_cast<std::size_t>(x)];
            const float top = r0[a] + (r0[b] - r0[a]) * fx;
            const float bottom = r1[a] + (r1[b] - r1[a]) * fx;
            o[x] = (top + (bottom - top) * ty) * kScale - 1.0f;
        }
    }
}

/** A batch to build: which samples, and where in the epoch they are (for the augmentation draw). */
struct Job
{
    LoaderPosition start; ///< of the global batch
    long long first = 0;  ///< epoch position of this rank's first sample (its augmentation draw)
    std::vector<int> samples;
    bool claimed = false;
    bool done = false;
    Batch batch;
    std::exception_ptr error;
};

} // namespace

struct BatchLoader::Impl
{
    Dataset dataset;
    BatchLoaderOptions options;
    std::vector<Sample> train;
    std::vector<Sample> validation;

    mutable std::mutex mutex;
    std::condition_variable workAvailable;
    std::condition_variable jobDone;
    std::deque<std::shared_ptr<Job>> queue; ///< planned batches, in order
    LoaderPosition planned;                 ///< where the next planned batch starts
    long long permutationEpoch = -1;
    std::vector<int> permutation;
    bool stopping = false;
    std::vector<std::thread> workers;

    long long n() const { return static_cast<long long>(train.size()); }
    /** Samples of one global batch: every rank's batch. */
    long long stride() const { return static_cast<long long>(options.batchSize) * options.worldSize; }

    /** Rolls a position over to the next epoch when no (full, with dropLast) global batch fits in this one. */
    LoaderPosition normalized(LoaderPosition p) const
    {
        if (p.index >= n() || (options.dropLast && p.index + stride() > n()))
            return {p.epoch + 1, 0};
        return p;
    }

    const std::vector<int> &permutationOf(long long epoch)
    {
        if (permutationEpoch != epoch) {
            permutation.resize(train.size());
            for (std::size_t i = 0; i < permutation.size(); ++i)
                permutation[i] = static_cast<int>(i);
            Random rng(mix(options.seed ^ kShuffleStream, static_cast<std::uint64_t>(epoch)));
            for (std::size_t i = permutation.size(); i > 1; --i)
                std::swap(permutation[i - 1], permutation[rng.below(i)]);
            permutationEpoch = epoch;
        }
        return permutation;
    }

    /** Plans the batch at `planned` (mutex held). */
    void planOne()
    {
        planned = normalized(planned);
        const auto &perm = permutationOf(planned.epoch);
        // This rank's slice of the global batch (the whole batch when there is one rank).
        const long long begin = std::min(n(), planned.index + static_cast<long long>(options.rank) * options.batchSize);
        const long long end = std::min(n(), begin + options.batchSize);
        auto job = std::make_shared<Job>();
        job->start = planned;
        job->first = begin;
        job->samples.assign(perm.begin() + begin, perm.begin() + end);
        queue.push_back(job);
        planned.index = std::min(n(), planned.index + stride());
    }

    /** `first`: the epoch position of samples[0], which keys the augmentation draws. */
    Batch build(
        const std::vector<const Sample *> &samples, const LoaderPosition &start, long long first, bool augment) const
    {
        const int s = dataset.imageSize();
        const auto b = static_cast<std::int64_t>(samples.size());
        Batch batch;
        batch.start = start;
        batch.source = torch::empty({b, 1, s, s}, torch::kFloat);
        batch.target = torch::empty({b, 1, s, s}, torch::kFloat);
        batch.styleIds = torch::empty({b}, torch::kLong);
        float *src = batch.source.data_ptr<float>();
        float *tgt = batch.target.data_ptr<float>();
        std::int64_t *ids = batch.styleIds.data_ptr<std::int64_t>();
        const std::size_t plane = static_cast<std::size_t>(s) * s;
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const Sample &sample = *samples[i];
            const Augmentation aug = augment
                ? drawAugmentation(options.seed, start.epoch, first + static_cast<long long>(i), s, options.maxScale)
                : Augmentation {};
            writeImage(dataset.pixels(sample.sourceIndex), s, aug, src + i * plane);
            writeImage(dataset.pixels(sample.targetIndex), s, aug, tgt + i * plane);
            ids[i] = sample.styleId;
            batch.cps.push_back(sample.cp);
        }
        return batch;
    }

    void run(Job &job) const
    {
        try {
            std::vector<const Sample *> samples;
            for (int index : job.samples)
                samples.push_back(&train[static_cast<std::size_t>(index)]);
            job.batch = build(samples, job.start, job.first, options.augment && options.maxScale > 1.0);
        } catch (...) {
            job.error = std::current_exception();
        }
    }

    void workerLoop()
    {
        std::unique_lock lock(mutex);
        for (;;) {
            std::shared_ptr<Job> job;
            workAvailable.wait(lock, [&] {
                if (stopping)
                    return true;
                for (const auto &j : queue)
                    if (!j->claimed) {
                        job = j;
                        return true;
                    }
                return false;
            });
            if (stopping)
                return;
            job->claimed = true;
            lock.unlock();
            run(*job);
            lock.lock();
            job->done = true;
            jobDone.notify_all();
        }
    }
};

BatchLoader::BatchLoader(const Dataset &dataset, BatchLoaderOptions options)
    : m_impl(std::make_unique<Impl>())
{
    Impl &d = *m_impl;
    if (options.batchSize < 1)
        throw DataError("batch size must be at least 1, got " + std::to_string(options.batchSize));
    if (options.threads < 0 || options.threads > 64)
        throw DataError("loader threads must be 0..64, got " + std::to_string(options.threads));
    if (!(options.maxScale >= 1.0 && options.maxScale <= 2.0))
        throw DataError("augmentation scale must be in 1.0..2.0");
    if (options.worldSize < 1 || options.rank < 0 || options.rank >= options.worldSize)
        throw DataError("loader shard: rank " + std::to_string(options.rank) + " is outside a world of "
            + std::to_string(options.worldSize) + " processes");
    if (options.worldSize > 1 && !options.dropLast)
        throw DataError("a loader sharded over several processes must drop the last partial batch (dropLast)");
    options.prefetch = std::clamp(options.prefetch, 0, 64);
    d.dataset = dataset;
    d.options = options;
    const std::unordered_set<int> styles(options.styles.begin(), options.styles.end());
    for (const Sample &s : dataset.trainSamples())
        if (styles.empty() || styles.count(s.styleId))
            d.train.push_back(s);
    for (const Sample &s : dataset.validationSamples())
        if (styles.empty() || styles.count(s.styleId))
            d.validation.push_back(s);
    if (d.train.empty())
        throw DataError(styles.empty() ? "the dataset has no training pairs"
                                       : "the dataset has no training pairs for the chosen styles");
    if (options.dropLast && d.n() < d.stride())
        throw DataError("the dataset has " + std::to_string(d.n()) + " training pairs, fewer than one batch of "
            + std::to_string(options.batchSize)
            + (options.worldSize > 1 ? " on each of " + std::to_string(options.worldSize) + " processes" : ""));
    for (int i = 0; i < options.threads; ++i)
        d.workers.emplace_back([&d] { d.workerLoop(); });
}

BatchLoader::~BatchLoader()
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->stopping = true;
    }
    m_impl->workAvailable.notify_all();
    for (auto &t : m_impl->workers)
        t.join();
}

Batch BatchLoader::next()
{
    Impl &d = *m_impl;
    std::shared_ptr<Job> job;
    {
        std::unique_lock lock(d.mutex);
        while (d.queue.size() < static_cast<std::size_t>(d.options.prefetch) + 1)
            d.planOne();
        d.workAvailable.notify_all();
        job = d.queue.front();
        if (d.workers.empty()) {
            job->claimed = true;
            lock.unlock();
            d.run(*job);
            lock.lock();
            job->done = true;
        }
        d.jobDone.wait(lock, [&] { return job->done; });
        d.queue.pop_front();
        d.planOne();
    }
    d.workAvailable.notify_all();
    if (job->error)
        std::rethrow_exception(job->error);
    return std::move(job->batch);
}

LoaderPosition BatchLoader::position() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->normalized(m_impl->queue.empty() ? m_impl->planned : m_impl->queue.front()->start);
}

void BatchLoader::setPosition(const LoaderPosition &position)
{
    Impl &d = *m_impl;
    if (position.epoch < 0 || position.index < 0 || position.index > d.n())
        throw DataError("loader position (epoch " + std::to_string(position.epoch) + ", sample "
            + std::to_string(position.index) + ") is outside an epoch of " + std::to_string(d.n()) + " samples");
    std::lock_guard lock(d.mutex);
    // Jobs already being built finish in their workers and are dropped with the queue.
    d.queue.clear();
    d.planned = position;
}

const BatchLoaderOptions &BatchLoader::options() const
{
    return m_impl->options;
}

long long BatchLoader::samplesPerEpoch() const
{
    return m_impl->n();
}

long long BatchLoader::batchesPerEpoch() const
{
    const long long n = m_impl->n();
    const long long b = m_impl->stride();
    return m_impl->options.dropLast ? n / b : (n + b - 1) / b;
}

int BatchLoader::validationBatchCount() const
{
    const auto n = static_cast<long long>(m_impl->validation.size());
    const long long b = m_impl->options.batchSize;
    return static_cast<int>((n + b - 1) / b);
}

Batch BatchLoader::validationBatch(int index) const
{
    const Impl &d = *m_impl;
    if (index < 0 || index >= validationBatchCount())
        throw DataError("validation batch " + std::to_string(index) + " is out of range (0.."
            + std::to_string(validationBatchCount() - 1) + ")");
    const std::size_t begin = static_cast<std::size_t>(index) * static_cast<std::size_t>(d.options.batchSize);
    const std::size_t end = std::min(d.validation.size(), begin + static_cast<std::size_t>(d.options.batchSize));
    std::vector<const Sample *> samples;
    for (std::size_t i = begin; i < end; ++i)
        samples.push_back(&d.validation[i]);
    return d.build(samples, {0, static_cast<long long>(begin)}, static_cast<long long>(begin), false);
}

torch::Tensor toTensor(const GrayImage &image)
{
    auto t = torch::empty({1, image.height, image.width}, torch::kFloat);
    float *out = t.data_ptr<float>();
    for (std::size_t i = 0; i < image.pixels.size(); ++i)
        out[i] = static_cast<float>(image.pixels[i]) * (2.0f / 255.0f) - 1.0f;
    return t;
}

GrayImage fromTensor(const torch::Tensor &tensor)
{
    const auto dims = tensor.dim();
    bool ok = dims >= 2 && dims <= 4;
    for (std::int64_t i = 0; ok && i < dims - 2; ++i)
        ok = tensor.size(i) == 1;
    if (!ok) {
        std::string shape;
        for (std::int64_t i = 0; i < dims; ++i)
            shape += (i ? " x " : "") + std::to_string(tensor.size(i));
        throw DataError("expected an image tensor of shape [H, W], [1, H, W] or [1, 1, H, W], got [" + shape + "]");
    }
    const auto h = static_cast<int>(tensor.size(dims - 2));
    const auto w = static_cast<int>(tensor.size(dims - 1));
    const torch::Tensor cpu = tensor.detach().to(torch::kCPU, torch::kFloat).contiguous();
    const float *in = cpu.data_ptr<float>();
    GrayImage img(w, h);
    for (std::size_t i = 0; i < img.pixels.size(); ++i) {
        const float v = std::isnan(in[i]) ? -1.0f : std::clamp(in[i], -1.0f, 1.0f);
        img.pixels[i] = static_cast<std::uint8_t>(std::lround((v + 1.0f) * 127.5f));
    }
    return img;
}

} // namespace zistudio::data
