// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainingsession.h"

#include "common/computedevice.h"
#include "common/torchsupport.h"
#include "training/autocastscope.h"
#include "training/distributedtensors.h"
#include "training/fusedadam.h"
#include "training/samplegrid.h"
#include "training/schedule.h"
#include "training/trainingsessionimpl.h"

#include "metrics/imagemetrics.h"

#include <algorithm>
#include <limits>
#include <random>
#include <unordered_set>

#include <torch/version.h>

#ifdef ZISTUDIO_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAFunctions.h>
#endif

namespace zistudio::training
{

namespace F = torch::nn::functional;

namespace
{

/** Largest batch pushed through the generator at once during validation and sampling. */
constexpr int kEvalBatch = 64;

bool isOutOfMemory(const c10::Error &e)
{
    if (dynamic_cast<const c10::OutOfMemoryError *>(&e))
        return true;
    const std::string msg = e.what_without_backtrace();
    return msg.find("out of memory") != std::string::npos || msg.find("Out of memory") != std::string::npos;
}

bool gradientsFinite(const std::vector<torch::Tensor> &params)
{
    // One pass over each gradient and one device synchronisation for all of them: a NaN or Inf
    // anywhere makes its tensor's sum NaN or Inf (isfinite().all() reads a gradient three times).
    std::vector<torch::Tensor> sums;
    for (const auto &p : params)
        if (p.grad().defined())
            sums.push_back(p.grad().sum());
    return sums.empty() || torch::isfinite(torch::stack(sums)).all().item<bool>();
}

/**
 * Optimizer::zero_grad() of LibTorch 1.13 fills every gradient with zeros, and the next backward
 * then adds into them: two passes over all parameters per network per step. Dropping them instead
 * (PyTorch's set_to_none) lets the backward write them fresh; Adam skips parameters without one.
 */
void clearGradients(torch::optim::Optimizer &optimizer)
{
    for (auto &group : optimizer.param_groups())
        for (auto &p : group.params())
            if (p.grad().defined())
                p.mutable_grad().reset();
}

torch::Tensor bce(const torch::Tensor &logits, bool real)
{
    return F::binary_cross_entropy_with_logits(logits, real ? torch::ones_like(logits) : torch::zeros_like(logits));
}

torch::Tensor stack(const std::vector<GrayImage> &images, torch::Device device)
{
    std::vector<torch::Tensor> parts;
    parts.reserve(images.size());
    for (const auto &img : images)
        parts.push_back(data::toTensor(img).reshape({1, 1, img.height, img.width}));
    return torch::cat(parts, 0).to(device);
}

void setRequiresGrad(const std::vector<torch::Tensor> &params, bool on)
{
    for (auto p : params)
        p.set_requires_grad(on);
}

void setLearningRate(torch::optim::Adam &opt, double lr)
{
    for (auto &group : opt.param_groups())
        static_cast<torch::optim::AdamOptions &>(group.options()).lr(lr);
}

} // namespace

std::uint64_t stepSeed(unsigned seed, long long step)
{
    // splitmix64 of (seed, step): well-mixed, and the same for the same step however it was reached.
    std::uint64_t z = (std::uint64_t(seed) << 32) ^ static_cast<std::uint64_t>(step) ^ 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (z ^ (z >> 31)) & 0x7FFFFFFFFFFFFFFFull;
}

std::uint64_t stepSeed(unsigned seed, long long step, int rank)
{
    // Replicas must not drop the same units for their different samples; rank 0 stays a single process.
    return (stepSeed(seed, step) + static_cast<std::uint64_t>(rank) * 0xD1B54A32D192ED03ull) & 0x7FFFFFFFFFFFFFFFull;
}

std::vector<torch::Tensor> TrainingSession::Impl::trainableGeneratorParameters() const
{
    if (!config.training.freezeEncoder)
        return generator->parameters();
    std::unordered_set<const void *> encoder;
    for (const auto &p : generator->encoderParameters())
        encoder.insert(p.unsafeGetTensorImpl());
    std::vector<torch::Tensor> out;
    for (const auto &p : generator->parameters())
        if (!encoder.count(p.unsafeGetTensorImpl()))
            out.push_back(p);
    return out;
}

void TrainingSession::Impl::buildNetworks()
{
    generator = model::UNetGenerator(config.model);
    discriminator = model::Discriminator(config.model);
    generator->to(device);
    discriminator->to(device);
    if (config.training.freezeEncoder)
        setRequiresGrad(generator->encoderParameters(), false);
}

void TrainingSession::Impl::buildOptimizers()
{
    const auto &t = config.training;
    const auto options = torch::optim::AdamOptions(t.learningRate).betas({t.beta1, t.beta2});
    generatorOptimizer = std::make_unique<torch::optim::Adam>(trainableGeneratorParameters(), options);
    discriminatorOptimizer = std::make_unique<torch::optim::Adam>(discriminator->parameters(), options);
}

void TrainingSession::Impl::buildLoader(const data::LoaderPosition &position)
{
    const auto &t = config.training;
    data::BatchLoaderOptions options;
    options.batchSize = batchSize;
    options.seed = t.seed;
    options.augment = t.augment;
    options.threads = t.loaderThreads;
    options.dropLast = true;
    options.styles = t.fineTuneFrom.empty() ? std::vector<int> {} : t.fineTuneStyles;
    if (comm) {
        options.rank = comm->rank();
        options.worldSize = comm->worldSize();
    }
    loader.reset();
    loader = std::make_unique<data::BatchLoader>(*dataset, options);
    loader->setPosition(position);
}

double TrainingSession::Impl::currentLearningRate() const
{
    return learningRateAt(config.training, step, lrScale);
}

TrainingSession::TrainingSession(const project::Project &config, const data::Dataset &dataset, TrainerHooks hooks)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->config = config;
    m_impl->dataset = &dataset;
    m_impl->hooks = std::move(hooks);
    m_impl->batchSize = config.training.batchSize;
    if (dataset.imageSize() != config.model.imageSize)
        throw TrainingError("the dataset's images are " + std::to_string(dataset.imageSize())
            + " px but the model expects " + std::to_string(config.model.imageSize) + " px");
    if (dataset.trainSamples().empty())
        throw TrainingError("the dataset has no training pairs (every character is missing or held out)");
    try {
        m_impl->device = resolveDevice(config.training.device);
    } catch (const Error &e) {
        throw TrainingError(std::string("training.device: ") + e.what());
    }
    if (config.training.deterministic) {
        at::globalContext().setDeterministicAlgorithms(true, /*warn_only=*/true);
#if TORCH_VERSION_MAJOR >= 2
        // From 2.1 on, deterministic mode also fills every new tensor with NaN (for operators that
        // would read memory they did not write). None of ours does, and the fills cost 6 % of a
        // cpu-64 step (609 fill_ calls inside aten::empty per step, LibTorch's profiler).
        at::globalContext().setDeterministicFillUninitializedMemory(false);
#endif
    }
    bool bf16Capable = false;
#ifdef ZISTUDIO_WITH_CUDA
    if (m_impl->device.is_cuda()) {
        at::globalContext().setBenchmarkCuDNN(!config.training.deterministic);
        at::globalContext().setDeterministicCuDNN(config.training.deterministic);
        bf16Capable = at::cuda::getDeviceProperties(m_impl->device.index())->major >= 8; // bf16 needs Ampere
        // fp32 steps use TF32 tensor cores for matrix products and convolutions where the GPU has them.
        at::globalContext().setAllowTF32CuBLAS(bf16Capable);
        at::globalContext().setAllowTF32CuDNN(bf16Capable);
    }
#endif
    const std::string &precision = config.training.precision;
    if (precision == "bf16" && !bf16Capable)
        throw TrainingError("training.precision is bf16, but " + deviceDescription()
            + " has no bf16 tensor cores (it needs a CUDA GPU of compute capability 8.0 or newer): use auto or fp32");
    m_impl->autocast = bf16Capable && precision != "fp32";
}

