// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: includes LibTorch. Never include this from ui/ or app/ (ARCHITECTURE rule 2).
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zistudio::training
{

/** Tensors by name, in the order they were written. */
using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

/** What a reader accepts; anything beyond is rejected before memory is allocated for it. */
struct ArchiveLimits
{
    std::uint64_t maxTotalBytes = std::uint64_t(16) << 30; ///< tensor data, all tensors together
    std::uint64_t maxHeaderBytes = std::uint64_t(64) << 20;
    std::size_t maxTensors = 100000;
};

/** A decoded archive: tensors (CPU, contiguous) and the writer's free-form JSON metadata. */
struct TensorArchive
{
    NamedTensors tensors;
    nlohmann::json metadata = nlohmann::json::object();

    bool contains(const std::string &name) const;
    /** The tensor called `name`; throws TrainingError naming it when absent. */
    const torch::Tensor &at(const std::string &name) const;
};

/**
 * The tensor archive format ("ZITENSOR", version 1), used for checkpoints and for models shared
 * between people, so that no unpickler ever touches a file from elsewhere:
 *
 *   bytes 0-7    magic "ZITENSOR"
 *   bytes 8-11   format version, uint32 little-endian (1)
 *   bytes 12-15  reserved, zero
 *   bytes 16-23  header length H, uint64 little-endian
 *   H bytes      header: UTF-8 JSON {"tensors": [{"name", "dtype", "shape", "offset", "bytes"}...],
 *                "data_bytes": N, "metadata": {...}}
 *   zero padding to a multiple of 64, then N bytes of raw little-endian tensor data; each tensor's
 *   offset (relative to the data start) is 64-byte aligned
 *   64 bytes     trailer: SHA-256 (lower-case hex) of every byte before it
 *
 * Readers check everything before trusting it: magic, version, header size, JSON shape, unique
 * names, dtype whitelist (float32/64, float16, bfloat16, int8/16/32/64, uint8, bool), shapes (at most
 * 8 dimensions, no overflow), bytes == elements x element size, ranges inside the data and not
 * overlapping, the total under ArchiveLimits, the file size, and first of all the trailer's SHA-256,
 * so a truncated file or a flipped bit anywhere is rejected.
 *
 * `requireFinite` refuses to encode floating tensors holding NaN or Inf (TrainingError naming the
 * tensor): weights like that are never saved.
 */
std::string encodeTensorArchive(
    const NamedTensors &tensors, const nlohmann::json &metadata = nlohmann::json::object(), bool requireFinite = true);

/** Decodes and validates archive bytes; `where` (a file name) prefixes every error message. */
TensorArchive decodeTensorArchive(std::string_view bytes, const std::string &where, const ArchiveLimits &limits = {});

/** encodeTensorArchive + writeFileAtomically. Throws TrainingError or IoError. */
void writeTensorArchive(const std::filesystem::path &path, const NamedTensors &tensors,
    const nlohmann::json &metadata = nlohmann::json::object(), bool requireFinite = true);

/** readFile (capped by the limits) + decodeTensorArchive. Throws TrainingError or IoError. */
TensorArchive readTensorArchive(const std::filesystem::path &path, const ArchiveLimits &limits = {});

/** Name of the first floating tensor with a NaN or Inf, or "" when all are finite. */
std::string firstNonFinite(const NamedTensors &tensors);

} // namespace zistudio::training
