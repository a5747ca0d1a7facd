// SPDX-License-Identifier: GPL-3.0-or-later
// Training step: ZiStudio's step (the Trainer's TrainingSession, loader included) against the
// published zi2zi PyTorch step and the same-algorithm PyTorch step (bench/peer_*.py on the mirrored
// networks, Debian's python3-torch = the same LibTorch), and the machine's ceiling (the step's
// counted convolutions and attention products alone, forward + backward), all in one run: every
// contender is a worker process, and each round runs every one in turn (starting with a different
// one each round). Prints medians, spreads, ratios, FLOPs per step (cost model), achieved GFLOP/s,
// the fraction of the ceiling and peak RSS; writes bench/results/train_step.json.
// Targets (shared/BENCHMARKS.md): classic-256 and attn-256 at <= 0.8 x the published step and
// <= 1.0 x the same-algorithm step; >= 70 % of the ceiling; peak RSS <= the peer's.
// Usage: bench_train_step [--configs classic-256,attn-256,cpu-64] [--rounds R] [--steps K]
//                         [--warmup W] [--threads T] [--peers zi2zi,same|none] [--ablation yes]
//                         [--baseline-exe OTHER_BUILD/bench_train_step]
//                         [--wait-policy passive|active|default] [--json PATH]
//                         [--placements "none;enc:3;enc:4;dec:3"]   (attention overhead: ours only, one
//                          contender per placement, each step time relative to the first placement's)
//                         [--matrix-attention yes]  (each contender of ours also with the whole-matrix
//                          attention path instead of the blocked CPU kernel: the kernel's A/B)
#include "benchsupport.h"
#include "stepworker.h"
#include "waitpolicy.h"

#include "model/costmodel.h"

#include <cstdio>
#include <iostream>

using namespace zistudio;
using namespace zistudio::bench;

namespace
{

struct Args
{
    std::vector<std::string> configs {"classic-256", "attn-256", "cpu-64"};
    int rounds = 3;
    int steps = 0; ///< per round and contender; 0: 1 at 256 px, 3 at 64 px
    int warmup = 1;
    int threads = 0;
    std::vector<std::string> peers {"zi2zi", "same"};
    bool ablation = false;        ///< also ours with LibTorch's transposed convolution
    bool matrixAttention = false; ///< also ours with the whole-matrix attention path
    std::string baselineExe;      ///< also ours from another build of this benchmark (e.g. the previous commit)
    std::string json = (sourceDir() / "bench/results/train_step.json").string();
    std::vector<std::string> placements; ///< attention overhead mode: ours with each placement, no peers
};

Args parseArgs(int argc, char **argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--configs")
            a.configs = splitList(v);
        else if (k == "--rounds")
            a.rounds = std::max(1, std::stoi(v));
        else if (k == "--steps")
            a.steps = std::max(0, std::stoi(v));
        else if (k == "--warmup")
            a.warmup = std::max(0, std::stoi(v));
        else if (k == "--threads")
            a.threads = std::stoi(v);
        else if (k == "--peers")
            a.peers = v == "none" ? std::vector<std::string> {} : splitList(v);
        else if (k == "--json")
            a.json = v;
        else if (k == "--ablation")
            a.ablation = v == "yes" || v == "1";
        else if (k == "--matrix-attention")
            a.matrixAttention = v == "yes" || v == "1";
        else if (k == "--baseline-exe")
            a.baselineExe = v;
        else if (k == "--placements")
            a.placements = splitList(v, ';');
        else if (k != "--wait-policy")
            throw std::runtime_error("unknown option " + k);
    }
    return a;
}

/** One contender's measurements over the rounds. */
struct Contender
{
    std::string label;
    std::unique_ptr<Worker> worker;
    std::vector<double> wall, cpu;
    double peakRss = 0;
    double startRss = 0; ///< before the networks were built
    std::string error;
    nlohmann::json firstLosses; ///< of the warm-up steps (same seed and data: comparable between variants)
    double estimate = 0;        ///< the cost model's training memory for this contender's placement and path
};

std::string mib(double bytes)
{
    return std::to_string(static_cast<long long>(bytes / (1 << 20) + 0.5)) + " MiB";
}

