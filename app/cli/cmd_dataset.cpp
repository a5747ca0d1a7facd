// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli dataset build --config dataset.json --store DIR | dataset info --store DIR [--json]
#include "clicommand.h"
#include "clioutput.h"

#include "data/dataset.h"
#include "data/datasetspecjson.h"
#include "glyphs/utf8.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <unistd.h>

namespace zistudio::cli
{

namespace
{

/** Where the spec comes from: a dataset config file now; a project file (--project) is the next source. */
struct SpecSource
{
    std::string config;
};

struct DatasetOptions
{
    SpecSource source;
    std::string store;
    bool json = false;
};

data::DatasetSpec loadSpec(const SpecSource &source)
{
    if (source.config.empty())
        throw std::runtime_error("choose the dataset with --config FILE");
    return data::loadDatasetSpec(source.config);
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
    const data::DatasetSpec spec = loadSpec(opts.source);
    installInterruptHandler();
    std::atomic<bool> cancel {false};
    ProgressLine progress;
    bool showed = false;
    int lastPercent = -1;
    // A terminal redraws one line; a log gets a line per step, so fewer of them.
    const int step = ::isatty(STDOUT_FILENO) == 1 ? 1 : 10;
    const data::Dataset dataset = data::Dataset::build(
        spec, opts.store,
        [&](int done, int total) {
            cancel = interruptRequested();
            const int percent = (total > 0 ? static_cast<int>(100LL * done / total) : 100) / step * step;
            if (!opts.json && percent != lastPercent) {
                lastPercent = percent;
                progress.update(total > 0 ? static_cast<double>(done) / total : 1.0,
                    "rendering " + std::to_string(done) + "/" + std::to_string(total));
                showed = true;
            }
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
    const data::Dataset dataset = data::Dataset::open(opts.store);
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
    b->add_option("--config", build->source.config, "Dataset config (JSON; relative paths are relative to it)")
        ->required();
    b->add_option("--store", build->store, "Dataset store folder (created when missing)")->required();
    b->add_flag("--json", build->json, "Print the report as JSON");
    b->callback([build] { runBuild(*build); });

    auto info = std::make_shared<DatasetOptions>();
    auto *i = cmd->add_subcommand("info", "Counts, held-out characters and missing glyphs of a built dataset");
    i->add_option("--store", info->store, "Dataset store folder")->required();
    i->add_flag("--json", info->json, "Print the report as JSON");
    i->callback([info] { runInfo(*info); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("dataset", setupDataset)

} // namespace zistudio::cli
