// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/stagingfolder.h"

#include "common/atomicfile.h"
#include "common/hashing.h"
#include "common/jsontext.h"
#include "export/exporterror.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <set>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

namespace zistudio::fontexport
{

namespace fs = std::filesystem;

namespace
{

constexpr const char *kPrefix = ".zistudio-export-";
constexpr const char *kLockName = ".zistudio-staging.lock";
constexpr const char *kManifestFormat = "zistudio-export";
constexpr std::uintmax_t kMaxManifestBytes = std::uintmax_t(256) << 20;
/// A staging folder without a lock file is a killed export's only once it is this old (its creator
/// may be between mkdtemp() and creating the lock).
constexpr auto kUnlockedGrace = std::chrono::seconds(60);
constexpr std::size_t kConflictsNamed = 5;

/** Relative path (generic form) → the SHA-256 values an export wrote there (several during a commit). */
using FileHashes = std::map<std::string, std::set<std::string>>;

std::string osReason(int err)
{
    return std::strerror(err);
}

/** Swaps two paths atomically; false when the file system cannot (the caller falls back). */
bool exchange(const fs::path &a, const fs::path &b)
{
#ifdef RENAME_EXCHANGE
    return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
#else
    (void)a;
    (void)b;
    errno = EINVAL;
    return false;
#endif
}

/** Flushes everything written under `dir` to disk: syncfs on its file system, else sync(). */
void syncFileSystem(const fs::path &dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0 && ::syncfs(fd) == 0) {
        ::close(fd);
        return;
    }
    if (fd >= 0)
        ::close(fd);
    ::sync();
}

/** What the last export wrote into `outDir`; empty (everything counts as the user's) when unreadable. */
FileHashes readManifest(const fs::path &outDir)
{
    FileHashes files;
    const fs::path path = outDir / StagingFolder::kManifestName;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec)))
        return files;
    try {
        const auto j = parseJsonText(readFile(path, kMaxManifestBytes));
        if (!j.is_object() || !j.contains("format") || j["format"] != kManifestFormat)
            return files;
        for (const char *key : {"files", "previous"}) {
            if (!j.contains(key) || !j[key].is_object())
                continue;
            for (const auto &[rel, hash] : j[key].items())
                if (hash.is_string())
                    files[rel].insert(hash.get<std::string>());
        }
    } catch (const Error &) {
        files.clear(); // a damaged manifest vouches for nothing: nothing is replaced without asking
    }
    return files;
}

void writeManifest(const fs::path &outDir, const FileHashes &current, const FileHashes &previous)
{
    nlohmann::json files = nlohmann::json::object();
    for (const auto &[rel, hashes] : current)
        if (!hashes.empty())
            files[rel] = *hashes.begin();
    nlohmann::json j {{"format", kManifestFormat}, {"version", 1}, {"files", files}};
    if (!previous.empty()) {
        nlohmann::json old = nlohmann::json::object();
        for (const auto &[rel, hashes] : previous)
            for (const auto &h : hashes)
                old[rel] = h;
        j["previous"] = old;
    }
    writeFileAtomically(outDir / StagingFolder::kManifestName, j.dump(1));
}

/** Every non-folder entry under `root` (symbolic links not followed), relative to `base`, in generic form. */
std::vector<std::string> filesUnder(const fs::path &root, const fs::path &base, std::vector<std::string> *emptyDirs)
{
    std::vector<std::string> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const auto status = it->symlink_status(ec);
        const std::string rel = it->path().lexically_relative(base).generic_string();
        if (fs::is_directory(status)) {
            if (emptyDirs && fs::is_empty(it->path(), ec))
                emptyDirs->push_back(rel);
        } else {
            files.push_back(rel);
        }
    }
    if (ec)
        throw ExportError("cannot list " + root.string() + ": " + ec.message());
    return files;
}

/** Whether `outDir/rel` is a file the last export wrote and nobody changed since. */
bool writtenByUs(const fs::path &outDir, const std::string &rel, const FileHashes &manifest)
{
    const auto it = manifest.find(rel);
    if (it == manifest.end())
        return false;
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(outDir / rel, ec)))
        return false;
    try {
        return it->second.count(sha256File(outDir / rel)) > 0;
    } catch (const Error &) {
        return false;
    }
}

