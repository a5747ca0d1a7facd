// SPDX-License-Identifier: GPL-3.0-or-later
// Saving and restoring a TrainingSession: every piece of state exact resume needs.
#include "common/buildinfo.h"
#include "common/hashing.h"
#include "common/jsontext.h"
#include "common/torchsupport.h"
#include "model/modelconfigjson.h"
#include "model/modelstate.h"
#include "training/checkpointstore.h"
#include "training/tensorarchive.h"
#include "training/trainingsessionimpl.h"

#include <ATen/CPUGeneratorImpl.h>

namespace zistudio::training
{

namespace
{

constexpr const char *kStateFormat = "zistudio-training-state";
constexpr int kStateVersion = 1;

/** Adam's per-parameter state, by the parameter's position in the optimizer (pointer keys do not survive). */
void appendAdam(const std::string &prefix, const torch::optim::Adam &opt, NamedTensors &out)
{
    const auto &params = opt.param_groups().at(0).params();
    out.emplace_back(prefix + ".count", torch::tensor(static_cast<std::int64_t>(params.size()), torch::kLong));
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto it = opt.state().find(optimizerStateKey(opt, params[i]));
        if (it == opt.state().end())
            continue; // the parameter never got a step (e.g. no gradient yet)
        const auto &st = static_cast<const torch::optim::AdamParamState &>(*it->second);
        const std::string p = prefix + "." + std::to_string(i) + ".";
        out.emplace_back(p + "step", torch::tensor(st.step(), torch::kLong));
        out.emplace_back(p + "exp_avg", st.exp_avg());
        out.emplace_back(p + "exp_avg_sq", st.exp_avg_sq());
        if (st.max_exp_avg_sq().defined())
            out.emplace_back(p + "max_exp_avg_sq", st.max_exp_avg_sq());
    }
}

void restoreAdam(const std::string &prefix, torch::optim::Adam &opt, const TensorArchive &archive,
    const std::string &where, torch::Device device)
{
    const auto &params = opt.param_groups().at(0).params();
    if (!archive.contains(prefix + ".count")
        || archive.at(prefix + ".count").item<std::int64_t>() != static_cast<std::int64_t>(params.size()))
        throw TrainingError(where + ": the " + prefix + " optimizer state does not match the network ("
            + std::to_string(params.size()) + " parameters)");
    opt.state().clear();
    for (std::size_t i = 0; i < params.size(); ++i) {
        const std::string p = prefix + "." + std::to_string(i) + ".";
        if (!archive.contains(p + "step"))
            continue;
        auto st = std::make_unique<torch::optim::AdamParamState>();
        const auto &expAvg = archive.at(p + "exp_avg");
        const auto &expAvgSq = archive.at(p + "exp_avg_sq");
        if (expAvg.sizes() != params[i].sizes() || expAvgSq.sizes() != params[i].sizes())
            throw TrainingError(where + ": optimizer state " + p + "exp_avg has the wrong shape");
        st->step(archive.at(p + "step").item<std::int64_t>());
        st->exp_avg(expAvg.to(device, params[i].scalar_type()).clone());
        st->exp_avg_sq(expAvgSq.to(device, params[i].scalar_type()).clone());
        if (archive.contains(p + "max_exp_avg_sq"))
            st->max_exp_avg_sq(archive.at(p + "max_exp_avg_sq").to(device, params[i].scalar_type()).clone());
        opt.state()[optimizerStateKey(opt, params[i])] = std::move(st);
    }
}

TensorArchive readArchive(const CheckpointStore &store, const CheckpointInfo &info, const std::string &part)
{
    return decodeTensorArchive(store.readPart(info, part), (info.dir / part).string());
}

} // namespace

void TrainingSession::save(CheckpointWriter &writer, const nlohmann::json &extra) const
{
    const auto &m = *m_impl;
    const nlohmann::json modelJson = m.config.model;
    writer.addPart("generator.zt", encodeTensorArchive(model::namedState(*m.generator), {{"model", modelJson}}));
    writer.addPart(
        "discriminator.zt", encodeTensorArchive(model::namedState(*m.discriminator), {{"model", modelJson}}));
    NamedTensors optimizers;
    appendAdam("generator", *m.generatorOptimizer, optimizers);
    appendAdam("discriminator", *m.discriminatorOptimizer, optimizers);
    writer.addPart("optimizers.zt", encodeTensorArchive(optimizers));
    NamedTensors rng;
    {
        auto gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        rng.emplace_back("cpu", gen.get_state());
    }
    writer.addPart("rng.zt", encodeTensorArchive(rng));

    const auto position = m.loader->position();
    const auto info = buildInfo();
    const nlohmann::json state = {{"format", kStateFormat}, {"version", kStateVersion}, {"step", m.step},
        {"epoch", position.epoch}, {"loader", {{"epoch", position.epoch}, {"index", position.index}}},
        {"batchSize", m.batchSize}, {"learningRateScale", m.lrScale}, {"learningRate", m.currentLearningRate()},
        {"seed", m.config.training.seed}, {"config", project::projectToJson(m.config)},
        {"versions", {{"zistudio", info.zistudio}, {"libtorch", info.libtorch}, {"device", info.device}}},
        {"extra", extra}};
    writer.addPart("state.json", state.dump(2));
}

