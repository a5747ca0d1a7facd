// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace zistudio::training
{

/**
 * An exclusive advisory lock (flock) on a run's lock file, held while a process trains the run, so
 * two trainers never write the same checkpoints. Throws TrainingError when another process holds it.
 */
class RunLock
{
public:
    explicit RunLock(const std::filesystem::path &file);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

private:
    int m_fd = -1;
};

} // namespace zistudio::training
