// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli evaluate --project P --run NAME [--checkpoint best|last|STEP] (--chars T | --charset C |
// --charset-file F) [--style ID] [--json]: L1 and SSIM against the target font, beside the baseline.
#include "clicommand.h"
#include "clioutput.h"

#include "data/dataset.h"
#include "glyphs/charsets.h"
#include "glyphs/utf8.h"
#include "inference/evaluation.h"
#include "inference/inferenceerror.h"
#include "project/projectlayout.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace zistudio::cli
{

namespace
{

struct EvaluateOptions
{
    std::string project, run, checkpoint = "best";
    std::string chars, charset, charsetFile;
    int style = -1;
    bool json = false;
    bool perChar = false;
    std::string device = "auto";
};

std::string fixed(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

void runEvaluate(const EvaluateOptions &o)
{
    inference::Generator generator(o.project, o.run, {o.checkpoint}, o.device);
    printCheckpointReport(generator.checkpointReport());
    std::vector<char32_t> cps;
    std::string which;
    if (!o.chars.empty()) {
        cps = glyphs::parseCharsetText(o.chars, "--chars");
        which = "--chars";
    } else if (!o.charset.empty()) {
        cps = glyphs::builtinCharset(o.charset);
        which = "charset " + o.charset;
    } else if (!o.charsetFile.empty()) {
        cps = glyphs::loadCharsetFile(o.charsetFile);
        which = o.charsetFile;
    } else {
        // The run's own held-out characters: never trained on.
        const auto dataset = data::Dataset::open(project::ProjectLayout::of(o.project).datasetStore);
        cps = dataset.validationChars();
        which = "the dataset's validation characters";
    }
    if (cps.empty())
        throw inference::InferenceError("no characters to evaluate");
    const int style = o.style >= 0 ? o.style : generator.runConfig().dataset.targets.front().styleId;
    const auto report = inference::evaluate(generator, std::u32string(cps.begin(), cps.end()), style);
    if (o.json) {
        nlohmann::json j {{"run", o.run}, {"step", report.step}, {"checkpoint", report.checkpoint},
            {"style", report.styleId}, {"characters", which}, {"requested", report.requested},
            {"evaluated", report.rows.size()}, {"skipped", report.skipped.size()},
            {"model", {{"l1", report.l1}, {"ssim", report.ssim}}},
            {"baseline", {{"l1", report.baselineL1}, {"ssim", report.baselineSsim}}}};
        if (o.perChar) {
            j["rows"] = nlohmann::json::array();
            for (const auto &r : report.rows)
                j["rows"].push_back({{"char", glyphs::encodeUtf8(r.character)}, {"l1", r.l1}, {"ssim", r.ssim},
                    {"baselineL1", r.baselineL1}, {"baselineSsim", r.baselineSsim}});
        }
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::cout << o.run << " at step " << report.step << ", style " << report.styleId << ", " << report.rows.size()
              << " of " << report.requested << " characters (" << which << ")\n";
    printTable(
        {{"", "L1 (lower is better)", "SSIM (higher is better)"}, {"model", fixed(report.l1), fixed(report.ssim)},
            {"baseline (source glyph)", fixed(report.baselineL1), fixed(report.baselineSsim)}});
    if (!report.skipped.empty())
        std::cout << report.skipped.size() << " characters skipped (missing in the source or the target font)\n";
    if (o.perChar) {
        std::vector<std::vector<std::string>> rows {{"char", "L1", "SSIM", "baseline L1", "baseline SSIM"}};
        for (const auto &r : report.rows)
            rows.push_back({glyphs::encodeUtf8(r.character), fixed(r.l1), fixed(r.ssim), fixed(r.baselineL1),
                fixed(r.baselineSsim)});
        printTable(rows);
    }
}

void setupEvaluate(CLI::App &root)
{
    auto *cmd = root.add_subcommand("evaluate", "Score a run against the target font: L1, SSIM and the baseline");
    auto o = std::make_shared<EvaluateOptions>();
    cmd->add_option("--project", o->project, "Project file")->required();
    cmd->add_option("--run", o->run, "Run name")->required();
    cmd->add_option("--checkpoint", o->checkpoint, "best, last or a step number (default best)");
    auto *chars = cmd->add_option("--chars", o->chars, "Characters to score");
    auto *charset = cmd->add_option("--charset", o->charset, "Built-in charset to score");
    auto *file = cmd->add_option(
        "--charset-file", o->charsetFile, "UTF-8 file of characters (default: the dataset's validation characters)");
    chars->excludes(charset)->excludes(file);
    charset->excludes(file);
    cmd->add_option("--style", o->style, "Style id (default: the first target)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--per-char", o->perChar, "Also list every character's scores");
    cmd->add_flag("--json", o->json, "Print JSON");
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N");
    cmd->callback([o] { runEvaluate(*o); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("evaluate", setupEvaluate)

} // namespace zistudio::cli
