// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli train --project P [--run NAME] [--steps N] [--resume] [--nproc N]: train headless;
// Ctrl-C stops gracefully (the current step finishes and an "interrupted" checkpoint is saved).
// Under torchrun's variables (WORLD_SIZE, RANK, MASTER_ADDR, MASTER_PORT) the process joins a
// data-parallel job; --nproc N starts such a job of N processes on this machine (docs/distributed.md).
#include "clicommand.h"
#include "clioutput.h"

#include "training/locallauncher.h"
#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace zistudio::cli
{

namespace
{

struct TrainOptions
{
    std::string project;
    std::string run;
    long long steps = 0;
    bool resume = false;
    bool startOver = false;
    std::string fineTuneFrom;
    std::string fineTuneCheckpoint = "best";
    bool freezeEncoder = false;
    std::vector<int> styles;
    int nproc = 0;
    int distTimeout = training::kDefaultDistributedTimeoutSeconds;
    std::string distBackend = "auto";
    const CLI::Option *threads = nullptr; ///< the root's --threads
};

std::string duration(double seconds)
{
    const long long s = static_cast<long long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
    return buf;
}

std::string format(const char *fmt, double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

std::string lossText(const training::ProgressRecord &r, const char *name, const char *label)
{
    const auto it = r.losses.find(name);
    return it == r.losses.end() ? std::string() : std::string(label) + " " + format("%.3f", it->second) + " ";
}

/** --nproc N: this program N times as the ranks of one job; rank 0 reports, the others only errors. */
void launchJob(const TrainOptions &o)
{
    if (std::getenv("WORLD_SIZE"))
        throw training::TrainingError(
            "--nproc starts a job of its own: unset WORLD_SIZE/RANK (torchrun's variables) or drop --nproc");
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = o.threads && o.threads->count() > 0 && o.threads->as<int>() > 0 ? o.threads->as<int>()
                                                                                        : std::max(1, cores / o.nproc);
    training::LocalLaunchOptions launch;
    launch.executable = "/proc/self/exe";
    launch.processes = o.nproc;
    launch.threadsPerProcess = threads;
    launch.arguments = {"--threads", std::to_string(threads), "train", "--project", o.project, "--dist-timeout",
        std::to_string(o.distTimeout), "--dist-backend", o.distBackend};
    if (!o.run.empty())
        launch.arguments.insert(launch.arguments.end(), {"--run", o.run});
    if (o.steps > 0)
        launch.arguments.insert(launch.arguments.end(), {"--steps", std::to_string(o.steps)});
    if (o.resume)
        launch.arguments.push_back("--resume");
    if (o.startOver)
        launch.arguments.push_back("--start-over");
    if (!o.fineTuneFrom.empty())
        launch.arguments.insert(launch.arguments.end(),
            {"--fine-tune-from", o.fineTuneFrom, "--fine-tune-checkpoint", o.fineTuneCheckpoint});
    if (o.freezeEncoder)
        launch.arguments.push_back("--freeze-encoder");
    for (int id : o.styles)
        launch.arguments.insert(launch.arguments.end(), {"--styles", std::to_string(id)});
    launch.masterPort = training::freeLocalPort();
    installInterruptHandler();
    std::string pids;
    const auto result = training::launchLocalJob(launch, interruptFlag(), [&](int rank, int pid) {
        pids += (pids.empty() ? "" : ", ") + std::to_string(pid);
        if (rank == o.nproc - 1)
            std::cout << "started " << o.nproc << " ranks on 127.0.0.1:" << launch.masterPort << " (pids " << pids
                      << "), " << threads << " thread" << (threads == 1 ? "" : "s") << " each\n"
                      << std::flush;
    });
    if (!result.ok)
        throw training::TrainingError("distributed job on 127.0.0.1:" + std::to_string(result.masterPort) + ": "
            + result.message + " (their errors are above); a run's last complete checkpoint stays loadable: "
            + "continue it with --resume");
}

void runTrain(const TrainOptions &o)
{
    if (o.nproc > 1)
        return launchJob(o);
    auto distributed = training::distributedConfigFromEnvironment();
    if (distributed) {
        distributed->timeoutSeconds = o.distTimeout;
        distributed->backend = o.distBackend;
        training::validateDistributedConfig(*distributed);
    }
    // Rank 0 reports like a single process; the other ranks say when they start and end (errors reach stderr).
    const bool quiet = distributed && distributed->rank > 0;
    const std::string tag = quiet ? "[rank " + std::to_string(distributed->rank) + "] " : "";
    installInterruptHandler();
    std::optional<long long> fineTuneStep;
    if (!o.fineTuneFrom.empty())
        fineTuneStep = o.fineTuneCheckpoint == "best" ? 0 : std::stoll(o.fineTuneCheckpoint); // checked as a step
    // Rank 0 (or a process alone) prepares the run when training starts; the other ranks follow it.
    training::Trainer trainer(quiet
            ? training::RunPreparation([&] { return workflow::followRun(o.project, o.resume); })
            : workflow::preparation({.projectFile = o.project,
                .runName = o.run,
                .steps = o.steps,
                .resume = o.resume,
                .attention = {},
                .seed = {},
                .fineTuneFrom = o.fineTuneFrom,
                .fineTuneStep = fineTuneStep,
                .freezeEncoder = o.freezeEncoder ? std::optional<bool>(true) : std::nullopt,
                .fineTuneStyles = o.styles.empty() ? std::nullopt : std::optional<std::vector<int>>(o.styles),
                .startOver = o.startOver}),
        {.progressIntervalMs = 500, .distributed = distributed, .reportStateDigest = false});
    std::atomic<bool> cancel {false};
    std::atomic<bool> done {false};
    std::thread watcher([&] {
        while (!done.load()) {
            if (interruptRequested() && !cancel.exchange(true))
                std::cout << "\nstopping after this step (Ctrl-C again to quit at once)...\n" << std::flush;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    ProgressLine line;
    training::ProgressRecord last;
    const auto result = trainer.run(
        [&](const training::ProgressRecord &r) {
            last = r;
            if (r.event == "warning") {
                line.finish();
                std::cerr << "zistudio-cli: " << tag << "warning: " << r.message << '\n' << std::flush;
                return;
            }
            if (quiet) {
                if ((r.event == "started" || r.event == "finished") && !r.message.empty())
                    std::cout << tag << r.event << ": " << r.message << '\n' << std::flush;
                return;
            }
            const double fraction
                = r.totalSteps > 0 ? static_cast<double>(r.step) / static_cast<double>(r.totalSteps) : 0;
            if (r.event == "step" || r.event == "dataset") {
                std::string text = r.event == "dataset" ? r.message
                                                        : "step " + std::to_string(r.step) + "/"
                        + std::to_string(r.totalSteps) + " ep " + std::to_string(r.epoch) + " | "
                        + lossText(r, "d", "d") + lossText(r, "g", "g") + lossText(r, "l1", "l1") + "| lr "
                        + format("%.2e", r.learningRate) + " | " + format("%.1f", r.imagesPerSecond) + " img/s | ETA "
                        + duration(r.etaSeconds) + " | " + format("%.0f", r.residentBytes / (1024.0 * 1024.0)) + " MiB"
                        + (r.deviceBytes > 0 ? " | GPU " + format("%.0f", r.deviceBytes / (1024.0 * 1024.0)) + " MiB"
                                             : "");
                line.update(fraction, text);
                return;
            }
            line.finish();
            if (r.event == "validated")
                std::cout << "step " << r.step << ": validation L1 " << format("%.4f", r.valL1) << " SSIM "
                          << format("%.4f", r.valSsim) << " (baseline L1 " << format("%.4f", r.baselineL1) << " SSIM "
                          << format("%.4f", r.baselineSsim) << ")"
                          << (r.samplePng.empty() ? "" : ", samples " + r.samplePng) << '\n';
            else if (r.event == "checkpoint")
                std::cout << r.message << ": " << r.checkpoint << '\n';
            else if (!r.message.empty() && r.event != "finished" && r.event != "failed")
                std::cout << r.event << ": " << r.message << '\n'; // the outcome is said once, below
            std::cout << std::flush;
        },
        cancel);
    done = true;
    watcher.join();
    line.finish();
    switch (result.outcome) {
    case training::RunOutcome::Completed:
        if (!quiet)
            std::cout << "done: " << result.message << "; last checkpoint " << result.lastCheckpoint << '\n';
        break;
    case training::RunOutcome::Cancelled:
        if (!quiet)
            std::cout << "interrupted: " << result.message << "; checkpoint " << result.lastCheckpoint << '\n';
        break;
    case training::RunOutcome::Failed:
        throw training::TrainingError(result.message);
    }
}

void setupTrain(CLI::App &root)
{
    auto *cmd = root.add_subcommand("train", "Train (or resume) a run of a project; Ctrl-C stops gracefully");
    auto o = std::make_shared<TrainOptions>();
    cmd->add_option("--project", o->project, "Project file (*.zistudio)")->required();
    cmd->add_option("--run", o->run, "Run name (default: run-DATE-TIME; required with --resume)");
    cmd->add_option("--steps", o->steps, "Total steps of the run (default: the project's setting)")
        ->check(CLI::PositiveNumber);
    auto *resume = cmd->add_flag("--resume", o->resume, "Continue the run from its newest complete checkpoint");
    cmd->add_flag("--start-over", o->startOver,
           "With --resume: when every checkpoint is damaged or gone, train the run again from step 0 (damaged "
           "checkpoints are set aside as step-N.damaged); without it such a resume is refused")
        ->needs(resume);
    auto *from = cmd->add_option("--fine-tune-from", o->fineTuneFrom,
                        "A new run that starts from a checkpoint of this run of the project (fine-tuning)")
                     ->excludes(resume);
    cmd->add_option("--fine-tune-checkpoint", o->fineTuneCheckpoint,
           "With --fine-tune-from: best (default: the run's best checkpoint) or a checkpoint's step")
        ->needs(from)
        ->check([](const std::string &v) {
            if (v == "best")
                return std::string();
            const bool digits = !v.empty() && v.size() <= 15 && v.find_first_not_of("0123456789") == std::string::npos;
            return digits && std::stoll(v) > 0 ? std::string() : "must be best or a step number, not " + v;
        });
    cmd->add_flag("--freeze-encoder", o->freezeEncoder,
           "With --fine-tune-from: train the decoder and style embedding only (default: the project's setting)")
        ->needs(from);
    cmd->add_option("--styles", o->styles,
           "With --fine-tune-from: the style ids to train, e.g. --styles 0,2 (default: the project's setting)")
        ->delimiter(',')
        ->needs(from)
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--nproc", o->nproc,
           "Data-parallel training: start N processes on this machine (threads: cores / N unless --threads)")
        ->check(CLI::Range(1, 1024));
    cmd->add_option("--dist-timeout", o->distTimeout,
           "Distributed: seconds the rendezvous and each collective wait for the other ranks (default 60)")
        ->check(CLI::Range(1, 86400));
    cmd->add_option(
           "--dist-backend", o->distBackend, "Distributed: auto (NCCL on GPUs where built in, else Gloo), gloo or nccl")
        ->check(CLI::IsMember({"auto", "gloo", "nccl"}));
    o->threads = root.get_option_no_throw("--threads");
    cmd->callback([o] { runTrain(*o); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("train", setupTrain)

} // namespace zistudio::cli
