// SPDX-License-Identifier: GPL-3.0-or-later
// Models shared between people (docs/reliability.md): export a run's generator to a .zsm file,
// import it into another project as a run that generates the same glyphs, and refuse damaged or hostile
// files (wrong format, foreign or missing tensors, wrong shapes, NaN, truncation) with an error naming the
// file while the project stays untouched. No torch::load anywhere: our own archive reader decodes it all.
#include "runshell.h"
#include "tempdir.h"
#include "testfonts.h"

#include "common/atomicfile.h"
#include "inference/generator.h"
#include "inference/inferenceerror.h"
#include "model/modelconfigjson.h"
#include "model/modelstate.h"
#include "model/unetgenerator.h"
#include "project/project.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "training/checkpointstore.h"
#include "training/modelshare.h"
#include "training/tensorarchive.h"
#include "training/trainer.h"
#include "training/trainingerror.h"
#include "workflow/trainrun.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <functional>
#include <limits>
#include <sys/resource.h>

namespace zistudio::test
{
namespace
{

namespace fs = std::filesystem;
using training::ModelShare;

model::ModelConfig tinyModel()
{
    model::ModelConfig m = model::cpu64();
    m.imageSize = 32;
    m.ngf = 8;
    m.ndf = 8;
    m.embeddingNum = 4;
    m.embeddingDim = 8;
    return m;
}

project::Project tinyProject(const std::string &name)
{
    project::Project p = project::defaultProject(name);
    p.model = tinyModel();
    p.dataset.imageSize = 32;
    p.dataset.source.path = TestFonts::songGb().string();
    p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::Font,
        .path = TestFonts::kaiGb().string(),
        .face = 0,
        .styleId = 1,
        .name = "Kai"});
    p.dataset.charset = {.builtin = "", .file = "", .text = "永国一字", .limit = 0, .coveredByAll = false};
    return p;
}

/** A run as the trainer leaves it: run.json and a checkpoint whose generator.zt holds seeded weights. */
training::NamedTensors writeTrainedRun(const fs::path &projectFile, const std::string &run)
{
    const auto layout = project::ProjectLayout::of(projectFile);
    const project::Project p = project::loadProject(projectFile);
    fs::create_directories(layout.runDir(run));
    writeFileAtomically(layout.runDir(run) / "run.json", project::projectToJson(p).dump(2));
    torch::manual_seed(3);
    model::UNetGenerator net(p.model);
    model::initWeights(*net);
    const auto state = model::namedState(*net);
    training::CheckpointStore store(layout.checkpointsDir(run));
    auto writer = store.begin(120);
    writer.addPart("generator.zt", training::encodeTensorArchive(state, {{"model", p.model}}));
    writer.commit({{"val_l1", 0.1}});
    return state;
}

class ModelSharing : public ::testing::Test
{
protected:
    void SetUp() override
    {
        fs::create_directories(m_tmp / "alice");
        fs::create_directories(m_tmp / "bob");
        project::saveProject(tinyProject("alice"), m_alice);
        project::saveProject(tinyProject("bob"), m_bob);
        m_weights = writeTrainedRun(m_alice, "kai-run");
    }

    /** Importing `file` fails with a TrainingError naming it and `reason`; bob's project gains no run. */
    void expectRefused(const fs::path &file, const std::string &reason)
    {
        try {
            (void)ModelShare::importModel(file, m_bob, "shared");
            ADD_FAILURE() << "imported " << file;
        } catch (const training::TrainingError &e) {
            EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
        }
        const auto layout = project::ProjectLayout::of(m_bob);
        EXPECT_FALSE(fs::exists(layout.runDir("shared")));
        if (fs::exists(layout.runStore)) {
            EXPECT_FALSE(project::RunStore(layout.runStore).run("shared").has_value());
        }
    }

    /** The exported file with its tensors or metadata changed (re-encoded, so the trailer is valid). */
    fs::path tampered(const std::string &name, const std::function<void(training::TensorArchive &)> &change)
    {
        training::TensorArchive archive = training::readTensorArchive(m_zsm);
        change(archive);
        const fs::path out = m_tmp / name;
        training::writeTensorArchive(out, archive.tensors, archive.metadata, false);
        return out;
    }

