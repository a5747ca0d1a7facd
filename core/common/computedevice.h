// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace zistudio
{

/** Torch-free description of the device the engine computes on (chosen once, ARCHITECTURE rule 6). */
struct ComputeDeviceInfo
{
    bool cuda = false;
    std::string name; ///< GPU name, or "CPU"
    int threads = 1;  ///< LibTorch intra-op threads (CPU)
    std::string blas; ///< the BLAS library LibTorch resolved at run time
    std::string libtorchVersion;
    std::string description() const;
};

/**
 * Sets LibTorch's intra-op thread count (0 = the machine's cores; Debian's LibTorch starts with 1).
 * Safe to call more than once; the first call also sets the inter-op pool size.
 */
void configureComputeThreads(int threads = 0);

/** Describes the device `preference` resolves to: "auto" (CUDA when available), "cpu" or "cuda". */
ComputeDeviceInfo describeComputeDevice(const std::string &preference = "auto");

/** True when this LibTorch build has CUDA and a GPU is present. */
bool cudaAvailable();

} // namespace zistudio
