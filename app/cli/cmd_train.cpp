// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli train --project P [--run NAME] [--steps N] [--resume]: train headless; Ctrl-C stops
// gracefully (the current step finishes and an "interrupted" checkpoint is saved).
#include "clicommand.h"
#include "clioutput.h"

#include "training/trainer.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

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

void runTrain(const TrainOptions &o)
{
    installInterruptHandler();
    training::Trainer trainer(training::RunRequest {
        .projectFile = o.project, .runName = o.run, .steps = o.steps, .resume = o.resume, .progressIntervalMs = 500});
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
            const double fraction
                = r.totalSteps > 0 ? static_cast<double>(r.step) / static_cast<double>(r.totalSteps) : 0;
            if (r.event == "step" || r.event == "dataset") {
                std::string text = r.event == "dataset" ? r.message
                                                        : "step " + std::to_string(r.step) + "/"
                        + std::to_string(r.totalSteps) + " ep " + std::to_string(r.epoch) + " | "
                        + lossText(r, "d", "d") + lossText(r, "g", "g") + lossText(r, "l1", "l1") + "| lr "
                        + format("%.2e", r.learningRate) + " | " + format("%.1f", r.imagesPerSecond) + " img/s | ETA "
                        + duration(r.etaSeconds) + " | " + format("%.0f", r.residentBytes / (1024.0 * 1024.0)) + " MiB";
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
            else if (!r.message.empty())
                std::cout << r.event << ": " << r.message << '\n';
            std::cout << std::flush;
        },
        cancel);
    done = true;
    watcher.join();
    line.finish();
    switch (result.outcome) {
    case training::RunOutcome::Completed:
        std::cout << "done: " << result.message << "; last checkpoint " << result.lastCheckpoint << '\n';
        break;
    case training::RunOutcome::Cancelled:
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
    cmd->add_flag("--resume", o->resume, "Continue the run from its newest complete checkpoint");
    cmd->callback([o] { runTrain(*o); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("train", setupTrain)

} // namespace zistudio::cli
