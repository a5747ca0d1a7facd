// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/evaluation.h"

#include "inference/inferenceerror.h"
#include "metrics/imagemetrics.h"

#include <algorithm>

namespace zistudio::inference
{

EvaluationReport evaluate(Generator &generator, const std::u32string &chars, int styleId, int batchSize)
{
    const auto &targets = generator.runConfig().dataset.targets;
    if (std::none_of(targets.begin(), targets.end(), [&](const auto &t) { return t.styleId == styleId; }))
        throw InferenceError("style " + std::to_string(styleId) + " is not a target style of this run");
    EvaluationReport report;
    report.styleId = styleId;
    report.step = generator.checkpointStep();
    report.checkpoint = generator.checkpointPath();
    report.requested = chars.size();
    const auto generated = generator.generate(chars, StyleMix::pure(styleId), batchSize);
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const auto target = generator.targetGlyph(chars[i], styleId);
        if (generated[i].isNull() || target.isNull()) {
            report.skipped.push_back(chars[i]);
            continue;
        }
        const auto source = generator.sourceGlyph(chars[i]);
        const auto model = metrics::compareImages(generated[i], target);
        const auto baseline = metrics::compareImages(source, target);
        report.rows.push_back({chars[i], model.l1, model.ssim, baseline.l1, baseline.ssim});
        report.l1 += model.l1;
        report.ssim += model.ssim;
        report.baselineL1 += baseline.l1;
        report.baselineSsim += baseline.ssim;
    }
    if (report.rows.empty())
        throw InferenceError(
            "none of the characters exists in both the source and the target style " + std::to_string(styleId));
    const auto n = static_cast<double>(report.rows.size());
    report.l1 /= n;
    report.ssim /= n;
    report.baselineL1 /= n;
    report.baselineSsim /= n;
    return report;
}

} // namespace zistudio::inference