nlohmann::json TrainingSession::load(const CheckpointStore &store, const CheckpointInfo &info)
{
    auto &m = *m_impl;
    const std::string where = "checkpoint " + info.dir.string();
    const nlohmann::json state = parseJsonAs<TrainingError>(store.readPart(info, "state.json"), where + ": state.json");
    if (!state.is_object() || !state.contains("format") || state["format"] != kStateFormat || !state.contains("version")
        || state["version"] != kStateVersion)
        throw TrainingError(where + ": state.json is not a ZiStudio training state of version 1");
    try {
        const auto saved = project::projectFromJson(state.at("config"), {}, where + ": state.json config");
        if (!(saved.model == m.config.model))
            throw TrainingError(where + ": it was trained with a different model configuration");
        const long long step = state.at("step").get<long long>();
        const data::LoaderPosition position {
            state.at("loader").at("epoch").get<long long>(), state.at("loader").at("index").get<long long>()};
        const int batchSize = state.at("batchSize").get<int>();
        const double lrScale = state.at("learningRateScale").get<double>();
        if (step < 0 || batchSize < 1 || !(lrScale > 0))
            throw TrainingError(where + ": state.json holds invalid values");

        m.buildNetworks();
        model::loadCompatible(*m.generator, readArchive(store, info, "generator.zt").tensors);
        model::loadCompatible(*m.discriminator, readArchive(store, info, "discriminator.zt").tensors);
        m.buildOptimizers();
        const auto optimizers = readArchive(store, info, "optimizers.zt");
        restoreAdam("generator", *m.generatorOptimizer, optimizers, where, m.device);
        restoreAdam("discriminator", *m.discriminatorOptimizer, optimizers, where, m.device);
        const auto rng = readArchive(store, info, "rng.zt");
        {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(rng.at("cpu"));
        }
        m.step = step;
        m.batchSize = batchSize;
        m.lrScale = lrScale;
        m.buildLoader(position);
    } catch (const nlohmann::json::exception &e) {
        throw TrainingError(where + ": state.json is incomplete: " + describeJsonException(e));
    } catch (const c10::Error &e) {
        throw TrainingError(where + ": cannot restore the training state: " + e.what_without_backtrace());
    } catch (const TrainingError &) {
        throw;
    } catch (const Error &e) {
        throw TrainingError(where + ": " + e.what());
    }
    return state.value("extra", nlohmann::json::object());
}

void TrainingSession::initializeFromWeights(const CheckpointStore &store, const CheckpointInfo &info)
{
    auto &m = *m_impl;
    const std::string where = "checkpoint " + info.dir.string();
    torch::manual_seed(m.config.training.seed);
    m.buildNetworks();
    try {
        model::loadCompatible(*m.generator, readArchive(store, info, "generator.zt").tensors);
        model::loadCompatible(*m.discriminator, readArchive(store, info, "discriminator.zt").tensors);
    } catch (const TrainingError &) {
        throw;
    } catch (const Error &e) {
        throw TrainingError("cannot fine-tune from " + where + ": " + e.what());
    }
    m.buildOptimizers();
    m.step = 0;
    m.lrScale = 1.0;
    m.buildLoader({0, 0});
}

bool TrainingSession::weightsFinite() const
{
    return firstNonFinite(model::namedState(*m_impl->generator)).empty()
        && firstNonFinite(model::namedState(*m_impl->discriminator)).empty();
}

std::string TrainingSession::stateDigest() const
{
    const auto &m = *m_impl;
    NamedTensors all;
    for (auto &[name, t] : model::namedState(*m.generator))
        all.emplace_back("g." + name, t);
    for (auto &[name, t] : model::namedState(*m.discriminator))
        all.emplace_back("d." + name, t);
    appendAdam("go", *m.generatorOptimizer, all);
    appendAdam("do", *m.discriminatorOptimizer, all);
    return sha256Hex(encodeTensorArchive(all, nlohmann::json::object(), false));
}

} // namespace zistudio::training
