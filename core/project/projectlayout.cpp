// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/projectlayout.h"

namespace zistudio::project
{

ProjectLayout ProjectLayout::of(const std::filesystem::path &projectFile)
{
    ProjectLayout l;
    l.file = std::filesystem::absolute(projectFile).lexically_normal();
    l.folder = l.file.parent_path();
    l.runStore = l.folder / "runs.sqlite";
    l.runsDir = l.folder / "runs";
    l.datasetStore = l.folder / "cache" / "dataset";
    return l;
}

} // namespace zistudio::project
