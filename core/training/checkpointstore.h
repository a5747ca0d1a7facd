// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "training/checkpointwriter.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zistudio::training
{

/** A complete checkpoint as its manifest describes it (not yet verified against its parts). */
struct CheckpointInfo
{
    long long step = 0;
    std::filesystem::path dir;
    std::string kind;    ///< "regular", "interrupted", "final", "rollback"
    std::string created; ///< UTC, ISO 8601
    std::map<std::string, double> metrics;
    std::vector<CheckpointPart> parts;
    bool pinned = false;
    bool best = false;
};

/** Checkpoints a load skipped because they are damaged: the folder and the reason, in the order they were tried. */
struct DamagedCheckpoints
{
    std::vector<std::string> reasons; ///< e.g. "step-000600: part generator.zt does not match its SHA-256 (damaged)"
    std::vector<std::filesystem::path> dirs;
    bool empty() const { return dirs.empty(); }
    void add(const std::filesystem::path &dir, const std::string &reason);
    void append(const DamagedCheckpoints &other);
};

/** A verified checkpoint, why it was chosen, and the newer (or better) ones that were skipped because they are damaged.
 */
struct LoadedCheckpoint
{
    CheckpointInfo info;
    std::vector<std::string> skipped;               ///< one reason per skipped checkpoint, e.g. "step-000600: ..."
    std::vector<std::filesystem::path> skippedDirs; ///< the skipped folders, parallel to `skipped`
    std::string why;                                ///< "the latest", "the best by val_l1 (0.0412)", "as asked"
    bool fellBack() const { return !skipped.empty(); }
};

/**
 * One line that says which checkpoint a command uses and why: "using checkpoint step-000500 (the
 * latest) of run r1". Every command that loads a checkpoint prints it, followed by one line per
 * skipped checkpoint (skippedLines), so no fallback is ever silent.
 */
std::string describeChoice(const LoadedCheckpoint &loaded, const std::string &run);
/** "skipped damaged checkpoint step-000600: ..." for each skipped one. */
std::vector<std::string> skippedLines(const LoadedCheckpoint &loaded);
/**
 * Why nothing could be loaded: "run \"r1\" has no checkpoint yet" when there are none, or "run
 * \"r1\" has no usable checkpoint: every one is damaged: step-000600: ...; step-000500: ..." naming each.
 */
std::string describeNoCheckpoint(const std::string &run, const DamagedCheckpoints &damaged);

/** Which checkpoints survive pruning, and how "best" is chosen. */
struct CheckpointPolicy
{
    int keepLast = 3;                  ///< the K most recent complete checkpoints
    std::string bestMetric = "val_l1"; ///< manifest metric that ranks checkpoints
    bool lowerIsBetter = true;
};

/**
 * The checkpoints of one run, as folders `step-000500/` under one directory (docs/reliability.md
 * promise 1). A checkpoint is written part by part into `step-000500.partial/` (each part atomically),
 * then `manifest.json` with the size and SHA-256 of every part is written LAST, and the folder is
 * renamed to its final name and the parent fsynced: a folder without the `.partial` suffix and
 * with a parsable manifest is complete, and a kill at any moment leaves the previous ones intact.
 * After a commit, old checkpoints beyond the last K are deleted, except the best (by the policy's
 * metric) and the pinned ones (`pins.json`). Loading verifies every part against the manifest and
 * falls back to the previous complete checkpoint when the newest is damaged, saying which it
 * skipped and why. The run's writer calls recover() after a crash to remove stale `.partial` folders.
 */
class CheckpointStore
{
public:
    /** ReadWrite cleans up after killed writers on open; ReadOnly never touches the folder (readers beside a trainer).
     */
    enum class Mode
    {
        ReadWrite,
        ReadOnly
    };

    /** Opens (ReadWrite: creates) the folder. Throws IoError when it cannot be created. */
    explicit CheckpointStore(std::filesystem::path dir, CheckpointPolicy policy = {}, Mode mode = Mode::ReadWrite);

    /**
     * Cleans up after a killed writer: removes `.partial` folders and puts back a checkpoint that was
     * moved aside while being replaced. Only the one process that writes the run (it holds the run
     * lock) may call this, or it would delete another writer's checkpoint in progress.
     */
    void recover();

    const std::filesystem::path &dir() const { return m_dir; }
    const CheckpointPolicy &policy() const { return m_policy; }

    /** Starts a checkpoint at `step`; nothing is visible until CheckpointWriter::commit(). */
    CheckpointWriter begin(long long step, const std::string &kind = "regular");

    /** Complete-looking checkpoints (manifest parses), oldest first; damaged folders are left out. */
    std::vector<CheckpointInfo> list() const;

    /**
     * The newest checkpoint whose parts all match the manifest, or nullopt when there is none. Every
     * damaged checkpoint it skipped is in the result's `skipped`, and in `damaged` when given (also
     * when nothing was found, so the caller can name them).
     */
    std::optional<LoadedCheckpoint> loadLatest(DamagedCheckpoints *damaged = nullptr) const;
    /**
     * The best checkpoint by the policy's metric (verified, falling back to the next best, then to the
     * latest). Checkpoints whose manifest is damaged are listed as skipped too: any of them might have
     * been the best.
     */
    std::optional<LoadedCheckpoint> loadBest(DamagedCheckpoints *damaged = nullptr) const;
    /** best, last/latest or a step number (TrainingError for anything else); nullopt as above. */
    std::optional<LoadedCheckpoint> loadChoice(const std::string &which, DamagedCheckpoints *damaged = nullptr) const;
    /** Exactly the checkpoint at `step`; throws TrainingError when it is missing or damaged. */
    LoadedCheckpoint load(long long step) const;

    /** Throws TrainingError naming the part when a part is missing, has the wrong size or hash. */
    void verify(const CheckpointInfo &info) const;
    /** A part's bytes, checked against the manifest's SHA-256 (TrainingError when they differ). */
    std::string readPart(const CheckpointInfo &info, const std::string &name) const;

    void setPinned(long long step, bool pinned);
    std::vector<long long> pinnedSteps() const;
    std::optional<long long> bestStep() const;

    /**
     * Renames a damaged checkpoint folder to `step-000600.damaged` (`.damaged-2`, ... when taken) so
     * that nothing overwrites it and it stays there for inspection; no load looks at it again.
     * Returns the new path. Throws IoError.
     */
    std::filesystem::path setAside(const std::filesystem::path &dir) const;

    /** Deletes checkpoints outside last K + best + pinned; returns the steps deleted. */
    std::vector<long long> prune();

    /** "step-000500" */
    static std::string folderName(long long step);

private:
    friend class CheckpointWriter;
    std::optional<CheckpointInfo> readInfo(const std::filesystem::path &dir, std::string *problem) const;
    std::optional<long long> bestOf(const std::vector<CheckpointInfo> &infos) const;

    std::filesystem::path m_dir;
    CheckpointPolicy m_policy;
    Mode m_mode;
};

} // namespace zistudio::training
