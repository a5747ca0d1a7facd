// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Torch-free: `zistudio-cli train --nproc N` starts a data-parallel job on this machine with it.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace zistudio::training
{

/** A job of N processes on this machine, each one rank (torchrun --standalone --nproc-per-node N, in short). */
struct LocalLaunchOptions
{
    std::filesystem::path executable;   ///< the program every rank runs (the CLI itself)
    std::vector<std::string> arguments; ///< its arguments without the program name, the same for every rank
    int processes = 2;
    int threadsPerProcess = 1; ///< OMP_NUM_THREADS of each rank
    std::string masterAddr = "127.0.0.1";
    int masterPort = 0;              ///< 0: a free port chosen by the kernel
    std::chrono::seconds grace {10}; ///< after a rank failed: how long the others may take to stop before SIGKILL
};

/** How the job ended. */
struct LocalLaunchResult
{
    bool ok = false;
    int failedRank = -1; ///< the first rank that failed (-1: none)
    std::string message; ///< e.g. "rank 1 (pid 4242) was killed by signal 9 (Killed)"
    int masterPort = 0;  ///< the port the job used
};

/** A TCP port on the loopback that was free a moment ago (the kernel's choice). Throws IoError. */
int freeLocalPort();

/**
 * Starts `processes` copies of `executable` with torchrun's variables (WORLD_SIZE, RANK, LOCAL_RANK,
 * LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT) and OMP_NUM_THREADS, in a process group of their own
 * and set to receive SIGTERM if the launcher dies, then waits for all of them. When one exits
 * non-zero or is killed, the others get a moment to notice, then SIGTERM, and SIGKILL after `grace`; the result
 * names that rank and what happened. A set `interrupt` flag (Ctrl-C on the launcher) is forwarded
 * once to every rank as SIGINT so they stop together at the same step. `started` learns each pid.
 * Throws IoError when a process cannot be started.
 */
LocalLaunchResult launchLocalJob(const LocalLaunchOptions &options, const std::atomic<bool> *interrupt = nullptr,
    const std::function<void(int rank, int pid)> &started = {});

} // namespace zistudio::training
