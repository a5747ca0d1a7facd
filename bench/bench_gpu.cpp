// SPDX-License-Identifier: GPL-3.0-or-later
// The GPU benchmark (scripts/gpu-check runs it on the device machine): ZiStudio's training step (the
// Trainer's TrainingSession on a real dataset rendered from Debian's fonts) beside the published zi2zi
// PyTorch step (bench/peer_zi2zi_step.py under that machine's PyTorch), alternated round by round in one
// run, for classic-256 and attn-256 at batch 16 and 64, fp32 (TF32) and bf16: step time, img/s, peak GPU
// memory, achieved TFLOP/s (cost-model FLOPs of ZiStudio's step credited to every contender) and the share of
// the GPU's bf16 peak. Then generation of every GB2312 glyph at 256 px through inference::Generator (the
// product's path: rasterize the sources, run the network, 8-bit images). Writes bench/results/gpu.json.
// Targets (BENCHMARKS.md, issue 16): classic-256 bf16 step <= 0.8 x the peer's eager step; 6,763 glyphs < 30 s.
// Usage: bench_gpu [--device cuda|cpu] [--configs classic-256,attn-256] [--batches 16,64]
//                  [--precisions fp32,bf16] [--rounds R] [--steps K] [--warmup W] [--peer yes|no]
//                  [--generate N|0] [--peak-tflops T] [--python PY] [--json PATH]
// --device cpu with small settings checks the benchmark itself on a machine without a GPU.
#include "benchsupport.h"
#include "stepworker.h"

#include "glyphs/charsets.h"
#include "inference/generator.h"
#include "model/costmodel.h"
#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <cstdio>
#include <iostream>

using namespace zistudio;
using namespace zistudio::bench;
namespace fs = std::filesystem;

namespace
{

/** Dense bf16 tensor-core peak of an H200 SXM (the device machine), TFLOP/s; --peak-tflops for others. */
constexpr double kH200Bf16PeakTflops = 989.0;

struct Args
{
    std::string device = "cuda";
    std::vector<std::string> configs {"classic-256", "attn-256"};
    std::vector<int> batches {16, 64};
    std::vector<std::string> precisions {"fp32", "bf16"};
    int rounds = 3;
    int steps = 10; ///< timed steps per round and contender
    int warmup = 5;
    bool peer = true;
    int generate = 6763; ///< glyphs to generate (GB2312 in order); 0 = skip
    double peakTflops = kH200Bf16PeakTflops;
    std::string python = "python3"; ///< the machine's PyTorch (not Debian's 1.13: this peer runs on the GPU)
    std::string json = (sourceDir() / "bench/results/gpu.json").string();
};

Args parseArgs(int argc, char **argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--device")
            a.device = v;
        else if (k == "--configs")
            a.configs = splitList(v);
        else if (k == "--batches") {
            a.batches.clear();
            for (const auto &b : splitList(v))
                a.batches.push_back(std::stoi(b));
        } else if (k == "--precisions")
            a.precisions = splitList(v);
        else if (k == "--rounds")
            a.rounds = std::max(1, std::stoi(v));
        else if (k == "--steps")
            a.steps = std::max(1, std::stoi(v));
        else if (k == "--warmup")
            a.warmup = std::max(0, std::stoi(v));
        else if (k == "--peer")
            a.peer = v == "yes" || v == "1";
        else if (k == "--generate")
            a.generate = std::max(0, std::stoi(v));
        else if (k == "--peak-tflops")
            a.peakTflops = std::stod(v);
        else if (k == "--python")
            a.python = v;
        else if (k == "--json")
            a.json = v;
        else
            throw std::runtime_error("unknown option " + k);
    }
    return a;
}

std::string mib(double bytes)
{
    return std::to_string(static_cast<long long>(bytes / (1 << 20) + 0.5)) + " MiB";
}

/** The training project of one measurement: benchProject (Song -> Kai, UKai, UMing) on `device`. */
project::Project gpuProject(const Args &args, const std::string &config, int batch, const std::string &precision)
{
    project::Project p = benchProject(namedConfig(config), batch, 0);
    p.training.device = args.device;
    p.training.precision = precision;
    p.training.deterministic = false; // cuDNN picks its fastest kernels, as a real GPU run does
    p.dataset.charset.limit = std::max(64, 2 * batch);
    // Song -> Kai only: the GB fonts are all scripts/gpu-check carries (the style count costs a step nothing).
    p.dataset.targets.resize(1);
    return p;
}

