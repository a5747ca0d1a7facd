// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/datasetspec.h"
#include "model/modelconfig.h"
#include "project/projectlayout.h"
#include "project/trainingconfig.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace zistudio::project
{

/** A person's verdict on a generated glyph (the review panel; export can skip rejected ones). */
enum class Review
{
    Accepted,
    Rejected,
    Flagged
};

std::string toString(Review review);
/** "accepted" | "rejected" | "flagged"; throws ProjectError naming the accepted values. */
Review parseReview(const std::string &text);

/** The `"format"` and `"version"` a project file carries. */
inline constexpr const char *kProjectFormat = "zistudio-project";
inline constexpr int kProjectVersion = 1;
inline constexpr const char *kProjectExtension = ".zistudio";

/**
 * A ZiStudio project: what to learn (dataset: source font, target styles, characters), with which
 * networks (model) and how (training), plus the glyph reviews. Stored as versioned JSON in a
 * `*.zistudio` file: {"format": "zistudio-project", "version": 1, "name", "dataset", "model",
 * "training", "reviews": {"永": "accepted", ...}}. In memory every path is absolute; in the file,
 * paths inside the project's folder are written relative to it, so a project folder can move.
 */
struct Project
{
    std::string name;
    data::DatasetSpec dataset;
    model::ModelConfig model;
    training::TrainingConfig training;
    std::map<char32_t, Review> reviews;
    bool operator==(const Project &) const = default;
};

/**
 * Reads and validates a project file; relative paths are resolved against the file's folder.
 * Throws ProjectError naming the file and the field ("project /p/x.zistudio: model.ngf: ...").
 */
Project loadProject(const std::filesystem::path &file);

/**
 * A run's configuration snapshot (runs/<run>/run.json, or the run store's copy when `text` is given).
 * Paths are absolute. Throws ProjectError naming `where` and the field for unreadable, invalid or
 * out-of-range content (a 1e400 in a field is "a number is out of range in field \"training.steps\"").
 */
Project loadRunConfig(const std::filesystem::path &runFile);
Project runConfigFromText(std::string_view text, const std::string &where);

/** Validates, then writes the project atomically (IoError when the folder is read-only or full). */
void saveProject(const Project &project, const std::filesystem::path &file);

/**
 * The project as JSON; paths inside `folder` become relative to it (an empty folder keeps every
 * path as it is: a run's configuration snapshot stores absolute paths).
 */
nlohmann::json projectToJson(const Project &project, const std::filesystem::path &folder = {});

/** Parses and validates project JSON; relative paths resolve against `folder`; errors start with `where`. */
Project projectFromJson(const nlohmann::json &j, const std::filesystem::path &folder, const std::string &where);

/** A run's settings snapshot, written when the run starts: `runs/<run>/run.json`. */
inline constexpr const char *kRunConfigFile = "run.json";

/**
 * The settings run `run` was started with (dataset, model, training as they were then; absolute
 * paths). Throws ProjectError("no run named ...") when there is none, or naming the file and field.
 */
Project loadRunConfig(const ProjectLayout &layout, const std::string &run);

/** Writes a run's settings snapshot atomically (IoError when the folder is read-only or full). */
void saveRunConfig(const ProjectLayout &layout, const std::string &run, const Project &config);

/** Cross-field checks (sizes agree, style ids unique and inside the embedding table...). */
void validateProject(const Project &project, const std::string &where);

/** A project with the defaults of a quick CPU experiment: cpu64 model, 64 px, first 1000 GB2312 level-1 chars. */
Project defaultProject(const std::string &name);

} // namespace zistudio::project
