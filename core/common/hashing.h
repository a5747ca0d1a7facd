// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace zistudio
{

/** SHA-256 of a byte string, as 64 lower-case hex digits. */
std::string sha256Hex(std::string_view bytes);

/** SHA-256 of a file's content, streamed. Throws IoError when it cannot be read. */
std::string sha256File(const std::filesystem::path &path);

/** Incremental SHA-256 for content hashes built from many pieces (fonts + settings). */
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(std::string_view bytes);
    std::string hex();

private:
    void *m_ctx;
};

} // namespace zistudio
