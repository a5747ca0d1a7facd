// SPDX-License-Identifier: GPL-3.0-or-later
#include "tempdir.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace zistudio::test
{

TempDir::TempDir()
{
    std::string pattern = (std::filesystem::temp_directory_path() / "zistudio-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir()
{
    std::error_code ec;
    // Tests make folders read-only to provoke errors: give write access back before removing.
    for (auto it = std::filesystem::recursive_directory_iterator(m_path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        std::filesystem::permissions(
            it->path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(m_path, ec);
}

} // namespace zistudio::test
