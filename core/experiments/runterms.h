// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"

#include <set>
#include <string>
#include <vector>

namespace zistudio::experiments
{

/**
 * The settings in which two run configurations differ, one line each ("training.batchSize: 16 vs 8"),
 * as dotted keys of the project JSON (dataset, model, training). Keys in `ignored` (e.g.
 * "model.attention", "training.seed") are skipped; an empty result means the runs were trained on
 * equal terms.
 */
std::vector<std::string> termDifferences(
    const project::Project &a, const project::Project &b, const std::set<std::string> &ignored);

/** Settings that change neither what is learned nor how: device, threads, retention, sample characters. */
const std::set<std::string> &incidentalSettings();

} // namespace zistudio::experiments
