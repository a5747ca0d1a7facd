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
#include <fstream>
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

/** A tiny project in a fresh folder, and the --project option that names it. */
struct TinyProject
{
    test::TempDir dir;
    std::filesystem::path file = dir / "tiny.zistudio";
    std::string option = "--project " + file.string();

    TinyProject() { project::saveProject(test::tinyProject(), file); }
};

bool contains(const std::string &text, const std::string &needle)
{
    return text.find(needle) != std::string::npos;
}

} // namespace

TEST(ExperimentsCli, SweepTrainsResumesAndCompareReportsIt)
{
    const TinyProject tiny;
    const auto &[dir, file, project] = tiny;

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
    for (const char *needle : {"val L1", "gamma", "enc:2=", "baseline", "noise unknown", "step time", "step CPU"})
        EXPECT_TRUE(contains(table.output, needle)) << needle << " missing in:\n" << table.output;

    // Saved one run at a time, read back together without the project: a study.
    for (const char *r : {"sweep-none", "sweep-enc2", "sweep-none-s8"}) {
        const Result saved = run("compare " + project + " --runs " + r + " --checkpoint last --chars 永 --save "
            + (dir / (std::string(r) + ".json")).string());
        ASSERT_EQ(saved.exitCode, 0) << saved.output;
    }
    const Result study
        = run("compare --from " + (dir / "sweep-none.json").string() + " --from " + (dir / "sweep-enc2.json").string()
            + " --from " + (dir / "sweep-none-s8.json").string() + " --figure " + (dir / "study.png").string());
    ASSERT_EQ(study.exitCode, 0) << study.output;
    for (const char *needle : {"sweep-none-s8", "placement", "1/1", "2/2"}) // the per-placement table
        EXPECT_TRUE(contains(study.output, needle)) << needle << " missing in:\n" << study.output;
    EXPECT_TRUE(contains(study.output, "2 runs")) << study.output; // none's mean over its two seeds
    EXPECT_GT(readLuminanceImage(dir / "study.png").height, 0);
    const Result both = run("compare --from " + (dir / "sweep-none.json").string() + " " + project + " --runs a");
    EXPECT_EQ(both.exitCode, 1);
    EXPECT_TRUE(contains(both.output, "--from")) << both.output;
}

TEST(ExperimentsCli, SweepSeedsOnlyAndTheJsonPlan)
{
    const TinyProject tiny;
    const auto &[dir, file, project] = tiny;
    const Result plan = run("sweep " + project
        + " --attention \"none;enc:2\" --seeds 2 --repeat none --only sweep-enc2-s8 --dry-run --json");
    ASSERT_EQ(plan.exitCode, 0) << plan.output;
    const auto j = nlohmann::json::parse(plan.output);
    std::vector<std::string> names;
    for (const auto &r : j["runs"]) {
        names.push_back(r["run"]);
        EXPECT_EQ(r["selected"], r["run"] == "sweep-enc2-s8") << r.dump();
        EXPECT_EQ(r["action"], "train");
    }
    EXPECT_EQ(names,
        (std::vector<std::string> {"sweep-none", "sweep-enc2", "sweep-none-s8", "sweep-enc2-s8", "sweep-none-s9"}));

    const Result one = run("sweep " + project + " --attention \"none;enc:2\" --seeds 2 --steps 1 --only sweep-enc2-s8");
    ASSERT_EQ(one.exitCode, 0) << one.output;
    project::RunStore store(project::ProjectLayout::of(file).runStore);
    EXPECT_EQ(store.listRuns().size(), 1u);
    EXPECT_EQ(store.run("sweep-enc2-s8")->seed, 8u);
    const Result unknown = run("sweep " + project + " --attention none --only sweep-enc2");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(contains(unknown.output, "not a run of this sweep")) << unknown.output;
}

TEST(ExperimentsCli, ErrorsNameTheProblem)
{
    const TinyProject tiny;
    const auto &[dir, file, project] = tiny;
    const Result badDepth = run("sweep " + project + " --attention \"none;enc:9\"");
    EXPECT_EQ(badDepth.exitCode, 1);
    EXPECT_TRUE(contains(badDepth.output, "zistudio-cli: error:")) << badDepth.output;
    EXPECT_TRUE(contains(badDepth.output, "enc:9")) << badDepth.output;
    const Result noRuns = run("compare " + project + " --runs a,b");
    EXPECT_EQ(noRuns.exitCode, 1);
    EXPECT_TRUE(contains(noRuns.output, "no runs yet")) << noRuns.output;
}

TEST(ExperimentsCli, ProjectNewSetsTheStudySettings)
{
    test::TempDir dir;
    const auto file = dir / "study.zistudio";
    {
        std::ofstream held(dir / "held.txt");
        held << "永和\n";
    }
    const Result created = run("project new " + file.string() + " --source " + test::TestFonts::songGb().string()
        + " --target " + test::TestFonts::kaiGb().string() + " --charset gb2312-1 --val-chars-file "
        + (dir / "held.txt").string() + " --val-fraction 0 --validate-every 7 --checkpoint-every 9 --seed 5");
    ASSERT_EQ(created.exitCode, 0) << created.output;
    const auto p = project::loadProject(file);
    EXPECT_EQ(p.dataset.validationFraction, 0.0);
    EXPECT_EQ(p.dataset.validationChars, (std::vector<std::string> {"永", "和"}));
    EXPECT_EQ(p.training.validateEvery, 7);
    EXPECT_EQ(p.training.checkpointEvery, 9);
    EXPECT_EQ(p.training.seed, 5u);
    const Result bad
        = run("project new " + (dir / "b.zistudio").string() + " --source " + test::TestFonts::songGb().string()
            + " --target " + test::TestFonts::kaiGb().string() + " --charset gb2312-1 --val-fraction 0.95");
    EXPECT_EQ(bad.exitCode, 2) << bad.output;
}
