// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli generate --project P --run NAME [--checkpoint best|last|STEP] (--chars T | --charset C |
// --charset-file F) [--style ID | --mix ID:W,ID:W] --out DIR: glyph images as uniXXXX.png.
#include "clicommand.h"
#include "clioutput.h"

#include "common/imageio.h"
#include "glyphs/charsets.h"
#include "glyphs/utf8.h"
#include "inference/generator.h"
#include "inference/inferenceerror.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

namespace zistudio::cli
{

namespace
{

namespace fs = std::filesystem;

struct GenerateOptions
{
    std::string project, run, checkpoint = "best";
    std::string chars, charset, charsetFile;
    int style = -1;
    std::string mix;
    std::string out;
    int batch = 32;
    std::string device = "auto";
};

std::u32string chosenChars(const GenerateOptions &o)
{
    std::vector<char32_t> cps;
    if (!o.chars.empty())
        cps = glyphs::parseCharsetText(o.chars, "--chars");
    else if (!o.charset.empty())
        cps = glyphs::builtinCharset(o.charset);
    else if (!o.charsetFile.empty())
        cps = glyphs::loadCharsetFile(o.charsetFile);
    if (cps.empty())
        throw inference::InferenceError("no characters: use --chars TEXT, --charset NAME or --charset-file FILE");
    return {cps.begin(), cps.end()};
}

/** "--mix 0:0.7,2:0.3" → {{0, 0.7}, {2, 0.3}}. */
inference::StyleMix parseMix(const std::string &text)
{
    inference::StyleMix mix;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        const auto colon = item.find(':');
        try {
            if (colon == std::string::npos)
                throw std::invalid_argument(item);
            std::size_t used = 0;
            const int id = std::stoi(item.substr(0, colon), &used);
            if (used != colon)
                throw std::invalid_argument(item);
            const float weight = std::stof(item.substr(colon + 1), &used);
            if (used != item.size() - colon - 1)
                throw std::invalid_argument(item);
            mix.weights.emplace_back(id, weight);
        } catch (const std::logic_error &) {
            throw inference::InferenceError("--mix: \"" + item + "\" is not ID:WEIGHT (e.g. --mix 0:0.7,1:0.3)");
        }
    }
    if (mix.weights.empty())
        throw inference::InferenceError("--mix: no styles given");
    return mix;
}

void runGenerate(const GenerateOptions &o)
{
    const auto chars = chosenChars(o);
    inference::Generator generator(o.project, o.run, {o.checkpoint}, o.device);
    printCheckpointReport(generator.checkpointReport());
    const auto style = !o.mix.empty() ? parseMix(o.mix)
        : o.style >= 0                ? inference::StyleMix::pure(o.style)
                       : inference::StyleMix::pure(generator.runConfig().dataset.targets.front().styleId);
    std::error_code ec;
    fs::create_directories(o.out, ec);
    if (ec)
        throw IoError("cannot create " + o.out + ": " + ec.message());
    ProgressLine line(ProgressLine::Log::Deciles);
    std::size_t written = 0;
    std::vector<char32_t> missing;
    constexpr std::size_t kChunk = 256;
    for (std::size_t start = 0; start < chars.size(); start += kChunk) {
        const auto part = chars.substr(start, kChunk);
        const auto images = generator.generate(part, style, o.batch);
        for (std::size_t i = 0; i < part.size(); ++i) {
            if (images[i].isNull()) {
                missing.push_back(part[i]);
                continue;
            }
            writeGrayPng(fs::path(o.out) / (glyphs::glyphFileStem(part[i]) + ".png"), images[i],
                {{"Software", "ZiStudio"}, {"Source", generator.checkpointPath()},
                    {"Title", glyphs::formatCodePoint(part[i])}});
            ++written;
        }
        line.update(static_cast<double>(start + part.size()) / static_cast<double>(chars.size()),
            std::to_string(start + part.size()) + "/" + std::to_string(chars.size()) + " characters");
    }
    line.finish();
    std::cout << "wrote " << written << " glyphs to " << o.out << " from step " << generator.checkpointStep() << " ("
              << generator.checkpointPath() << ")\n";
    if (!missing.empty()) {
        std::cout << missing.size() << " characters are not in the source font:";
        for (std::size_t i = 0; i < missing.size() && i < 20; ++i)
            std::cout << ' ' << glyphs::formatCodePoint(missing[i]);
        std::cout << (missing.size() > 20 ? " ...\n" : "\n");
    }
}

void setupGenerate(CLI::App &root)
{
    auto *cmd = root.add_subcommand("generate", "Draw glyphs with a trained run (PNG files uniXXXX.png)");
    auto o = std::make_shared<GenerateOptions>();
    cmd->add_option("--project", o->project, "Project file")->required();
    cmd->add_option("--run", o->run, "Run name")->required();
    cmd->add_option("--checkpoint", o->checkpoint, "best, last or a step number (default best)");
    auto *chars = cmd->add_option("--chars", o->chars, "Characters to draw");
    auto *charset = cmd->add_option("--charset", o->charset, "Built-in charset to draw");
    auto *file = cmd->add_option("--charset-file", o->charsetFile, "UTF-8 file of characters to draw");
    chars->excludes(charset)->excludes(file);
    charset->excludes(file);
    auto *style
        = cmd->add_option("--style", o->style, "Style id (default: the first target)")->check(CLI::NonNegativeNumber);
    auto *mix = cmd->add_option("--mix", o->mix, "Blend of styles, ID:WEIGHT,ID:WEIGHT");
    style->excludes(mix);
    cmd->add_option("--out", o->out, "Output folder")->required();
    cmd->add_option("--batch", o->batch, "Glyphs per forward pass")->check(CLI::Range(1, 4096));
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N");
    cmd->callback([o] { runGenerate(*o); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("generate", setupGenerate)

} // namespace zistudio::cli
