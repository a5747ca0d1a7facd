// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/runstore.h"

#include "project/project.h"
#include "project/projecterror.h"
#include "project/projectlayout.h"
#include "project/sqlitestatement.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string_view>
#include <unistd.h>

namespace zistudio::project
{

namespace
{

constexpr int kBusyTimeoutMs = 10000;

/**
 * Schema migrations: kMigrations[i] takes a store from user_version i to i + 1. Append new steps
 * here, never edit old ones; open() runs the missing ones in one transaction.
 */
constexpr const char *kMigrations[] = {
    // 0 -> 1: the first schema.
    R"sql(
    CREATE TABLE runs(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        status TEXT NOT NULL,
        config TEXT NOT NULL,
        attention TEXT NOT NULL,
        seed INTEGER NOT NULL,
        versions TEXT NOT NULL,
        parent TEXT NOT NULL DEFAULT '');
    CREATE TABLE metrics(
        run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        step INTEGER NOT NULL,
        value REAL NOT NULL,
        PRIMARY KEY(run, name, step)) WITHOUT ROWID;
    CREATE TABLE checkpoints(
        run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        step INTEGER NOT NULL,
        path TEXT NOT NULL,
        kind TEXT NOT NULL,
        is_best INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0,
        metrics TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY(run, step));
    CREATE TABLE samples(
        run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        step INTEGER NOT NULL,
        path TEXT NOT NULL,
        PRIMARY KEY(run, step));
    )sql",
};
constexpr int kSchemaVersion = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm {};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/** "file:" URI of a path, with the characters a URI gives meaning to escaped. */
std::string fileUri(const std::filesystem::path &file)
{
    static const char *kHex = "0123456789ABCDEF";
    std::string uri = "file:";
    for (const char ch : std::filesystem::absolute(file).string()) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 32 || c >= 127 || ch == '%' || ch == '?' || ch == '#') {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 15];
        } else {
            uri += ch;
        }
    }
    return uri;
}

std::string metricsToJson(const std::map<std::string, double> &metrics)
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto &[k, v] : metrics)
        if (std::isfinite(v))
            j[k] = v;
    return j.dump();
}

std::map<std::string, double> metricsFromJson(const std::string &text)
{
    std::map<std::string, double> out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_object())
        for (const auto &[k, v] : j.items())
            if (v.is_number())
                out[k] = v.get<double>();
    return out;
}

} // namespace

bool isValidRunName(const std::string &name)
{
    if (name.empty() || name.size() > 64 || name[0] == '.')
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                || c == '-'))
            return false;
    return true;
}

std::string newRunName(const ProjectLayout &layout)
{
    const std::time_t now = std::time(nullptr);
    std::tm tm {};
    localtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "run-%Y%m%d-%H%M%S", &tm);
    std::optional<RunStore> store;
    try {
        store.emplace(openRunStore(layout));
    } catch (const Error &) {
        // an unreadable store is reported where the run is created; the folders still say what is taken
    }
    for (int n = 1;; ++n) {
        const std::string name = n == 1 ? std::string(stamp) : std::string(stamp) + "-" + std::to_string(n);
        std::error_code ec;
        if (!std::filesystem::exists(layout.runDir(name), ec) && !(store && store->run(name)))
            return name;
    }
}

struct RunStore::Impl
{
    std::filesystem::path file;
    std::string where;
    sqlite3 *db = nullptr;

    ~Impl()
    {
        if (db)
            sqlite3_close_v2(db);
    }

    bool readOnly = false;
    bool inMemory = false;

    /**
     * SQLite's reason, with the system's. When a file cannot be opened or written, the errno SQLite
     * saw last is often that of a fallback (ENOENT after EROFS): ask the folder and the file instead.
     */
    std::string reason() const
    {
        const int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_CANTOPEN;
        if (!readOnly
            && (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_IOERR || code == SQLITE_PERM)) {
            const std::filesystem::path dir
                = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
            const std::string message = db ? sqlite3_errmsg(db) : "cannot open";
            if (::access(dir.c_str(), W_OK) != 0)
                return message + " (" + std::strerror(errno) + ": " + dir.string() + ")";
            if (::access(file.c_str(), F_OK) == 0 && ::access(file.c_str(), W_OK) != 0)
                return message + " (" + std::strerror(errno) + ")";
        }
        return sqliteReason(db);
    }

    [[noreturn]] void fail(const std::string &what) const
    {
        throw ProjectError("run store " + where + ": " + what + ": " + reason());
    }

    void exec(const char *sql) const
    {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw ProjectError("run store " + where + ": " + reason());
    }