TrainingSession::~TrainingSession() = default;

void TrainingSession::setCommunicator(Communicator *communicator)
{
    auto &m = *m_impl;
    m.comm = communicator;
    if (!communicator)
        return;
#ifdef ZISTUDIO_WITH_CUDA
    // One GPU per process: "auto" and "cuda" mean the GPU of this rank on its node (LOCAL_RANK).
    const auto &preference = m.config.training.device;
    if (m.device.is_cuda() && (preference == "auto" || preference == "cuda" || preference.empty())) {
        const int gpus = std::max<int>(1, static_cast<int>(torch::cuda::device_count()));
        m.device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(communicator->config().localRank % gpus));
    }
    if (m.device.is_cuda())
        c10::cuda::set_device(m.device.index());
#endif
    communicator->startProcessGroup(m.device.is_cuda(), m.device.is_cuda() ? m.device.index() : 0);
}

void TrainingSession::synchronizeFromLeader(bool buffersOnly)
{
    auto &m = *m_impl;
    if (!m.comm)
        return;
    std::vector<torch::Tensor> tensors;
    for (const torch::nn::Module *net : {static_cast<torch::nn::Module *>(m.generator.get()),
             static_cast<torch::nn::Module *>(m.discriminator.get())}) {
        if (!buffersOnly)
            for (const auto &p : net->parameters())
                tensors.push_back(p);
        for (const auto &b : net->buffers())
            tensors.push_back(b);
    }
    broadcastFromLeader(*m.comm, tensors,
        buffersOnly ? "the broadcast of rank 0's BatchNorm statistics" : "the broadcast of rank 0's weights");
}

