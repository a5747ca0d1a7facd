// SPDX-License-Identifier: GPL-3.0-or-later
// Latency of one click in the studio's Attention view: a cpu-64 model (64 px, ngf 32) with
// self-attention is trained for one step so that a real checkpoint exists, loaded once into an
// inference::Generator (as the view's worker thread keeps it), and then each click is what the worker
// and the view do for it: one probe (a forward pass capturing every attention matrix, the clicked
// point's rows and the stroke mean) and the heatmap overlay of every layer (small maps, the large one).
// The first click on a new glyph also generates it (one more forward pass). The clicks run on a worker
// thread, as in the studio. Target (issue 7): a click within 100 ms on this CPU. Usage: bench_probe [--attention
// "enc:2,enc:3;enc:1,dec:1"] [--clicks N]
//                    [--threads T] [--wait-policy passive|active|default] [--json PATH]
#include "benchsupport.h"
#include "waitpolicy.h"

#include "common/computedevice.h"
#include "common/heatmap.h"
#include "inference/generator.h"
#include "project/project.h"
#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <exception>
#include <iostream>
#include <random>
#include <thread>

using namespace zistudio;
using namespace zistudio::bench;
namespace fs = std::filesystem;

namespace
{

constexpr const char *kSourceFont = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
constexpr const char *kTargetFont = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";
constexpr const char *kChars = "永和九年岁在癸丑暮春之初会于稽山阴兰亭修禊事也群贤毕至少长咸集此地有崇峻岭茂林";
/** The target for one click. */
constexpr double kTargetMs = 100.0;

struct Args
{
    std::vector<std::string> attention {"enc:2,enc:3", "enc:1,dec:1", "enc:1,enc:2,enc:3,dec:1,dec:2,dec:3"};
    int clicks = 60;
    int threads = 0;
    std::string json = (sourceDir() / "bench/results/probe.json").string();
};

Args parseArgs(int argc, char **argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--attention")
            a.attention = splitList(v, ';');
        else if (k == "--clicks")
            a.clicks = std::max(5, std::stoi(v));
        else if (k == "--threads")
            a.threads = std::stoi(v);
        else if (k == "--wait-policy")
            continue; // applied by applyWaitPolicy
        else if (k == "--json")
            a.json = v;
        else
            throw std::runtime_error("unknown option " + k);
    }
    return a;
}

/** A temporary project folder, removed at the end. */
struct TempFolder
{
    fs::path path;
    TempFolder()
    {
        std::string name = (fs::temp_directory_path() / "zistudio-bench-probe-XXXXXX").string();
        if (!::mkdtemp(name.data()))
            throw std::runtime_error("cannot create a temporary folder");
        path = name;
    }
    ~TempFolder()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

/** A cpu-64 project with `attention`, trained for one step so that it has a checkpoint. */
fs::path trainedProject(const fs::path &folder, const std::string &attention)
{
    for (const char *font : {kSourceFont, kTargetFont})
        if (!fs::exists(font))
            throw std::runtime_error(std::string("missing font ") + font + " (scripts/setup-deps installs it)");
    auto p = project::defaultProject("bench-probe");
    p.dataset.source = {kSourceFont, 0};
    p.dataset.targets
        = {{.kind = data::TargetSpec::Kind::Font, .path = kTargetFont, .face = 0, .styleId = 0, .name = "Kai"}};
    p.dataset.charset = {.builtin = "", .file = "", .text = kChars, .limit = 0, .coveredByAll = false};
    p.dataset.imageSize = 64;
    p.model = model::cpu64();
    p.model.attention = model::AttentionSpec::parse(attention);
    p.training.steps = 1;
    p.training.batchSize = 4;
    p.training.validateEvery = 1;
    p.training.checkpointEvery = 1;
    p.training.device = "cpu";
    p.training.loaderThreads = 1;
    const fs::path file = folder / "bench.zistudio";
    project::saveProject(p, file);
    workflow::RunRequest request;
    request.projectFile = file;
    request.runName = "r";
    training::Trainer trainer(workflow::preparation(request));
    std::atomic<bool> cancel {false};
    const auto result = trainer.run([](const training::ProgressRecord &) {}, cancel);
    if (result.outcome != training::RunOutcome::Completed)
        throw std::runtime_error("training the benchmark model failed: " + result.message);
    return file;
}

double percentile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
    return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

double msSince(Clock::time_point start)
{
    return secondsSince(start) * 1000.0;
}

} // namespace

