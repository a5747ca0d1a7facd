// SPDX-License-Identifier: GPL-3.0-or-later
// Generation throughput: glyphs/s of the generator in eval mode, batched, and its fraction of the
// machine's ceiling (the same convolution shapes alone, forward only), alternated in one run:
// each round runs [NoGradGuard forward (what inference::Generator does), InferenceMode forward,
// the ceiling]. Target (shared/BENCHMARKS.md): >= 70 % of the ceiling.
// Usage: bench_generate [--configs classic-256,attn-256,cpu-64] [--batch N] [--rounds R]
//                       [--threads T] [--wait-policy passive|active|default] [--json PATH]
#include "benchsupport.h"
#include "ceiling.h"
#include "waitpolicy.h"

#include "common/computedevice.h"
#include "model/costmodel.h"
#include "model/unetgenerator.h"

#include <cstdio>
#include <iostream>
#include <map>

using namespace zistudio;
using namespace zistudio::bench;

namespace
{

struct Args
{
    std::vector<std::string> configs {"classic-256", "attn-256", "cpu-64"};
    int batch = 0; ///< 0: 16 at 256 px, 64 at 64 px
    int rounds = 3;
    int threads = 0;
    std::string waitPolicy = "passive";
    std::string json = (sourceDir() / "bench/results/generate.json").string();
};

Args parseArgs(int argc, char **argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--configs")
            a.configs = splitList(v);
        else if (k == "--batch")
            a.batch = std::stoi(v);
        else if (k == "--rounds")
            a.rounds = std::max(1, std::stoi(v));
        else if (k == "--threads")
            a.threads = std::stoi(v);
        else if (k == "--wait-policy")
            a.waitPolicy = v;
        else if (k == "--json")
            a.json = v;
        else
            throw std::runtime_error("unknown option " + k);
    }
    return a;
}

model::ModelConfig namedConfig(const std::string &name)
{
    if (name == "classic-256")
        return model::classic256();
    if (name == "attn-256")
        return model::attn256();
    if (name == "cpu-64")
        return model::cpu64();
    throw std::runtime_error("unknown configuration " + name + " (classic-256, attn-256, cpu-64)");
}

/** Glyph-like inputs: smooth random blobs thresholded to ink (+1) on paper (-1). */
torch::Tensor glyphBatch(int64_t batch, int64_t size)
{
    torch::manual_seed(7);
    const auto low = torch::rand({batch, 1, 8, 8});
    const auto maps = torch::nn::functional::interpolate(low,
        torch::nn::functional::InterpolateFuncOptions()
            .size(std::vector<int64_t> {size, size})
            .mode(torch::kBilinear)
            .align_corners(false));
    return torch::where(maps > 0.6, torch::ones_like(maps), -torch::ones_like(maps));
}

} // namespace

int main(int argc, char **argv)
{
    applyWaitPolicy(argc, argv);
    try {
        const Args args = parseArgs(argc, argv);
        configureComputeThreads(args.threads);
        nlohmann::json results = nlohmann::json::array();
        std::printf("generation: eval mode, batched; ceiling = the generator's counted ops alone, forward only\n");
        std::printf("threads %d, OMP_WAIT_POLICY %s, %s\n\n", torch::get_num_threads(), waitPolicyName().c_str(),
            cpuModel().c_str());
        std::printf("%-12s %5s %12s %12s %12s %10s %10s %9s\n", "config", "batch", "no-grad g/s", "inference g/s",
            "ceiling g/s", "GFLOP/s", "ceil GF/s", "of ceil");
        for (const std::string &name : args.configs) {
            const model::ModelConfig config = namedConfig(name);
            const int batch = args.batch > 0 ? args.batch : (config.imageSize >= 256 ? 16 : 64);
            const model::CostReport cost = model::estimateCost(config, batch);
            const double flops = cost.generatorFlops * batch;
            model::UNetGenerator generator(config);
            generator->eval();
            const torch::Tensor x = glyphBatch(batch, config.imageSize);
            const torch::Tensor ids = torch::arange(batch, torch::kLong) % 4;
            WorkRunner ceiling(generatorWork(config, batch), false);

            const auto noGrad = [&] {
                torch::NoGradGuard guard;
                return generator->forward(x, ids).image;
            };
            const auto inference = [&] {
                c10::InferenceMode guard;
                return generator->forward(x, ids).image;
            };
            std::map<std::string, std::vector<double>> seconds;
            const auto timed = [](const auto &fn) {
                const auto start = Clock::now();
                fn();
                return secondsSince(start);
            };
            noGrad(); // warm up: allocator, oneDNN primitives
            inference();
            ceiling.measure();
            for (int r = 0; r < args.rounds; ++r) {
                seconds["no-grad"].push_back(timed(noGrad));
                seconds["inference"].push_back(timed(inference));
                seconds["ceiling"].push_back(ceiling.measure()["seconds"].get<double>());
            }
            const Stats a = stats(seconds["no-grad"]);
            const Stats b = stats(seconds["inference"]);
            const Stats c = stats(seconds["ceiling"]);
            const double best = std::min(a.median, b.median);
            std::printf("%-12s %5d %12.1f %12.1f %12.1f %10.1f %10.1f %8.0f%%\n", name.c_str(), batch, batch / a.median,
                batch / b.median, batch / c.median, flops / best / 1e9, flops / c.median / 1e9,
                100.0 * c.median / best);
            results.push_back({{"config", name}, {"batch", batch}, {"image_size", config.imageSize},
                {"generator_flops_per_glyph", cost.generatorFlops}, {"no_grad_seconds", a.json()},
                {"inference_mode_seconds", b.json()}, {"ceiling_seconds", c.json()},
                {"glyphs_per_second_no_grad", batch / a.median}, {"glyphs_per_second_inference", batch / b.median},
                {"achieved_gflops", flops / best / 1e9}, {"ceiling_gflops", flops / c.median / 1e9},
                {"fraction_of_ceiling", c.median / best}});
        }
        nlohmann::json out {{"benchmark", "generate"}, {"machine", machineJson()}, {"rounds", args.rounds},
            {"threads", torch::get_num_threads()}, {"results", results}};
        writeJson(args.json, out);
        return 0;
    } catch (const std::exception &e) {
        std::cerr << "bench_generate: error: " << e.what() << "\n";
        return 1;
    }
}