    /**
     * exec() for a statement that upgrades a read lock to a write lock outside a transaction (the
     * switch to WAL): SQLite answers SQLITE_BUSY at once, without the busy handler, when another
     * connection is upgrading too (waiting could deadlock), so wait here as the handler would.
     */
    void execWaitingForLocks(const char *sql) const
    {
        for (int waited = 0;; waited += 5) {
            const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
            if (rc == SQLITE_OK)
                return;
            if ((rc & 0xff) != SQLITE_BUSY || waited >= kBusyTimeoutMs)
                throw ProjectError("run store " + where + ": " + reason());
            ::usleep(5000);
        }
    }

    /** Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back when it throws. */
    template<typename F> void transaction(F &&body) const
    {
        exec("BEGIN IMMEDIATE");
        try {
            body();
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }

    long long runId(const std::string &name) const
    {
        SqliteStatement s(db, "SELECT id FROM runs WHERE name = ?", where);
        s.bind(1, name);
        if (!s.step())
            throw ProjectError("run store " + where + ": no run named \"" + name + "\"");
        return s.integer(0);
    }

    int userVersion() const
    {
        SqliteStatement s(db, "PRAGMA user_version", where);
        return s.step() ? static_cast<int>(s.integer(0)) : 0;
    }

    void migrate() const
    {
        const int version = userVersion();
        if (version > kSchemaVersion)
            throw ProjectError("run store " + where + " was written by a newer ZiStudio (schema "
                + std::to_string(version) + ", this one knows " + std::to_string(kSchemaVersion) + ")");
        if (version == kSchemaVersion)
            return;
        if (readOnly && !inMemory)
            throw ProjectError("run store " + where + " has an older schema (" + std::to_string(version)
                + "); open the project once where it can be written to update it");
        transaction([&] {
            // Read again under the write lock: another connection (the trainer and the studio open a new
            // store at the same moment) may have migrated it since the first look.
            const int locked = userVersion();
            for (int v = locked; v < kSchemaVersion; ++v)
                exec(kMigrations[v]);
            exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
        });
    }
};

RunStore::RunStore(const std::filesystem::path &file, Access access)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->file = file;
    m_impl->where = file.string();
    m_impl->readOnly = access == Access::ReadOnly;
    std::error_code ec;
    std::string name = file.string();
    int flags = SQLITE_OPEN_FULLMUTEX;
    if (!m_impl->readOnly) {
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    } else if (!std::filesystem::exists(file, ec)) {
        m_impl->inMemory = true; // nothing to read: an empty store that is never saved
        name = ":memory:";
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    } else {
        // A folder nobody can write (read-only media) cannot hold WAL's shared-memory file: read the
        // file as immutable there. Elsewhere a plain read-only connection sees a trainer's live writes.
        const bool folderWritable = ::access(file.parent_path().empty() ? "." : file.parent_path().c_str(), W_OK) == 0;
        name = fileUri(file) + (folderWritable ? "?mode=ro" : "?mode=ro&immutable=1");
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }
    if (sqlite3_open_v2(name.c_str(), &m_impl->db, flags, nullptr) != SQLITE_OK)
        m_impl->fail("cannot open");
    sqlite3_busy_timeout(m_impl->db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(m_impl->db, 1);
    try {
        // Reading the schema first turns "not a database" into a clear error before anything is written.
        m_impl->exec("SELECT count(*) FROM sqlite_master");
        if (!m_impl->readOnly) {
            m_impl->execWaitingForLocks("PRAGMA journal_mode = WAL");
            m_impl->exec("PRAGMA synchronous = NORMAL");
        }
        m_impl->exec("PRAGMA foreign_keys = ON");
        m_impl->migrate();
    } catch (const ProjectError &e) {
        // Only a file that is not a database (or a damaged one) earns the hint; a full or read-only disk
        // has said its own reason above.
        const int code = sqlite3_errcode(m_impl->db) & 0xff;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            throw ProjectError(std::string(e.what()) + " (is it a ZiStudio runs.sqlite?)");
        throw;
    }
}

bool RunStore::readOnly() const
{
    return m_impl->readOnly && !m_impl->inMemory;
}

std::vector<std::string> RunStore::recoverRuns(const std::filesystem::path &runsDir)
{
    namespace fs = std::filesystem;
    std::vector<std::string> added;
    if (readOnly())
        return added;
    std::error_code ec;
    std::vector<fs::path> dirs;
    for (const auto &entry : fs::directory_iterator(runsDir, ec))
        if (entry.is_directory(ec) && isValidRunName(entry.path().filename().string()))
            dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());
    for (const auto &dir : dirs) {
        const std::string name = dir.filename().string();
        if (run(name) || !fs::exists(dir / "run.json", ec))
            continue;
        Project config;
        try {
            config = loadRunConfig(dir / "run.json");
        } catch (const Error &) {
            continue; // a damaged run folder: `runs list` cannot show what it does not understand
        }
        createRun(RunRecord {.name = name,
            .created = "",
            .status = "recovered",
            .configJson = projectToJson(config).dump(),
            .attention = config.model.attention.toString(),
            .seed = config.training.seed,
            .versions = "{}",
            .parent = config.training.fineTuneFrom,
            .lastStep = 0});
        std::vector<CheckpointRecord> checkpoints;
        for (const auto &entry : fs::directory_iterator(dir / "checkpoints", ec)) {
            const std::string folder = entry.path().filename().string();
            if (folder.size() < 6 || folder.rfind("step-", 0) != 0 || folder.size() > 18
                || folder.find_first_not_of("0123456789", 5) != std::string::npos
                || !fs::exists(entry.path() / "manifest.json", ec))
                continue;
            checkpoints.push_back(CheckpointRecord {.step = std::stoll(folder.substr(5)),
                .path = entry.path().string(),
                .kind = "recovered",
                .isBest = false,
                .pinned = false,
                .metrics = {}});
        }
        std::sort(checkpoints.begin(), checkpoints.end(), [](const auto &a, const auto &b) { return a.step < b.step; });
        syncCheckpoints(name, checkpoints);
        added.push_back(name);
    }
    return added;
}