int main(int argc, char **argv)
{
    applyWaitPolicy(argc, argv);
    try {
        const Args args = parseArgs(argc, argv);
        configureComputeThreads(args.threads);
        const auto device = describeComputeDevice("cpu");
        std::printf("attention probe: one click = probe (forward + attention rows + stroke mean) + every heatmap\n");
        std::printf("cpu-64 (64 px, ngf 32), %d clicks per placement, %s\n", args.clicks, device.description().c_str());
        std::printf("%s, load average %.2f\n\n", cpuModel().c_str(), loadAverage());
        std::printf("%-34s %7s %9s %10s %9s %9s %9s %9s %7s\n", "attention", "layers", "load ms", "1st click", "median",
            "p95", "probe", "render", "target");
        nlohmann::json results = nlohmann::json::array();
        for (const std::string &attention : args.attention) {
            TempFolder folder;
            const fs::path project = trainedProject(folder.path, attention);
            // Like the studio: the generator lives on a worker thread (its own OpenMP team), not main().
            std::exception_ptr failure;
            std::thread worker([&] {
                try {
                    auto start = Clock::now();
                    inference::Generator generator(project, "r", {"last"}, "cpu");
                    const double loadMs = msSince(start);
                    const auto style = inference::StyleMix::pure(0);
                    const char32_t character = U'永';

                    // The first click on a glyph: render the source, generate it once, probe.
                    start = Clock::now();
                    const GrayImage generated = generator.generate(std::u32string(1, character), style, 1).front();
                    auto layers = generator.probe(character, style, {{0.5F, 0.5F}}, true);
                    const double firstMs = msSince(start);

                    std::mt19937 random(7);
                    std::uniform_real_distribution<float> unit(0.0F, 1.0F);
                    std::vector<double> total, probeOnly, renderOnly;
                    std::size_t checksum = 0;
                    for (int i = 0; i < args.clicks; ++i) {
                        const std::pair<float, float> point {unit(random), unit(random)};
                        start = Clock::now();
                        layers = generator.probe(character, style, {point}, true);
                        const double probed = msSince(start);
                        const auto renderStart = Clock::now();
                        for (const auto &layer : layers) {
                            checksum += renderHeatmapOverlay(generated, layer.rows.front(), 0.6F).pixels.size();
                            if (!layer.maskMean.values.empty())
                                checksum += renderHeatmapOverlay(generated, layer.maskMean, 0.6F).pixels.size();
                        }
                        checksum += renderHeatmapOverlay(generated, layers.front().rows.front(), 0.6F).pixels.size();
                        renderOnly.push_back(msSince(renderStart));
                        probeOnly.push_back(probed);
                        total.push_back(msSince(start));
                    }
                    const double median = stats(total).median;
                    const double p95 = percentile(total, 0.95);
                    std::printf("%-34s %7zu %9.0f %10.1f %9.1f %9.1f %9.1f %9.2f %7s\n", attention.c_str(),
                        layers.size(), loadMs, firstMs, median, p95, stats(probeOnly).median, stats(renderOnly).median,
                        p95 <= kTargetMs ? "met" : "MISSED");
                    nlohmann::json sizes = nlohmann::json::array();
                    for (const auto &layer : layers)
                        sizes.push_back(model::toString(layer.site) + " " + std::to_string(layer.width) + "x"
                            + std::to_string(layer.height));
                    results.push_back({{"attention", attention}, {"layers", sizes}, {"load_ms", loadMs},
                        {"first_click_ms", firstMs}, {"click_ms", stats(total).json()}, {"click_p95_ms", p95},
                        {"probe_ms", stats(probeOnly).json()}, {"render_ms", stats(renderOnly).json()},
                        {"target_ms", kTargetMs}, {"met", p95 <= kTargetMs}, {"checksum", checksum}});
                } catch (...) {
                    failure = std::current_exception();
                }
            });
            worker.join();
            if (failure)
                std::rethrow_exception(failure);
        }
        const nlohmann::json out {{"benchmark", "probe"}, {"machine", machineJson()}, {"model", "cpu-64"},
            {"clicks", args.clicks}, {"device", device.description()}, {"results", results}};
        std::printf("\n");
        writeJson(args.json, out);
        return 0;
    } catch (const std::exception &e) {
        std::cerr << "bench_probe: error: " << e.what() << "\n";
        return 1;
    }
}
