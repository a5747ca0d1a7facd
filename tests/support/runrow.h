// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"
#include "project/runstore.h"

#include <filesystem>
#include <string>

namespace zistudio::test
{

/** Adds the run store row of a completed run `name` trained with the settings `p` (test fixtures). */
inline void addCompletedRunRow(
    const std::filesystem::path &runStore, const std::string &name, const project::Project &p)
{
    project::RunStore(runStore).createRun({.name = name,
        .created = "",
        .status = "completed",
        .configJson = project::projectToJson(p).dump(),
        .attention = "none",
        .seed = 1,
        .versions = "{}",
        .parent = "",
        .lastStep = 0});
}

} // namespace zistudio::test