nlohmann::json measureConfig(const Args &args, const std::string &name)
{
    const model::ModelConfig config = namedConfig(name);
    const int batch = defaultBatch(config);
    // Steps per round: enough that the first step after the other contender ran (cold caches, re-faulted
    // pages) does not decide the median: with 3, the 2.11 build read 16 % slower than 1.13 at cpu-64, one
    // thread; with 8, level (0.270 against 0.266 s), as each is when it trains alone.
    const int steps = args.steps > 0 ? args.steps : (config.imageSize >= 256 ? 1 : 8);
    // The workers train on the CPU: attention from 256 positions on runs the blocked kernel.
    const model::CostReport cost = model::estimateCost(config, batch, model::AttentionMemory::Blocked);
    const double flops = cost.trainingStepFlops;

    std::vector<Contender> contenders;
    const auto start = [&](const std::string &label, const std::string &role, bool native = false,
                           const std::string &exe = "", const std::string &attention = "", bool matrix = false) {
        Contender c;
        c.label = label;
        c.estimate = static_cast<double>(model::estimateCost(namedConfig(name, attention), batch,
            matrix ? model::AttentionMemory::Matrix : model::AttentionMemory::Blocked)
                                             .trainingMemoryBytes);
        try {
            c.worker = std::make_unique<Worker>(
                label, workerCommand({role, name, attention, batch, args.threads, native, matrix, exe}));
        } catch (const std::exception &e) {
            c.error = e.what();
            std::fprintf(stderr, "%s: %s\n", label.c_str(), e.what());
        }
        contenders.push_back(std::move(c));
    };
    for (const std::string &placement : args.placements) {
        start("zistudio " + placement, "step", false, "", placement);
        if (args.matrixAttention && placement != "none")
            start("matrix " + placement, "step", false, "", placement, true);
    }
    if (args.placements.empty())
        start("zistudio", "step");
    if (args.placements.empty() && args.matrixAttention)
        start("zistudio matrix attention", "step", false, "", "", true);
    if (args.ablation)
        start("zistudio LibTorch tconv", "step", true);
    if (!args.baselineExe.empty())
        start("zistudio baseline build", "step", false, args.baselineExe);
    for (const std::string &peer : args.placements.empty() ? args.peers : std::vector<std::string> {})
        start(peer == "zi2zi" ? "pytorch zi2zi step" : "pytorch same step", "peer-" + peer);
    Worker ceiling("ceiling", workerCommand({"ceiling", name, "", batch, args.threads, false, false, {}}));
    std::vector<double> ceilingSeconds;
    double ceilingFlops = 0;

    const auto run = [&](Contender &c, int k, bool keep) {
        if (!c.worker)
            return;
        try {
            const nlohmann::json answer = c.worker->request("steps " + std::to_string(k));
            if (keep)
                collectTimes(answer, c.wall, c.cpu);
            else
                c.firstLosses = answer.at("losses");
        } catch (const std::exception &e) {
            c.error = e.what();
            c.worker.reset();
        }
    };
    for (auto &c : contenders)
        run(c, args.warmup, false);
    ceiling.request("ceiling");
    for (int r = 0; r < args.rounds; ++r) {
        const std::size_t n = contenders.size() + 1;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t which = (i + static_cast<std::size_t>(r)) % n;
            if (which < contenders.size()) {
                run(contenders[which], steps, true);
            } else {
                const nlohmann::json c = ceiling.request("ceiling");
                ceilingSeconds.push_back(c.at("seconds").get<double>());
                ceilingFlops = c.at("flops").get<double>();
            }
        }
    }
    nlohmann::json loader;
    for (auto &c : contenders)
        if (c.worker) {
            c.peakRss = c.worker->request("rss").at("peak_rss_bytes").get<double>();
            c.startRss = c.worker->hello().value("start_rss_bytes", 0.0);
            if (c.label == "zistudio")
                loader = c.worker->request("loader");
        }

    const Stats ceil = stats(ceilingSeconds);
    const Stats ours = stats(contenders[0].wall);
    std::printf("\n%s, batch %d: %.1f GFLOP per step (cost model), ceiling %.1f GFLOP/s (%.2f s), "
                "model estimate %s\n",
        name.c_str(), batch, flops / 1e9, ceilingFlops / ceil.median / 1e9, ceil.median,
        mib(static_cast<double>(cost.trainingMemoryBytes)).c_str());
    std::printf("  %-24s %8s %17s %7s %6s %7s %7s %6s %9s %9s %9s\n", "contender", "step s", "min-max", "CPU s",
        "img/s", "GFLOP/s", "of ceil", "ratio", "peak RSS", "training", "estimate");
    nlohmann::json rows = nlohmann::json::array();
    for (const Contender &c : contenders) {
        const Stats s = stats(c.wall);
        const Stats cpu = stats(c.cpu);
        if (!c.error.empty() || s.n == 0) {
            std::printf("  %-20s failed: %s\n", c.label.c_str(), c.error.c_str());
            rows.push_back({{"contender", c.label}, {"error", c.error}});
            continue;
        }
        // Ours relative to this contender; in the placement mode, this placement relative to the first.
        const double ratio = args.placements.empty() ? ours.median / s.median : s.median / ours.median;
        std::printf("  %-20s %9.3f %8.3f-%-8.3f %8.3f %7.2f %8.1f %7.0f%% %8.2f %10s %9s %9s\n", c.label.c_str(),
            s.median, s.min, s.max, cpu.median, batch / s.median, flops / s.median / 1e9,
            100.0 * ceil.median / s.median, ratio, mib(c.peakRss).c_str(), mib(c.peakRss - c.startRss).c_str(),
            mib(c.estimate).c_str());
        rows.push_back({{"contender", c.label}, {"step_seconds", s.json()}, {"cpu_seconds", cpu.json()},
            {"images_per_second", batch / s.median}, {"achieved_gflops", flops / s.median / 1e9},
            {"fraction_of_ceiling", ceil.median / s.median}, {"zistudio_time_ratio", ratio},
            {"peak_rss_bytes", c.peakRss}, {"start_rss_bytes", c.startRss},
            {"training_rss_bytes", c.peakRss - c.startRss}, {"model_memory_estimate_bytes", c.estimate},
            {"warmup_losses", c.firstLosses}});
    }
    for (const Contender &c : contenders)
        if (c.label.rfind("zistudio", 0) == 0 && c.firstLosses.contains("g"))
            std::printf("  %s warm-up losses: g %.6f d %.6f l1 %.6f\n", c.label.c_str(),
                c.firstLosses["g"].get<double>(), c.firstLosses["d"].get<double>(), c.firstLosses["l1"].get<double>());
    if (args.placements.empty())
        std::printf("  (ratio = ZiStudio's median step time / this contender's; GFLOP/s credits every contender "
                    "with ZiStudio's step FLOPs;\n   training = peak RSS less the process before its networks "
                    "existed; estimate = the cost model's training memory)\n");
    else
        std::printf("  (ratio = this placement's median step time / %s's: 1.15 = 15 %% overhead; GFLOP/s credits "
                    "the configuration's own FLOPs)\n",
            args.placements.front().c_str());
    if (loader.contains("seconds_per_batch"))
        std::printf("  loader: %.4f s per batch drained back to back (%d thread), %.1f%% of a step\n",
            loader["seconds_per_batch"].get<double>(), loader["loader_threads"].get<int>(),
            100.0 * loader["seconds_per_batch"].get<double>() / ours.median);
    return {{"config", name}, {"batch", batch}, {"steps_per_round", steps}, {"step_flops", flops},
        {"model_memory_estimate_bytes", cost.trainingMemoryBytes}, {"ceiling_seconds", ceil.json()},
        {"ceiling_gflops", ceilingFlops / ceil.median / 1e9}, {"contenders", rows}, {"loader", loader}};
}

} // namespace

int main(int argc, char **argv)
{
    applyWaitPolicy(argc, argv);
    try {
        const WorkerSpec worker = parseWorker(argc, argv);
        if (!worker.role.empty())
            return runWorker(worker);
        const Args args = parseArgs(argc, argv);
        std::printf("training step, CPU; OMP_WAIT_POLICY %s; %s, %u cores, load average %.1f\n",
            waitPolicyName().c_str(), cpuModel().c_str(), std::thread::hardware_concurrency(), loadAverage());
        std::printf("%d rounds; each round runs every contender in turn (first one rotates)\n", args.rounds);
        nlohmann::json results = nlohmann::json::array();
        for (const std::string &name : args.configs)
            results.push_back(measureConfig(args, name));
        writeJson(args.json,
            {{"benchmark", "train_step"}, {"machine", machineJson()}, {"rounds", args.rounds},
                {"warmup_steps", args.warmup}, {"threads", args.threads}, {"results", results}});
        return 0;
    } catch (const std::exception &e) {
        std::cerr << "bench_train_step: error: " << e.what() << "\n";
        return 1;
    }
}
