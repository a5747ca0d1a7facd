// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/stagingfolder.h"

#include "common/atomicfile.h"
#include "export/exporterror.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

namespace zistudio::fontexport
{

namespace fs = std::filesystem;

namespace
{

constexpr const char *kPrefix = ".zistudio-export-";

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

} // namespace

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

StagingFolder::StagingFolder(fs::path outDir)
    : m_outDir(std::move(outDir))
{
    std::error_code ec;
    const auto status = fs::status(m_outDir, ec);
    if (!fs::exists(status))
        throw ExportError("output folder does not exist: " + m_outDir.string());
    if (!fs::is_directory(status))
        throw ExportError("output path is not a folder: " + m_outDir.string());
    std::string pattern = (m_outDir / (std::string(kPrefix) + "XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) {
        const int err = errno;
        throw ExportError("output folder is not writable: " + m_outDir.string() + ": " + osReason(err));
    }
    m_staging = pattern;
}

StagingFolder::~StagingFolder()
{
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
        entries.push_back(e.path());
    if (ec)
        throw ExportError("cannot list staging folder " + m_staging.string() + ": " + ec.message());
    std::sort(entries.begin(), entries.end());
    // Check every entry first so that a conflict leaves the output folder as it was.
    for (const auto &src : entries) {
        const fs::path dst = m_outDir / src.filename();
        const auto dstStatus = fs::symlink_status(dst, ec);
        if (!fs::exists(dstStatus))
            continue;
        const bool srcDir = fs::is_directory(src);
        if (srcDir != fs::is_directory(dstStatus) || fs::is_symlink(dstStatus))
            throw ExportError("cannot replace " + dst.string() + " with a " + (srcDir ? "folder" : "file")
                + ": something of another kind is in the way");
    }
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
            // After the exchange `src` holds the old folder; after the fallback it no longer exists.
            fs::remove_all(src, ec);
            fs::remove_all(m_staging / (src.filename().string() + ".old"), ec);
        } else if (::rename(src.c_str(), dst.c_str()) != 0) {
            const int err = errno;
            throw ExportError(
                "cannot move " + src.filename().string() + " into " + m_outDir.string() + ": " + osReason(err));
        }
        done.push_back(dst);
    }
    syncDirectory(m_outDir);
    fs::remove_all(m_staging, ec);
    m_committed = true;
    return done;
}

} // namespace zistudio::fontexport
