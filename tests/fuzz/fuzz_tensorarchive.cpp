// SPDX-License-Identifier: GPL-3.0-or-later
// Tensor archives (checkpoints and models shared between people) are read by our own bounds-checked
// decoder: any bytes must give tensors or a TrainingError. A decoded archive must re-encode and decode
// to the same names, shapes and bytes. The SHA-256 trailer would stop nearly every mutation at the first
// check, so an input without a valid trailer is decoded twice: as it is, and with its trailer fixed.
#include "fuzzsupport.h"

#include "common/error.h"
#include "common/hashing.h"
#include "training/tensorarchive.h"

#include <cstdint>
#include <cstring>

namespace
{

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace zistudio;
    // Keep the fuzzer's allocations small; the defaults (16 GiB of tensors) are for real checkpoints.
    const training::ArchiveLimits limits {
        .maxTotalBytes = std::uint64_t(64) << 20, .maxHeaderBytes = std::uint64_t(4) << 20, .maxTensors = 4096};
    constexpr std::size_t kTrailer = 64;
    std::string bytes(fuzz::bytesOf(data, size));
    training::TensorArchive archive;
    try {
        archive = training::decodeTensorArchive(bytes, "fuzz.zt", limits);
    } catch (const Error &) {
        const std::string_view view(bytes);
        if (size >= kTrailer && sha256Hex(view.substr(0, size - kTrailer)) == view.substr(size - kTrailer))
            return 0; // its trailer was right: the refusal came from a later check
        bytes += sha256Hex(bytes);
        try {
            archive = training::decodeTensorArchive(bytes, "fuzz.zt", limits);
        } catch (const Error &) {
            return 0;
        }
    }
    const std::string again = training::encodeTensorArchive(archive.tensors, archive.metadata, false);
    const training::TensorArchive copy = training::decodeTensorArchive(again, "re-encoded", limits);
    check(copy.tensors.size() == archive.tensors.size());
    for (std::size_t i = 0; i < copy.tensors.size(); ++i) {
        const auto &[name, tensor] = archive.tensors[i];
        check(copy.tensors[i].first == name);
        check(copy.tensors[i].second.sizes() == tensor.sizes());
        check(copy.tensors[i].second.scalar_type() == tensor.scalar_type());
        check(tensor.is_contiguous());
        const auto bytes = static_cast<std::size_t>(tensor.numel()) * tensor.element_size();
        check(bytes == 0 || std::memcmp(copy.tensors[i].second.data_ptr(), tensor.data_ptr(), bytes) == 0);
    }
    check(copy.metadata.dump() == archive.metadata.dump()); // JSON writes Inf as null
    return 0;
}
