// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli compare --project P --runs A,B,C [--checkpoint best|last] [--json] [--save FILE.json]
// [--csv FILE] [--figure FILE.png] [--chars T], or compare --from STUDY... (saved comparisons, no
// project needed): the runs side by side (validation L1/SSIM, baseline, parameters, step time, memory,
// γ), each placement's mean and spread over its seeds, the best placement with its margin over the
// runner-up against the run-to-run noise, a CSV, a PNG figure and a JSON that loads back as a study.
#include "clicommand.h"
#include "clioutput.h"

#include "experiments/comparisonexport.h"
#include "experiments/experimentserror.h"
#include "experiments/figure.h"
#include "experiments/study.h"
#include "glyphs/charsets.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace zistudio::cli
{

namespace
{

struct CompareCliOptions
{
    std::string project;
    std::vector<std::string> runs;
    std::vector<std::string> from;
    std::string checkpoint = "best";
    std::string save;
    bool json = false;
    std::string csv;
    std::string figure;
    std::string chars;
    int style = -1;
    std::string device = "cpu";
};

std::string fixed(double v, int digits = 4)
{
    if (!std::isfinite(v))
        return "-";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string si(double v, const char *unit = "")
{
    if (!std::isfinite(v))
        return "-";
    const char *prefixes[] = {"", " k", " M", " G", " T", " P"};
    int i = 0;
    while (std::fabs(v) >= 1000 && i < 5) {
        v /= 1000;
        ++i;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, i ? "%.2f%s%s" : "%.0f%s%s", v, prefixes[i], unit);
    return buf;
}

std::string mib(double bytes)
{
    return std::isfinite(bytes) ? fixed(bytes / (1024.0 * 1024.0), 0) + " MiB" : "-";
}

std::string gammas(const experiments::RunSummary &s)
{
    if (s.attention == "none")
        return "-";
    std::string out;
    for (const auto &g : s.gammas)
        out += (out.empty() ? "" : " ") + g.site + "=" + fixed(g.gamma, 4);
    return out.empty() ? "?" : out;
}

std::string spread(double mean, double min, double max)
{
    if (!std::isfinite(mean))
        return "-";
    return fixed(mean) + (max > min ? " ± " + fixed((max - min) / 2) : "");
}

std::string ratio(double value, double reference)
{
    return std::isfinite(value) && std::isfinite(reference) && reference > 0 ? fixed(value / reference, 2) + "x" : "-";
}

/** One row per placement: mean ± half the range over its seeds, cost against the first placement. */
void printPlacements(const experiments::Comparison &c)
{
    if (c.placements.size() == c.runs.size())
        return; // one run each: the run table says it all
    std::vector<std::vector<std::string>> rows {
        {"placement", "runs", "val L1", "val SSIM", "step CPU", "vs first", "peak RSS", "attention params"}};
    const auto &first = c.placements.front();
    for (const auto &p : c.placements)
        rows.push_back({p.placement, std::to_string(p.scored) + "/" + std::to_string(p.runs.size()),
            spread(p.valL1Mean, p.valL1Min, p.valL1Max), spread(p.valSsimMean, p.valSsimMin, p.valSsimMax),
            std::isfinite(p.stepCpuSeconds) ? fixed(p.stepCpuSeconds, 3) + " s" : "-",
            ratio(p.stepCpuSeconds, first.stepCpuSeconds), mib(p.peakRssBytes),
            si(static_cast<double>(p.attentionParams))});
    printTable(rows);
}

void runCompare(const CompareCliOptions &o)
{
    experiments::Comparison c;
    if (!o.from.empty()) {
        if (!o.project.empty() || !o.runs.empty())
            throw experiments::ExperimentError("--from reads saved comparisons: leave out --project and --runs");
        std::vector<std::filesystem::path> paths(o.from.begin(), o.from.end());
        c = experiments::loadStudy(paths);
    } else {
        if (o.project.empty() || o.runs.empty())
            throw experiments::ExperimentError(
                "name the runs with --project FILE --runs A,B (or read a study with --from)");
        experiments::CompareOptions options;
        options.device = o.device;
        options.styleId = o.style;
        options.checkpoint = o.checkpoint;
        if (!o.figure.empty() || !o.save.empty()) {
            if (!o.chars.empty()) {
                const auto cps = glyphs::parseCharsetText(o.chars, "--chars");
                options.glyphChars.assign(cps.begin(), cps.end());
            } else {
                options.glyphChars = experiments::defaultComparisonChars(o.project);
            }
        }
        c = experiments::compareRuns(o.project, o.runs, options);
    }
    if (!o.save.empty())
        experiments::writeComparisonJson(o.save, c);
    if (!o.csv.empty())
        experiments::writeComparisonCsv(o.csv, c);
    if (!o.figure.empty())
        experiments::writeComparisonFigure(o.figure, c);
    if (o.json) {
        std::cout << experiments::comparisonJson(c) << '\n';
        return;
    }
    std::vector<std::vector<std::string>> rows {{"", "run", "attention", "seed", "steps", "best", "val L1", "val SSIM",
        "G params", "step time", "step CPU", "peak RSS", "est. memory", "gamma"}};
    for (const auto &s : c.runs)
        rows.push_back({s.name == c.verdict.best ? "*" : "", s.name, s.attention, std::to_string(s.seed),
            std::to_string(s.lastStep) + "/" + std::to_string(s.steps),
            s.bestStep >= 0 ? std::to_string(s.bestStep) : "-", fixed(s.valL1), fixed(s.valSsim),
            si(static_cast<double>(s.generatorParams)),
            std::isfinite(s.stepSeconds) ? fixed(s.stepSeconds, 2) + " s" : "-",
            std::isfinite(s.stepCpuSeconds) ? fixed(s.stepCpuSeconds, 2) + " s" : "-", mib(s.peakRssBytes),
            mib(static_cast<double>(s.estimatedMemoryBytes)), gammas(s)});
    printTable(rows);
    printPlacements(c);
    for (const auto &s : c.runs)
        if (std::isfinite(s.baselineL1)) {
            std::cout << "baseline (the source glyph as the prediction): L1 " << fixed(s.baselineL1) << " SSIM "
                      << fixed(s.baselineSsim) << '\n';
            break;
        }
    for (const auto &s : c.runs)
        if (!s.note.empty())
            std::cout << s.name << ": " << s.note << '\n';
    std::cout << c.verdict.summary() << '\n';
    for (const auto &w : c.warnings)
        std::cout << "warning: " << w << '\n';
    if (!o.csv.empty())
        std::cout << "CSV: " << o.csv << '\n';
    if (!o.figure.empty())
        std::cout << "figure: " << o.figure << '\n';
    if (!o.save.empty())
        std::cout << "saved: " << o.save << " (read it back with: zistudio-cli compare --from " << o.save << ")\n";
}

void setupCompare(CLI::App &root)
{
    auto *cmd = root.add_subcommand(
        "compare", "Compare runs: validation scores, cost, step time, memory, gamma, and the margin vs the noise");
    auto o = std::make_shared<CompareCliOptions>();
    cmd->add_option("--project", o->project, "Project file");
    cmd->add_option("--runs", o->runs, "Runs to compare, separated by commas")->delimiter(',');
    cmd->add_option("--from", o->from,
        "Saved comparisons (--save) to read instead of a project: JSON files or folders of them; repeatable");
    cmd->add_option("--checkpoint", o->checkpoint, "Score each run by its best (default) or last validated checkpoint")
        ->check(CLI::IsMember({"best", "last"}));
    cmd->add_option("--save", o->save, "Also save the comparison, glyph grid included, as JSON that --from reads");
    cmd->add_flag("--json", o->json, "Print JSON");
    cmd->add_option("--csv", o->csv, "Also write the table as CSV to this file");
    cmd->add_option("--figure", o->figure, "Also write a PNG figure: validation curves and a glyph grid");
    cmd->add_option("--chars", o->chars, "Characters of the figure's glyph grid (default: 8 held-out ones)");
    cmd->add_option("--style", o->style, "Style id of the glyph grid (default: the first target)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--device", o->device, "cpu (default), auto, cuda or cuda:N");
    cmd->callback([o] { runCompare(*o); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("compare", setupCompare)

} // namespace zistudio::cli
