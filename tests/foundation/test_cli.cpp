// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI as a user runs it: a real process, its exit code and its output.
#include "runshell.h"
#include <gtest/gtest.h>

#include <algorithm>
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

TEST(Cli, UsageErrorsAreOneLineNamingTheCommandsHelp)
{
    const std::array<std::pair<const char *, const char *>, 3> cases {{
        {"render --font x.ttf --chars 永", "--size is required (see zistudio-cli render --help)"},
        {"dataset build --project p.zistudio --config d.json", "(see zistudio-cli dataset build --help)"},
        {"no-such-command", "(see zistudio-cli --help)"},
    }};
    for (const auto &[args, expected] : cases) {
        const Result r = run(args);
        EXPECT_EQ(r.exitCode, 2) << args << ": " << r.output;
        EXPECT_EQ(r.output.rfind("zistudio-cli: error: ", 0), 0u) << r.output;
        EXPECT_NE(r.output.find(expected), std::string::npos) << r.output;
        EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
    }
    const Result help = run("render --help");
    EXPECT_EQ(help.exitCode, 0) << help.output;
    EXPECT_NE(help.output.find("--policy"), std::string::npos) << help.output;
}
