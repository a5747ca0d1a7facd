// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the project layer: a thin RAII wrapper of a prepared SQLite statement.

#include "project/projecterror.h"

#include <sqlite3.h>

#include <cstring>
#include <string>
#include <string_view>

namespace zistudio::project
{

/** SQLite's message with the system's reason when there is one: "disk I/O error (No space left on device)". */
inline std::string sqliteReason(sqlite3 *db)
{
    if (!db)
        return "out of memory";
    std::string reason = sqlite3_errmsg(db);
    if (const int err = sqlite3_system_errno(db); err != 0)
        reason += std::string(" (") + std::strerror(err) + ")";
    return reason;
}

/** A prepared statement, finalised on destruction; errors are ProjectError naming the store file. */
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, std::string_view sql, const std::string &where)
        : m_db(db)
        , m_where(where)
    {
        if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
            fail("cannot prepare a query");
    }
    ~SqliteStatement() { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    SqliteStatement &bind(int i, const std::string &v)
    {
        check(sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
        return *this;
    }
    SqliteStatement &bind(int i, long long v)
    {
        check(sqlite3_bind_int64(m_stmt, i, v));
        return *this;
    }
    SqliteStatement &bind(int i, double v)
    {
        check(sqlite3_bind_double(m_stmt, i, v));
        return *this;
    }
    /** True while there is a row. */
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            fail("query failed");
        return false;
    }
    void run()
    {
        step();
        reset();
    }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    std::string text(int col) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
    }
    long long integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const { return sqlite3_column_double(m_stmt, col); }

private:
    void check(int rc)
    {
        if (rc != SQLITE_OK)
            fail("cannot bind a value");
    }
    [[noreturn]] void fail(const char *what)
    {
        throw ProjectError("run store " + m_where + ": " + what + ": " + sqliteReason(m_db));
    }
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    std::string m_where;
};

} // namespace zistudio::project
