// SPDX-License-Identifier: GPL-3.0-or-later
// The engine on every device: each test runs once on the CPU and once on a CUDA GPU. The CUDA instance
// skips, saying why, where this LibTorch build has no CUDA or no GPU answers; the CPU instance runs the
// same body everywhere, so a skip can never hide a failure of the code itself (DeviceSkip checks that).
// scripts/gpu-check runs these on the device machine (ctest -L gpu).
#include "common/computedevice.h"
#include "data/dataset.h"
#include "inference/generator.h"
#include "model/selfattention.h"
#include "tempdir.h"
#include "tinyproject.h"
#include "training/checkpointstore.h"
#include "training/communicator.h"
#include "training/locallauncher.h"
#include "training/trainer.h"
#include "training/trainingerror.h"
#include "training/trainingsession.h"
#include "workflow/trainrun.h"

#include <ATen/Context.h>
#include <torch/version.h>
#if TORCH_VERSION_MAJOR >= 2
#include <ATen/SDPBackend.h>
#endif
#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace zistudio;
using namespace zistudio::training;
namespace fs = std::filesystem;

namespace
{

/** Why `device` cannot run here ("" = it can). The CPU always can. */
std::string skipReason(const std::string &device)
{
    if (device == "cpu")
        return {};
    const ComputeDeviceInfo info = describeComputeDevice("cpu");
    if (!info.cudaCompiled)
        return "this LibTorch build has no CUDA (Debian's LibTorch is CPU-only; build with scripts/build --torch cuda)";
    if (!cudaAvailable())
        return "LibTorch " + info.libtorchDescription() + " finds no CUDA GPU on this machine";
    return {};
}

bool bf16Capable(const std::string &device)
{
    if (device == "cpu")
        return false;
    const std::string capability = describeComputeDevice(device).gpuCapability; // "9.0"
    return !capability.empty() && std::stoi(capability) >= 8;
}

/** A tiny project on `device` at `size` px (ngf 8 keeps even 256 px cheap on a CPU). */
project::Project deviceProject(const std::string &device, int size, const std::string &attention)
{
    auto p = test::tinyProject();
    p.training.device = device;
    p.dataset.imageSize = size;
    p.model.imageSize = size;
    p.model.attention = model::AttentionSpec::parse(attention);
    p.training.batchSize = size >= 256 ? 2 : 4;
    p.training.deterministic = true;
    return p;
}

class OnDevice : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        const std::string reason = skipReason(GetParam());
        if (!reason.empty())
            GTEST_SKIP() << reason;
        configureComputeThreads(2);
    }
    const std::string &device() const { return GetParam(); }
};

std::string paramName(const ::testing::TestParamInfo<std::string> &info)
{
    return info.param == "cpu" ? "cpu" : "cuda";
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Devices, OnDevice, ::testing::Values(std::string("cpu"), std::string("cuda")), paramName);

TEST(DeviceSkip, OnlyAMissingGpuSkips)
{
    // The CPU instance of every OnDevice test always runs: the body cannot be skipped away.
    EXPECT_EQ(skipReason("cpu"), "");
    // The CUDA instance skips exactly when no GPU is usable, and then says why.
    EXPECT_EQ(skipReason("cuda").empty(), cudaAvailable());
    if (!cudaAvailable()) {
        EXPECT_NE(skipReason("cuda").find("CUDA"), std::string::npos) << skipReason("cuda");
    }
    // A CUDA build on a machine with a GPU must use it: "auto" resolves to the GPU there.
    EXPECT_EQ(describeComputeDevice("auto").cuda, cudaAvailable());
}

TEST_P(OnDevice, TrainingStepsAtEverySizeWithAndWithoutAttention)
{
    for (const int size : {64, 256})
        for (const std::string attention : {"", size == 64 ? "enc:2,dec:2" : "enc:3,enc:4"}) {
            SCOPED_TRACE(std::to_string(size) + " px, attention \"" + attention + "\"");
            test::TempDir dir;
            const auto p = deviceProject(device(), size, attention);
            const auto dataset = data::Dataset::build(p.dataset, dir / "dataset");
            TrainingSession s(p, dataset);
            s.initialize();
            EXPECT_EQ(s.cuda(), device() != "cpu");
            for (int i = 0; i < 2; ++i) {
                const StepResult r = s.step();
                ASSERT_TRUE(r.finite);
                EXPECT_TRUE(std::isfinite(r.losses.at("l1")));
                EXPECT_GT(r.losses.at("l1"), 0.0);
            }
            EXPECT_TRUE(s.weightsFinite());
            // GPU memory is reported on the GPU and only there.
            if (s.cuda()) {
                EXPECT_GT(s.deviceMemoryPeak(), 0.0);
            } else {
                EXPECT_EQ(s.deviceMemoryPeak(), 0.0);
            }
        }
}

