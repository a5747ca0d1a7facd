// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/projectlayout.h"

#include "common/atomicfile.h"
#include "common/error.h"

#include <unistd.h>

namespace zistudio::project
{

namespace fs = std::filesystem;

namespace
{

constexpr std::uintmax_t kMaxOwnerBytes = 4096;

/** The project file name the owner file names, or "" when there is none (or it cannot be read). */
std::string ownerOf(const fs::path &folder)
{
    try {
        std::string name = readFile(folder / ProjectLayout::kOwnerFile, kMaxOwnerBytes);
        while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
            name.pop_back();
        return name.find('/') == std::string::npos ? name : std::string();
    } catch (const Error &) {
        return {};
    }
}

} // namespace

ProjectLayout ProjectLayout::of(const fs::path &projectFile)
{
    ProjectLayout l;
    l.file = fs::absolute(projectFile).lexically_normal();
    l.folder = l.file.parent_path();
    const std::string name = l.file.filename().string();
    // The folder's own data belongs to the project that claimed it first; a second project file in the
    // same folder keeps its runs and dataset in a folder of its own, so evaluate never scores one
    // project's run against the other's fonts. A claim by a file that is gone (renamed) passes on.
    const std::string owner = ownerOf(l.folder);
    std::error_code ec;
    const bool guest = !owner.empty() && owner != name && fs::exists(l.folder / owner, ec);
    l.dataFolder = guest ? l.folder / (name + "-data") : l.folder;
    if (!guest && owner != name && ::access(l.folder.c_str(), W_OK) == 0) {
        try {
            writeFileAtomically(l.folder / kOwnerFile, name + "\n");
        } catch (const Error &) {
            // Read-only or full: the layout is still right for now; the next writable open claims.
        }
    }
    l.runStore = l.dataFolder / "runs.sqlite";
    l.runsDir = l.dataFolder / "runs";
    l.datasetStore = l.dataFolder / "cache" / "dataset";
    return l;
}

} // namespace zistudio::project
