// SPDX-License-Identifier: GPL-3.0-or-later
// `zistudio-cli model info`: what a model configuration costs, before building or training it.
#include "clicommand.h"

#include "common/computedevice.h"
#include "model/costmodel.h"
#include "model/modelconfig.h"
#include "model/modelconfigjson.h"

#include <iostream>
#include <memory>
#include <optional>

namespace
{

using namespace zistudio;

/** The `model info` options; unset ones keep the preset's values. */
struct InfoOptions
{
    std::string preset = "default";
    std::optional<int> size;
    std::optional<int> ngf;
    std::optional<int> ndf;
    std::optional<int> embeddingNum;
    std::optional<int> embeddingDim;
    std::optional<std::string> attention;
    std::optional<std::string> norm;
    std::optional<std::string> upsample;
    std::optional<std::string> skip;
    bool spectralNorm = false;
    int batch = 16;
    std::string device = "auto";
    bool json = false;
};

model::ModelConfig presetConfig(const std::string &name)
{
    if (name == "default")
        return model::ModelConfig {};
    if (name == "classic256")
        return model::classic256();
    if (name == "attn256")
        return model::attn256();
    if (name == "cpu64")
        return model::cpu64();
    throw model::ModelError("unknown preset \"" + name + "\" (use default, classic256, attn256 or cpu64)");
}

void runInfo(const InfoOptions &o)
{
    model::ModelConfig config = presetConfig(o.preset);
    if (o.size)
        config.imageSize = *o.size;
    if (o.ngf)
        config.ngf = *o.ngf;
    if (o.ndf)
        config.ndf = *o.ndf;
    if (o.embeddingNum)
        config.embeddingNum = *o.embeddingNum;
    if (o.embeddingDim)
        config.embeddingDim = *o.embeddingDim;
    if (o.attention)
        config.attention = model::AttentionSpec::parse(*o.attention);
    if (o.norm)
        config.norm = model::parseNormKind(*o.norm);
    if (o.upsample)
        config.upsample = model::parseUpsampleKind(*o.upsample);
    if (o.skip)
        config.skip = model::parseSkipKind(*o.skip);
    if (o.spectralNorm)
        config.spectralNorm = true;
    const model::CostReport report = model::estimateCost(config, o.batch, model::attentionMemoryOn(o.device));
    if (o.json)
        std::cout << model::costReportToJson(report).dump(2) << '\n';
    else
        std::cout << model::formatCostTable(report);
}

void setupModel(CLI::App &root)
{
    CLI::App *modelCommand = root.add_subcommand("model", "Inspect model configurations");
    modelCommand->require_subcommand(1);
    CLI::App *info = modelCommand->add_subcommand(
        "info", "Per-depth table (resolution, channels, attention cost) and totals: parameters, FLOPs, memory");
    auto options = std::make_shared<InfoOptions>();
    info->add_option("--preset", options->preset, "Starting configuration: default, classic256, attn256, cpu64")
        ->capture_default_str();
    info->add_option("--size", options->size, "Image size: 32, 64, 128, 256 or 512");
    info->add_option("--ngf", options->ngf, "Generator base width");
    info->add_option("--ndf", options->ndf, "Discriminator base width");
    info->add_option("--embedding-num", options->embeddingNum, "Style embedding table size");
    info->add_option("--embedding-dim", options->embeddingDim, "Style embedding width");
    info->add_option(
        "--attention", options->attention, "Attention sites, e.g. \"enc:3,dec:4\" (1 = outermost) or none");
    info->add_option("--norm", options->norm, "batch or instance");
    info->add_option("--upsample", options->upsample, "transposed or pixelshuffle");
    info->add_option("--skip", options->skip, "concat or residual");
    info->add_flag("--spectral-norm", options->spectralNorm, "Spectral norm on the discriminator");
    info->add_option("--batch", options->batch, "Batch size for memory and step cost")->capture_default_str();
    info->add_option("--device", options->device,
            "Where it would train (auto, cpu, cuda or cuda:N): on the CPU attention over 256 or more positions "
            "never builds its matrix, and the training memory says so")
        ->capture_default_str()
        ->check([](const std::string &d) {
            return isDevicePreference(d) ? std::string() : "must be auto, cpu, cuda or cuda:N";
        });
    info->add_flag("--json", options->json, "Print the report as JSON");
    info->callback([options] { runInfo(*options); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("model", setupModel)
