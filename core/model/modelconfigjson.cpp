// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/modelconfigjson.h"

#include <set>

namespace zistudio::model
{

namespace
{

using nlohmann::json;

const std::set<std::string> kKeys {"imageSize", "inputChannels", "ngf", "ndf", "embeddingNum", "embeddingDim", "norm",
    "upsample", "skip", "dropout", "spectralNorm", "attention"};

void readInt(const json &j, const char *key, int &value, const std::string &where)
{
    const auto it = j.find(key);
    if (it == j.end())
        return;
    if (!it->is_number_integer())
        throw ModelError(where + ": \"" + key + "\" must be a whole number, got " + it->dump());
    const auto v = it->get<long long>();
    if (v < -(1LL << 31) || v >= (1LL << 31))
        throw ModelError(where + ": \"" + key + "\" is out of range: " + it->dump());
    value = static_cast<int>(v);
}

std::string readString(const json &j, const char *key, const std::string &fallback, const std::string &where)
{
    const auto it = j.find(key);
    if (it == j.end())
        return fallback;
    if (!it->is_string())
        throw ModelError(where + ": \"" + key + "\" must be a string, got " + it->dump());
    return it->get<std::string>();
}

template<typename Parse>
auto parseOrName(Parse parse, const std::string &text, const std::string &where, const char *key)
{
    try {
        return parse(text);
    } catch (const ModelError &e) {
        throw ModelError(where + ": \"" + key + "\": " + e.what());
    }
}

json attentionJson(const AttentionCost &a)
{
    return {{"site", toString(a.site)}, {"depth", a.site.depth},
        {"side", a.site.side == AttentionSide::Encoder ? "encoder" : "decoder"}, {"height", a.height},
        {"width", a.width}, {"channels", a.channels}, {"keyChannels", a.keyChannels}, {"params", a.params},
        {"macs", a.macs}, {"flops", a.flops}, {"matrixBytes", a.matrixBytes}, {"activationBytes", a.activationBytes},
        {"blocked", a.blocked}, {"degenerate", a.degenerate}};
}

} // namespace

void to_json(nlohmann::json &j, const ModelConfig &config)
{
    j = json {{"imageSize", config.imageSize}, {"inputChannels", config.inputChannels}, {"ngf", config.ngf},
        {"ndf", config.ndf}, {"embeddingNum", config.embeddingNum}, {"embeddingDim", config.embeddingDim},
        {"norm", toString(config.norm)}, {"upsample", toString(config.upsample)}, {"skip", toString(config.skip)},
        {"dropout", config.dropout}, {"spectralNorm", config.spectralNorm}, {"attention", config.attention.toString()}};
}

void from_json(const nlohmann::json &j, ModelConfig &config)
{
    config = modelConfigFromJson(j, "model config");
}

ModelConfig modelConfigFromJson(const nlohmann::json &j, const std::string &where)
{
    if (!j.is_object())
        throw ModelError(where + ": the model configuration must be a JSON object, got " + j.type_name());
    for (const auto &[key, value] : j.items())
        if (!kKeys.contains(key))
            throw ModelError(where + ": unknown model setting \"" + key + "\"");
    ModelConfig config;
    readInt(j, "imageSize", config.imageSize, where);
    readInt(j, "inputChannels", config.inputChannels, where);
    readInt(j, "ngf", config.ngf, where);
    readInt(j, "ndf", config.ndf, where);
    readInt(j, "embeddingNum", config.embeddingNum, where);
    readInt(j, "embeddingDim", config.embeddingDim, where);
    config.norm = parseOrName(parseNormKind, readString(j, "norm", "batch", where), where, "norm");
    config.upsample = parseOrName(parseUpsampleKind, readString(j, "upsample", "transposed", where), where, "upsample");
    config.skip = parseOrName(parseSkipKind, readString(j, "skip", "concat", where), where, "skip");
    config.attention = parseOrName(AttentionSpec::parse, readString(j, "attention", "none", where), where, "attention");
    if (const auto it = j.find("dropout"); it != j.end()) {
        if (!it->is_number())
            throw ModelError(where + ": \"dropout\" must be a number, got " + it->dump());
        config.dropout = it->get<double>();
    }
    if (const auto it = j.find("spectralNorm"); it != j.end()) {
        if (!it->is_boolean())
            throw ModelError(where + ": \"spectralNorm\" must be true or false, got " + it->dump());
        config.spectralNorm = it->get<bool>();
    }
    try {
        validate(config);
    } catch (const ModelError &e) {
        throw ModelError(where + ": " + e.what());
    }
    return config;
}

nlohmann::json costReportToJson(const CostReport &report)
{
    json depths = json::array();
    for (const DepthCost &d : report.depths)
        depths.push_back({{"depth", d.depth}, {"resolution", d.resolution}, {"encoderChannels", d.encoderChannels},
            {"decoderChannels", d.decoderChannels}, {"encoderAttention", d.encoderAttention},
            {"decoderAttention", d.decoderAttention}, {"encoderParams", d.encoderParams},
            {"decoderParams", d.decoderParams}, {"attentionParams", d.attentionParams}, {"encoderMacs", d.encoderMacs},
            {"decoderMacs", d.decoderMacs}, {"attentionMacs", d.attentionMacs},
            {"activationBytes", d.activationBytes}});
    json attention = json::array();
    for (const AttentionCost &a : report.attention)
        attention.push_back(attentionJson(a));
    json modules = json::object();
    for (const ModuleParams &m : report.modules)
        modules[m.name] = m.params;
    return {{"config", report.config}, {"batchSize", report.batchSize},
        {"attentionMemory", toString(report.attentionMemory)}, {"depths", depths}, {"attention", attention},
        {"modules", modules},
        {"params",
            {{"encoder", report.encoderParams}, {"decoder", report.decoderParams},
                {"attention", report.attentionParams}, {"embedding", report.embeddingParams},
                {"generator", report.generatorParams}, {"discriminator", report.discriminatorParams}}},
        {"generatorMacs", report.generatorMacs}, {"generatorFlops", report.generatorFlops},
        {"encoderMacs", report.encoderMacs}, {"discriminatorMacs", report.discriminatorMacs},
        {"trainingStepFlops", report.trainingStepFlops}, {"generatorActivationBytes", report.generatorActivationBytes},
        {"discriminatorActivationBytes", report.discriminatorActivationBytes},
        {"attentionMatrixBytes", report.attentionMatrixBytes}, {"trainingMemoryBytes", report.trainingMemoryBytes},
        {"warnings", report.warnings}};
}

} // namespace zistudio::model
