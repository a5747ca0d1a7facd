// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/buildinfo.h"
#include "common/computedevice.h"

#include <gtest/gtest.h>

#include <dlfcn.h>

using namespace zistudio;

TEST(BuildInfo, NamesEveryLibraryVersion)
{
    const BuildInfo info = buildInfo();
    EXPECT_EQ(info.zistudio, ZISTUDIO_VERSION);
    EXPECT_FALSE(info.libtorch.empty());
    EXPECT_EQ(info.freetype.rfind("2.", 0), 0u) << info.freetype;
    EXPECT_FALSE(info.harfbuzz.empty());
    const std::string text = formatBuildInfo(info);
    for (const char *needle : {"ZiStudio", "LibTorch", "FreeType", "HarfBuzz", "Device"})
        EXPECT_NE(text.find(needle), std::string::npos) << needle;
}

TEST(BuildInfo, LibTorchLineSaysWhetherCudaIsCompiledIn)
{
    const ComputeDeviceInfo dev = describeComputeDevice();
    const std::string line = dev.libtorchDescription();
    EXPECT_EQ(line.rfind(dev.libtorchVersion, 0), 0u) << line;
    if (dev.cudaCompiled) {
        // The CUDA build: LibTorch 2.x from PyTorch's wheel, with the CUDA runtime it was built for.
        EXPECT_GE(dev.libtorchVersion.front(), '2') << line;
        EXPECT_NE(line.find("(CUDA " + dev.cudaVersion), std::string::npos) << line;
        EXPECT_FALSE(dev.cudaVersion.empty());
    } else {
        EXPECT_NE(line.find("(CPU only)"), std::string::npos) << line;
        EXPECT_TRUE(dev.cudaVersion.empty());
    }
}

TEST(ComputeDevice, NamesTheDeviceItWillUse)
{
    const ComputeDeviceInfo dev = describeComputeDevice("auto");
    EXPECT_EQ(dev.cuda, cudaAvailable());
    const std::string text = dev.description();
    if (dev.cuda)
        EXPECT_EQ(text.rfind("CUDA: " + dev.name, 0), 0u) << text;
    else if (dev.cudaCompiled)
        EXPECT_EQ(text.rfind("no GPU found: CPU, ", 0), 0u) << text; // a CUDA build on a machine without a GPU
    else
        EXPECT_EQ(text.rfind("CPU, ", 0), 0u) << text;
}

TEST(ComputeDevice, ThreadsAreSetExplicitly)
{
    configureComputeThreads(2);
    const ComputeDeviceInfo dev = describeComputeDevice("cpu");
    EXPECT_FALSE(dev.cuda);
    EXPECT_EQ(dev.threads, 2);
    EXPECT_NE(dev.description().find("2 threads"), std::string::npos);
    // Debian's LibTorch uses the system BLAS, which scripts/setup-deps makes OpenBLAS (the reference BLAS is
    // 35x slower); PyTorch's wheel carries MKL inside.
    EXPECT_TRUE(dev.blas.find("OpenBLAS") != std::string::npos || dev.blas.find("MKL") != std::string::npos)
        << dev.blas;
    // OpenBLAS computes on the calling thread (its pool fought OpenMP's for the cores); MKL follows LibTorch.
    EXPECT_EQ(dev.blasThreads, dev.blas.find("OpenBLAS") != std::string::npos ? 1 : 2) << dev.blas;
}

TEST(ComputeDevice, OneThreadMeansOneThreadInBlasToo)
{
    // OpenBLAS's pool (Debian's LibTorch) sized itself to every core: "--threads 1" used two. Its own count
    // is read back from OpenBLAS itself; with MKL (PyTorch's wheel) LibTorch sets it.
    configureComputeThreads(1);
    const ComputeDeviceInfo one = describeComputeDevice("cpu");
    EXPECT_EQ(one.threads, 1);
    EXPECT_EQ(one.blasThreads, 1) << one.blas;
    configureComputeThreads(2);
}

TEST(ComputeDevice, OurParallelLoopsUseTheThreadsTheyAreGiven)
{
    // at::parallel_for is a header template: built without OpenMP, ZiStudio's own parallel loops (the fused
    // Adam step, blocked attention) ran on one thread whatever --threads said. The count is measured by
    // running such a loop in a core translation unit, built like the others.
#if defined(__GNUC__) && !defined(__clang__)
    ASSERT_TRUE(describeComputeDevice("cpu").openmp) << "every GCC build compiles ZiStudio with OpenMP";
#endif
    if (!describeComputeDevice("cpu").openmp)
        GTEST_SKIP() << "built without OpenMP (the clang sanitizer/fuzzing builds): parallel loops run in turn";
    configureComputeThreads(2);
    EXPECT_EQ(describeComputeDevice("cpu").parallelThreads, 2);
    configureComputeThreads(1);
    EXPECT_EQ(describeComputeDevice("cpu").parallelThreads, 1);
    configureComputeThreads(2);
}

TEST(ComputeDevice, OpenBlasComputesOnTheCallingThreadAtAnyCount)
{
    // OpenBLAS's pthread pool, sized to every core and spinning between calls, fought OpenMP's threads (oneDNN's
    // convolutions, LibTorch's parallel loops) for the cores: a cpu-64 step with attention at two threads took
    // 34-45 % longer. Whatever the count, and whatever set OpenBLAS's own count before, it computes on the caller.
    configureComputeThreads(2);
    if (describeComputeDevice("cpu").blas.find("OpenBLAS") == std::string::npos)
        GTEST_SKIP() << "BLAS is " << describeComputeDevice("cpu").blas << ": MKL shares LibTorch's OpenMP threads";
    using SetThreads = void (*)(int);
    const auto set = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    ASSERT_NE(set, nullptr);
    set(2); // as OpenBLAS starts: one thread per core
    EXPECT_EQ(describeComputeDevice("cpu").blasThreads, 2);
    for (const int threads : {2, 1, 4, 2}) {
        configureComputeThreads(threads);
        const ComputeDeviceInfo dev = describeComputeDevice("cpu");
        EXPECT_EQ(dev.threads, threads);
        EXPECT_EQ(dev.blasThreads, 1) << threads << " threads";
    }
}

TEST(ComputeDevice, CpuHasNoDeviceMemory)
{
    // Without a GPU the statistics are zeros, never garbage; tests/gpu checks real numbers on a GPU.
    if (cudaAvailable())
        GTEST_SKIP() << "a GPU is present: tests/gpu (CudaMemory) covers this";
    const DeviceMemoryStats stats = deviceMemoryStats(0);
    EXPECT_EQ(stats.allocated, 0);
    EXPECT_EQ(stats.peak, 0);
    EXPECT_EQ(stats.reserved, 0);
}

TEST(ComputeDevice, UnknownPreferenceIsAnError)
{
    EXPECT_ANY_THROW(describeComputeDevice("tpu"));
}
