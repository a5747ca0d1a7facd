// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/runlock.h"

#include "common/error.h"
#include "training/trainingerror.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace zistudio::training
{

RunLock::RunLock(const std::filesystem::path &file)
{
    m_fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw IoError("cannot create the run lock " + file.string() + ": " + std::strerror(errno));
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(m_fd);
        m_fd = -1;
        if (err == EWOULDBLOCK)
            throw TrainingError("run " + file.parent_path().filename().string()
                + " is being trained by another process (" + file.string() + " is locked)");
        throw IoError("cannot lock " + file.string() + ": " + std::strerror(err));
    }
}

RunLock::~RunLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing releases the flock
}

} // namespace zistudio::training
