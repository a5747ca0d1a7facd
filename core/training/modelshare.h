// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/modelconfig.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace zistudio::training
{

/** The format name and version a shared model file (.zsm) carries in its metadata. */
inline constexpr const char *kSharedModelFormat = "zistudio-model";
inline constexpr int kSharedModelVersion = 1;
inline constexpr const char *kSharedModelExtension = ".zsm";

/** A style the shared generator learned: its embedding row and the name the exporting project gave it. */
struct SharedStyle
{
    int styleId = 0;
    std::string name;
    bool operator==(const SharedStyle &) const = default;
};

/** What a shared model file says about itself (everything but the weights). */
struct SharedModelInfo
{
    model::ModelConfig model;
    std::vector<SharedStyle> styles;
    std::string sourceFont;  ///< file name (no folder) of the source font it was trained from
    std::string projectName; ///< the exporting project
    std::string run;         ///< the exporting run
    long long step = 0;      ///< the checkpoint's step
    std::string created;     ///< UTC, ISO 8601
    std::string zistudioVersion;
    std::size_t tensors = 0;
    std::uint64_t parameters = 0; ///< elements over all tensors
    /** export: which checkpoint was used and why, then each damaged one skipped (see describeChoice). */
    std::vector<std::string> checkpointReport;
};

/**
 * Models shared between people (docs/reliability.md): a trained generator as plain data, the tensor
 * archive format (tensorarchive.h: a JSON header and raw little-endian tensors behind a SHA-256 trailer)
 * with metadata {"format": "zistudio-model", "version": 1, "model": ModelConfig, "styles", "source", ...}.
 * Reading one never runs torch::load or any unpickler: our bounds-checked reader decodes it, the metadata
 * is validated, and every tensor must match a fresh generator of the declared configuration by name, shape
 * and dtype and hold only finite values before anything is written.
 */
class ModelShare
{
public:
    /**
     * Writes the generator of `run` (checkpoint "best", "last" or a step number) of the project to `out`,
     * atomically. Throws TrainingError (no such run or checkpoint, damaged checkpoint) or IoError.
     */
    static SharedModelInfo exportModel(const std::filesystem::path &projectFile, const std::string &run,
        const std::string &checkpoint, const std::filesystem::path &out);

    /** Reads and validates a shared model file; throws TrainingError naming the file and the problem. */
    static SharedModelInfo inspect(const std::filesystem::path &file);

    /**
     * Validates `file` and adds it to the project as a new run `run` (runs/<run>/run.json with the project's
     * settings and the shared model configuration, one checkpoint with the generator, a row in runs.sqlite),
     * so `generate --run` and the studio can use it. The run appears whole or not at all. Throws
     * TrainingError (invalid file, run exists, model incompatible with the project) or IoError.
     */
    static SharedModelInfo importModel(
        const std::filesystem::path &file, const std::filesystem::path &projectFile, const std::string &run);
};

} // namespace zistudio::training
