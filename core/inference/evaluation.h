// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inference/generator.h"

#include <string>
#include <vector>

namespace zistudio::inference
{

/** Scores of one character: the model's image and the source-as-prediction baseline, each vs the target. */
struct EvaluationRow
{
    char32_t character = 0;
    double l1 = 0, ssim = 0;
    double baselineL1 = 0, baselineSsim = 0;
};

/** Means over the characters that both fonts have (docs/performance.md), and the per-character rows. */
struct EvaluationReport
{
    int styleId = 0;
    long long step = 0;
    std::string checkpoint;
    std::size_t requested = 0;
    std::vector<char32_t> skipped; ///< the source or the target lacks the glyph
    double l1 = 0, ssim = 0;
    double baselineL1 = 0, baselineSsim = 0;
    std::vector<EvaluationRow> rows;
};

/**
 * Generates `chars` in style `styleId` and compares each with the target style's own glyph
 * (Generator::targetGlyph), beside the baseline of the source glyph itself. Throws InferenceError
 * when the style is not a target of the run or nothing could be compared.
 */
EvaluationReport evaluate(Generator &generator, const std::u32string &chars, int styleId, int batchSize = 32);

} // namespace zistudio::inference
