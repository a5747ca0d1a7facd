// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/atomicfile.h"
#include "errorof.h"
#include "project/projecterror.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "tempdir.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <thread>

using namespace zistudio;
using zistudio::test::errorOf;
using namespace zistudio::project;

namespace
{

RunRecord sampleRun(const std::string &name)
{
    return RunRecord {.name = name,
        .created = "",
        .status = "",
        .configJson = R"({"model":{"imageSize":64}})",
        .attention = "enc:3",
        .seed = 42,
        .versions = R"({"zistudio":"0.1.0"})",
        .parent = "",
        .lastStep = 0};
}

std::string pragma(const std::filesystem::path &file, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW)
        out = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

} // namespace

TEST(RunStore, CreatesListsAndReadsRunsBack)
{
    test::TempDir dir;
    {
        RunStore store(dir / "runs.sqlite");
        store.createRun(sampleRun("first"));
        store.createRun(sampleRun("second"));
        store.setStatus("second", "running");
    }
    RunStore store(dir / "runs.sqlite"); // everything survives a reopen
    const auto runs = store.listRuns();
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].name, "first");
    EXPECT_EQ(runs[0].status, "created");
    EXPECT_EQ(runs[0].attention, "enc:3");
    EXPECT_EQ(runs[0].seed, 42u);
    EXPECT_EQ(runs[0].configJson, R"({"model":{"imageSize":64}})");
    EXPECT_EQ(runs[0].created.size(), 20u) << runs[0].created; // 2026-01-02T03:04:05Z
    EXPECT_EQ(runs[1].status, "running");
    EXPECT_FALSE(store.run("third"));
    EXPECT_NE(
        errorOf<ProjectError>([&] { store.createRun(sampleRun("first")); }).find("already exists"), std::string::npos);
    EXPECT_NE(errorOf<ProjectError>([&] { store.createRun(sampleRun("../evil")); }).find("invalid run name"),
        std::string::npos);
    EXPECT_NE(errorOf<ProjectError>([&] { store.setStatus("third", "x"); }).find("no run named \"third\""),
        std::string::npos);
    EXPECT_EQ(pragma(dir / "runs.sqlite", "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(pragma(dir / "runs.sqlite", "PRAGMA user_version"), std::to_string(RunStore::schemaVersion()));
}

TEST(RunStore, MetricsAreBatchedOrderedAndReplacedOnReplay)
{
    test::TempDir dir;
    RunStore store(dir / "runs.sqlite");
    store.createRun(sampleRun("r"));
    std::vector<MetricSample> batch;
    for (long long step = 10; step >= 1; --step) {
        batch.push_back({step, "loss_g", double(step) * 0.5});
        batch.push_back({step, "loss_d", 1.0 / double(step)});
    }
    batch.push_back({11, "loss_g", std::nan("")}); // non-finite values are not stored
    store.appendMetrics("r", batch);
    auto g = store.metrics("r", "loss_g");
    ASSERT_EQ(g.size(), 10u);
    for (std::size_t i = 0; i < g.size(); ++i) {
        EXPECT_EQ(g[i].step, static_cast<long long>(i) + 1);
        EXPECT_DOUBLE_EQ(g[i].value, double(i + 1) * 0.5);
    }
    // A resumed run replays steps 9..10: the values are replaced, not duplicated.
    store.appendMetrics("r", {{9, "loss_g", 100.0}, {10, "loss_g", 200.0}, {12, "val_l1", 0.1}});
    g = store.metrics("r", "loss_g");
    ASSERT_EQ(g.size(), 10u);
    EXPECT_DOUBLE_EQ(g[8].value, 100.0);
    EXPECT_DOUBLE_EQ(g[9].value, 200.0);
    EXPECT_EQ(store.metricNames("r"), (std::vector<std::string> {"loss_d", "loss_g", "val_l1"}));
    EXPECT_EQ(store.run("r")->lastStep, 12);
    EXPECT_TRUE(store.metrics("r", "nothing").empty());
}

TEST(RunStore, CheckpointsAndSamples)
{
    test::TempDir dir;
    RunStore store(dir / "runs.sqlite");
    store.createRun(sampleRun("r"));
    store.recordCheckpoint("r",
        {.step = 500,
            .path = "/x/step-000500",
            .kind = "regular",
            .isBest = true,
            .pinned = false,
            .metrics = {{"val_l1", 0.12}, {"val_ssim", 0.7}}});
    store.recordCheckpoint("r",
        {.step = 1000,
            .path = "/x/step-001000",
            .kind = "interrupted",
            .isBest = false,
            .pinned = true,
            .metrics = {}});
    auto cps = store.checkpoints("r");
    ASSERT_EQ(cps.size(), 2u);
    EXPECT_EQ(cps[0].step, 500);
    EXPECT_TRUE(cps[0].isBest);
    EXPECT_DOUBLE_EQ(cps[0].metrics.at("val_ssim"), 0.7);
    EXPECT_EQ(cps[1].kind, "interrupted");
    EXPECT_TRUE(cps[1].pinned);
    store.syncCheckpoints("r",
        {{.step = 1500, .path = "/x/step-001500", .kind = "regular", .isBest = true, .pinned = false, .metrics = {}}});
    cps = store.checkpoints("r");
    ASSERT_EQ(cps.size(), 1u);
    EXPECT_EQ(cps[0].step, 1500);

    store.recordSample("r", {200, "/x/samples/step-000200.png"});
    store.recordSample("r", {100, "/x/samples/step-000100.png"});
    const auto samples = store.samples("r");
    ASSERT_EQ(samples.size(), 2u);
    EXPECT_EQ(samples[0].step, 100);
    EXPECT_EQ(samples[1].path, "/x/samples/step-000200.png");

    store.deleteRun("r");
    EXPECT_FALSE(store.run("r"));
    EXPECT_EQ(pragma(dir / "runs.sqlite", "SELECT count(*) FROM metrics")
            + pragma(dir / "runs.sqlite", "SELECT count(*) FROM checkpoints"),
        "00");
}

TEST(RunStore, TwoConnectionsShareTheFile)
{
    test::TempDir dir;
    RunStore writer(dir / "runs.sqlite");
    RunStore reader(dir / "runs.sqlite");
    writer.createRun(sampleRun("r"));
    std::thread t([&] {
        for (int i = 0; i < 50; ++i)
            writer.appendMetrics("r", {{i, "loss", double(i)}});
    });
    for (int i = 0; i < 50; ++i)
        (void)reader.metrics("r", "loss");
    t.join();
    EXPECT_EQ(reader.metrics("r", "loss").size(), 50u);
}

TEST(RunStore, ConnectionsOpeningANewFileAtOnceMigrateItOnce)
{
    // The studio and its trainer open a new project's store at the same moment: each must find it
    // created exactly once ("table runs already exists" was the loser's error).
    test::TempDir dir;
    for (int round = 0; round < 20; ++round) {
        const auto file = dir / ("runs-" + std::to_string(round) + ".sqlite");
        std::vector<std::string> errors(4);
        std::vector<std::thread> openers;
        for (size_t i = 0; i < errors.size(); ++i)
            openers.emplace_back([&, i] {
                try {
                    RunStore store(file);
                    store.createRun(sampleRun("r" + std::to_string(i)));
                } catch (const std::exception &e) {
                    errors[i] = e.what();
                }
            });
        for (auto &t : openers)
            t.join();
        for (const auto &error : errors)
            EXPECT_EQ(error, "") << "round " << round;
        EXPECT_EQ(RunStore(file).listRuns().size(), errors.size());
        EXPECT_EQ(pragma(file, "PRAGMA user_version"), std::to_string(RunStore::schemaVersion()));
    }
}

TEST(RunStore, NewRunNamesNeverRepeatATakenName)
{
    // Two runs started in the same second (Continue, then Fine-tune at once) must not share a name.
    test::TempDir dir;
    const auto layout = ProjectLayout::of(dir / "p.zistudio");
    std::filesystem::create_directories(layout.runsDir);
    bool sawSameSecond = false;
    for (int round = 0; round < 5 && !sawSameSecond; ++round) {
        const std::string first = newRunName(layout);
        EXPECT_TRUE(isValidRunName(first)) << first;
        EXPECT_EQ(first.rfind("run-", 0), 0u) << first;
        std::filesystem::create_directories(layout.runDir(first)); // taken by a folder
        const std::string second = newRunName(layout);
        EXPECT_NE(second, first);
        if (second.rfind(first, 0) == 0) {
            sawSameSecond = true;
            EXPECT_EQ(second, first + "-2");
            RunStore(layout.runStore).createRun(sampleRun(second)); // taken by a row only
            const std::string third = newRunName(layout);
            EXPECT_NE(third, second);
            if (third.rfind(first, 0) == 0) {
                EXPECT_EQ(third, first + "-3");
            }
        }
    }
    EXPECT_TRUE(sawSameSecond) << "five rounds never fell within one second";
}

TEST(RunStore, RejectsForeignAndNewerFiles)
{
    test::TempDir dir;
    writeFileAtomically(dir / "junk.sqlite", std::string_view("this is not a database, just some text......"));
    const auto junk = errorOf<ProjectError>([&] { RunStore s(dir / "junk.sqlite"); });
    EXPECT_NE(junk.find("junk.sqlite"), std::string::npos) << junk;
    EXPECT_NE(junk.find("is it a ZiStudio runs.sqlite?"), std::string::npos) << junk;

    {
        RunStore s(dir / "new.sqlite");
    }
    sqlite3 *db = nullptr;
    sqlite3_open((dir / "new.sqlite").c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    const auto newer = errorOf<ProjectError>([&] { RunStore s(dir / "new.sqlite"); });
    EXPECT_NE(newer.find("newer ZiStudio (schema 99"), std::string::npos) << newer;

    const auto missingFolder = errorOf<ProjectError>([&] { RunStore s(dir / "no" / "such" / "runs.sqlite"); });
    EXPECT_NE(missingFolder.find("cannot open"), std::string::npos) << missingFolder;
    // The system's reason, and the folder it is about (the file's folder is what is missing).
    EXPECT_NE(
        missingFolder.find("(No such file or directory: " + (dir / "no" / "such").string() + ")"), std::string::npos)
        << "the system's reason: " << missingFolder;
    EXPECT_EQ(missingFolder.find("is it a ZiStudio"), std::string::npos) << missingFolder;
}

TEST(RunStore, RunNames)
{
    EXPECT_TRUE(isValidRunName("run-20260101_1.a"));
    EXPECT_FALSE(isValidRunName(""));
    EXPECT_FALSE(isValidRunName(".hidden"));
    EXPECT_FALSE(isValidRunName("a/b"));
    EXPECT_FALSE(isValidRunName("空"));
    EXPECT_FALSE(isValidRunName(std::string(65, 'a')));
}
