// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

namespace zistudio::project
{

/**
 * Where a project keeps what it produces, beside the project file (one project per folder):
 *   <folder>/runs.sqlite          the run store
 *   <folder>/runs/<run>/          a run: checkpoints/, samples/
 *   <folder>/cache/dataset/       the rendered dataset (rebuilt when the dataset settings change)
 */
struct ProjectLayout
{
    std::filesystem::path file;
    std::filesystem::path folder;
    std::filesystem::path runStore;
    std::filesystem::path runsDir;
    std::filesystem::path datasetStore;

    std::filesystem::path runDir(const std::string &run) const { return runsDir / run; }
    std::filesystem::path checkpointsDir(const std::string &run) const { return runDir(run) / "checkpoints"; }
    std::filesystem::path samplesDir(const std::string &run) const { return runDir(run) / "samples"; }

    static ProjectLayout of(const std::filesystem::path &projectFile);
};

} // namespace zistudio::project
