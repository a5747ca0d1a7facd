// SPDX-License-Identifier: GPL-3.0-or-later
// Project files are shared and hand-edited: any bytes must give a valid project or a ProjectError naming
// the field, never a crash or a foreign exception (a raw nlohmann type_error is a finding too). A loaded
// project must survive a save/load round trip unchanged.
#include "fuzzsupport.h"
#include "jsonmutator.h"

#include "common/error.h"
#include "project/project.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace zistudio;
    const auto &scratch = fuzz::ScratchDir::instance();
    const auto file = scratch.write("p/fuzz.zistudio", fuzz::bytesOf(data, size));
    project::Project loaded;
    try {
        loaded = project::loadProject(file);
    } catch (const Error &) {
        return 0;
    }
    const auto json = project::projectToJson(loaded, file.parent_path());
    const project::Project again = project::projectFromJson(json, file.parent_path(), "round trip");
    if (!(again == loaded))
        __builtin_trap();
    return 0;
}
