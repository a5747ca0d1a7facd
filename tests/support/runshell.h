// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace zistudio::test
{

/** What a shell command printed on stdout, and its exit code (-1 when it did not exit normally). */
struct ShellResult
{
    int exitCode = -1;
    std::string output;
};

/** Runs `command` through /bin/sh (add "2>&1" or "2>FILE" to capture stderr) and waits for it. */
inline ShellResult runShell(const std::string &command)
{
    ShellResult result;
    FILE *pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return result;
    std::array<char, 4096> buf {};
    while (const std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe))
        result.output.append(buf.data(), n);
    const int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace zistudio::test
