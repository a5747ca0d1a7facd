// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI as a user runs it: a real process, its exit code and its output.
#include "runshell.h"
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace
{

struct Result
{
    int exitCode;
    std::string output;
};

Result run(const std::string &args)
{
    const std::string cmd = std::string(ZISTUDIO_CLI) + " " + args + " 2>&1";
    const auto r = zistudio::test::runShell(cmd);
    return {r.exitCode, r.output};
}

} // namespace

TEST(Cli, VersionNamesLibrariesAndDevice)
{
    const Result r = run("--threads 2 --version");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    for (const char *needle :
        {"ZiStudio " ZISTUDIO_VERSION, "LibTorch", "FreeType: 2.", "HarfBuzz", "CPU, 2 threads", "BLAS"})
        EXPECT_NE(r.output.find(needle), std::string::npos) << needle << " missing in:\n" << r.output;
}

TEST(Cli, UnknownOptionFails)
{
    const Result r = run("--no-such-option");
    EXPECT_NE(r.exitCode, 0);
}