TEST_P(OnDevice, Bf16WhereTheDeviceHasItAndAClearErrorWhereNot)
{
    test::TempDir dir;
    auto p = deviceProject(device(), 64, "enc:4");
    p.training.precision = "bf16";
    const auto dataset = data::Dataset::build(p.dataset, dir / "dataset");
    if (!bf16Capable(device())) {
        try {
            TrainingSession s(p, dataset);
            FAIL() << "bf16 was accepted on " << device();
        } catch (const TrainingError &e) {
            EXPECT_NE(std::string(e.what()).find("no bf16 tensor cores"), std::string::npos) << e.what();
        }
        return;
    }
    TrainingSession s(p, dataset);
    s.initialize();
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(s.step().finite);
    EXPECT_TRUE(s.weightsFinite()); // the weights stay fp32: autocast only lowers the forward passes
}

TEST_P(OnDevice, CuDnnBenchmarkModeFollowsDeterminism)
{
    test::TempDir dir;
    auto p = deviceProject(device(), 64, "");
    const auto dataset = data::Dataset::build(p.dataset, dir / "dataset");
    const bool before = at::globalContext().benchmarkCuDNN();
    for (const bool deterministic : {false, true}) {
        p.training.deterministic = deterministic;
        TrainingSession s(p, dataset);
        if (device() == "cpu") {
            EXPECT_EQ(at::globalContext().benchmarkCuDNN(), before); // the CPU leaves cuDNN alone
        } else {
            EXPECT_EQ(at::globalContext().benchmarkCuDNN(), !deterministic);
        }
    }
}

TEST_P(OnDevice, CheckpointOnTheDeviceThenExactResume)
{
    test::TempDir dir;
    auto p = deviceProject(device(), 64, "enc:4");
    p.training.precision = "fp32";
    const auto dataset = data::Dataset::build(p.dataset, dir / "dataset");
    TrainingSession straight(p, dataset);
    straight.initialize();
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(straight.step().finite);

    CheckpointStore store(dir / "ck");
    {
        TrainingSession first(p, dataset);
        first.initialize();
        for (int i = 0; i < 2; ++i)
            ASSERT_TRUE(first.step().finite);
        auto writer = store.begin(first.stepCount());
        first.save(writer, {});
        writer.commit();
    }
    TrainingSession resumed(p, dataset);
    resumed.load(store, store.loadLatest()->info);
    EXPECT_EQ(resumed.cuda(), device() != "cpu");
    EXPECT_EQ(resumed.stepCount(), 2);
    for (int i = 0; i < 2; ++i)
        ASSERT_TRUE(resumed.step().finite);
    if (device() == "cpu") {
        EXPECT_EQ(resumed.stateDigest(), straight.stateDigest()); // RELIABILITY.md 2: bit for bit
    } else {
        // cuDNN's deterministic kernels make a GPU run repeatable, but a few backward kernels only
        // promise it up to rounding: the resumed run must score like the straight one.
        const auto a = straight.validate();
        const auto b = resumed.validate();
        EXPECT_NEAR(a.l1, b.l1, 1e-3 + 1e-3 * a.l1);
    }
}

#if TORCH_VERSION_MAJOR >= 2
TEST_P(OnDevice, AttentionTakesAFusedKernelOnAGpu)
{
    // SAGAN's q, k, v as the layer passes them to scaled_dot_product_attention, at the maps the product attends
    // over: attn-256's 32x32 map (C 256, keys 32 wide) in float32 and cpu-64's 32x32 map (C 32, keys 4 wide) in
    // bf16. On a GPU a fused kernel must take them — the math kernel builds the N x N matrix — and everywhere
    // the result is SAGAN's attention.
    for (const auto &[c, type] :
        std::vector<std::pair<int64_t, torch::ScalarType>> {{256, torch::kFloat}, {32, torch::kBFloat16}}) {
        if (type == torch::kBFloat16 && !bf16Capable(device()) && device() != "cpu")
            continue;
        SCOPED_TRACE("C " + std::to_string(c) + (type == torch::kFloat ? ", float32" : ", bf16"));
        torch::manual_seed(7);
        const int64_t ck = c / 8;
        const int64_t n = 32 * 32;
        const torch::Tensor qkv = torch::randn({2, 2 * ck + c, n}) * 0.5;
        const torch::Tensor typed = qkv.to(torch::Device(device()), type);
        const torch::Tensor q = typed.narrow(1, 0, ck);
        const torch::Tensor k = typed.narrow(1, ck, ck);
        const torch::Tensor v = typed.narrow(1, 2 * ck, c);
        const bool gpu = device() != "cpu";
        if (gpu) {
            const model::SdpaInputs in = model::sdpaInputs(q, k, v, true);
            const int64_t choice = at::_fused_sdp_choice(in.query, in.key, in.value);
            EXPECT_NE(choice, static_cast<int64_t>(at::SDPBackend::math))
                << "scaled_dot_product_attention chose " << choice << " (0 = math: N x N matrix)";
        }
        const torch::Tensor got = model::sdpaAttention(q, k, v, gpu).to(torch::kCPU, torch::kFloat);
        const torch::Tensor qf = typed.to(torch::kCPU, torch::kFloat);
        const torch::Tensor want = torch::bmm(qf.narrow(1, 2 * ck, c),
            torch::softmax(torch::bmm(qf.narrow(1, 0, ck).transpose(1, 2), qf.narrow(1, ck, ck)), -1).transpose(1, 2));
        const double tolerance = type == torch::kFloat ? 1e-3 : 5e-2; // TF32 on a GPU in float32
        EXPECT_TRUE(torch::allclose(got, want, tolerance, tolerance)) << (got - want).abs().max().item<double>();
    }
}
#endif

