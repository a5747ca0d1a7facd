// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace zistudio::test
{

/**
 * A tmpfs of a fixed size mounted on a fresh folder, for full-disk and read-only tests. Mounting needs
 * root (CI runs as root); otherwise mounted() is false and skipReason() says why, so the test can
 * GTEST_SKIP() with that message. Unmounted (lazily) and removed on destruction.
 */
class ScratchMount
{
public:
    explicit ScratchMount(std::uint64_t bytes);
    ~ScratchMount();
    ScratchMount(const ScratchMount &) = delete;
    ScratchMount &operator=(const ScratchMount &) = delete;

    bool mounted() const { return m_mounted; }
    const std::string &skipReason() const { return m_skipReason; }
    const std::filesystem::path &path() const { return m_path; }
    std::filesystem::path operator/(const std::filesystem::path &rel) const { return m_path / rel; }

    /** Remounts read-only (root ignores mode bits, so chmod cannot make a read-only folder). */
    void remountReadOnly();
    void remountReadWrite();
    /** Free bytes for an unprivileged writer (statvfs f_bavail). */
    std::uint64_t freeBytes() const;

private:
    void remount(bool readOnly);

    std::filesystem::path m_path;
    std::uint64_t m_bytes;
    bool m_mounted = false;
    std::string m_skipReason;
};

} // namespace zistudio::test
