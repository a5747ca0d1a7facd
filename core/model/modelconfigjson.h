// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/costmodel.h"
#include "model/modelconfig.h"

#include <nlohmann/json.hpp>

#include <string>

namespace zistudio::model
{

/**
 * JSON form of a ModelConfig: {"imageSize": 64, "ngf": 32, ..., "norm": "batch", "upsample":
 * "transposed", "skip": "concat", "attention": "enc:3,dec:4"}. from_json is modelConfigFromJson with
 * where = "model config".
 */
void to_json(nlohmann::json &j, const ModelConfig &config);
void from_json(const nlohmann::json &j, ModelConfig &config);

/**
 * Reads and validates a ModelConfig. Missing keys keep their defaults; unknown keys, wrong types
 * and invalid values throw ModelError starting with `where` (a file name or "project.json: model")
 * and naming the key.
 */
ModelConfig modelConfigFromJson(const nlohmann::json &j, const std::string &where);

/** The cost report as JSON (the CLI's --json): config, per-depth rows, attention layers, totals. */
nlohmann::json costReportToJson(const CostReport &report);

} // namespace zistudio::model