void TrainingSession::initialize()
{
    torch::manual_seed(m_impl->config.training.seed);
    m_impl->buildNetworks();
    m_impl->buildOptimizers();
    m_impl->step = 0;
    m_impl->lrScale = 1.0;
    m_impl->buildLoader({0, 0});
}

StepResult TrainingSession::step()
{
    auto &m = *m_impl;
    const auto before = m.loader->position();
    try {
        if (m.hooks.simulateOutOfMemory && m.hooks.simulateOutOfMemory(m.step))
            throw c10::OutOfMemoryError({__func__, __FILE__, static_cast<std::uint32_t>(__LINE__)},
                "CUDA out of memory. Tried to allocate 2.00 GiB (simulated by a test hook)");
        return doStep();
    } catch (const c10::Error &e) {
        clearGradients(*m.generatorOptimizer);
        clearGradients(*m.discriminatorOptimizer);
        if (!isOutOfMemory(e))
            throw TrainingError(
                std::string("training step ") + std::to_string(m.step + 1) + " failed: " + e.what_without_backtrace());
        m.loader->setPosition(before);
#ifdef ZISTUDIO_WITH_CUDA
        if (m.device.is_cuda())
            c10::cuda::CUDACachingAllocator::emptyCache();
#endif
        throw OutOfMemory("out of memory at batch size " + std::to_string(m.batchSize) + " (" + deviceDescription()
            + "): " + e.what_without_backtrace());
    }
}

