// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/datasetreport.h"
#include "data/datasetspec.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace zistudio::data
{

/**
 * JSON form of a DatasetSpec (the "dataset" section of a project file and the `dataset build --config` file):
 * {"source": {"path", "face"}, "targets": [{"kind": "font"|"images", "path", "face", "styleId", "name"}],
 *  "charset": {"builtin", "file", "text", "limit"}, "imageSize", "placement": "embox"|"fit", "fitMargin",
 *  "validationFraction", "validationChars": ["永", ...], "seed", "filterRepeated"}.
 * Every field but source and targets has a default; unknown fields are errors (they are usually typos).
 */
nlohmann::json datasetSpecToJson(const DatasetSpec &spec);

/**
 * Reads and validates a spec. Errors are DataError("<where>.<field>: <problem>"), e.g.
 * "dataset.json: targets[1].styleId: 3 is used by targets[0] too".
 */
DatasetSpec datasetSpecFromJson(const nlohmann::json &j, const std::string &where);

/** nlohmann ADL hooks: `json j = spec;` and `j.get<DatasetSpec>()` (where = "dataset"). */
void to_json(nlohmann::json &j, const DatasetSpec &spec);
void from_json(const nlohmann::json &j, DatasetSpec &spec);

/** The semantic checks datasetSpecFromJson applies, for specs made in code (the GUI). Throws DataError. */
void validateDatasetSpec(const DatasetSpec &spec, const std::string &where);

/** Makes relative font, folder and charset-file paths absolute against `baseDir`. */
void resolveRelativePaths(DatasetSpec &spec, const std::filesystem::path &baseDir);

/**
 * Reads a dataset config file (JSON, the spec itself) and resolves its relative paths against the file's
 * folder. Throws DataError naming the file (missing, invalid JSON with line/column, invalid spec).
 */
DatasetSpec loadDatasetSpec(const std::filesystem::path &file);

/** The dataset report as JSON (characters as UTF-8 strings), and back (for the store's index). */
nlohmann::json datasetReportToJson(const DatasetReport &report);
DatasetReport datasetReportFromJson(const nlohmann::json &j, const std::string &where);

} // namespace zistudio::data