    TempDir m_tmp;
    fs::path m_alice = m_tmp / "alice" / "alice.zistudio";
    fs::path m_bob = m_tmp / "bob" / "bob.zistudio";
    fs::path m_zsm = m_tmp / "kai.zsm";
    training::NamedTensors m_weights;
};

} // namespace

TEST_F(ModelSharing, ExportThenImportGeneratesTheSameGlyphs)
{
    const auto exported = ModelShare::exportModel(m_alice, "kai-run", "best", m_zsm);
    EXPECT_EQ(exported.step, 120);
    EXPECT_EQ(exported.run, "kai-run");
    EXPECT_EQ(exported.projectName, "alice");
    EXPECT_EQ(exported.sourceFont, "gbsn00lp.ttf");
    ASSERT_EQ(exported.styles.size(), 1u);
    EXPECT_EQ(exported.styles[0], (training::SharedStyle {.styleId = 1, .name = "Kai"}));

    const auto inspected = ModelShare::inspect(m_zsm);
    EXPECT_EQ(inspected.model, tinyModel());
    EXPECT_EQ(inspected.styles, exported.styles);
    EXPECT_EQ(inspected.tensors, m_weights.size());

    const auto imported = ModelShare::importModel(m_zsm, m_bob, "from-alice");
    EXPECT_EQ(imported.step, 120);
    const auto layout = project::ProjectLayout::of(m_bob);
    const auto row = project::RunStore(layout.runStore).run("from-alice");
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->status, "completed");
    EXPECT_FALSE(fs::exists(layout.runsDir / ".from-alice.import"));

    // The imported checkpoint holds exactly the exported weights...
    const training::CheckpointStore store(
        layout.checkpointsDir("from-alice"), {}, training::CheckpointStore::Mode::ReadOnly);
    const auto loaded = store.loadLatest();
    ASSERT_TRUE(loaded.has_value());
    const auto archive = training::decodeTensorArchive(store.readPart(loaded->info, "generator.zt"), "imported");
    ASSERT_EQ(archive.tensors.size(), m_weights.size());
    for (std::size_t i = 0; i < m_weights.size(); ++i) {
        EXPECT_EQ(archive.tensors[i].first, m_weights[i].first);
        EXPECT_TRUE(torch::equal(archive.tensors[i].second, m_weights[i].second)) << m_weights[i].first;
    }
    // ...and both projects' runs draw the same glyphs.
    inference::Generator original(m_alice, "kai-run", {.which = "best"}, "cpu");
    inference::Generator copy(m_bob, "from-alice", {.which = "best"}, "cpu");
    const auto a = original.generate(U"永国", inference::StyleMix::pure(1));
    const auto b = copy.generate(U"永国", inference::StyleMix::pure(1));
    ASSERT_EQ(a.size(), 2u);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(a[0].width, 32);
    EXPECT_EQ(a[0].pixels, b[0].pixels);
    EXPECT_EQ(a[1].pixels, b[1].pixels);
}

TEST_F(ModelSharing, AnExistingRunNameIsRefused)
{
    ModelShare::exportModel(m_alice, "kai-run", "last", m_zsm);
    EXPECT_THROW(ModelShare::importModel(m_zsm, m_alice, "kai-run"), training::TrainingError);
    EXPECT_THROW(ModelShare::importModel(m_zsm, m_bob, ".hidden"), training::TrainingError);
}

