// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli attention --project P --run NAME --char 永 --point X,Y [--point ...] [--stroke-mean]
// --out DIR: per attention layer, where the clicked point attends, as PNG heatmaps over the glyph.
#include "clicommand.h"
#include "clioutput.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "common/heatmap.h"
#include "common/imageio.h"
#include "glyphs/utf8.h"
#include "inference/generator.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace zistudio::cli
{

namespace
{

namespace fs = std::filesystem;

struct AttentionOptions
{
    std::string project, run, checkpoint = "best";
    std::string character;
    std::vector<std::string> points;
    bool strokeMean = false;
    int style = -1;
    float opacity = 0.6F;
    std::string out;
    std::string device = "auto";
};

/** "X,Y" in glyph pixels (0..S-1) or, with a trailing %, in percent of the glyph. */
std::pair<float, float> parsePoint(const std::string &text, int size)
{
    const auto comma = text.find(',');
    try {
        if (comma == std::string::npos)
            throw std::invalid_argument(text);
        const bool percent = !text.empty() && text.back() == '%';
        const float x = std::stof(text.substr(0, comma));
        const float y = std::stof(text.substr(comma + 1, text.size() - comma - 1 - (percent ? 1 : 0)));
        if (percent)
            return {x / 100.0F, y / 100.0F};
        return {(x + 0.5F) / static_cast<float>(size), (y + 0.5F) / static_cast<float>(size)};
    } catch (const std::logic_error &) {
        throw Error("--point \"" + text + "\" is not X,Y in glyph pixels (e.g. --point 32,20) or X,Y% (e.g. 50,30%)");
    }
}

std::string layerName(const model::AttentionProbe &probe)
{
    return std::string(probe.site.side == model::AttentionSide::Encoder ? "enc" : "dec")
        + std::to_string(probe.site.depth);
}

void runAttention(const AttentionOptions &o)
{
    const std::u32string chars = glyphs::decodeUtf8OrThrow(o.character, "--char");
    if (chars.size() != 1)
        throw Error("--char takes exactly one character, got \"" + o.character + "\"");
    inference::Generator generator(o.project, o.run, {o.checkpoint}, o.device);
    printCheckpointReport(generator.checkpointReport());
    const int styleId = o.style >= 0 ? o.style : generator.runConfig().dataset.targets.front().styleId;
    const GrayImage source = generator.sourceGlyph(chars[0]);
    if (source.isNull())
        throw Error("the source font has no glyph for " + glyphs::formatCodePoint(chars[0]));
    std::vector<std::pair<float, float>> points;
    for (const auto &p : o.points)
        points.push_back(parsePoint(p, source.width));
    if (points.empty() && !o.strokeMean)
        throw Error("give at least one --point X,Y or --stroke-mean");
    const auto style = inference::StyleMix::pure(styleId);
    const auto layers = generator.probe(chars[0], style, points, o.strokeMean);
    if (layers.empty())
        throw Error("run \"" + o.run + "\" has no attention layers (its attention spec is none)");
    const GrayImage generated = generator.generate(chars, style, 1).front();

    std::error_code ec;
    fs::create_directories(o.out, ec);
    if (ec)
        throw IoError("cannot create " + o.out + ": " + ec.message());
    const std::string stem = glyphs::glyphFileStem(chars[0]);
    writeGrayPng(fs::path(o.out) / (stem + "-source.png"), source);
    writeGrayPng(fs::path(o.out) / (stem + "-generated.png"), generated);
    nlohmann::json summary = {{"character", o.character}, {"run", o.run}, {"step", generator.checkpointStep()},
        {"layers", nlohmann::json::array()}};
    for (const auto &layer : layers) {
        const std::string name = layerName(layer);
        nlohmann::json entry = {{"layer", name}, {"width", layer.width}, {"height", layer.height},
            {"gamma", layer.gamma}, {"degenerate", layer.degenerate}, {"files", nlohmann::json::array()}};
        for (std::size_t i = 0; i < layer.rows.size(); ++i) {
            const fs::path file = fs::path(o.out) / (stem + "-" + name + "-point" + std::to_string(i + 1) + ".png");
            writeRgbaPng(file, renderHeatmapOverlay(generated, layer.rows[i], o.opacity),
                {{"Software", "ZiStudio"}, {"Comment", "attention of " + name + " at " + o.points[i]}});
            entry["files"].push_back(file.filename().string());
        }
        if (o.strokeMean && !layer.maskMean.values.empty()) {
            const fs::path file = fs::path(o.out) / (stem + "-" + name + "-strokes.png");
            writeRgbaPng(file, renderHeatmapOverlay(generated, layer.maskMean, o.opacity));
            entry["files"].push_back(file.filename().string());
        }
        std::cout << name << "  " << layer.width << "x" << layer.height << "  gamma " << layer.gamma
                  << (layer.degenerate ? "  (degenerate: one position)" : "")
                  << (std::abs(layer.gamma) < 1e-3F ? "  (gamma ~ 0: the layer is not used yet)" : "") << '\n';
        summary["layers"].push_back(entry);
    }
    writeFileAtomically(fs::path(o.out) / (stem + "-attention.json"), summary.dump(2) + "\n");
    std::cout << "wrote heatmaps of " << layers.size() << " layer(s) to " << o.out << '\n';
}

void setupAttention(CLI::App &root)
{
    auto *cmd = root.add_subcommand("attention", "Write per-layer attention heatmaps of a point on a glyph (PNG)");
    auto o = std::make_shared<AttentionOptions>();
    cmd->add_option("--project", o->project, "Project file")->required();
    cmd->add_option("--run", o->run, "Run name")->required();
    cmd->add_option("--checkpoint", o->checkpoint, "best, last or a step number (default best)");
    cmd->add_option("--char", o->character, "The character to probe")->required();
    cmd->add_option("--point", o->points, "Query point X,Y in glyph pixels (or X,Y% of the glyph); repeatable");
    cmd->add_flag("--stroke-mean", o->strokeMean, "Also the mean attention over all stroke pixels");
    cmd->add_option("--style", o->style, "Style id (default: the first target)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--opacity", o->opacity, "Heat opacity 0..1 (default 0.6)")->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--out", o->out, "Output folder")->required();
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N");
    cmd->callback([o] { runAttention(*o); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("attention", setupAttention)

} // namespace zistudio::cli
