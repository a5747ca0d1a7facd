// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace zistudio::fontexport
{

/**
 * All-or-nothing output into a folder. Everything is written into a hidden staging folder inside
 * the output folder (same file system), then commit() makes it durable with one syncfs() and moves
 * each top-level entry into place: files by rename (atomic replace), folders by an atomic exchange
 * with the old folder (renameat2 RENAME_EXCHANGE), after which the old one is deleted; then the
 * output folder is fsynced. Until commit() the output folder is untouched; destroying an
 * uncommitted staging folder deletes it, so a failed or cancelled export never leaves a half UFO
 * over a good one. This is writeFileAtomically's temp → sync → rename at the level of the whole
 * export: one sync instead of two fsyncs for each of thousands of files (measured on a busy 2-core
 * machine: 12 ms per file with per-file fsync, 1.2 ms with one syncfs).
 */
class StagingFolder
{
public:
    /** Creates outDir/.zistudio-export-XXXXXX. Throws ExportError when outDir is missing, not a folder or not writable.
     */
    explicit StagingFolder(std::filesystem::path outDir);
    ~StagingFolder();
    StagingFolder(const StagingFolder &) = delete;
    StagingFolder &operator=(const StagingFolder &) = delete;

    /** The staging folder to write into. */
    const std::filesystem::path &path() const { return m_staging; }
    const std::filesystem::path &outDir() const { return m_outDir; }

    /**
     * Moves every entry of the staging folder into the output folder and removes the staging
     * folder. Returns the final paths, sorted. Throws ExportError (before moving anything) when an
     * entry would replace a file with a folder or the other way round.
     */
    std::vector<std::filesystem::path> commit();

private:
    std::filesystem::path m_outDir;
    std::filesystem::path m_staging;
    bool m_committed = false;
};

/**
 * Creates a new file (it must not exist) and writes `bytes`, without fsync: for files inside a
 * StagingFolder, whose commit() makes them durable. A partial file is removed on error. Throws
 * IoError naming the path and the OS reason (disk full, read-only...).
 */
void writeNewFile(const std::filesystem::path &path, std::string_view bytes);

} // namespace zistudio::fontexport
