// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace zistudio::training
{

class CheckpointStore;
struct CheckpointInfo;

/** One file of a checkpoint as the manifest lists it. */
struct CheckpointPart
{
    std::string name;
    std::uint64_t bytes = 0;
    std::string sha256;
};

/**
 * A checkpoint being written into `step-N.partial/` (see CheckpointStore). Parts are written
 * atomically one by one; commit() writes the manifest last, renames the folder into place,
 * fsyncs, then prunes old checkpoints. Destroying an uncommitted writer removes the partial folder.
 */
class CheckpointWriter
{
public:
    CheckpointWriter(CheckpointWriter &&other) noexcept;
    CheckpointWriter &operator=(CheckpointWriter &&) = delete;
    CheckpointWriter(const CheckpointWriter &) = delete;
    ~CheckpointWriter();

    /** Writes one part (a plain file name, not "manifest.json"). Throws IoError / TrainingError. */
    void addPart(const std::string &name, std::string_view bytes);

    /** Makes the checkpoint complete and visible; `metrics` are recorded in the manifest. */
    CheckpointInfo commit(const std::map<std::string, double> &metrics = {});

    const std::filesystem::path &partialDir() const { return m_partial; }

private:
    friend class CheckpointStore;
    CheckpointWriter(CheckpointStore &store, long long step, std::string kind);

    CheckpointStore *m_store;
    long long m_step;
    std::string m_kind;
    std::filesystem::path m_partial;
    std::vector<CheckpointPart> m_parts;
    bool m_done = false;
};

} // namespace zistudio::training