/** Puts the user's file `from` at `to` inside the staging folder: a hard link, else a copy. */
void carry(const fs::path &from, const fs::path &to)
{
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec)
        throw ExportError("cannot keep " + from.string() + " in the new export: " + ec.message());
    if (::link(from.c_str(), to.c_str()) == 0)
        return;
    const int err = errno;
    const auto status = fs::symlink_status(from, ec);
    if (fs::is_symlink(status))
        fs::copy_symlink(from, to, ec);
    else if (fs::is_regular_file(status))
        fs::copy_file(from, to, ec);
    else
        ec = std::error_code(err, std::generic_category());
    if (ec)
        throw ExportError("cannot keep " + from.string() + " in the new export (" + osReason(err) + ", " + ec.message()
            + "); nothing was changed");
}

/** A staging folder nobody works in any more: its lock is free, or it has none and is not brand new. */
bool isStale(const fs::path &dir)
{
    const int fd = ::open((dir / kLockName).c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        std::error_code ec;
        const auto written = fs::last_write_time(dir, ec);
        return !ec && fs::file_time_type::clock::now() - written > kUnlockedGrace;
    }
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    return free;
}

} // namespace

int removeStaleStagingFolders(const fs::path &outDir)
{
    int removed = 0;
    std::error_code ec;
    std::vector<fs::path> stale;
    for (const auto &entry : fs::directory_iterator(outDir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kPrefix, 0) != 0 || !fs::is_directory(entry.symlink_status(ec)))
            continue;
        if (isStale(entry.path()))
            stale.push_back(entry.path());
    }
    for (const auto &dir : stale) {
        // A commit without RENAME_EXCHANGE moves an old folder aside as NAME.old before moving the new
        // one in: killed in between, the old one goes back rather than away.
        for (const auto &entry : fs::directory_iterator(dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (name.size() > 4 && name.ends_with(".old")
                && !fs::exists(fs::symlink_status(outDir / name.substr(0, name.size() - 4), ec)))
                fs::rename(entry.path(), outDir / name.substr(0, name.size() - 4), ec);
        }
        fs::remove_all(dir, ec);
        if (!ec)
            ++removed;
    }
    return removed;
}

void writeNewFile(const fs::path &path, std::string_view bytes)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw IoError("cannot create " + path.string() + ": " + osReason(errno));
    const char *data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(path.c_str());
            throw IoError("cannot write " + path.string() + ": " + osReason(err));
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(path.c_str());
        throw IoError("cannot write " + path.string() + ": " + osReason(err));
    }
}

