// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace zistudio
{

/** Versions of ZiStudio and the libraries it was built with, and the compute device it would use. */
struct BuildInfo
{
    std::string zistudio;
    std::string libtorch;
    std::string freetype;
    std::string harfbuzz;
    std::string device; ///< "CUDA: NVIDIA H100 ..." or "CPU, 2 threads, BLAS: OpenBLAS (pthread)"
};

BuildInfo buildInfo();

/** The BuildInfo as aligned "name: value" lines (for --version and the About box). */
std::string formatBuildInfo(const BuildInfo &info);

} // namespace zistudio