RunStore openRunStore(const ProjectLayout &layout, bool forWriting)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool exists = fs::exists(layout.runStore, ec);
    bool anyRun = false;
    for (const auto &entry : fs::directory_iterator(layout.runsDir, ec))
        anyRun = anyRun || (entry.is_directory(ec) && fs::exists(entry.path() / "run.json", ec));
    const fs::path dataFolder = fs::exists(layout.dataFolder, ec) ? layout.dataFolder : layout.folder;
    const bool writable
        = ::access(dataFolder.c_str(), W_OK) == 0 && (!exists || ::access(layout.runStore.c_str(), W_OK) == 0);
    // No store and no runs: an empty store in memory, so that listing creates no file.
    const bool write = forWriting || (writable && (exists || anyRun));
    RunStore store(layout.runStore, write ? RunStore::Access::ReadWrite : RunStore::Access::ReadOnly);
    if (anyRun)
        store.recoverRuns(layout.runsDir);
    return store;
}

RunStore::~RunStore() = default;
RunStore::RunStore(RunStore &&) noexcept = default;
RunStore &RunStore::operator=(RunStore &&) noexcept = default;

int RunStore::schemaVersion()
{
    return kSchemaVersion;
}

const std::filesystem::path &RunStore::file() const
{
    return m_impl->file;
}

void RunStore::createRun(const RunRecord &run)
{
    if (!isValidRunName(run.name))
        throw ProjectError(
            "invalid run name \"" + run.name + "\": use 1-64 letters, digits, '.', '_' or '-', not starting with '.'");
    if (this->run(run.name))
        throw ProjectError("run store " + m_impl->where + ": a run named \"" + run.name + "\" already exists");
    SqliteStatement s(m_impl->db,
        "INSERT INTO runs(name, created, status, config, attention, seed, versions, parent) VALUES(?,?,?,?,?,?,?,?)",
        m_impl->where);
    s.bind(1, run.name)
        .bind(2, run.created.empty() ? utcNow() : run.created)
        .bind(3, run.status.empty() ? std::string("created") : run.status)
        .bind(4, run.configJson)
        .bind(5, run.attention)
        .bind(6, static_cast<long long>(run.seed))
        .bind(7, run.versions)
        .bind(8, run.parent);
    s.run();
}

namespace
{

constexpr const char *kRunColumns = "SELECT r.name, r.created, r.status, r.config, r.attention, r.seed, r.versions, "
                                    "r.parent, (SELECT ifnull(max(step), 0) FROM metrics m WHERE m.run = r.id) "
                                    "FROM runs r";

RunRecord readRun(const SqliteStatement &s)
{
    return RunRecord {.name = s.text(0),
        .created = s.text(1),
        .status = s.text(2),
        .configJson = s.text(3),
        .attention = s.text(4),
        .seed = static_cast<unsigned long long>(s.integer(5)),
        .versions = s.text(6),
        .parent = s.text(7),
        .lastStep = s.integer(8)};
}

} // namespace

std::optional<RunRecord> RunStore::run(const std::string &name) const
{
    SqliteStatement s(m_impl->db, std::string(kRunColumns) + " WHERE r.name = ?", m_impl->where);
    s.bind(1, name);
    if (!s.step())
        return std::nullopt;
    return readRun(s);
}

std::vector<RunRecord> RunStore::listRuns() const
{
    SqliteStatement s(m_impl->db, std::string(kRunColumns) + " ORDER BY r.id", m_impl->where);
    std::vector<RunRecord> runs;
    while (s.step())
        runs.push_back(readRun(s));
    return runs;
}

void RunStore::setStatus(const std::string &run, const std::string &status)
{
    const long long id = m_impl->runId(run);
    SqliteStatement s(m_impl->db, "UPDATE runs SET status = ? WHERE id = ?", m_impl->where);
    s.bind(1, status).bind(2, id);
    s.run();
}

