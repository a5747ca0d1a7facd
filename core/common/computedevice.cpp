// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/computedevice.h"

#include "common/error.h"
#include "common/torchsupport.h"

#include <link.h>
#ifdef ZISTUDIO_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#endif
#include <mutex>
#include <thread>

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
    return blas.empty() ? std::string("built into LibTorch") : blas;
}

} // namespace

std::string ComputeDeviceInfo::description() const
{
    if (cuda)
        return "CUDA: " + name;
    return "CPU, " + std::to_string(threads) + (threads == 1 ? " thread" : " threads") + ", BLAS: " + blas;
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
    info.name = "CPU";
#ifdef ZISTUDIO_WITH_CUDA
    if (info.cuda)
        info.name = at::cuda::getDeviceProperties(device.index())->name;
#endif
    return info;
}

} // namespace zistudio
