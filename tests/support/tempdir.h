// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace zistudio::test
{

/** A fresh folder under the system temp dir, removed (with its content) on destruction. */
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const std::filesystem::path &path() const { return m_path; }
    std::filesystem::path operator/(const std::filesystem::path &rel) const { return m_path / rel; }

private:
    std::filesystem::path m_path;
};

} // namespace zistudio::test