TEST_F(ModelSharing, DamagedOrHostileFilesAreRefusedNamingTheFile)
{
    ModelShare::exportModel(m_alice, "kai-run", "best", m_zsm);
    const std::string bytes = readFile(m_zsm);

    const fs::path cut = m_tmp / "cut.zsm";
    writeFileAtomically(cut, std::string_view(bytes).substr(0, bytes.size() / 2));
    expectRefused(cut, "truncated or damaged");

    expectRefused(tampered("not-a-model.zsm", [](auto &a) { a.metadata["format"] = "zistudio-checkpoint"; }),
        "not a ZiStudio shared model");
    expectRefused(tampered("newer.zsm", [](auto &a) { a.metadata["version"] = 2; }), "format version 2");
    expectRefused(tampered("bad-config.zsm", [](auto &a) { a.metadata["model"]["ngf"] = -4; }), "ngf");
    expectRefused(tampered("bad-style.zsm", [](auto &a) { a.metadata["styles"][0]["styleId"] = 99; }),
        "outside the model's style table");
    expectRefused(tampered("extra.zsm", [](auto &a) { a.tensors.emplace_back("payload", torch::zeros({4})); }),
        "does not belong to the declared model");
    expectRefused(tampered("missing.zsm", [](auto &a) { a.tensors.pop_back(); }), "is missing");
    expectRefused(
        tampered("reshaped.zsm", [](auto &a) { a.tensors.front().second = a.tensors.front().second.reshape({-1}); }),
        "wrong shape or type");
    expectRefused(tampered("nan.zsm",
                      [](auto &a) {
                          a.tensors.front().second = a.tensors.front().second.clone();
                          a.tensors.front().second.view({-1})[0] = std::numeric_limits<float>::quiet_NaN();
                      }),
        "NaN or Inf");
    expectRefused(tampered("wider.zsm", [](auto &a) { a.metadata["model"]["ngf"] = 16; }), "the declared model needs");
}

