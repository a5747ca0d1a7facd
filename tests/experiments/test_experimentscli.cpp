// SPDX-License-Identifier: GPL-3.0-or-later
// `zistudio-cli sweep` and `zistudio-cli compare` as a user runs them: real processes, exit codes,
// output, and the files they write.
#include "common/atomicfile.h"
#include "common/imageio.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "runshell.h"
#include "tempdir.h"
#include "tinyproject.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <sys/wait.h>

using namespace zistudio;

namespace
{

struct Result
{
    int exitCode;
    std::string output;
};

Result run(const std::string &args)
{
    const std::string cmd = std::string(ZISTUDIO_CLI) + " --threads 1 " + args + " 2>&1";
    const auto r = zistudio::test::runShell(cmd);
    return {r.exitCode, r.output};
}

bool contains(const std::string &text, const std::string &needle)
{
    return text.find(needle) != std::string::npos;
}

} // namespace

TEST(ExperimentsCli, SweepTrainsResumesAndCompareReportsIt)
{
    test::TempDir dir;
    const auto file = dir / "tiny.zistudio";
    project::saveProject(test::tinyProject(), file);
    const std::string project = "--project " + file.string();

    const Result plan = run("sweep " + project + " --attention \"none;enc:2\" --repeat none --steps 2 --dry-run");
    ASSERT_EQ(plan.exitCode, 0) << plan.output;
    EXPECT_TRUE(contains(plan.output, "sweep-none-s8")) << plan.output;
    EXPECT_TRUE(contains(plan.output, "train (repeat)")) << plan.output;
    EXPECT_FALSE(std::filesystem::exists(project::ProjectLayout::of(file).runsDir / "sweep-none"));

    const Result first = run("sweep " + project + " --attention \"none;enc:2\" --repeat none --steps 2");
    ASSERT_EQ(first.exitCode, 0) << first.output;
    EXPECT_TRUE(contains(first.output, "compare them with")) << first.output;
    {
        project::RunStore store(project::ProjectLayout::of(file).runStore);
        EXPECT_EQ(store.run("sweep-enc2")->attention, "enc:2");
        EXPECT_EQ(store.run("sweep-none-s8")->seed, 8u);
    }
    const Result again = run("sweep " + project + " --attention \"none;enc:2\" --repeat none --steps 2");
    ASSERT_EQ(again.exitCode, 0) << again.output;
    EXPECT_TRUE(contains(again.output, "completed earlier, skipped")) << again.output;
    EXPECT_FALSE(contains(again.output, "training 2 steps")) << again.output;

    const auto csv = dir / "out.csv";
    const auto png = dir / "out.png";
    const Result json = run("compare " + project + " --runs sweep-none,sweep-enc2,sweep-none-s8 --json --csv "
        + csv.string() + " --figure " + png.string() + " --chars 永和");
    ASSERT_EQ(json.exitCode, 0) << json.output;
    const auto j = nlohmann::json::parse(json.output);
    ASSERT_EQ(j["runs"].size(), 3u);
    EXPECT_EQ(j["runs"][1]["attention"], "enc:2");
    EXPECT_EQ(j["verdict"]["noisePlacement"], "none");
    EXPECT_TRUE(contains(readFile(csv), "sweep-none-s8"));
    EXPECT_GT(readLuminanceImage(png).height, 0);

    const Result table = run("compare " + project + " --runs sweep-none,sweep-enc2");
    ASSERT_EQ(table.exitCode, 0) << table.output;
    for (const char *needle : {"val L1", "gamma", "enc:2=", "baseline", "noise unknown", "step time"})
        EXPECT_TRUE(contains(table.output, needle)) << needle << " missing in:\n" << table.output;
}

TEST(ExperimentsCli, ErrorsNameTheProblem)
{
    test::TempDir dir;
    const auto file = dir / "tiny.zistudio";
    project::saveProject(test::tinyProject(), file);
    const std::string project = "--project " + file.string();
    const Result badDepth = run("sweep " + project + " --attention \"none;enc:9\"");
    EXPECT_EQ(badDepth.exitCode, 1);
    EXPECT_TRUE(contains(badDepth.output, "zistudio-cli: error:")) << badDepth.output;
    EXPECT_TRUE(contains(badDepth.output, "enc:9")) << badDepth.output;
    const Result noRuns = run("compare " + project + " --runs a,b");
    EXPECT_EQ(noRuns.exitCode, 1);
    EXPECT_TRUE(contains(noRuns.output, "no runs yet")) << noRuns.output;
}
