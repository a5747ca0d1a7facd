// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiments/comparison.h"

#include "common/atomicfile.h"
#include "data/dataset.h"
#include "experiments/experimentserror.h"
#include "experiments/runterms.h"
#include "experiments/study.h"
#include "experiments/sweep.h"
#include "inference/generator.h"
#include "model/costmodel.h"
#include "project/projectlayout.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace zistudio::experiments
{

namespace fs = std::filesystem;

namespace
{

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

project::Project runConfig(const project::ProjectLayout &layout, const project::RunRecord &record)
{
    const fs::path runFile = layout.runDir(record.name) / "run.json";
    try {
        const std::string text = fs::exists(runFile) ? readFile(runFile, 16 << 20) : record.configJson;
        return project::runConfigFromText(text, "run " + record.name);
    } catch (const std::exception &e) {
        throw ExperimentError("run \"" + record.name + "\": its configuration cannot be read: " + e.what());
    }
}

double metricOr(const std::map<std::string, double> &metrics, const char *name)
{
    const auto it = metrics.find(name);
    return it == metrics.end() ? kNaN : it->second;
}

} // namespace

RunSummary::RunSummary()
    : valL1(kNaN)
    , valSsim(kNaN)
    , baselineL1(kNaN)
    , baselineSsim(kNaN)
    , stepSeconds(kNaN)
    , stepCpuSeconds(kNaN)
    , peakRssBytes(kNaN)
{ }

double medianValue(const std::vector<project::MetricPoint> &points)
{
    if (points.empty())
        return kNaN;
    std::vector<double> values;
    for (const auto &p : points)
        values.push_back(p.value);
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double maxValue(const std::vector<project::MetricPoint> &points)
{
    double best = kNaN;
    for (const auto &p : points)
        if (std::isnan(best) || p.value > best)
            best = p.value;
    return best;
}

std::u32string defaultComparisonChars(const fs::path &projectFile, std::size_t count)
{
    const auto layout = project::ProjectLayout::of(projectFile);
    try {
        const auto dataset = data::Dataset::open(layout.datasetStore);
        const auto &chars = dataset.validationChars();
        return std::u32string(
            chars.begin(), chars.begin() + static_cast<std::ptrdiff_t>(std::min(count, chars.size())));
    } catch (const Error &e) {
        throw ExperimentError("no dataset to take characters from (" + std::string(e.what()) + "): name them");
    }
}

Comparison compareRuns(
    const fs::path &projectFile, const std::vector<std::string> &runNames, const CompareOptions &options)
{
    if (runNames.empty())
        throw ExperimentError("no runs to compare: name at least one");
    if (options.checkpoint != "best" && options.checkpoint != "last")
        throw ExperimentError("checkpoint \"" + options.checkpoint + "\": choose best or last");
    const bool last = options.checkpoint == "last";
    const auto layout = project::ProjectLayout::of(projectFile);
    if (!fs::exists(layout.file))
        throw ExperimentError("project file not found: " + layout.file.string());
    if (!fs::exists(layout.runStore))
        throw ExperimentError("no runs yet in " + layout.folder.string() + " (train some with: zistudio-cli sweep)");
    std::set<std::string> seen;
    for (const auto &name : runNames)
        if (!seen.insert(name).second)
            throw ExperimentError("run \"" + name + "\" is listed twice");

    project::RunStore store = project::openRunStore(layout);
    Comparison c;
    c.projectFile = projectFile;
    std::vector<project::Project> configs;
    for (const auto &name : runNames) {
        const auto record = store.run(name);
        if (!record)
            throw ExperimentError("no run named \"" + name + "\" in " + layout.folder.string());
        configs.push_back(runConfig(layout, *record));
        const auto &config = configs.back();
        RunSummary s;
        s.name = name;
        s.status = record->status;
        s.attention = config.model.attention.toString();
        s.seed = config.training.seed;
        s.steps = config.training.steps;
        s.lastStep = record->lastStep;
        s.batchSize = config.training.batchSize;
        s.scoredCheckpoint = options.checkpoint;
        s.configJson = project::projectToJson(config).dump();
        for (const auto &cp : store.checkpoints(name)) {
            // "last": the newest checkpoint that was validated (the list is by step).
            if (last ? !cp.metrics.count("val_l1") : !cp.isBest)
                continue;
            s.bestStep = cp.step;
            s.bestCheckpoint = cp.path;
            s.valL1 = metricOr(cp.metrics, "val_l1");
            s.valSsim = metricOr(cp.metrics, "val_ssim");
            s.baselineL1 = metricOr(cp.metrics, "baseline_l1");
            s.baselineSsim = metricOr(cp.metrics, "baseline_ssim");
        }
        if (s.bestStep < 0)
            s.note = "no validated checkpoint yet";
        const auto cost = model::estimateCost(
            config.model, config.training.batchSize, model::attentionMemoryOn(config.training.device));
        s.generatorParams = cost.generatorParams;
        s.attentionParams = cost.attentionParams;
        s.discriminatorParams = cost.discriminatorParams;
        s.stepFlops = cost.trainingStepFlops;
        s.estimatedMemoryBytes = cost.trainingMemoryBytes;
        s.stepSeconds = medianValue(store.metrics(name, kStepSecondsMetric));
        s.stepCpuSeconds = medianValue(store.metrics(name, training::kStepCpuSecondsMetric));
        s.peakRssBytes = maxValue(store.metrics(name, kRssMetric));
        s.valL1Curve = store.metrics(name, "val_l1");
        s.valSsimCurve = store.metrics(name, "val_ssim");
        if (configs.size() > 1) {
            s.termDifferences = termDifferences(configs.front(), config, {"model.attention", "training.seed"});
            if (!s.termDifferences.empty()) {
                std::string list;
                for (const auto &d : s.termDifferences)
                    list += (list.empty() ? "" : "; ") + d;
                c.warnings.push_back(name + " was not trained on the same terms as " + runNames.front() + " (" + list
                    + ", first vs this run)");
            }
        }
        c.runs.push_back(std::move(s));
    }

    finishComparison(c, configs.front().training.bestMetric);

    const bool wantGlyphs = !options.glyphChars.empty();
    if (wantGlyphs) {
        c.glyphs.chars.assign(options.glyphChars.begin(), options.glyphChars.end());
        c.glyphs.styleId = options.styleId >= 0 ? options.styleId : configs.front().dataset.targets.front().styleId;
        c.glyphs.rowLabels.push_back("source");
    }
    bool haveSource = false;
    std::vector<GrayImage> sourceRow, targetRow;
    for (std::size_t i = 0; i < c.runs.size(); ++i) {
        auto &s = c.runs[i];
        if (!options.loadCheckpoints && !wantGlyphs)
            break;
        std::vector<GrayImage> generated;
        if (s.bestStep >= 0) {
            try {
                inference::Generator generator(
                    projectFile, s.name, {last ? std::to_string(s.bestStep) : std::string("best")}, options.device);
                // A fallback to an older checkpoint is a term of the comparison the reader must see.
                if (!generator.skippedCheckpoints().empty())
                    for (const auto &line : generator.checkpointReport())
                        c.warnings.push_back(s.name + ": " + line);
                for (const auto &[site, gamma] : generator.attentionGammas())
                    s.gammas.push_back({model::toString(site), gamma});
                if (wantGlyphs) {
                    generated = generator.generate(options.glyphChars, inference::StyleMix::pure(c.glyphs.styleId), 16);
                    if (!haveSource) {
                        for (char32_t cp : options.glyphChars) {
                            sourceRow.push_back(generator.sourceGlyph(cp));
                            targetRow.push_back(generator.targetGlyph(cp, c.glyphs.styleId));
                        }
                        haveSource = true;
                    }
                }
            } catch (const Error &e) {
                s.note = std::string("cannot load the best checkpoint: ") + e.what();
            }
        }
        if (wantGlyphs) {
            generated.resize(options.glyphChars.size());
            c.glyphs.rowLabels.push_back(s.name);
            c.glyphs.rows.push_back(std::move(generated));
        }
    }
    if (wantGlyphs) {
        sourceRow.resize(options.glyphChars.size());
        targetRow.resize(options.glyphChars.size());
        c.glyphs.rows.insert(c.glyphs.rows.begin(), std::move(sourceRow));
        c.glyphs.rowLabels.push_back("target");
        c.glyphs.rows.push_back(std::move(targetRow));
    }
    return c;
}

} // namespace zistudio::experiments