StepResult TrainingSession::doStep()
{
    auto &m = *m_impl;
    const auto &t = m.config.training;
    const long long s = m.step;
    const int rank = m.comm ? m.comm->rank() : 0;
    torch::manual_seed(stepSeed(t.seed, s, rank));
    auto batch = m.loader->next();
    const auto source = batch.source.to(m.device);
    const auto target = batch.target.to(m.device);
    const auto ids = batch.styleIds.to(m.device);
    const double lr = m.currentLearningRate();
    setLearningRate(*m.generatorOptimizer, lr);
    setLearningRate(*m.discriminatorOptimizer, lr);
    m.generator->train();
    m.discriminator->train();

    StepResult r;
    r.images = static_cast<int>(source.size(0));
    model::GeneratorOutput out;
    // zi2zi's label shuffling: the same sources drawn in shuffled styles; no target exists for them,
    // so only the adversarial, constancy and category losses apply.
    torch::Tensor shuffledIds;
    model::GeneratorOutput shuffled;
    if (t.labelShuffling) {
        auto idsCpu = batch.styleIds.to(torch::kCPU).contiguous();
        std::vector<std::int64_t> v(idsCpu.data_ptr<std::int64_t>(), idsCpu.data_ptr<std::int64_t>() + idsCpu.numel());
        std::mt19937_64 rng(stepSeed(t.seed, s, rank) ^ 0x5DEECE66Dull);
        std::shuffle(v.begin(), v.end(), rng);
        shuffledIds = torch::tensor(v, torch::kLong).to(m.device);
    }
    {
        AutocastScope autocast(m.autocast);
        out = m.generator->forward(source, ids);
        if (t.labelShuffling)
            shuffled = m.generator->forward(source, shuffledIds);
    }
    const auto &fake = out.image;

    const auto discriminatorParams = m.discriminator->parameters();
    const bool updateD = s % t.generatorStepsPerDiscriminatorStep == 0;
    if (updateD) {
        clearGradients(*m.discriminatorOptimizer);
        torch::Tensor dLoss, dReal, dFake, category;
        {
            AutocastScope autocast(m.autocast);
            auto real = m.discriminator->forward(source, target);
            auto faked = m.discriminator->forward(source, fake.detach());
            dReal = bce(real.logits, true);
            dFake = bce(faked.logits, false);
            category = (F::cross_entropy(real.categoryLogits, ids) + F::cross_entropy(faked.categoryLogits, ids)) * 0.5;
            dLoss = dReal + dFake + t.categoryWeight * category;
            if (t.labelShuffling) {
                auto judgedShuffled = m.discriminator->forward(source, shuffled.image.detach());
                dLoss = dLoss + bce(judgedShuffled.logits, false)
                    + t.categoryWeight * 0.5 * F::cross_entropy(judgedShuffled.categoryLogits, shuffledIds);
            }
        }
        r.losses["d"] = dLoss.item<double>();
        r.losses["d_real"] = dReal.item<double>();
        r.losses["d_fake"] = dFake.item<double>();
        r.losses["category_d"] = category.item<double>();
        if (m.comm) {
            // Every rank joins the all-reduce, also with a non-finite loss: the flag travels with it.
            dLoss.backward();
            r.finite = averageGradients(*m.comm, discriminatorParams, std::isfinite(r.losses["d"]));
            if (r.finite)
                fusedAdamStep(*m.discriminatorOptimizer);
        } else if (!std::isfinite(r.losses["d"])) {
            r.finite = false;
        } else {
            dLoss.backward();
            if (!gradientsFinite(discriminatorParams))
                r.finite = false;
            else
                fusedAdamStep(*m.discriminatorOptimizer);
        }
        clearGradients(*m.discriminatorOptimizer);
        if (!r.finite) {
            clearGradients(*m.generatorOptimizer);
            ++m.step;
            return r;
        }
        r.discriminatorUpdated = true;
    }

    // Generator update: the discriminator is only a judge here, its weights get no gradients.
    setRequiresGrad(discriminatorParams, false);
    clearGradients(*m.generatorOptimizer);
    torch::Tensor gLoss, gan, l1, constancy, category, tv;
    {
        AutocastScope autocast(m.autocast);
        auto judged = m.discriminator->forward(source, fake);
        gan = bce(judged.logits, true);
        l1 = (fake - target).abs().mean();
        constancy = (m.generator->encode(fake) - out.encoded).pow(2).mean();
        category = F::cross_entropy(judged.categoryLogits, ids);
        tv = torch::zeros({}, fake.options());
        if (t.tvWeight > 0)
            tv = (fake.slice(3, 1) - fake.slice(3, 0, -1)).abs().mean()
                + (fake.slice(2, 1) - fake.slice(2, 0, -1)).abs().mean();
        gLoss = t.ganWeight * gan + t.l1Weight * l1 + t.constWeight * constancy + t.categoryWeight * category
            + t.tvWeight * tv;
        if (t.labelShuffling) {
            auto judgedShuffled = m.discriminator->forward(source, shuffled.image);
            gLoss = gLoss + t.ganWeight * bce(judgedShuffled.logits, true)
                + t.constWeight * (m.generator->encode(shuffled.image) - shuffled.encoded).pow(2).mean()
                + t.categoryWeight * F::cross_entropy(judgedShuffled.categoryLogits, shuffledIds);
        }
    }
    if (m.hooks.injectNonFiniteLoss && m.hooks.injectNonFiniteLoss(s))
        gLoss = gLoss * std::numeric_limits<double>::quiet_NaN();
    r.losses["g"] = gLoss.item<double>();
    r.losses["l1"] = l1.item<double>();
    r.losses["const"] = constancy.item<double>();
    r.losses["category"] = category.item<double>();
    r.losses["gan"] = gan.item<double>();
    if (t.tvWeight > 0)
        r.losses["tv"] = tv.item<double>();
    if (m.comm) {
        gLoss.backward();
        r.finite = averageGradients(*m.comm, m.trainableGeneratorParameters(), std::isfinite(r.losses["g"]));
        if (r.finite)
            fusedAdamStep(*m.generatorOptimizer);
    } else if (!std::isfinite(r.losses["g"])) {
        r.finite = false;
    } else {
        gLoss.backward();
        if (!gradientsFinite(m.trainableGeneratorParameters()))
            r.finite = false;
        else
            fusedAdamStep(*m.generatorOptimizer);
    }
    clearGradients(*m.generatorOptimizer);
    setRequiresGrad(discriminatorParams, true);
    ++m.step;
    return r;
}

