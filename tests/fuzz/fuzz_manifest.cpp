// SPDX-License-Identifier: GPL-3.0-or-later
// Checkpoint manifests (and the pins file) are read back after crashes, disk errors and hand edits:
// any bytes must give a listed checkpoint, a skipped one with a reason, or a TrainingError, never a
// crash or a foreign exception. The input becomes step-000001/manifest.json (beside one real part,
// generator.zt = "zistudio") and pins.json of a read-only store.
#include "fuzzsupport.h"
#include "jsonmutator.h"

#include "common/error.h"
#include "training/checkpointstore.h"

#include <cstdint>

namespace
{

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace zistudio;
    const auto &scratch = fuzz::ScratchDir::instance();
    const std::string_view bytes = fuzz::bytesOf(data, size);
    scratch.write("run/step-000001/generator.zt", "zistudio");
    scratch.write("run/step-000001/manifest.json", bytes);
    scratch.write("run/pins.json", bytes);
    try {
        const training::CheckpointStore store(
            scratch.path() / "run", training::CheckpointPolicy {}, training::CheckpointStore::Mode::ReadOnly);
        const auto infos = store.list();
        check(infos.size() <= 1);
        for (const auto &info : infos) {
            check(info.step == 1);
            for (const auto &part : info.parts)
                check(!part.name.empty() && part.name.find('/') == std::string::npos && part.sha256.size() == 64);
        }
        (void)store.pinnedSteps();
        (void)store.bestStep();
        if (const auto latest = store.loadLatest()) {
            check(latest->info.step == 1 && !latest->fellBack());
            for (const auto &part : latest->info.parts)
                check(store.readPart(latest->info, part.name).size() == part.bytes);
        }
        if (const auto best = store.loadBest())
            check(best->info.step == 1);
        try {
            (void)store.load(1);
        } catch (const Error &) { }
    } catch (const Error &) { }
    return 0;
}
