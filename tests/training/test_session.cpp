// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingSession: the exact-resume promise (docs/reliability.md) and the never-save-NaN rule.
#include "data/dataset.h"
#include "model/modelstate.h"
#include "tempdir.h"
#include "tinyproject.h"
#include "training/checkpointstore.h"
#include "training/fusedadam.h"
#include "training/tensorarchive.h"
#include "training/trainingsession.h"

#include <gtest/gtest.h>

using namespace zistudio;
using namespace zistudio::training;
namespace fs = std::filesystem;

namespace
{

struct Fixture
{
    test::TempDir dir;
    project::Project config = test::tinyProject();
    data::Dataset dataset = data::Dataset::build(config.dataset, dir / "dataset");
};

void run(TrainingSession &s, int steps)
{
    for (int i = 0; i < steps; ++i)
        ASSERT_TRUE(s.step().finite);
}

} // namespace

TEST(TrainingSession, ResumeIsBitExact)
{
    Fixture f;
    f.config.training.labelShuffling = true; // every random path is exercised
    TrainingSession straight(f.config, f.dataset);
    straight.initialize();
    run(straight, 6);

    CheckpointStore store(f.dir / "ck");
    {
        TrainingSession first(f.config, f.dataset);
        first.initialize();
        run(first, 3);
        auto writer = store.begin(first.stepCount());
        first.save(writer, {{"note", "half way"}});
        writer.commit();
    }
    TrainingSession resumed(f.config, f.dataset);
    const auto extra = resumed.load(store, store.loadLatest()->info);
    EXPECT_EQ(extra["note"], "half way");
    EXPECT_EQ(resumed.stepCount(), 3);
    run(resumed, 3);
    EXPECT_EQ(resumed.stepCount(), 6);
    EXPECT_EQ(resumed.stateDigest(), straight.stateDigest());

    // The digest does see differences: another seed gives other weights.
    f.config.training.seed = 8;
    TrainingSession other(f.config, f.dataset);
    other.initialize();
    run(other, 6);
    EXPECT_NE(other.stateDigest(), straight.stateDigest());
}

TEST(TrainingSession, ValidationBeatsNothingYetButReportsTheBaseline)
{
    Fixture f;
    TrainingSession s(f.config, f.dataset);
    s.initialize();
    const auto v = s.validate();
    EXPECT_EQ(v.images, static_cast<int>(f.dataset.validationSamples().size()));
    EXPECT_GT(v.images, 0);
    EXPECT_GT(v.baselineL1, 0.0);
    EXPECT_LT(v.baselineSsim, 1.0);
    EXPECT_GE(v.l1, 0.0);
    EXPECT_LE(v.ssim, 1.0);
    const auto grid = s.sampleGrid({U'永', U'和'});
    EXPECT_FALSE(grid.isNull());
    EXPECT_GT(grid.width, 2 * 32);
    EXPECT_GT(grid.height, 3 * 32);
}

TEST(TrainingSession, NeverSavesNonFiniteWeights)
{
    Fixture f;
    CheckpointStore store(f.dir / "ck");
    TrainingSession s(f.config, f.dataset);
    s.initialize();
    run(s, 1);
    auto good = store.begin(1);
    s.save(good, {});
    const auto info = good.commit();

    // A checkpoint whose generator holds a NaN (written with the safety off, as a damaged program might).
    auto g = decodeTensorArchive(store.readPart(info, "generator.zt"), "g");
    g.tensors[0].second.view(-1)[0] = std::numeric_limits<float>::quiet_NaN();
    auto bad = store.begin(2);
    for (const auto &part : info.parts)
        bad.addPart(part.name,
            part.name == "generator.zt" ? encodeTensorArchive(g.tensors, g.metadata, false)
                                        : store.readPart(info, part.name));
    const auto badInfo = bad.commit();
    s.load(store, badInfo);
    EXPECT_FALSE(s.weightsFinite());
    auto writer = store.begin(3);
    try {
        s.save(writer, {});
        FAIL() << "non-finite weights were saved";
    } catch (const TrainingError &e) {
        EXPECT_NE(std::string(e.what()).find("non-finite"), std::string::npos) << e.what();
    }
}

TEST(TrainingSession, InjectedNonFiniteLossSkipsTheUpdate)
{
    Fixture f;
    TrainerHooks hooks;
    hooks.injectNonFiniteLoss = [](long long step) { return step == 1; };
    TrainingSession s(f.config, f.dataset, hooks);
    s.initialize();
    EXPECT_TRUE(s.step().finite);
    const auto before = s.stateDigest();
    const auto r = s.step();
    EXPECT_FALSE(r.finite);
    EXPECT_EQ(s.stepCount(), 2);
    // The discriminator may have been updated (its loss was finite); the generator was not.
    EXPECT_TRUE(s.weightsFinite());
    EXPECT_NE(before, "");
}

