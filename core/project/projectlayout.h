// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

namespace zistudio::project
{

/**
 * Where a project keeps what it produces, beside the project file:
 *   <folder>/runs.sqlite          the run store
 *   <folder>/runs/<run>/          a run: checkpoints/, samples/
 *   <folder>/cache/dataset/       the rendered dataset (rebuilt when the dataset settings change)
 * The folder's data belongs to one project, named in <folder>/.zistudio-owner (written by the first
 * project opened there). Another project file in the same folder keeps its data apart, in
 * <folder>/<file name>-data/ (runs.sqlite, runs/, cache/), so two projects never share runs or a
 * dataset. When the owner file names a project that is gone (renamed), the next one opened takes over.
 */
struct ProjectLayout
{
    std::filesystem::path file;
    std::filesystem::path folder;     ///< the project file's folder
    std::filesystem::path dataFolder; ///< where runs.sqlite, runs/ and cache/ are: `folder`, or a -data folder
    std::filesystem::path runStore;
    std::filesystem::path runsDir;
    std::filesystem::path datasetStore;

    std::filesystem::path runDir(const std::string &run) const { return runsDir / run; }
    std::filesystem::path checkpointsDir(const std::string &run) const { return runDir(run) / "checkpoints"; }
    std::filesystem::path samplesDir(const std::string &run) const { return runDir(run) / "samples"; }

    /** Names the project that owns the folder's data. */
    static constexpr const char *kOwnerFile = ".zistudio-owner";

    /** The layout of a project file (claims the folder's data when nobody has; never throws). */
    static ProjectLayout of(const std::filesystem::path &projectFile);
};

} // namespace zistudio::project