ValidationResult TrainingSession::validate()
{
    auto &m = *m_impl;
    synchronizeFromLeader(true); // every rank judges with rank 0's running statistics
    torch::NoGradGuard noGrad;
    m.generator->eval();
    // This rank's share of the validation glyphs (all of them alone).
    const auto &all = m.dataset->validationSamples();
    std::vector<const data::Sample *> samples;
    const std::size_t world = m.comm ? static_cast<std::size_t>(m.comm->worldSize()) : 1;
    const std::size_t rank = m.comm ? static_cast<std::size_t>(m.comm->rank()) : 0;
    for (std::size_t i = rank; i < all.size(); i += world)
        samples.push_back(&all[i]);
    ValidationResult v;
    for (std::size_t start = 0; start < samples.size(); start += kEvalBatch) {
        const std::size_t end = std::min(samples.size(), start + kEvalBatch);
        std::vector<GrayImage> sources;
        std::vector<std::int64_t> ids;
        for (std::size_t i = start; i < end; ++i) {
            sources.push_back(m.dataset->image(samples[i]->sourceIndex));
            ids.push_back(samples[i]->styleId);
        }
        const auto fake = m.generator->forward(stack(sources, m.device), torch::tensor(ids, torch::kLong).to(m.device))
                              .image.to(torch::kCPU);
        for (std::size_t i = start; i < end; ++i) {
            const GrayImage target = m.dataset->image(samples[i]->targetIndex);
            const auto predicted = data::fromTensor(fake[static_cast<std::int64_t>(i - start)]);
            const auto model = metrics::compareImages(predicted, target);
            const auto baseline = metrics::compareImages(sources[i - start], target);
            v.l1 += model.l1;
            v.ssim += model.ssim;
            v.baselineL1 += baseline.l1;
            v.baselineSsim += baseline.ssim;
            ++v.images;
        }
    }
    m.generator->train();
    if (m.comm) {
        const auto sums = m.comm->allReduceSum(
            {v.l1, v.ssim, v.baselineL1, v.baselineSsim, static_cast<double>(v.images)}, "the validation all-reduce");
        v = {.l1 = sums[0],
            .ssim = sums[1],
            .baselineL1 = sums[2],
            .baselineSsim = sums[3],
            .images = static_cast<int>(std::lround(sums[4]))};
    }
    if (v.images > 0) {
        v.l1 /= v.images;
        v.ssim /= v.images;
        v.baselineL1 /= v.images;
        v.baselineSsim /= v.images;
    }
    return v;
}

