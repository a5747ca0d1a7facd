// SPDX-License-Identifier: GPL-3.0-or-later
// Saved comparisons (studies) travel between machines and people: any bytes must give a comparison or
// an ExperimentError naming the file, never a crash or a foreign exception (a raw nlohmann type_error
// or an image decoder's error is a finding too). A loaded study must survive a save/load round trip
// with the same runs, scores and verdict.
#include "fuzzsupport.h"
#include "jsonmutator.h"

#include "experiments/comparisonexport.h"
#include "experiments/experimentserror.h"
#include "experiments/study.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace zistudio::experiments;
    const std::string text(zistudio::fuzz::bytesOf(data, size));
    Comparison loaded;
    try {
        loaded = comparisonFromJson(text, "fuzz.json");
    } catch (const ExperimentError &) {
        return 0;
    }
    const Comparison again = comparisonFromJson(comparisonJson(loaded), "round trip");
    if (again.runs.size() != loaded.runs.size() || again.verdict.summary() != loaded.verdict.summary()
        || again.glyphs.rows.size() != loaded.glyphs.rows.size())
        __builtin_trap();
    return 0;
}
