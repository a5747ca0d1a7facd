// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace zistudio::fuzz
{

/**
 * A per-process scratch folder for harnesses whose code under test reads files (fonts, manifests,
 * project files). It lives in /dev/shm when there is one, so writing each input costs no disk I/O,
 * and it is removed when the process exits normally.
 */
class ScratchDir
{
public:
    ScratchDir()
    {
        const std::filesystem::path base
            = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
        m_path = base / ("zistudio-fuzz-" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir &) = delete;
    ScratchDir &operator=(const ScratchDir &) = delete;

    const std::filesystem::path &path() const { return m_path; }

    /** Writes `bytes` to `rel` inside the folder (creating parent folders) and returns the full path. */
    std::filesystem::path write(const std::filesystem::path &rel, std::string_view bytes) const
    {
        const auto file = m_path / rel;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out)
            std::abort(); // the harness itself is broken: never report that as a finding
        return file;
    }

    /** The one scratch folder of this process. */
    static const ScratchDir &instance()
    {
        static const ScratchDir dir;
        return dir;
    }

private:
    std::filesystem::path m_path;
};

/** The input as a string_view. */
inline std::string_view bytesOf(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

} // namespace zistudio::fuzz