GrayImage TrainingSession::sampleGrid(const std::vector<char32_t> &probeChars)
{
    auto &m = *m_impl;
    torch::NoGradGuard noGrad;
    m.generator->eval();
    std::vector<std::vector<GrayImage>> rows;
    for (const auto &target : m.config.dataset.targets) {
        std::vector<const data::Sample *> found;
        for (char32_t cp : probeChars) {
            const data::Sample *hit = nullptr;
            for (const auto *list : {&m.dataset->validationSamples(), &m.dataset->trainSamples()})
                for (const auto &s : *list)
                    if (!hit && s.cp == cp && s.styleId == target.styleId)
                        hit = &s;
            if (hit)
                found.push_back(hit);
        }
        if (found.empty())
            continue;
        std::vector<GrayImage> sources;
        std::vector<std::int64_t> ids;
        for (const auto *s : found) {
            sources.push_back(m.dataset->image(s->sourceIndex));
            ids.push_back(s->styleId);
        }
        const auto fake = m.generator->forward(stack(sources, m.device), torch::tensor(ids, torch::kLong).to(m.device))
                              .image.to(torch::kCPU);
        std::vector<GrayImage> src, gen, tgt;
        for (std::size_t i = 0; i < found.size(); ++i) {
            src.push_back(sources[i]);
            gen.push_back(data::fromTensor(fake[static_cast<std::int64_t>(i)]));
            tgt.push_back(m.dataset->image(found[i]->targetIndex));
        }
        rows.push_back(std::move(src));
        rows.push_back(std::move(gen));
        rows.push_back(std::move(tgt));
    }
    m.generator->train();
    return composeSampleGrid(rows);
}

std::vector<model::AttentionProbe> TrainingSession::probe(const GrayImage &source, int styleId,
    const std::vector<std::pair<float, float>> &points, bool strokeMean, GrayImage *generated)
{
    auto &m = *m_impl;
    torch::NoGradGuard noGrad;
    const auto x = data::toTensor(source).reshape({1, 1, source.height, source.width}).to(m.device);
    const auto ids = torch::tensor(std::vector<std::int64_t> {styleId}, torch::kLong).to(m.device);
    torch::Tensor mask;
    if (strokeMean)
        mask = (x[0][0] > 0).to(torch::kCPU);
    auto layers = m.generator->probe(x, ids, points, mask);
    if (generated) {
        const bool wasTraining = m.generator->is_training();
        m.generator->eval();
        *generated = data::fromTensor(m.generator->forward(x, ids).image[0].to(torch::kCPU));
        m.generator->train(wasTraining);
    }
    return layers;
}

long long TrainingSession::stepCount() const
{
    return m_impl->step;
}

long long TrainingSession::epoch() const
{
    return m_impl->loader ? m_impl->loader->position().epoch : 0;
}

int TrainingSession::batchSize() const
{
    return m_impl->batchSize;
}

void TrainingSession::setBatchSize(int batchSize)
{
    const auto position = m_impl->loader->position();
    m_impl->batchSize = batchSize;
    m_impl->buildLoader(position);
}

double TrainingSession::learningRate() const
{
    return m_impl->currentLearningRate();
}

double TrainingSession::learningRateScale() const
{
    return m_impl->lrScale;
}

void TrainingSession::setLearningRateScale(double scale)
{
    m_impl->lrScale = scale;
}

bool TrainingSession::cuda() const
{
    return m_impl->device.is_cuda();
}

double TrainingSession::deviceMemoryPeak() const
{
    return m_impl->device.is_cuda() ? deviceMemoryStats(m_impl->device.index()).peak : 0.0;
}

std::string TrainingSession::deviceDescription() const
{
    return describeComputeDevice(m_impl->device.is_cuda() ? "cuda" : "cpu").description();
}

} // namespace zistudio::training