nlohmann::json measureStep(const Args &args, const std::string &config, int batch, const std::string &precision)
{
    const project::Project p = gpuProject(args, config, batch, precision);
    const double flops = model::estimateCost(p.model, batch).trainingStepFlops;
    const fs::path store = fs::temp_directory_path() / ("zistudio-bench-gpu-" + std::to_string(::getpid()));
    const data::Dataset dataset = data::Dataset::build(p.dataset, store);
    const int device = 0;
    resetPeakDeviceMemory(device);
    training::TrainingSession ours(p, dataset);
    ours.initialize();

    std::unique_ptr<Worker> peer;
    std::string peerError;
    if (args.peer) {
        try {
            peer = std::make_unique<Worker>("pytorch zi2zi step",
                std::vector<std::string> {args.python, (sourceDir() / "bench/peer_zi2zi_step.py").string(), "--serve",
                    "--warmup", "0", "--config", config, "--batch", std::to_string(batch), "--device", args.device,
                    "--precision", precision});
        } catch (const std::exception &e) {
            peerError = e.what();
        }
    }
    const auto oursSteps = [&](int n, std::vector<double> *times) {
        for (int i = 0; i < n; ++i) {
            const auto start = Clock::now();
            const training::StepResult r = ours.step(); // reads the losses back: the GPU has finished
            if (times)
                times->push_back(secondsSince(start));
            if (!r.finite)
                throw std::runtime_error("a non-finite loss in ZiStudio's step");
        }
    };
    std::vector<double> oursTimes, peerTimes;
    oursSteps(args.warmup, nullptr);
    if (peer)
        peer->request("steps " + std::to_string(args.warmup));
    for (int r = 0; r < args.rounds; ++r) {
        const bool peerFirst = r % 2 == 1;
        std::vector<double> cpu; // the peer's CPU seconds: not reported on a GPU
        if (peer && peerFirst)
            collectTimes(peer->request("steps " + std::to_string(args.steps)), peerTimes, cpu);
        oursSteps(args.steps, &oursTimes);
        if (peer && !peerFirst)
            collectTimes(peer->request("steps " + std::to_string(args.steps)), peerTimes, cpu);
    }
    const double oursMemory = ours.deviceMemoryPeak();
    const double peerMemory = peer ? peer->request("rss").value("peak_gpu_bytes", 0.0) : 0.0;
    std::error_code ec;
    fs::remove_all(store, ec);

    const Stats o = stats(oursTimes);
    const Stats q = stats(peerTimes);
    const auto row = [&](const char *label, const Stats &s, double memory) {
        const double tflops = flops / s.median / 1e12;
        std::printf("  %-20s %-5s b%-3d %8.4f s %8.4f-%-8.4f %8.0f img/s %9s %7.1f TFLOP/s %5.1f %% of peak\n", label,
            precision.c_str(), batch, s.median, s.min, s.max, batch / s.median, mib(memory).c_str(), tflops,
            100.0 * tflops / args.peakTflops);
        return nlohmann::json {{"contender", label}, {"step_seconds", s.json()},
            {"images_per_second", batch / s.median}, {"peak_device_bytes", memory}, {"achieved_tflops", tflops},
            {"fraction_of_bf16_peak", tflops / args.peakTflops}};
    };
    nlohmann::json rows = nlohmann::json::array();
    rows.push_back(row("zistudio", o, oursMemory));
    if (q.n > 0) {
        rows.push_back(row("pytorch zi2zi step", q, peerMemory));
        std::printf(
            "  %-20s ratio ZiStudio / peer: %.2f (target <= 0.8 for classic-256 bf16)\n", "", o.median / q.median);
    } else if (args.peer) {
        std::printf("  pytorch zi2zi step failed: %s\n", peerError.c_str());
    }
    return {{"config", config}, {"batch", batch}, {"precision", precision}, {"step_flops", flops}, {"contenders", rows},
        {"zistudio_time_ratio", q.n > 0 ? o.median / q.median : 0.0}, {"peer_error", peerError}};
}

