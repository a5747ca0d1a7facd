// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Torch-free interface of the training state (networks, optimizers, data position); the LibTorch
// code lives in trainingsession.cpp and sessioncheckpoint.cpp.

#include "common/image.h"
#include "model/attentionprobe.h"
#include "project/project.h"
#include "training/trainerhooks.h"
#include "training/trainingerror.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace zistudio::data
{
class Dataset;
}

namespace zistudio::training
{

class CheckpointStore;
class CheckpointWriter;
class Communicator;
struct CheckpointInfo;

/** Thrown by TrainingSession::step() when the device ran out of memory; the step left no trace. */
class OutOfMemory : public TrainingError
{
public:
    using TrainingError::TrainingError;
};

/** What one training step did. */
struct StepResult
{
    std::map<std::string, double> losses; ///< "d", "g", "l1", "const", "category", "gan", "tv"
    bool finite = true;                   ///< false: a loss or gradient was NaN/Inf and no update was applied
    bool discriminatorUpdated = false;
    int images = 0; ///< batch size of this step
};

/** Mean quality over the validation glyphs, and the source-as-prediction baseline. */
struct ValidationResult
{
    double l1 = 0, ssim = 0;
    double baselineL1 = 0, baselineSsim = 0;
    int images = 0;
};

/**
 * Everything one run trains: generator, discriminator, both Adam optimizers, the batch loader and
 * its position, the step counter and the learning-rate scale. Steps are deterministic on the CPU:
 * weights come from the training seed, and every step re-seeds LibTorch's generator from (seed,
 * step), so N straight steps and N/2 + save + load + N/2 give bit-identical weights.
 */
class TrainingSession
{
public:
    /** `dataset` must outlive the session. The device is resolved once here. */
    TrainingSession(const project::Project &config, const data::Dataset &dataset, TrainerHooks hooks = {});
    ~TrainingSession();
    TrainingSession(const TrainingSession &) = delete;
    TrainingSession &operator=(const TrainingSession &) = delete;

    /**
     * Data-parallel training: this session is one replica of a job (nullptr: a single process). Call
     * before initialize() or load(); opens the process group on this session's device (CUDA: the
     * GPU of LOCAL_RANK). Then the loader draws this rank's shard, gradients are averaged over the
     * ranks before each update, dropout draws differ per rank, and validation is split over the ranks.
     * `communicator` must outlive the session.
     */
    void setCommunicator(Communicator *communicator);
    /**
     * Distributed: every rank takes rank 0's weights and buffers (after initialize, load or a
     * rollback), or with `buffersOnly` its BatchNorm running statistics and other buffers (before
     * validation and checkpoints; see docs/distributed.md). A collective; no-op alone.
     */
    void synchronizeFromLeader(bool buffersOnly);

    /** Fresh weights from the seed, fresh optimizers, data position 0, step 0. */
    void initialize();
    /** Fine-tuning: weights of another run's checkpoint (attention layers it lacks keep their init). */
    void initializeFromWeights(const CheckpointStore &store, const CheckpointInfo &checkpoint);

    /** One step: discriminator update (every G:D ratio steps), then a generator update. Throws OutOfMemory. */
    StepResult step();
    /** Distributed: each rank validates its share of the glyphs and the sums are all-reduced (a collective). */
    ValidationResult validate();
    /** Rows source | generated | target per style for the probe characters, as one image. */
    GrayImage sampleGrid(const std::vector<char32_t> &probeChars);

    /** Writes generator.zt, discriminator.zt, optimizers.zt, rng.zt and state.json (with `extra`). */
    void save(CheckpointWriter &writer, const nlohmann::json &extra) const;
    /** Restores everything save() wrote; returns the `extra` JSON. Throws TrainingError when incompatible. */
    nlohmann::json load(const CheckpointStore &store, const CheckpointInfo &checkpoint);

    /** Attention maps for one glyph (the studio's probe), between steps. */
    std::vector<model::AttentionProbe> probe(const GrayImage &source, int styleId,
        const std::vector<std::pair<float, float>> &points, bool strokeMean, GrayImage *generated);

    long long stepCount() const;
    long long epoch() const;
    int batchSize() const;
    /** Rebuilds the loader with a new batch size at the same data position (after out-of-memory). */
    void setBatchSize(int batchSize);
    double learningRate() const; ///< of the next step
    double learningRateScale() const;
    void setLearningRateScale(double scale);
    std::string deviceDescription() const;
    bool cuda() const;
    /** Peak GPU memory (bytes) held by tensors since the session started; 0 on the CPU. */
    double deviceMemoryPeak() const;
    /** True when no parameter or buffer of either network holds NaN/Inf. */
    bool weightsFinite() const;
    /** Fingerprint of every weight and optimizer state (tests compare runs with it). */
    std::string stateDigest() const;

private:
    StepResult doStep();

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace zistudio::training
