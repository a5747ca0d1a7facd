// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/generator.h"

#include "common/atomicfile.h"
#include "common/computedevice.h"
#include "common/torchsupport.h"
#include "data/batchloader.h"
#include "data/dataset.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"
#include "inference/inferenceerror.h"
#include "model/modelconfigjson.h"
#include "model/modelstate.h"
#include "model/unetgenerator.h"
#include "project/projectlayout.h"
#include "training/checkpointstore.h"
#include "training/runrecords.h"
#include "training/tensorarchive.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace zistudio::inference
{

namespace fs = std::filesystem;

namespace
{

bool allDigits(const std::string &s)
{
    return !s.empty() && s.size() < 19 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

struct Generator::Impl
{
    project::Project config;
    torch::Device device {torch::kCPU};
    model::ModelConfig modelConfig;
    model::UNetGenerator net {nullptr};
    long long step = 0;
    std::string path;
    std::vector<std::string> skipped;
    std::vector<std::string> report;
    std::unique_ptr<glyphs::FontFace> sourceFace;
    std::unique_ptr<glyphs::Rasterizer> sourceRaster;
    mutable std::map<int, std::unique_ptr<glyphs::FontFace>> targetFaces;
    fs::path datasetStore;
    mutable bool datasetOpened = false;
    mutable std::optional<data::Dataset> dataset; ///< the run's rendered dataset, when it is still there
    mutable std::map<std::pair<int, char32_t>, int> imageTargets; ///< (style, cp) -> dataset image index

    /** Opens the dataset store once, and only uses it when it was built from the run's own spec. */
    const data::Dataset *runDataset() const
    {
        if (!datasetOpened) {
            datasetOpened = true;
            try {
                auto opened = data::Dataset::open(datasetStore);
                if (opened.spec() == config.dataset) {
                    for (const auto *list : {&opened.trainSamples(), &opened.validationSamples()})
                        for (const auto &sample : *list)
                            imageTargets[{sample.styleId, sample.cp}] = sample.targetIndex;
                    dataset = std::move(opened);
                }
            } catch (const Error &) {
                // No store (or another project's): hand-drawn targets are unavailable, fonts still work.
            }
        }
        return dataset ? &*dataset : nullptr;
    }

    torch::Tensor styleWeights(const StyleMix &style, std::int64_t batch) const
    {
        if (style.weights.empty())
            throw InferenceError("no style given");
        auto w = torch::zeros({modelConfig.embeddingNum}, torch::kFloat);
        double sum = 0;
        for (const auto &[id, weight] : style.weights) {
            if (id < 0 || id >= modelConfig.embeddingNum)
                throw InferenceError("style " + std::to_string(id) + " is outside the model's style table (0.."
                    + std::to_string(modelConfig.embeddingNum - 1) + ")");
            if (!std::isfinite(weight) || weight < 0)
                throw InferenceError("style " + std::to_string(id) + " has an invalid weight");
            w[id] += weight;
            sum += weight;
        }
        if (!(sum > 0))
            throw InferenceError("style weights sum to zero");
        return (w / sum).unsqueeze(0).expand({batch, modelConfig.embeddingNum}).contiguous().to(device);
    }
};

Generator::Generator(
    const fs::path &projectFile, const std::string &runName, CheckpointChoice checkpoint, const std::string &device)
    : m_impl(std::make_unique<Impl>())
{
    auto &m = *m_impl;
    const auto layout = project::ProjectLayout::of(projectFile);
    try {
        m.config = project::loadRunConfig(layout, runName);
    } catch (const Error &e) {
        throw InferenceError(e.what()); // the generator's callers see one error type
    }
    training::CheckpointStore store(layout.checkpointsDir(runName), training::checkpointPolicyFor(m.config.training),
        training::CheckpointStore::Mode::ReadOnly);
    if (checkpoint.which != "best" && checkpoint.which != "last" && checkpoint.which != "latest"
        && !allDigits(checkpoint.which))
        throw InferenceError("checkpoint \"" + checkpoint.which + "\": use best, last or a step number");
    training::DamagedCheckpoints damaged;
    const auto chosen = store.loadChoice(checkpoint.which, &damaged);
    if (!chosen)
        throw InferenceError(training::describeNoCheckpoint(runName, damaged));
    m.datasetStore = layout.datasetStore;
    m.step = chosen->info.step;
    m.path = chosen->info.dir.string();
    m.skipped = chosen->skipped;
    m.report.push_back(training::describeChoice(*chosen, runName));
    for (const auto &line : training::skippedLines(*chosen))
        m.report.push_back(line);

    const auto archive = training::decodeTensorArchive(
        store.readPart(chosen->info, "generator.zt"), (chosen->info.dir / "generator.zt").string());
    m.modelConfig = archive.metadata.contains("model")
        ? model::modelConfigFromJson(archive.metadata["model"], m.path + "/generator.zt")
        : m.config.model;
    try {
        m.device = resolveDevice(device);
    } catch (const Error &e) {
        throw InferenceError(e.what());
    }
    m.net = model::UNetGenerator(m.modelConfig);
    model::loadCompatible(*m.net, archive.tensors);
    m.net->to(m.device);
    m.net->eval();

    m.sourceFace = std::make_unique<glyphs::FontFace>(m.config.dataset.source.path, m.config.dataset.source.face);
    m.sourceRaster = std::make_unique<glyphs::Rasterizer>(*m.sourceFace, data::rasterOptionsFor(m.config.dataset));
}

Generator::~Generator() = default;
Generator::Generator(Generator &&) noexcept = default;
Generator &Generator::operator=(Generator &&) noexcept = default;

std::vector<GrayImage> Generator::generate(const std::u32string &chars, const StyleMix &style, int batchSize)
{
    auto &m = *m_impl;
    if (batchSize < 1)
        throw InferenceError("batch size must be at least 1");
    std::vector<GrayImage> out(chars.size());
    std::vector<std::size_t> pending;
    std::vector<GrayImage> sources;
    auto flush = [&] {
        if (pending.empty())
            return;
        const auto n = static_cast<std::int64_t>(pending.size());
        std::vector<torch::Tensor> parts;
        for (const auto &img : sources)
            parts.push_back(data::toTensor(img).reshape({1, 1, img.height, img.width}));
        torch::NoGradGuard noGrad;
        const auto x = torch::cat(parts, 0).to(m.device);
        const auto y = m.net->forwardBlend(x, m.styleWeights(style, n)).image.to(torch::kCPU);
        for (std::int64_t i = 0; i < n; ++i)
            out[pending[static_cast<std::size_t>(i)]] = data::fromTensor(y[i]);
        pending.clear();
        sources.clear();
    };
    m.styleWeights(style, 1); // validate before rendering anything
    for (std::size_t i = 0; i < chars.size(); ++i) {
        auto rendered = m.sourceRaster->renderChecked(chars[i]);
        if (!rendered.ok())
            continue; // the source font lacks it: null image
        pending.push_back(i);
        sources.push_back(std::move(rendered.image));
        if (static_cast<int>(pending.size()) == batchSize)
            flush();
    }
    flush();
    return out;
}

std::vector<float> Generator::styleEmbedding(const StyleMix &style) const
{
    const auto &m = *m_impl;
    torch::NoGradGuard noGrad;
    const auto table = m.net->embedding->weight.to(torch::kCPU, torch::kFloat);
    const auto mixed = m.styleWeights(style, 1).to(torch::kCPU).matmul(table).contiguous();
    const float *data = mixed.data_ptr<float>();
    return {data, data + mixed.numel()};
}

std::vector<model::AttentionProbe> Generator::probe(
    char32_t character, const StyleMix &style, const std::vector<std::pair<float, float>> &points, bool strokeMean)
{
    auto &m = *m_impl;
    if (style.weights.empty())
        throw InferenceError("no style given");
    const auto dominant = std::max_element(
        style.weights.begin(), style.weights.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    m.styleWeights(style, 1);
    const auto source = sourceGlyph(character);
    if (source.isNull())
        throw InferenceError("the source font has no glyph for this character");
    const auto x = data::toTensor(source).reshape({1, 1, source.height, source.width}).to(m.device);
    const auto ids = torch::tensor(std::vector<std::int64_t> {dominant->first}, torch::kLong).to(m.device);
    torch::Tensor mask;
    if (strokeMean)
        mask = (x[0][0] > 0).to(torch::kCPU);
    return m.net->probe(x, ids, points, mask);
}

GrayImage Generator::sourceGlyph(char32_t character) const
{
    auto rendered = m_impl->sourceRaster->renderChecked(character);
    return rendered.ok() ? std::move(rendered.image) : GrayImage {};
}

GrayImage Generator::targetGlyph(char32_t character, int styleId) const
{
    auto &m = *m_impl;
    for (const auto &t : m.config.dataset.targets) {
        if (t.styleId != styleId)
            continue;
        if (t.kind == data::TargetSpec::Kind::ImageFolder) {
            const auto *dataset = m.runDataset();
            const auto it = m.imageTargets.find({styleId, character});
            return dataset && it != m.imageTargets.end() ? dataset->image(it->second) : GrayImage {};
        }
        auto &face = m.targetFaces[styleId];
        if (!face)
            face = std::make_unique<glyphs::FontFace>(t.path, t.face);
        auto rendered = glyphs::Rasterizer(*face, data::rasterOptionsFor(m.config.dataset)).renderChecked(character);
        return rendered.ok() ? std::move(rendered.image) : GrayImage {};
    }
    return {};
}

long long Generator::checkpointStep() const
{
    return m_impl->step;
}

std::string Generator::checkpointPath() const
{
    return m_impl->path;
}

const project::Project &Generator::runConfig() const
{
    return m_impl->config;
}

const std::vector<std::string> &Generator::skippedCheckpoints() const
{
    return m_impl->skipped;
}

const std::vector<std::string> &Generator::checkpointReport() const
{
    return m_impl->report;
}

std::string Generator::deviceDescription() const
{
    return describeComputeDevice(m_impl->device.is_cuda() ? "cuda" : "cpu").description();
}

std::vector<std::pair<model::AttentionSite, float>> Generator::attentionGammas() const
{
    return m_impl->net->gammas();
}

} // namespace zistudio::inference
