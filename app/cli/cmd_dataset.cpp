// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli dataset build (--project P | --config dataset.json --store DIR) [--json]
// zistudio-cli dataset info (--project P | --store DIR) [--json]
#include "clicommand.h"
#include "clioutput.h"

#include "data/dataset.h"
#include "data/datasetspecjson.h"
#include "glyphs/utf8.h"
#include "project/project.h"
#include "project/projectlayout.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>

namespace zistudio::cli
{

namespace
{

/**
 * Where the dataset comes from: a project file (its dataset settings; the store is the project's
 * cache/dataset/ folder unless --store says otherwise) or a dataset config file with an explicit store.
 */
struct DatasetOptions
{
    std::string project;
    std::string config;
    std::string store;
    bool json = false;
};

/** The store folder the options name: --store when given, else the project's dataset cache. */
std::filesystem::path storeOf(const DatasetOptions &opts)
{
    if (!opts.store.empty())
        return opts.store;
    if (!opts.project.empty())
        return project::ProjectLayout::of(opts.project).datasetStore;
    throw std::runtime_error("choose the dataset with --project FILE or --store DIR");
}

data::DatasetSpec loadSpec(const DatasetOptions &opts)
{
    if (!opts.project.empty())
        return project::loadProject(opts.project).dataset;
    if (opts.config.empty())
        throw std::runtime_error("choose the dataset with --project FILE or --config FILE");
    if (opts.store.empty())
        throw std::runtime_error("a dataset config needs --store DIR (a project keeps its own)");
    return data::loadDatasetSpec(opts.config);
}

std::string sample(const std::vector<data::MissingChar> &missing, data::MissingReason reason, std::size_t max = 40)
{
    std::string out;
    std::size_t n = 0;
    for (const auto &m : missing)
        if (m.reason == reason && n++ < max)
            out += glyphs::encodeUtf8(m.cp);
    return n > max ? out + "... (" + std::to_string(n) + ")" : out;
}

void printMissing(const std::vector<data::MissingChar> &missing, const std::string &indent)
{
    for (auto reason : {data::MissingReason::NotInFont, data::MissingReason::EmptyOutline,
             data::MissingReason::Repeated, data::MissingReason::Damaged, data::MissingReason::NoImage}) {
        const std::string chars = sample(missing, reason);
        if (!chars.empty())
            std::cout << indent << "missing (" << data::missingReasonName(reason) << "): " << chars << '\n';
    }
}

void printReport(const data::Dataset &dataset)
{
    const data::DatasetReport &r = dataset.report();
    std::cout << "dataset " << dataset.storeDir().string() << ": " << r.imageSize << " px, " << r.placement << ", "
              << r.charsetSize << " characters\n";
    if (r.notCoveredByAll > 0)
        std::cout << "left out " << r.notCoveredByAll << " characters not covered by every chosen font\n";
    std::cout << "source " << r.sourcePath << ": " << r.sourceGlyphs << " glyphs, " << r.sourceMissing.size()
              << " missing, " << r.sourceRepeated << " repeated (tofu)\n";
    printMissing(r.sourceMissing, "  ");
    std::cout << "validation: " << r.validationChars << " characters held out, the same for every style\n";
    if (!r.pinnedMissing.empty()) {
        std::string pinned;
        for (const auto &c : r.pinnedMissing)
            pinned += c;
        std::cout << "  pinned but not drawable by the source: " << pinned << '\n';
    }
    std::vector<std::vector<std::string>> rows {
        {"style", "name", "kind", "pairs", "train", "validation", "missing", "repeated"}};
    for (const auto &s : r.styles)
        rows.push_back({std::to_string(s.styleId), s.name, s.kind, std::to_string(s.pairs), std::to_string(s.train),
            std::to_string(s.validation), std::to_string(s.missing.size()), std::to_string(s.repeated)});
    printTable(rows);
    for (const auto &s : r.styles) {
        if (s.missing.empty() && s.problems.empty())
            continue;
        std::cout << "style " << s.styleId << " (" << s.name << "):\n";
        printMissing(s.missing, "  ");
        for (const auto &p : s.problems)
            std::cout << "  problem: " << p << '\n';
    }
    std::cout << "total: " << r.trainPairs << " training pairs, " << r.validationPairs << " validation pairs, "
              << r.images << " images\n";
}

void printJson(const data::Dataset &dataset, bool reused)
{
    nlohmann::ordered_json out {
        {"store", dataset.storeDir().string()}, {"contentHash", dataset.contentHashValue()}, {"reused", reused}};
    out["report"] = data::datasetReportToJson(dataset.report());
    std::cout << out.dump(2) << '\n';
}

void runBuild(const DatasetOptions &opts)
{
    const data::DatasetSpec spec = loadSpec(opts);
    installInterruptHandler();
    std::atomic<bool> cancel {false};
    ProgressLine progress(ProgressLine::Log::Deciles);
    bool showed = false;
    const data::Dataset dataset = data::Dataset::build(
        spec, storeOf(opts),
        [&](int done, int total) {
            cancel = interruptRequested();
            if (opts.json)
                return;
            progress.update(total > 0 ? static_cast<double>(done) / total : 1.0,
                "rendering " + std::to_string(done) + "/" + std::to_string(total));
            showed = true;
        },
        &cancel);
    if (showed)
        progress.finish();
    if (opts.json) {
        printJson(dataset, dataset.reusedStore());
        return;
    }
    std::cout << (dataset.reusedStore() ? "up to date (fonts and settings unchanged): " : "built: ")
              << dataset.storeDir().string() << '\n';
    printReport(dataset);
}

void runInfo(const DatasetOptions &opts)
{
    const data::Dataset dataset = data::Dataset::open(storeOf(opts));
    if (opts.json)
        printJson(dataset, true);
    else
        printReport(dataset);
}

void setupDataset(CLI::App &root)
{
    auto *cmd = root.add_subcommand("dataset", "Build and inspect glyph-pair datasets");
    cmd->require_subcommand(1);

    auto build = std::make_shared<DatasetOptions>();
    auto *b = cmd->add_subcommand("build", "Render the source/target pairs of a dataset (reuses an unchanged store)");
    auto *bp = b->add_option("--project", build->project, "Project file: its dataset, stored in its cache/dataset/");
    auto *bc = b->add_option("--config", build->config, "Dataset config (JSON; relative paths are relative to it)");
    bp->excludes(bc);
    b->add_option("--store", build->store, "Dataset store folder (created when missing; required with --config)");
    b->add_flag("--json", build->json, "Print the report as JSON");
    b->callback([build] { runBuild(*build); });

    auto info = std::make_shared<DatasetOptions>();
    auto *i = cmd->add_subcommand("info", "Counts, held-out characters and missing glyphs of a built dataset");
    auto *ip = i->add_option("--project", info->project, "Project file: its dataset in its cache/dataset/");
    i->add_option("--store", info->store, "Dataset store folder")->excludes(ip);
    i->add_flag("--json", info->json, "Print the report as JSON");
    i->callback([info] { runInfo(*info); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("dataset", setupDataset)

} // namespace zistudio::cli
