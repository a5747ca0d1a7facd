// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/runstore.h"

#include <QString>

#include <map>
#include <string>
#include <vector>

namespace zistudio::ui
{

/** Everything the Training panel shows about a past (or running) run, read from the run store. */
struct RunHistory
{
    QString run;
    std::optional<project::RunRecord> record;
    std::map<std::string, std::vector<project::MetricPoint>> metrics; ///< by metric name ("loss_g", "val_l1")
    std::vector<project::SampleRecord> samples;
    std::vector<project::CheckpointRecord> checkpoints;
    QString error;
};

/** Reads a run's history from the run store beside `projectFile`. Never throws (errors in `error`). */
RunHistory loadRunHistory(const QString &projectFile, const QString &run);

/** Lists a project's runs (empty when it has no run store yet); errors go to `error`. */
std::vector<project::RunRecord> listProjectRuns(const QString &projectFile, QString *error);

/** The checkpoints of a run as the run store lists them; errors go to `error`. */
std::vector<project::CheckpointRecord> listCheckpoints(const QString &projectFile, const QString &run, QString *error);

/** Pins or unpins a checkpoint in the run's checkpoint folder and the run store. */
bool setCheckpointPinned(const QString &projectFile, const QString &run, long long step, bool pinned, QString *error);

/**
 * Deletes one checkpoint folder of a run (renamed aside first, so a half-deleted folder is never
 * mistaken for a checkpoint) and updates the run store.
 */
bool deleteCheckpoint(const QString &projectFile, const QString &run, long long step, QString *error);

/** "loss_g" → "G", "val_l1" → "val L1", "baseline_ssim" → "baseline SSIM": the legend names. */
QString metricLabel(const std::string &name);

} // namespace zistudio::ui
