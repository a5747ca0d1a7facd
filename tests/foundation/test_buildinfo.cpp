// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/buildinfo.h"
#include "common/computedevice.h"

#include <gtest/gtest.h>

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

TEST(ComputeDevice, ThreadsAreSetExplicitly)
{
    configureComputeThreads(2);
    const ComputeDeviceInfo dev = describeComputeDevice("cpu");
    EXPECT_FALSE(dev.cuda);
    EXPECT_EQ(dev.threads, 2);
    EXPECT_NE(dev.description().find("2 threads"), std::string::npos);
    // scripts/setup-deps installs OpenBLAS: the reference BLAS is 35x slower.
    EXPECT_NE(dev.blas.find("OpenBLAS"), std::string::npos) << dev.blas;
}

TEST(ComputeDevice, UnknownPreferenceIsAnError)
{
    EXPECT_ANY_THROW(describeComputeDevice("tpu"));
}