/** Every GB2312 glyph (or the first `count`) at 256 px from a one-step run, through inference::Generator. */
nlohmann::json measureGeneration(const Args &args)
{
    const fs::path dir = fs::temp_directory_path() / ("zistudio-bench-gen-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    project::Project p = gpuProject(args, "classic-256", 16, "auto");
    p.training.steps = 1;
    p.training.validateEvery = 1000;
    p.training.checkpointEvery = 1;
    const fs::path file = dir / "gen.zistudio";
    project::saveProject(p, file);
    training::Trainer trainer(workflow::preparation({.projectFile = file, .runName = "gen"}));
    std::atomic<bool> cancel {false};
    const auto trained = trainer.run([](const training::ProgressRecord &) {}, cancel);
    if (trained.outcome != training::RunOutcome::Completed)
        throw std::runtime_error("the generation run did not train: " + trained.message);

    const auto all = glyphs::builtinCharset("gb2312");
    const std::u32string chars(all.begin(), all.begin() + std::min<std::size_t>(all.size(), args.generate));
    inference::Generator generator(file, "gen", {"last"}, args.device);
    generator.generate(chars.substr(0, std::min<std::size_t>(chars.size(), 64)), inference::StyleMix::pure(0), 64);
    nlohmann::json rows = nlohmann::json::array();
    for (const int batch : {64, 256}) {
        const auto start = Clock::now();
        const auto images = generator.generate(chars, inference::StyleMix::pure(0), batch);
        const double seconds = secondsSince(start);
        long long made = 0;
        for (const auto &image : images)
            made += image.isNull() ? 0 : 1;
        std::printf("  generation: %lld of %zu GB2312 glyphs at 256 px, batch %d: %.2f s, %.0f glyphs/s (goal < 30 s "
                    "for 6,763)\n",
            made, chars.size(), batch, seconds, static_cast<double>(made) / seconds);
        rows.push_back({{"batch", batch}, {"glyphs", made}, {"seconds", seconds},
            {"glyphs_per_second", static_cast<double>(made) / seconds}});
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return {{"device", generator.deviceDescription()}, {"runs", rows}};
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const Args args = parseArgs(argc, argv);
        configureComputeThreads(0);
        const ComputeDeviceInfo dev = describeComputeDevice(args.device);
        std::printf("GPU benchmark: %s; LibTorch %s; %d rounds of %d steps after %d warm-up steps\n",
            dev.description().c_str(), dev.libtorchDescription().c_str(), args.rounds, args.steps, args.warmup);
        std::printf("  %-20s %-5s %-4s %10s %17s %14s %9s %15s %s\n", "contender", "prec", "batch", "step", "min-max",
            "throughput", "GPU mem", "achieved", "share of bf16 peak");
        nlohmann::json steps = nlohmann::json::array();
        for (const auto &config : args.configs) {
            std::printf("%s (%.1f GFLOP per image per step, cost model)\n", config.c_str(),
                model::estimateCost(namedConfig(config), 1).trainingStepFlops / 1e9);
            for (const int batch : args.batches)
                for (const auto &precision : args.precisions) {
                    try {
                        steps.push_back(measureStep(args, config, batch, precision));
                    } catch (const std::exception &e) {
                        std::printf("  %s b%d %s failed: %s\n", config.c_str(), batch, precision.c_str(), e.what());
                        steps.push_back(
                            {{"config", config}, {"batch", batch}, {"precision", precision}, {"error", e.what()}});
                    }
                }
        }
        nlohmann::json generation;
        if (args.generate > 0)
            generation = measureGeneration(args);
        writeJson(args.json,
            {{"benchmark", "gpu"}, {"machine", machineJson()}, {"device", dev.description()},
                {"libtorch", dev.libtorchDescription()}, {"peak_bf16_tflops", args.peakTflops}, {"rounds", args.rounds},
                {"steps_per_round", args.steps}, {"warmup_steps", args.warmup}, {"training", steps},
                {"generation", generation}});
        return 0;
    } catch (const std::exception &e) {
        std::cerr << "bench_gpu: error: " << e.what() << "\n";
        return 1;
    }
}
