// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/computedevice.h"

#include "common/error.h"
#include "common/torchsupport.h"

#include <dlfcn.h>
#include <link.h>
#ifdef ZISTUDIO_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#endif
#include <ATen/Parallel.h>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

namespace zistudio
{

namespace
{

int collectBlas(dl_phdr_info *info, size_t, void *data)
{
    auto *out = static_cast<std::string *>(data);
    const std::string name = info->dlpi_name ? info->dlpi_name : "";
    if (name.find("openblas") != std::string::npos) {
        if (out->empty() || out->find("OpenBLAS") == std::string::npos)
            *out = name.find("pthread") != std::string::npos ? "OpenBLAS (pthread)"
                : name.find("openmp") != std::string::npos   ? "OpenBLAS (OpenMP)"
                                                             : "OpenBLAS";
    } else if (name.find("libmkl") != std::string::npos) {
        *out = "MKL";
    } else if (name.find("blis") != std::string::npos && out->empty()) {
        *out = "BLIS";
    } else if (name.find("/libblas.so") != std::string::npos && out->empty()) {
        *out = "reference BLAS (slow: install libopenblas0-pthread)";
    }
    return 0;
}

std::string loadedBlas()
{
    std::string blas;
    dl_iterate_phdr(collectBlas, &blas);
    if (!blas.empty())
        return blas;
    // PyTorch's x86 wheels link MKL statically: no library of its own shows up.
    return at::hasMKL() ? std::string("MKL (built into LibTorch)") : std::string("built into LibTorch");
}

/**
 * OpenBLAS's own thread pool (Debian's libopenblas0-pthread) is sized to every core and spins between
 * calls; torch::set_num_threads does not reach it, so "--threads 1" computed on two cores, slower than on
 * one (docs/performance.md). Looked up at run time: PyTorch's wheels carry MKL, which follows LibTorch.
 */
template<typename Function> Function openBlasFunction(const char *name)
{
    return reinterpret_cast<Function>(::dlsym(RTLD_DEFAULT, name));
}

/**
 * How many threads run the tasks of an at::parallel_for compiled here: LibTorch's count where this translation
 * unit was built with OpenMP (as every torch-using one of ZiStudio's is), 1 where it was not.
 */
int parallelForThreads()
{
    constexpr int64_t kTasks = 256;
    std::vector<int> used(kTasks, -1);
    at::parallel_for(0, kTasks, 1, [&](int64_t first, int64_t last) {
        for (int64_t i = first; i < last; ++i)
            used[static_cast<std::size_t>(i)] = at::get_thread_num();
    });
    std::sort(used.begin(), used.end());
    return static_cast<int>(std::unique(used.begin(), used.end()) - used.begin());
}

std::string gibibytes(double bytes)
{
    return std::to_string(static_cast<long long>(bytes / (1024.0 * 1024.0 * 1024.0) + 0.5)) + " GiB";
}

} // namespace

std::string ComputeDeviceInfo::description() const
{
    if (cuda)
        return "CUDA: " + name + " (GPU " + std::to_string(deviceIndex) + " of " + std::to_string(gpus) + ", "
            + gibibytes(gpuMemoryBytes) + ", compute " + gpuCapability + ")";
    const std::string cpu
        = "CPU, " + std::to_string(threads) + (threads == 1 ? " thread" : " threads") + ", BLAS: " + blas;
    return cudaCompiled && gpus == 0 ? "no GPU found: " + cpu : cpu;
}

std::string ComputeDeviceInfo::libtorchDescription() const
{
    if (!cudaCompiled)
        return libtorchVersion + " (CPU only)";
    return libtorchVersion + " (CUDA " + cudaVersion + (cudnnVersion.empty() ? "" : ", cuDNN " + cudnnVersion) + ")";
}

void configureComputeThreads(int threads)
{
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    static std::once_flag interop;
    std::call_once(interop, [&] {
        try {
            at::set_num_interop_threads(std::max(1, threads / 2));
        } catch (const c10::Error &) {
            // Already started by an earlier parallel region: keep LibTorch's pool.
        }
    });
    torch::set_num_threads(threads);
    if (const auto setBlasThreads = openBlasFunction<void (*)(int)>("openblas_set_num_threads"))
        setBlasThreads(1);
}

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

torch::Device resolveDevice(const std::string &preference)
{
    if (preference == "cpu")
        return torch::kCPU;
    if (preference == "auto" || preference.empty())
        return cudaAvailable() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (preference.rfind("cuda", 0) == 0) {
        if (!cudaAvailable())
            throw Error("device \"" + preference
                + "\" was asked for, but this LibTorch build has no CUDA or no GPU is present");
        return torch::Device(preference);
    }
    throw Error("unknown device \"" + preference + "\" (use auto, cpu, cuda or cuda:N)");
}

ComputeDeviceInfo describeComputeDevice(const std::string &preference)
{
    ComputeDeviceInfo info;
    const torch::Device device = resolveDevice(preference);
    info.cuda = device.is_cuda();
    info.libtorchVersion = TORCH_VERSION;
    info.threads = torch::get_num_threads();
    info.blas = loadedBlas();
    const auto blasThreads = openBlasFunction<int (*)()>("openblas_get_num_threads");
    info.blasThreads = blasThreads ? blasThreads() : info.threads;
    info.parallelThreads = parallelForThreads();
#ifdef _OPENMP
    info.openmp = true;
#endif
    info.name = "CPU";
#ifdef ZISTUDIO_WITH_CUDA
    info.cudaCompiled = true;
    // CUDART_VERSION is the toolkit's header; scripts/setup-torch-cuda insists it has LibTorch's major version.
    info.cudaVersion = std::to_string(CUDART_VERSION / 1000) + "." + std::to_string(CUDART_VERSION % 1000 / 10);
    if (at::detail::getCUDAHooks().hasCuDNN()) {
        // CUDNN_VERSION: 91900 is 9.19.0 from cuDNN 9 on, 8902 was 8.9.2 before.
        const long v = at::detail::getCUDAHooks().versionCuDNN();
        const long major = v >= 90000 ? v / 10000 : v / 1000;
        const long rest = v >= 90000 ? v % 10000 : v % 1000;
        info.cudnnVersion = std::to_string(major) + "." + std::to_string(rest / 100) + "." + std::to_string(rest % 100);
    }
    info.gpus = cudaAvailable() ? static_cast<int>(torch::cuda::device_count()) : 0;
    if (info.cuda) {
        const auto *props = at::cuda::getDeviceProperties(device.index());
        info.name = props->name;
        info.deviceIndex = device.index();
        info.gpuMemoryBytes = static_cast<double>(props->totalGlobalMem);
        info.gpuCapability = std::to_string(props->major) + "." + std::to_string(props->minor);
    }
#endif
    return info;
}

DeviceMemoryStats deviceMemoryStats([[maybe_unused]] int index)
{
    DeviceMemoryStats out;
#ifdef ZISTUDIO_WITH_CUDA
    if (!cudaAvailable())
        return out;
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(static_cast<c10::DeviceIndex>(index));
    constexpr size_t aggregate = 0; // StatType::AGGREGATE, whose namespace moved between LibTorch versions
    out.allocated = static_cast<double>(stats.allocated_bytes[aggregate].current);
    out.peak = static_cast<double>(stats.allocated_bytes[aggregate].peak);
    out.reserved = static_cast<double>(stats.reserved_bytes[aggregate].current);
#endif
    return out;
}

void resetPeakDeviceMemory([[maybe_unused]] int index)
{
#ifdef ZISTUDIO_WITH_CUDA
    if (cudaAvailable())
        c10::cuda::CUDACachingAllocator::resetPeakStats(static_cast<c10::DeviceIndex>(index));
#endif
}

} // namespace zistudio