TEST(TrainingSession, SimulatedOutOfMemoryLeavesNoTrace)
{
    Fixture f;
    TrainerHooks hooks;
    int calls = 0;
    hooks.simulateOutOfMemory = [&](long long step) { return step == 1 && calls++ == 0; };
    TrainingSession s(f.config, f.dataset, hooks);
    s.initialize();
    run(s, 1);
    const auto before = s.stateDigest();
    EXPECT_THROW(s.step(), OutOfMemory);
    EXPECT_EQ(s.stepCount(), 1);
    EXPECT_EQ(s.stateDigest(), before);
    s.setBatchSize(2);
    EXPECT_EQ(s.batchSize(), 2);
    EXPECT_EQ(s.step().images, 2);
}

TEST(TrainingSession, FrozenEncoderKeepsEncoderWeights)
{
    Fixture f;
    f.config.training.freezeEncoder = true;
    TrainingSession s(f.config, f.dataset);
    s.initialize();
    CheckpointStore store(f.dir / "ck");
    auto w0 = store.begin(0);
    s.save(w0, {});
    const auto before = decodeTensorArchive(store.readPart(w0.commit(), "generator.zt"), "g");
    run(s, 2);
    auto w2 = store.begin(2);
    s.save(w2, {});
    const auto after = decodeTensorArchive(store.readPart(w2.commit(), "generator.zt"), "g");
    int encoderSame = 0, decoderChanged = 0;
    for (std::size_t i = 0; i < before.tensors.size(); ++i) {
        const auto &name = before.tensors[i].first;
        const bool same = torch::equal(before.tensors[i].second, after.tensors[i].second);
        if (name.rfind("enc", 0) == 0 && name.find("weight") != std::string::npos && !name.ends_with("running_var"))
            encoderSame += same ? 1 : -1000;
        if (name.rfind("dec", 0) == 0 && name.find("weight") != std::string::npos)
            decoderChanged += same ? 0 : 1;
    }
    EXPECT_GT(encoderSame, 0);
    EXPECT_GT(decoderChanged, 0);
}

// --- fusedAdamStep: LibTorch's Adam, in one pass ------------------------------------------------------

TEST(FusedAdam, EqualsLibTorchAdamOverSeveralSteps)
{
    for (const double weightDecay : {0.0, 0.01}) {
        torch::manual_seed(11);
        const std::vector<torch::Tensor> init {torch::randn({300, 70}), torch::randn({5}), torch::randn({3, 3})};
        std::vector<torch::Tensor> a, b;
        for (const auto &t : init) {
            a.push_back(t.clone().set_requires_grad(true));
            b.push_back(t.clone().set_requires_grad(true));
        }
        const auto options = torch::optim::AdamOptions(1e-3).betas({0.5, 0.999}).weight_decay(weightDecay);
        torch::optim::Adam reference(a, options);
        torch::optim::Adam fused(b, options);
        for (int step = 0; step < 5; ++step) {
            for (std::size_t i = 0; i < init.size(); ++i) {
                if (i == 2 && step < 2)
                    continue; // a parameter without a gradient is skipped, as LibTorch does
                const torch::Tensor g = torch::randn_like(init[i]);
                a[i].mutable_grad() = g.clone();
                b[i].mutable_grad() = g.clone();
            }
            reference.step();
            fusedAdamStep(fused);
            for (auto &p : a)
                p.mutable_grad().reset();
            for (auto &p : b)
                p.mutable_grad().reset();
        }
        for (std::size_t i = 0; i < init.size(); ++i) {
            EXPECT_TRUE(torch::allclose(a[i], b[i], 1e-5, 1e-6)) << "parameter " << i << " decay " << weightDecay;
            const auto &sa = static_cast<torch::optim::AdamParamState &>(
                *reference.state().at(optimizerStateKey(reference, a[i])));
            const auto &sb
                = static_cast<torch::optim::AdamParamState &>(*fused.state().at(optimizerStateKey(fused, b[i])));
            EXPECT_EQ(sa.step(), sb.step()) << "parameter " << i;
            EXPECT_TRUE(torch::allclose(sa.exp_avg(), sb.exp_avg(), 1e-5, 1e-7)) << "parameter " << i;
            EXPECT_TRUE(torch::allclose(sa.exp_avg_sq(), sb.exp_avg_sq(), 1e-5, 1e-9)) << "parameter " << i;
        }
        EXPECT_FALSE(torch::equal(a[0], init[0])); // the steps did move the parameters
    }
}