namespace
{

long peakResidentKiB()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

TEST_F(ModelSharing, ATinyFileDeclaringAHugeModelIsRefusedWithoutBuildingIt)
{
    ModelShare::exportModel(m_alice, "kai-run", "best", m_zsm);
    const long before = peakResidentKiB();
    // 3.5 GB and 8 GiB-per-block generators declared by files of a few hundred KiB.
    for (const auto &[size, ngf] : std::vector<std::pair<int, int>> {{256, 256}, {512, 4096}, {512, 1024}}) {
        const auto file = tampered("huge-" + std::to_string(ngf) + ".zsm", [&](auto &a) {
            a.metadata["model"]["imageSize"] = size;
            a.metadata["model"]["ngf"] = ngf;
        });
        expectRefused(file, "parameters");
        EXPECT_THROW(ModelShare::inspect(file), training::TrainingError);
    }
    // Few parameters, but attention over a 256x256 map: 16 GiB of attention matrices per glyph.
    expectRefused(tampered("attention.zsm",
                      [](auto &a) {
                          a.metadata["model"]["imageSize"] = 512;
                          a.metadata["model"]["attention"] = "enc:1";
                      }),
        "attention matrices");
    // A declared size that would be allowed but is not backed by the file's tensors is refused too.
    expectRefused(tampered("bigger.zsm", [](auto &a) { a.metadata["model"]["ngf"] = 64; }), "holds only");
    const long grownMiB = (peakResidentKiB() - before) / 1024;
    EXPECT_LT(grownMiB, 512) << "refusing must not allocate the declared model";
    std::printf("[ figures  ] huge declared models refused; peak memory grew by %ld MiB\n", grownMiB);
}

TEST_F(ModelSharing, EveryNumberAnImportCarriesIsBounded)
{
    ModelShare::exportModel(m_alice, "kai-run", "best", m_zsm);
    for (const nlohmann::json &step : {nlohmann::json(std::numeric_limits<long long>::max()),
             nlohmann::json(std::numeric_limits<std::uint64_t>::max()), nlohmann::json(1'000'000'000'001LL),
             nlohmann::json(-5), nlohmann::json(2.5)})
        expectRefused(tampered("step.zsm", [&](auto &a) { a.metadata["source"]["step"] = step; }), "source.step");
    expectRefused(tampered("long-name.zsm", [](auto &a) { a.metadata["source"]["project"] = std::string(5000, 'x'); }),
        "longer than");
    expectRefused(tampered("styles.zsm", [](auto &a) { a.metadata["styles"][0]["styleId"] = -1; }), "outside");
    expectRefused(tampered("embed.zsm", [](auto &a) { a.metadata["model"]["embeddingNum"] = 1e9; }), "embeddingNum");
}

TEST_F(ModelSharing, AnImportedRunCannotBeResumed)
{
    ModelShare::exportModel(m_alice, "kai-run", "best", m_zsm);
    ModelShare::importModel(m_zsm, m_bob, "shared");
    training::Trainer trainer(workflow::preparation({.projectFile = m_bob, .runName = "shared", .resume = true}));
    std::atomic<bool> cancel {false};
    const auto result = trainer.run([](const training::ProgressRecord &) {}, cancel);
    EXPECT_EQ(result.outcome, training::RunOutcome::Failed);
    EXPECT_NE(result.message.find("imported"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find("cannot be resumed"), std::string::npos) << result.message;
    // The imported checkpoint is as it was.
    const auto layout = project::ProjectLayout::of(m_bob);
    const auto loaded = training::CheckpointStore(layout.checkpointsDir("shared")).loadLatest();
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->info.step, 120);
}

TEST_F(ModelSharing, ExportSaysWhichCheckpointItUsesAndWhy)
{
    const auto exported = ModelShare::exportModel(m_alice, "kai-run", "best", m_zsm);
    ASSERT_FALSE(exported.checkpointReport.empty());
    EXPECT_EQ(
        exported.checkpointReport[0], "using checkpoint step-000120 (the best by val_l1 = 0.1) of run \"kai-run\"");
    // A newer, better checkpoint whose generator is damaged: the export says it skipped it.
    const auto layout = project::ProjectLayout::of(m_alice);
    training::CheckpointStore store(layout.checkpointsDir("kai-run"));
    auto writer = store.begin(240);
    writer.addPart("generator.zt", readFile(layout.checkpointsDir("kai-run") / "step-000120" / "generator.zt"));
    writer.commit({{"val_l1", 0.05}});
    fs::resize_file(layout.checkpointsDir("kai-run") / "step-000240" / "generator.zt", 64);
    const auto fallback = ModelShare::exportModel(m_alice, "kai-run", "best", m_zsm);
    EXPECT_EQ(fallback.step, 120);
    ASSERT_EQ(fallback.checkpointReport.size(), 2u);
    EXPECT_NE(fallback.checkpointReport[0].find("best intact"), std::string::npos) << fallback.checkpointReport[0];
    EXPECT_NE(fallback.checkpointReport[1].find("skipped damaged checkpoint step-000240"), std::string::npos)
        << fallback.checkpointReport[1];
}

TEST_F(ModelSharing, GenerateNamesTheDamagedCheckpoints)
{
    const auto layout = project::ProjectLayout::of(m_alice);
    {
        inference::Generator generator(m_alice, "kai-run", {"last"}, "cpu");
        ASSERT_EQ(generator.checkpointReport().size(), 1u);
        EXPECT_EQ(generator.checkpointReport()[0], "using checkpoint step-000120 (the latest) of run \"kai-run\"");
    }
    fs::resize_file(layout.checkpointsDir("kai-run") / "step-000120" / "generator.zt", 64);
    for (const char *which : {"best", "last"}) {
        try {
            inference::Generator generator(m_alice, "kai-run", {which}, "cpu");
            ADD_FAILURE() << "loaded a damaged checkpoint";
        } catch (const inference::InferenceError &e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("has no usable checkpoint"), std::string::npos) << message;
            EXPECT_NE(message.find("step-000120"), std::string::npos) << message;
            EXPECT_NE(message.find("generator.zt"), std::string::npos) << message;
        }
    }
}

TEST_F(ModelSharing, CliInspectEscapesTheNamesAFileCarries)
{
    ModelShare::exportModel(m_alice, "kai-run", "best", m_zsm);
    const auto hostile = tampered("hostile.zsm", [](auto &a) {
        a.metadata["source"]["project"] = "evil\x1b]0;owned\x07\r\nstyle 0: fake";
        a.metadata["styles"][0]["name"] = "Kai\x1b[2J\xe2\x80\xae";
    });
    const auto result = runShell(std::string(ZISTUDIO_CLI) + " model inspect " + hostile.string() + " 2>&1");
    EXPECT_EQ(result.exitCode, 0) << result.output;
    EXPECT_EQ(result.output.find('\x1b'), std::string::npos) << "no raw ESC reaches the terminal";
    EXPECT_EQ(result.output.find('\r'), std::string::npos);
    EXPECT_NE(result.output.find("evil\\x1b]0;owned\\x07\\r\\nstyle 0: fake"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("Kai\\x1b[2J\\u{202e}"), std::string::npos) << result.output;
}

} // namespace zistudio::test
