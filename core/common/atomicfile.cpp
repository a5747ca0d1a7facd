// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/atomicfile.h"

#include "common/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace zistudio
{

namespace
{

std::string osReason(int err)
{
    return std::strerror(err);
}

[[noreturn]] void fail(const std::string &what, const std::filesystem::path &path, int err)
{
    throw IoError(what + " " + path.string() + ": " + osReason(err));
}

class FdCloser
{
public:
    explicit FdCloser(int fd)
        : m_fd(fd)
    { }
    ~FdCloser()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FdCloser(const FdCloser &) = delete;
    FdCloser &operator=(const FdCloser &) = delete;
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

std::filesystem::path tempSibling(const std::filesystem::path &path)
{
    // The process id is part of the name: a forked child inherits this generator's state, and a killed
    // writer leaves its temp file behind, so without it a child could repeat a leftover name (EEXIST).
    static thread_local std::mt19937_64 rng {std::random_device {}()};
    char suffix[48];
    std::snprintf(suffix, sizeof suffix, ".%ld.%016llx.tmp", static_cast<long>(::getpid()),
        static_cast<unsigned long long>(rng()));
    auto tmp = path;
    tmp += suffix;
    return tmp;
}

/** Creates a fresh temp file beside `path` (O_EXCL, a new name on a collision); returns the fd or -1. */
int createTempSibling(const std::filesystem::path &path, std::filesystem::path &tmp)
{
    constexpr int kAttempts = 8;
    int fd = -1;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        tmp = tempSibling(path);
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
    return fd;
}

std::string describeFileType(const struct stat &st)
{
    if (S_ISDIR(st.st_mode))
        return "a folder";
    if (S_ISFIFO(st.st_mode))
        return "a named pipe (FIFO)";
    if (S_ISCHR(st.st_mode))
        return "a character device";
    if (S_ISBLK(st.st_mode))
        return "a block device";
    if (S_ISSOCK(st.st_mode))
        return "a socket";
    return "not a regular file";
}

} // namespace

void syncDirectory(const std::filesystem::path &dir)
{
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        fail("cannot open folder", dir, errno);
    FdCloser closer(fd);
    if (::fsync(fd) != 0 && errno != EINVAL)
        fail("cannot sync folder", dir, errno);
}

void writeFileAtomically(const std::filesystem::path &path, std::span<const std::byte> bytes)
{
    const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::filesystem::path tmp;
    const int fd = createTempSibling(path, tmp);
    if (fd < 0)
        fail("cannot create a file in", dir, errno);
    FdCloser closer(fd);
    auto cleanupAndFail = [&](const char *what, int err) {
        ::close(closer.release());
        ::unlink(tmp.c_str());
        fail(what, path, err);
    };
    const auto *data = reinterpret_cast<const char *>(bytes.data());
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            cleanupAndFail("cannot write", errno);
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        cleanupAndFail("cannot flush", errno);
    if (::close(closer.release()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail("cannot close", path, err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail("cannot replace", path, err);
    }
    syncDirectory(dir);
}

void writeFileAtomically(const std::filesystem::path &path, std::string_view text)
{
    writeFileAtomically(path, std::as_bytes(std::span(text.data(), text.size())));
}

std::string readFile(const std::filesystem::path &path, std::uintmax_t maxBytes)
{
    // The type is checked before opening: opening a FIFO blocks until a writer appears, and a device
    // such as /dev/zero or /dev/urandom never ends. Only regular files are read.
    struct stat st
    { };
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            throw IoError("file not found: " + path.string());
        fail("cannot read", path, err);
    }
    if (S_ISDIR(st.st_mode))
        throw IoError("expected a file but found a folder: " + path.string());
    if (!S_ISREG(st.st_mode))
        throw IoError("expected a regular file but found " + describeFileType(st) + ": " + path.string());
    if (static_cast<std::uintmax_t>(st.st_size) > maxBytes)
        throw IoError("file is too large (" + std::to_string(st.st_size) + " bytes, limit " + std::to_string(maxBytes)
            + "): " + path.string());
    // O_NONBLOCK: if the path was swapped for a FIFO after the check, open() must not hang either.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        fail("cannot open", path, errno);
    FdCloser closer(fd);
    if (::fstat(fd, &st) != 0)
        fail("cannot read", path, errno);
    if (!S_ISREG(st.st_mode))
        throw IoError("expected a regular file but found " + describeFileType(st) + ": " + path.string());
    // Read at most maxBytes + 1 whatever the size said: a file that grows while it is read is capped too.
    std::string data;
    data.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(static_cast<std::uintmax_t>(st.st_size), maxBytes)));
    std::size_t have = 0;
    constexpr std::size_t kChunk = 1 << 20;
    while (true) {
        if (have == data.size()) {
            if (data.size() > maxBytes)
                throw IoError("file is too large (more than " + std::to_string(maxBytes) + " bytes): " + path.string());
            data.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(data.size() + kChunk, maxBytes + 1)));
        }
        const ssize_t n = ::read(fd, data.data() + have, data.size() - have);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail("cannot read", path, errno);
        }
        if (n == 0)
            break;
        have += static_cast<std::size_t>(n);
    }
    if (have > maxBytes)
        throw IoError("file is too large (more than " + std::to_string(maxBytes) + " bytes): " + path.string());
    data.resize(have);
    return data;
}

} // namespace zistudio
