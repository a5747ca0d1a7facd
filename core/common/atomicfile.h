// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace zistudio
{

/**
 * Writes `bytes` to `path` atomically: a temporary file in the same folder, write, flush, fsync,
 * rename over the target, fsync the folder. Either the whole new content is there afterwards or
 * the previous file is untouched. Throws IoError naming the path and the OS reason (disk full,
 * read-only folder, missing folder...).
 */
void writeFileAtomically(const std::filesystem::path &path, std::span<const std::byte> bytes);
void writeFileAtomically(const std::filesystem::path &path, std::string_view text);

/** fsyncs a folder so a rename inside it is durable. Throws IoError. */
void syncDirectory(const std::filesystem::path &dir);

/**
 * Reads a whole regular file, at most `maxBytes`. Throws IoError naming the path when it is missing,
 * unreadable, larger than maxBytes (also when its size was unknown or it grew while read), or not a
 * regular file: a FIFO, a device (/dev/zero, /dev/urandom) or a socket is refused before it is opened.
 */
std::string readFile(const std::filesystem::path &path, std::uintmax_t maxBytes = std::uintmax_t(1) << 32);

} // namespace zistudio
