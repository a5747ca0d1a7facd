// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI as a user runs it: a real process, its exit code and its output.
#include "runshell.h"
#include "testfonts.h"
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

// Hostile paths given to commands that read files: refused at once with the kind of file, never read
// (a FIFO would hang, /dev/zero would allocate until bad_alloc). `timeout` turns a hang into a failure.
TEST(Cli, DevicesAndPipesAreRefusedNotRead)
{
    char dir[] = "/tmp/zistudio-cli-fifo-XXXXXX";
    ASSERT_NE(::mkdtemp(dir), nullptr);
    const std::string fifo = std::string(dir) + "/p.zistudio";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string font = zistudio::test::TestFonts::kaiGb().string();
    for (const std::string &args : {"project show " + fifo, "model inspect " + fifo,
             "render --font " + font + " --size 32 --charset-file /dev/zero --out " + dir,
             "render --font " + font + " --size 32 --charset-file /dev/urandom --out " + dir,
             "render --font /dev/zero --size 32 --chars x --out " + std::string(dir)}) {
        const auto r = zistudio::test::runShell("timeout 60 " + std::string(ZISTUDIO_CLI) + " " + args + " 2>&1");
        EXPECT_EQ(r.exitCode, 1) << args << ": " << r.output;
        EXPECT_TRUE(r.output.find("named pipe") != std::string::npos
            || r.output.find("character device") != std::string::npos
            || r.output.find("not a regular") != std::string::npos)
            << args << ": " << r.output;
    }
    ::unlink(fifo.c_str());
    ::rmdir(dir);
}

// Names from files reach the terminal escaped, whichever command prints them (here a project's name,
// a title sequence and a fake line in JSON escapes, shown by `project show`).
TEST(Cli, NamesFromFilesCannotDriveTheTerminal)
{
    char dir[] = "/tmp/zistudio-cli-esc-XXXXXX";
    ASSERT_NE(::mkdtemp(dir), nullptr);
    const std::string project = std::string(dir) + "/p.zistudio";
    const std::string font = zistudio::test::TestFonts::kaiGb().string();
    Result r = run("project new " + project + " --source " + font + " --target " + font + " --charset gb2312-1");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    r = run("project show " + project);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto edited = zistudio::test::runShell(
        "sed -i 's/\"name\": \"p\"/\"name\": \"evil\\\\u001b]0;owned\\\\u0007\\\\r\\\\nfake\"/' " + project
        + " && grep -c u001b " + project);
    ASSERT_EQ(edited.output, "1\n") << "the test's sed did not plant the name";
    r = run("project show " + project);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find('\x1b'), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find('\x07'), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find('\r'), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("evil\\x1b]0;owned\\x07\\r\\nfake"), std::string::npos) << r.output;
    zistudio::test::runShell(std::string("rm -rf ") + dir);
}
