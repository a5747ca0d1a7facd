// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchmount.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace zistudio::test
{

ScratchMount::ScratchMount(std::uint64_t bytes)
    : m_bytes(bytes)
{
    std::string pattern = (std::filesystem::temp_directory_path() / "zistudio-mount-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
    if (::geteuid() != 0) {
        m_skipReason = "needs root to mount a tmpfs of fixed size (CI runs the tests as root)";
        return;
    }
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
    if (::mount("tmpfs", m_path.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
        m_skipReason
            = std::string("cannot mount a tmpfs (") + std::strerror(errno) + "): the container lacks CAP_SYS_ADMIN";
        return;
    }
    m_mounted = true;
}

ScratchMount::~ScratchMount()
{
    if (m_mounted)
        ::umount2(m_path.c_str(), MNT_DETACH);
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

void ScratchMount::remount(bool readOnly)
{
    const std::string options = "size=" + std::to_string(m_bytes) + ",mode=0755";
    const unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV | (readOnly ? MS_RDONLY : 0);
    if (::mount("tmpfs", m_path.c_str(), "tmpfs", flags, options.c_str()) != 0)
        throw std::runtime_error(std::string("remount failed: ") + std::strerror(errno));
}

void ScratchMount::remountReadOnly()
{
    remount(true);
}

void ScratchMount::remountReadWrite()
{
    remount(false);
}

std::uint64_t ScratchMount::freeBytes() const
{
    struct statvfs s
    { };
    if (::statvfs(m_path.c_str(), &s) != 0)
        return 0;
    return static_cast<std::uint64_t>(s.f_bavail) * s.f_frsize;
}

} // namespace zistudio::test