void RunStore::deleteRun(const std::string &run)
{
    const long long id = m_impl->runId(run);
    SqliteStatement s(m_impl->db, "DELETE FROM runs WHERE id = ?", m_impl->where);
    s.bind(1, id);
    s.run();
}

void RunStore::appendMetrics(const std::string &run, const std::vector<MetricSample> &samples)
{
    if (samples.empty())
        return;
    const long long id = m_impl->runId(run);
    m_impl->transaction([&] {
        SqliteStatement s(
            m_impl->db, "INSERT OR REPLACE INTO metrics(run, name, step, value) VALUES(?,?,?,?)", m_impl->where);
        for (const auto &m : samples) {
            if (!std::isfinite(m.value))
                continue; // SQLite has no NaN; a non-finite loss is counted by the trainer instead
            s.bind(1, id).bind(2, m.name).bind(3, m.step).bind(4, m.value);
            s.run();
        }
    });
}

std::vector<MetricPoint> RunStore::metrics(const std::string &run, const std::string &name) const
{
    const long long id = m_impl->runId(run);
    SqliteStatement s(
        m_impl->db, "SELECT step, value FROM metrics WHERE run = ? AND name = ? ORDER BY step", m_impl->where);
    s.bind(1, id).bind(2, name);
    std::vector<MetricPoint> out;
    while (s.step())
        out.push_back({s.integer(0), s.real(1)});
    return out;
}

std::vector<std::string> RunStore::metricNames(const std::string &run) const
{
    const long long id = m_impl->runId(run);
    SqliteStatement s(m_impl->db, "SELECT DISTINCT name FROM metrics WHERE run = ? ORDER BY name", m_impl->where);
    s.bind(1, id);
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.text(0));
    return out;
}

namespace
{

void insertCheckpoint(SqliteStatement &s, long long id, const CheckpointRecord &c)
{
    s.bind(1, id)
        .bind(2, c.step)
        .bind(3, c.path)
        .bind(4, c.kind)
        .bind(5, static_cast<long long>(c.isBest))
        .bind(6, static_cast<long long>(c.pinned))
        .bind(7, metricsToJson(c.metrics));
    s.run();
}

constexpr const char *kInsertCheckpoint
    = "INSERT OR REPLACE INTO checkpoints(run, step, path, kind, is_best, pinned, metrics) VALUES(?,?,?,?,?,?,?)";

} // namespace

void RunStore::recordCheckpoint(const std::string &run, const CheckpointRecord &checkpoint)
{
    const long long id = m_impl->runId(run);
    SqliteStatement s(m_impl->db, kInsertCheckpoint, m_impl->where);
    insertCheckpoint(s, id, checkpoint);
}

void RunStore::syncCheckpoints(const std::string &run, const std::vector<CheckpointRecord> &current)
{
    const long long id = m_impl->runId(run);
    m_impl->transaction([&] {
        SqliteStatement del(m_impl->db, "DELETE FROM checkpoints WHERE run = ?", m_impl->where);
        del.bind(1, id);
        del.run();
        SqliteStatement s(m_impl->db, kInsertCheckpoint, m_impl->where);
        for (const auto &c : current)
            insertCheckpoint(s, id, c);
    });
}

std::vector<CheckpointRecord> RunStore::checkpoints(const std::string &run) const
{
    const long long id = m_impl->runId(run);
    SqliteStatement s(m_impl->db,
        "SELECT step, path, kind, is_best, pinned, metrics FROM checkpoints WHERE run = ? ORDER BY step",
        m_impl->where);
    s.bind(1, id);
    std::vector<CheckpointRecord> out;
    while (s.step())
        out.push_back({.step = s.integer(0),
            .path = s.text(1),
            .kind = s.text(2),
            .isBest = s.integer(3) != 0,
            .pinned = s.integer(4) != 0,
            .metrics = metricsFromJson(s.text(5))});
    return out;
}

void RunStore::recordSample(const std::string &run, const SampleRecord &sample)
{
    const long long id = m_impl->runId(run);
    SqliteStatement s(m_impl->db, "INSERT OR REPLACE INTO samples(run, step, path) VALUES(?,?,?)", m_impl->where);
    s.bind(1, id).bind(2, sample.step).bind(3, sample.path);
    s.run();
}

std::vector<SampleRecord> RunStore::samples(const std::string &run) const
{
    const long long id = m_impl->runId(run);
    SqliteStatement s(m_impl->db, "SELECT step, path FROM samples WHERE run = ? ORDER BY step", m_impl->where);
    s.bind(1, id);
    std::vector<SampleRecord> out;
    while (s.step())
        out.push_back({s.integer(0), s.text(1)});
    return out;
}

} // namespace zistudio::project
