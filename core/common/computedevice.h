// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace zistudio
{

/** Torch-free description of the device the engine computes on (chosen once, ARCHITECTURE rule 6). */
struct ComputeDeviceInfo
{
    bool cuda = false;       ///< the engine computes on a CUDA GPU
    std::string name;        ///< GPU name, or "CPU"
    int threads = 1;         ///< LibTorch intra-op threads (CPU)
    std::string blas;        ///< the BLAS library LibTorch resolved at run time
    int blasThreads = 1;     ///< the threads that BLAS computes with (OpenBLAS keeps a pool of its own)
    int parallelThreads = 1; ///< the threads at::parallel_for gives ZiStudio's own loops (the OpenMP it was built with)
    bool openmp = false; ///< ZiStudio's own code was compiled with OpenMP (GCC builds; not the clang sanitizer ones)
    std::string libtorchVersion;
    bool cudaCompiled = false; ///< this LibTorch build has CUDA (false: Debian's CPU build)
    std::string cudaVersion;   ///< CUDA runtime compiled in ("13.0"), empty without CUDA
    std::string cudnnVersion;  ///< cuDNN compiled into LibTorch ("9.19.0"), empty without it
    int gpus = 0;              ///< CUDA GPUs present
    double gpuMemoryBytes = 0; ///< total memory of the chosen GPU
    std::string gpuCapability; ///< compute capability of the chosen GPU ("9.0")
    int deviceIndex = 0;       ///< the chosen GPU's index
    /** "CUDA: NVIDIA H200 (GPU 0 of 1, 140 GiB, compute 9.0)", "CPU, 2 threads, BLAS: ..." or, where the
     * build has CUDA but no GPU answers, "no GPU found: CPU, 2 threads, BLAS: ...". */
    std::string description() const;
    /** "2.11.0 (CUDA 13.0, cuDNN 9.19.0)" or "1.13.1 (CPU only)". */
    std::string libtorchDescription() const;
};

/** GPU memory of the CUDA caching allocator in bytes; all zero on the CPU. */
struct DeviceMemoryStats
{
    double allocated = 0; ///< held by live tensors now
    double peak = 0;      ///< highest `allocated` since the last resetPeakDeviceMemory()
    double reserved = 0;  ///< held by the caching allocator (what nvidia-smi shows, less the context)
};

/** Memory statistics of CUDA device `index` (zeros when the build or the machine has no CUDA). */
DeviceMemoryStats deviceMemoryStats(int index);

/** Starts a new peak for deviceMemoryStats(index).peak (no-op without CUDA). */
void resetPeakDeviceMemory(int index);

/**
 * Sets LibTorch's intra-op thread count (0 = the machine's cores; Debian's LibTorch starts with 1).
 * Safe to call more than once; the first call also sets the inter-op pool size. OpenBLAS (Debian's LibTorch)
 * computes every product on the calling thread: LibTorch's parallel work (oneDNN's convolutions, its own
 * and ZiStudio's parallel loops) runs on OpenMP's threads, and OpenBLAS's pthread pool beside them (sized to
 * every core, spinning between calls) fought them for the cores: without it a cpu-64 step with attention at
 * two threads is 25-31 % shorter (docs/performance.md). Products inside parallel tasks stay one per thread too.
 */
void configureComputeThreads(int threads = 0);

/** Describes the device `preference` resolves to: "auto" (CUDA when available), "cpu" or "cuda". */
ComputeDeviceInfo describeComputeDevice(const std::string &preference = "auto");

/** A device preference as projects and the command line spell it: "auto", "cpu", "cuda" or "cuda:N". */
inline bool isDevicePreference(const std::string &device)
{
    return device == "auto" || device == "cpu" || device == "cuda" || device.rfind("cuda:", 0) == 0;
}

/** True when this LibTorch build has CUDA and a GPU is present. */
bool cudaAvailable();

} // namespace zistudio
