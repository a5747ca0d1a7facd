// SPDX-License-Identifier: GPL-3.0-or-later
// Generation throughput: glyphs/s of the generator in eval mode, batched, and its fraction of the
// machine's ceiling (the same convolution shapes alone, forward only), alternated in one run:
// each round runs [NoGradGuard forward with LibTorch's transposed convolution (before), the same
// with model::FastConvTranspose2d (what inference::Generator does now), InferenceMode forward, the
// ceiling]. First checks FastConvTranspose2d against LibTorch on every decoder shape (fails > 1e-4). Target
// (shared/BENCHMARKS.md): >= 70 % of the ceiling. Usage: bench_generate [--configs classic-256,attn-256,cpu-64]
// [--batch N] [--rounds R]
//                       [--threads T] [--wait-policy passive|active|default] [--json PATH]
#include "benchsupport.h"
#include "ceiling.h"
#include "waitpolicy.h"

#include "common/computedevice.h"
#include "model/costmodel.h"
#include "model/fastconvtranspose.h"
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

/** Largest |a - b| relative to the largest |b|. */
double relativeError(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>() / std::max(1e-30, b.abs().max().item<double>());
}

/**
 * FastConvTranspose2d against LibTorch's ConvTranspose2d on every decoder shape of a configuration:
 * output, input gradient and weight gradient. Returns the worst relative error.
 */
double checkConvTranspose(const model::ModelConfig &config, int batch)
{
    double worst = 0;
    for (const WorkItem &w : generatorWork(config, batch)) {
        if (w.kind != OpKind::ConvTranspose)
            continue;
        torch::manual_seed(3);
        const auto options
            = torch::nn::ConvTranspose2dOptions(w.weight[0], w.weight[1], 4).stride(2).padding(1).bias(false);
        model::FastConvTranspose2d fast(options);
        torch::nn::ConvTranspose2d native(options);
        {
            torch::NoGradGuard noGrad;
            native->weight.copy_(fast->weight);
        }
        const torch::Tensor x = torch::randn(w.input);
        const torch::Tensor xa = x.clone().set_requires_grad(true);
        const torch::Tensor xb = x.clone().set_requires_grad(true);
        const torch::Tensor ya = fast(xa);
        const torch::Tensor yb = native(xb);
        const torch::Tensor gy = torch::randn_like(yb);
        ya.backward(gy);
        yb.backward(gy);
        worst = std::max({worst, relativeError(ya, yb), relativeError(xa.grad(), xb.grad()),
            relativeError(fast->weight.grad(), native->weight.grad())});
    }
    return worst;
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
        std::printf("%-12s %5s %12s %12s %12s %12s %10s %10s %9s\n", "config", "batch", "LibTorch g/s", "no-grad g/s",
            "inference g/s", "ceiling g/s", "GFLOP/s", "ceil GF/s", "of ceil");
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

            const double error = checkConvTranspose(config, batch);
            if (!(error < 1e-4))
                throw std::runtime_error(name + ": the oneDNN transposed convolution differs from LibTorch's by "
                    + std::to_string(error) + " (relative)");
            const auto noGrad = [&] {
                torch::NoGradGuard guard;
                return generator->forward(x, ids).image;
            };
            const auto native = [&] {
                model::FastConvTranspose2dImpl::setEnabled(false);
                torch::NoGradGuard guard;
                torch::Tensor y = generator->forward(x, ids).image;
                model::FastConvTranspose2dImpl::setEnabled(true);
                return y;
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
            const double outputError = relativeError(noGrad(), native()); // also warms up
            inference();
            ceiling.measure();
            for (int r = 0; r < args.rounds; ++r) {
                seconds["native"].push_back(timed(native));
                seconds["no-grad"].push_back(timed(noGrad));
                seconds["inference"].push_back(timed(inference));
                seconds["ceiling"].push_back(ceiling.measure()["seconds"].get<double>());
            }
            const Stats a = stats(seconds["no-grad"]);
            const Stats b = stats(seconds["inference"]);
            const Stats c = stats(seconds["ceiling"]);
            const Stats n = stats(seconds["native"]);
            const double best = std::min(a.median, b.median);
            std::printf("%-12s %5d %12.1f %12.1f %12.1f %12.1f %10.1f %10.1f %8.0f%%\n", name.c_str(), batch,
                batch / n.median, batch / a.median, batch / b.median, batch / c.median, flops / best / 1e9,
                flops / c.median / 1e9, 100.0 * c.median / best);
            std::printf("%-12s oneDNN transposed conv vs LibTorch's: %.1e (layers, relative), %.1e (images)\n", "",
                error, outputError);
            results.push_back({{"config", name}, {"batch", batch}, {"image_size", config.imageSize},
                {"generator_flops_per_glyph", cost.generatorFlops}, {"libtorch_tconv_no_grad_seconds", n.json()},
                {"glyphs_per_second_libtorch_tconv", batch / n.median}, {"tconv_max_relative_error", error},
                {"output_relative_error", outputError}, {"no_grad_seconds", a.json()},
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
