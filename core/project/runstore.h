// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace zistudio::project
{

/** One training run as the store records it. */
struct RunRecord
{
    std::string name;
    std::string created;    ///< UTC, ISO 8601 (filled by createRun when empty)
    std::string status;     ///< "created", "running", "completed", "interrupted", "failed"
    std::string configJson; ///< the full configuration the run trains with (dataset, model, training)
    std::string attention;  ///< the attention spec in text form ("enc:3,dec:4" / "none")
    unsigned long long seed = 0;
    std::string versions;   ///< ZiStudio, LibTorch... (JSON)
    std::string parent;     ///< run this one was fine-tuned from ("" = none)
    long long lastStep = 0; ///< highest step with a recorded metric (read-only; computed)
};

/** A value of a named metric at a step ("loss_g", "val_l1", ...). */
struct MetricSample
{
    long long step = 0;
    std::string name;
    double value = 0.0;
};

struct MetricPoint
{
    long long step = 0;
    double value = 0.0;
};

/** A checkpoint of a run as the store mirrors it from the run's CheckpointStore. */
struct CheckpointRecord
{
    long long step = 0;
    std::string path;
    std::string kind;
    bool isBest = false;
    bool pinned = false;
    std::map<std::string, double> metrics; ///< validation metrics at that step
};

struct SampleRecord
{
    long long step = 0;
    std::string path; ///< sample grid PNG
};

/**
 * The run registry of a project: `runs.sqlite` beside the project file (SQLite, WAL, busy timeout,
 * prepared statements; schema versioned with PRAGMA user_version and migrated forward on open).
 * Tables: runs, metrics (run, step, name, value), checkpoints (run, step, path, kind, is_best,
 * pinned, val metrics as JSON), samples (run, step, png path). Everything a run did can be read
 * back. One RunStore per thread; several processes may share the file (WAL + busy timeout).
 * Throws ProjectError naming the file and the SQLite reason.
 */
class RunStore
{
public:
    /**
     * ReadWrite creates the file when missing and migrates it; ReadOnly never writes (read-only
     * media, a folder the user may not write): an existing store is read as it is (immutable when its
     * folder is not writable), a missing one is an empty store in memory.
     */
    enum class Access
    {
        ReadWrite,
        ReadOnly
    };

    /** Opens (ReadWrite: creating when missing) and migrates the store. */
    explicit RunStore(const std::filesystem::path &file, Access access = Access::ReadWrite);
    ~RunStore();
    RunStore(RunStore &&) noexcept;
    RunStore &operator=(RunStore &&) noexcept;

    /** The schema this build writes (PRAGMA user_version). */
    static int schemaVersion();

    /** Adds a run; throws ProjectError when the name is taken or invalid. */
    void createRun(const RunRecord &run);
    std::optional<RunRecord> run(const std::string &name) const;
    std::vector<RunRecord> listRuns() const; ///< oldest first
    void setStatus(const std::string &run, const std::string &status);
    void deleteRun(const std::string &run);

    /** Appends (or, for a step already recorded, replaces) metric values in one transaction. */
    void appendMetrics(const std::string &run, const std::vector<MetricSample> &samples);
    std::vector<MetricPoint> metrics(const std::string &run, const std::string &name) const; ///< by step
    std::vector<std::string> metricNames(const std::string &run) const;

    /** Adds or updates one checkpoint row. */
    void recordCheckpoint(const std::string &run, const CheckpointRecord &checkpoint);
    /** Replaces the run's checkpoint rows with `current` (after a commit pruned old ones), in one transaction. */
    void syncCheckpoints(const std::string &run, const std::vector<CheckpointRecord> &current);
    std::vector<CheckpointRecord> checkpoints(const std::string &run) const; ///< by step

    void recordSample(const std::string &run, const SampleRecord &sample);
    std::vector<SampleRecord> samples(const std::string &run) const; ///< by step

    const std::filesystem::path &file() const;
    bool readOnly() const;

    /**
     * Adds the runs whose folders are in `runsDir` (a valid name and a readable run.json) but not in
     * the store: after runs.sqlite was deleted or replaced, the runs are listed again (status
     * "recovered", their checkpoint folders as checkpoints; metrics are lost with the old file).
     * Returns the names added. Damaged run folders are skipped.
     */
    std::vector<std::string> recoverRuns(const std::filesystem::path &runsDir);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

struct ProjectLayout;

/**
 * The run store of a project, with the runs of layout.runsDir that it lacks added (recoverRuns), so a
 * deleted runs.sqlite never hides runs that are still there. For writing (training, importing) it is
 * opened ReadWrite (errors name the system's reason: read-only or full disk); for reading it is
 * read-only where the folder cannot be written (read-only media) and creates no file when there is
 * nothing to list.
 */
RunStore openRunStore(const ProjectLayout &layout, bool forWriting = false);

/** Run names: 1-64 characters of A-Z a-z 0-9 . _ -, not starting with '.' (they name folders). */
bool isValidRunName(const std::string &name);

/**
 * A name for a new run of the project: "run-YYYYMMDD-HHMMSS" (local time), with "-2", "-3"... added
 * when a run of that name exists already (two runs started in the same second), in the run folders
 * or in the run store.
 */
std::string newRunName(const ProjectLayout &layout);

} // namespace zistudio::project