TEST_P(OnDevice, GenerationAndAttentionProbeMatchTheCpu)
{
    // One run trained on the device, then generated and probed on the device and on the CPU.
    test::TempDir dir;
    auto p = deviceProject(device(), 64, "enc:3");
    p.training.precision = "fp32";
    const fs::path file = dir / "p.zistudio";
    project::saveProject(p, file);
    Trainer trainer(workflow::preparation({.projectFile = file, .runName = "r"}));
    std::atomic<bool> cancel {false};
    const auto result = trainer.run([](const ProgressRecord &) {}, cancel);
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;

    inference::Generator onDevice(file, "r", {"last"}, device());
    inference::Generator onCpu(file, "r", {"last"}, "cpu");
    const std::u32string chars = U"永和九年岁在癸丑";
    const auto a = onDevice.generate(chars, inference::StyleMix::pure(0), 8);
    const auto b = onCpu.generate(chars, inference::StyleMix::pure(0), 8);
    ASSERT_EQ(a.size(), chars.size());
    double diff = 0;
    std::size_t pixels = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ASSERT_FALSE(a[i].isNull());
        ASSERT_EQ(a[i].pixels.size(), b[i].pixels.size());
        for (std::size_t k = 0; k < a[i].pixels.size(); ++k)
            diff += std::abs(static_cast<int>(a[i].pixels[k]) - static_cast<int>(b[i].pixels[k]));
        pixels += a[i].pixels.size();
    }
    EXPECT_LT(diff / static_cast<double>(pixels), 1.0) << "mean 8-bit difference between " << device() << " and CPU";

    const auto probesA = onDevice.probe(U'永', inference::StyleMix::pure(0), {{0.5F, 0.5F}}, true);
    const auto probesB = onCpu.probe(U'永', inference::StyleMix::pure(0), {{0.5F, 0.5F}}, true);
    ASSERT_EQ(probesA.size(), 1u);
    ASSERT_EQ(probesB.size(), 1u);
    const auto &rowA = probesA[0].rows.at(0).values;
    const auto &rowB = probesB[0].rows.at(0).values;
    ASSERT_EQ(rowA.size(), rowB.size());
    double sum = 0, gap = 0;
    for (std::size_t k = 0; k < rowA.size(); ++k) {
        sum += rowA[k];
        gap = std::max(gap, static_cast<double>(std::abs(rowA[k] - rowB[k])));
    }
    EXPECT_NEAR(sum, 1.0, 1e-3); // a softmax row
    EXPECT_LT(gap, 1e-3);
}

TEST_P(OnDevice, OneRankProcessGroup)
{
    DistributedConfig config;
    config.masterPort = freeLocalPort();
    config.timeoutSeconds = 20;
    auto comm = Communicator::connect(config);
    const bool cuda = device() != "cpu";
    comm->startProcessGroup(cuda, 0);
#ifdef ZISTUDIO_WITH_CUDA
    EXPECT_EQ(comm->backendName(), cuda ? "nccl" : "gloo");
#else
    EXPECT_EQ(comm->backendName(), "gloo");
#endif
    EXPECT_EQ(comm->allReduceSum({1.5, -2.0}, "a test sum"), (std::vector<double> {1.5, -2.0}));
    EXPECT_TRUE(comm->anyTrue(true, "a test flag"));
    EXPECT_FALSE(comm->anyTrue(false, "a test flag"));
}