StagingFolder::StagingFolder(fs::path outDir, bool overwrite)
    : m_outDir(std::move(outDir))
    , m_overwrite(overwrite)
{
    std::error_code ec;
    const auto status = fs::status(m_outDir, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
        throw ExportError("cannot use the output folder " + m_outDir.string() + ": " + ec.message());
    if (!fs::exists(status))
        throw ExportError("output folder does not exist: " + m_outDir.string());
    if (!fs::is_directory(status))
        throw ExportError("output path is not a folder: " + m_outDir.string());
    removeStaleStagingFolders(m_outDir);
    std::string pattern = (m_outDir / (std::string(kPrefix) + "XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) {
        const int err = errno;
        throw ExportError("output folder is not writable: " + m_outDir.string() + ": " + osReason(err));
    }
    m_staging = pattern;
    // The lock says "in use" to other exports' clean-up for as long as this process lives.
    m_lockFd = ::open((m_staging / kLockName).c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (m_lockFd < 0 || ::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        if (m_lockFd >= 0)
            ::close(m_lockFd);
        fs::remove_all(m_staging, ec);
        throw ExportError("cannot lock the staging folder in " + m_outDir.string() + ": " + osReason(err));
    }
}

StagingFolder::~StagingFolder()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd);
    if (m_committed)
        return;
    std::error_code ec;
    fs::remove_all(m_staging, ec);
}

std::vector<fs::path> StagingFolder::commit()
{
    std::vector<fs::path> entries;
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(m_staging, ec))
        if (e.path().filename() != kLockName)
            entries.push_back(e.path());
    if (ec)
        throw ExportError("cannot list staging folder " + m_staging.string() + ": " + ec.message());
    std::sort(entries.begin(), entries.end());

    // What this export wrote, and what the last one did.
    FileHashes written;
    for (const auto &rel : filesUnder(m_staging, m_staging, nullptr))
        if (rel != kLockName)
            written[rel].insert(sha256File(m_staging / rel));
    const FileHashes previous = readManifest(m_outDir);

    // Check every entry first so that a conflict leaves the output folder as it was.
    std::vector<std::string> conflicts;
    std::vector<std::string> keep; // the user's files inside folders this export replaces
    std::vector<std::string> keepDirs;
    for (const auto &src : entries) {
        const std::string name = src.filename().string();
        const fs::path dst = m_outDir / name;
        const auto dstStatus = fs::symlink_status(dst, ec);
        if (!fs::exists(dstStatus))
            continue;
        const bool srcDir = fs::is_directory(src);
        if (srcDir != fs::is_directory(dstStatus) || fs::is_symlink(dstStatus))
            throw ExportError("cannot replace " + dst.string() + " with a " + (srcDir ? "folder" : "file")
                + ": something of another kind is in the way; nothing was changed");
        if (!srcDir) {
            if (!m_overwrite && !writtenByUs(m_outDir, name, previous))
                conflicts.push_back(name);
            continue;
        }
        for (const auto &rel : filesUnder(dst, m_outDir, &keepDirs)) {
            const bool ours = writtenByUs(m_outDir, rel, previous);
            if (written.count(rel)) {
                if (!ours && !m_overwrite)
                    conflicts.push_back(rel);
            } else if (!ours) {
                keep.push_back(rel); // not ours (or edited since): it stays
            }                        // else: ours and no longer exported: it goes with the old folder
        }
    }
    if (!conflicts.empty()) {
        std::string named;
        for (std::size_t i = 0; i < conflicts.size() && i < kConflictsNamed; ++i)
            named += (i ? ", " : "") + conflicts[i];
        if (conflicts.size() > kConflictsNamed)
            named += " and " + std::to_string(conflicts.size() - kConflictsNamed) + " more";
        throw ExportError("the export would overwrite " + std::to_string(conflicts.size()) + " file"
            + (conflicts.size() == 1 ? "" : "s") + " in " + m_outDir.string()
            + " that ZiStudio did not write (or that were changed since): " + named
            + "; nothing was changed. Move them away, choose another output folder, or allow overwriting them "
              "(zistudio-cli export --overwrite)");
    }
    for (const auto &rel : keep)
        carry(m_outDir / rel, m_staging / rel);
    for (const auto &rel : keepDirs)
        if (!fs::exists(fs::symlink_status(m_staging / rel, ec)))
            fs::create_directories(m_staging / rel, ec);

    // The manifest: what this export wrote, plus the records of the last one's entries left untouched.
    // During the moves it vouches for both versions, so a kill in between never orphans our files.
    FileHashes current = written;
    for (const auto &[rel, hashes] : previous) {
        const std::string top = rel.substr(0, rel.find('/'));
        const bool replaced = std::any_of(
            entries.begin(), entries.end(), [&](const fs::path &e) { return e.filename().string() == top; });
        if (!replaced)
            current[rel] = hashes;
    }
    writeManifest(m_outDir, current, previous);

    // Everything staged reaches the disk before any of it becomes visible.
    syncFileSystem(m_staging);
    std::vector<fs::path> done;
    for (const auto &src : entries) {
        const fs::path dst = m_outDir / src.filename();
        const bool dstExists = fs::exists(fs::symlink_status(dst, ec));
        if (fs::is_directory(src) && dstExists) {
            if (!exchange(src, dst)) {
                // No RENAME_EXCHANGE here: move the old folder aside first, then the new one in.
                const fs::path aside = m_staging / (src.filename().string() + ".old");
                if (::rename(dst.c_str(), aside.c_str()) != 0 || ::rename(src.c_str(), dst.c_str()) != 0) {
                    const int err = errno;
                    throw ExportError(
                        "cannot move " + src.filename().string() + " into " + m_outDir.string() + ": " + osReason(err));
                }
            }
            // After the exchange `src` holds the old folder (the user's files in it are also linked
            // into the new one); after the fallback it no longer exists.
            fs::remove_all(src, ec);
            fs::remove_all(m_staging / (src.filename().string() + ".old"), ec);
        } else if (::rename(src.c_str(), dst.c_str()) != 0) {
            const int err = errno;
            throw ExportError(
                "cannot move " + src.filename().string() + " into " + m_outDir.string() + ": " + osReason(err));
        }
        done.push_back(dst);
    }
    writeManifest(m_outDir, current, {});
    syncDirectory(m_outDir);
    fs::remove_all(m_staging, ec);
    m_committed = true;
    return done;
}

} // namespace zistudio::fontexport
