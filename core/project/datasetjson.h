// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// TEMPORARY: the project file's "dataset" section until data/datasetspecjson.h (glyphs/data helper)
// lands; then these forward to it.

#include "data/datasetspec.h"

#include <nlohmann/json.hpp>

#include <string>

namespace zistudio::project
{

nlohmann::json datasetSpecToJson(const data::DatasetSpec &spec);
/** Validates; throws ProjectError starting with `where` and naming the field. */
data::DatasetSpec datasetSpecFromJson(const nlohmann::json &j, const std::string &where);

} // namespace zistudio::project
