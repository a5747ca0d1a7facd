// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli dataset build / info as a user runs them.
#include "common/atomicfile.h"
#include "data/datasetspecjson.h"
#include "datasettestutil.h"
#include "project/project.h"
#include "runshell.h"
#include "tempdir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <sys/wait.h>

using namespace zistudio;
using zistudio::test::TempDir;

namespace
{

struct Result
{
    int exitCode;
    std::string out;
    std::string err;
};

Result run(const std::string &args)
{
    TempDir dir;
    const std::string cmd = std::string(ZISTUDIO_CLI) + " " + args + " 2>" + (dir / "err").string();
    const auto r = zistudio::test::runShell(cmd);
    return {r.exitCode, r.output, readFile(dir / "err")};
}

std::string q(const std::filesystem::path &p)
{
    return "'" + p.string() + "'";
}

} // namespace

TEST(CliDataset, BuildThenInfo)
{
    TempDir dir;
    writeFileAtomically(dir / "dataset.json", data::datasetSpecToJson(test::smallSpec()).dump(2));
    const Result built = run("dataset build --config " + q(dir / "dataset.json") + " --store " + q(dir / "store"));
    ASSERT_EQ(built.exitCode, 0) << built.err;
    EXPECT_NE(built.out.find("built:"), std::string::npos) << built.out;
    EXPECT_NE(built.out.find("UKai CN"), std::string::npos) << built.out;
    EXPECT_NE(built.out.find("72 training pairs, 18 validation pairs"), std::string::npos) << built.out;

    const Result again
        = run("dataset build --json --config " + q(dir / "dataset.json") + " --store " + q(dir / "store"));
    ASSERT_EQ(again.exitCode, 0) << again.err;
    const auto j = nlohmann::json::parse(again.out);
    EXPECT_TRUE(j["reused"].get<bool>());
    EXPECT_EQ(j["report"]["trainPairs"], 72);

    const Result info = run("dataset info --json --store " + q(dir / "store"));
    ASSERT_EQ(info.exitCode, 0) << info.err;
    EXPECT_EQ(nlohmann::json::parse(info.out)["report"]["styles"][1]["styleId"], 3);
    const Result text = run("dataset info --store " + q(dir / "store"));
    EXPECT_NE(text.out.find("9 characters held out"), std::string::npos) << text.out;
}

TEST(CliDataset, AProjectBuildsIntoItsOwnCache)
{
    TempDir dir;
    project::Project p = project::defaultProject("cli");
    p.dataset = test::smallSpec();
    p.model.imageSize = p.dataset.imageSize;
    project::saveProject(p, dir / "p.zistudio");
    const std::string proj = " --project " + q(dir / "p.zistudio");

    const Result none = run("dataset info" + proj);
    EXPECT_EQ(none.exitCode, 1) << none.out;
    EXPECT_NE(none.err.find((dir / "cache" / "dataset").string()), std::string::npos) << none.err;

    const Result built = run("dataset build" + proj);
    ASSERT_EQ(built.exitCode, 0) << built.err;
    EXPECT_NE(built.out.find("built: " + (dir / "cache" / "dataset").string()), std::string::npos) << built.out;
    EXPECT_NE(built.out.find("72 training pairs, 18 validation pairs"), std::string::npos) << built.out;
    EXPECT_TRUE(std::filesystem::exists(dir / "cache" / "dataset" / "index.json"));

    // Unchanged fonts and settings: the store is reused; a changed setting in the project rebuilds it.
    const Result again = run("dataset build --json" + proj);
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_TRUE(nlohmann::json::parse(again.out)["reused"].get<bool>());
    p.dataset.seed = 8;
    project::saveProject(p, dir / "p.zistudio");
    const Result rebuilt = run("dataset build --json" + proj);
    ASSERT_EQ(rebuilt.exitCode, 0) << rebuilt.err;
    EXPECT_FALSE(nlohmann::json::parse(rebuilt.out)["reused"].get<bool>());

    const Result info = run("dataset info --json" + proj);
    ASSERT_EQ(info.exitCode, 0) << info.err;
    EXPECT_EQ(nlohmann::json::parse(info.out)["report"]["trainPairs"], 72);

    // --store overrides the project's cache folder.
    const Result elsewhere = run("dataset build" + proj + " --store " + q(dir / "other"));
    ASSERT_EQ(elsewhere.exitCode, 0) << elsewhere.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "other" / "index.json"));
}

TEST(CliDataset, ErrorsGiveOneLine)
{
    TempDir dir;
    const auto expectError = [](const Result &r, const std::string &needle) {
        EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
        EXPECT_EQ(r.err.rfind("zistudio-cli: error: ", 0), 0u) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
    };
    expectError(run("dataset info --store " + q(dir / "none")), "index.json is missing");
    expectError(run("dataset build --project " + q(dir / "none.zistudio")), (dir / "none.zistudio").string());
    expectError(run("dataset build --config " + q(dir / "none.json")), "needs --store");
    writeFileAtomically(dir / "bad.json", R"({"source": {"path": "x.ttf"}, "targets": [], "charset": {"text": "永"}})");
    expectError(run("dataset build --config " + q(dir / "bad.json") + " --store " + q(dir / "s")), "targets: empty");
    writeFileAtomically(dir / "missing.json",
        R"({"source": {"path": "nofont.ttf"}, "targets": [{"path": "kai.ttf"}], "charset": {"text": "永"}})");
    expectError(run("dataset build --config " + q(dir / "missing.json") + " --store " + q(dir / "s")),
        (dir / "nofont.ttf").string());
}
