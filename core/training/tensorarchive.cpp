// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/tensorarchive.h"

#include "common/atomicfile.h"
#include "common/hashing.h"
#include "common/jsontext.h"
#include "training/trainingerror.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

namespace zistudio::training
{

static_assert(std::endian::native == std::endian::little, "the tensor archive stores little-endian data");

namespace
{

constexpr char kMagic[8] = {'Z', 'I', 'T', 'E', 'N', 'S', 'O', 'R'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kPrefixBytes = 24;  ///< magic + version + reserved + header length
constexpr std::size_t kTrailerBytes = 64; ///< SHA-256 of everything before it, as hex
constexpr std::uint64_t kAlignment = 64;
constexpr std::size_t kMaxDims = 8;
constexpr std::size_t kMaxNameLength = 1024;
constexpr std::int64_t kMaxDimSize = std::int64_t(1) << 40;
/// Deeper header JSON is refused while parsing: error messages dump() values, and dump() recurses.

struct DtypeName
{
    const char *name;
    torch::ScalarType type;
};

constexpr DtypeName kDtypes[] = {
    {"float32", torch::kFloat},
    {"float64", torch::kDouble},
    {"float16", torch::kHalf},
    {"bfloat16", torch::kBFloat16},
    {"int8", torch::kChar},
    {"int16", torch::kShort},
    {"int32", torch::kInt},
    {"int64", torch::kLong},
    {"uint8", torch::kByte},
    {"bool", torch::kBool},
};

const char *dtypeName(torch::ScalarType type)
{
    for (const auto &d : kDtypes)
        if (d.type == type)
            return d.name;
    return nullptr;
}

bool dtypeFromName(const std::string &name, torch::ScalarType &type)
{
    for (const auto &d : kDtypes)
        if (name == d.name) {
            type = d.type;
            return true;
        }
    return false;
}

std::uint64_t alignUp(std::uint64_t v)
{
    return (v + kAlignment - 1) / kAlignment * kAlignment;
}

template<typename T> void putLe(std::string &out, T value)
{
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

template<typename T> T getLe(std::string_view bytes, std::size_t offset)
{
    T value;
    std::memcpy(&value, bytes.data() + offset, sizeof(T));
    return value;
}

torch::Tensor cpuContiguous(const torch::Tensor &t)
{
    return t.detach().to(torch::kCPU).contiguous();
}

[[noreturn]] void bad(const std::string &where, const std::string &problem)
{
    throw TrainingError("tensor archive " + where + ": " + problem);
}

struct Entry
{
    std::string name;
    torch::ScalarType type;
    std::vector<std::int64_t> shape;
    std::uint64_t offset;
    std::uint64_t bytes;
};

Entry parseEntry(const nlohmann::json &j, std::size_t index, const std::string &where)
{
    const std::string what = "tensor #" + std::to_string(index);
    if (!j.is_object())
        bad(where, what + " is not a JSON object");
    for (const char *key : {"name", "dtype", "shape", "offset", "bytes"})
        if (!j.contains(key))
            bad(where, what + " has no \"" + key + "\"");
    if (!j["name"].is_string() || j["name"].get<std::string>().empty()
        || j["name"].get<std::string>().size() > kMaxNameLength)
        bad(where, what + ": \"name\" must be a non-empty string of at most 1024 bytes");
    Entry e;
    e.name = j["name"].get<std::string>();
    const std::string named = "tensor '" + e.name + "'";
    if (!j["dtype"].is_string() || !dtypeFromName(j["dtype"].get<std::string>(), e.type))
        bad(where, named + " has an unsupported dtype " + j["dtype"].dump());
    if (!j["shape"].is_array() || j["shape"].size() > kMaxDims)
        bad(where, named + ": \"shape\" must be an array of at most 8 sizes");
    std::uint64_t numel = 1;
    for (const auto &d : j["shape"]) {
        if (!d.is_number_integer() || d.get<std::int64_t>() < 0 || d.get<std::int64_t>() > kMaxDimSize)
            bad(where, named + " has an invalid size in its shape " + j["shape"].dump());
        const auto size = static_cast<std::uint64_t>(d.get<std::int64_t>());
        if (size != 0 && numel > std::numeric_limits<std::uint64_t>::max() / size)
            bad(where, named + " has an absurd shape " + j["shape"].dump());
        numel *= size;
        e.shape.push_back(d.get<std::int64_t>());
    }
    for (const char *key : {"offset", "bytes"})
        if (!j[key].is_number_unsigned() && !(j[key].is_number_integer() && j[key].get<std::int64_t>() >= 0))
            bad(where, named + ": \"" + key + "\" must be a non-negative integer");
    e.offset = j["offset"].get<std::uint64_t>();
    e.bytes = j["bytes"].get<std::uint64_t>();
    const std::uint64_t elementSize = c10::elementSize(e.type);
    if (numel > std::numeric_limits<std::uint64_t>::max() / elementSize || numel * elementSize != e.bytes)
        bad(where,
            named + " declares " + std::to_string(e.bytes) + " bytes, which does not match its shape "
                + j["shape"].dump() + " and dtype " + dtypeName(e.type));
    if (e.offset % kAlignment != 0)
        bad(where, named + " has a misaligned offset " + std::to_string(e.offset));
    return e;
}

} // namespace

bool TensorArchive::contains(const std::string &name) const
{
    return std::any_of(tensors.begin(), tensors.end(), [&](const auto &p) { return p.first == name; });
}

const torch::Tensor &TensorArchive::at(const std::string &name) const
{
    for (const auto &p : tensors)
        if (p.first == name)
            return p.second;
    throw TrainingError("tensor archive has no tensor '" + name + "'");
}

std::string firstNonFinite(const NamedTensors &tensors)
{
    for (const auto &[name, t] : tensors)
        if (t.defined() && t.is_floating_point() && t.numel() > 0 && !torch::isfinite(t).all().item<bool>())
            return name;
    return {};
}

std::string encodeTensorArchive(const NamedTensors &tensors, const nlohmann::json &metadata, bool requireFinite)
{
    if (!metadata.is_object())
        throw TrainingError("tensor archive metadata must be a JSON object");
    if (requireFinite) {
        const auto bad = firstNonFinite(tensors);
        if (!bad.empty())
            throw TrainingError("refusing to save non-finite values (NaN or Inf) in tensor '" + bad + "'");
    }
    std::vector<torch::Tensor> data;
    data.reserve(tensors.size());
    nlohmann::json entries = nlohmann::json::array();
    std::uint64_t offset = 0;
    std::vector<std::string> seen;
    for (const auto &[name, tensor] : tensors) {
        if (name.empty() || name.size() > kMaxNameLength)
            throw TrainingError("tensor archive: invalid tensor name '" + name + "'");
        if (std::find(seen.begin(), seen.end(), name) != seen.end())
            throw TrainingError("tensor archive: tensor name '" + name + "' appears twice");
        seen.push_back(name);
        if (!tensor.defined())
            throw TrainingError("tensor archive: tensor '" + name + "' is undefined");
        const char *dtype = dtypeName(tensor.scalar_type());
        if (!dtype)
            throw TrainingError("tensor archive: tensor '" + name + "' has an unsupported dtype");
        if (tensor.dim() > static_cast<std::int64_t>(kMaxDims))
            throw TrainingError("tensor archive: tensor '" + name + "' has more than 8 dimensions");
        auto t = cpuContiguous(tensor);
        const auto bytes = static_cast<std::uint64_t>(t.numel()) * c10::elementSize(t.scalar_type());
        const std::uint64_t padded = alignUp(offset);
        entries.push_back(
            {{"name", name}, {"dtype", dtype}, {"shape", t.sizes().vec()}, {"offset", padded}, {"bytes", bytes}});
        offset = padded + bytes;
        data.push_back(std::move(t));
    }
    const nlohmann::json header = {{"tensors", entries}, {"data_bytes", offset}, {"metadata", metadata}};
    const std::string headerText = header.dump();
    std::string out;
    const std::uint64_t dataStart = alignUp(kPrefixBytes + headerText.size());
    out.reserve(dataStart + offset + kTrailerBytes);
    out.append(kMagic, sizeof kMagic);
    putLe<std::uint32_t>(out, kVersion);
    putLe<std::uint32_t>(out, 0);
    putLe<std::uint64_t>(out, headerText.size());
    out += headerText;
    out.resize(dataStart, '\0');
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto &entry = entries[i];
        out.resize(dataStart + entry["offset"].get<std::uint64_t>(), '\0');
        out.append(static_cast<const char *>(data[i].data_ptr()), entry["bytes"].get<std::uint64_t>());
    }
    out.resize(dataStart + offset, '\0');
    out += sha256Hex(out);
    return out;
}

TensorArchive decodeTensorArchive(std::string_view bytes, const std::string &where, const ArchiveLimits &limits)
{
    if (bytes.size() >= sizeof kMagic && std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        bad(where, "not a ZiStudio tensor archive (bad magic)");
    if (bytes.size() < kPrefixBytes + kTrailerBytes)
        bad(where, "file is too short (" + std::to_string(bytes.size()) + " bytes) to be a tensor archive");
    // The trailer covers every byte before it: any truncation or flipped bit is caught here.
    const std::size_t body = bytes.size() - kTrailerBytes;
    if (sha256Hex(bytes.substr(0, body)) != bytes.substr(body))
        bad(where, "content does not match its SHA-256 (truncated or damaged)");
    const auto version = getLe<std::uint32_t>(bytes, 8);
    if (version != kVersion)
        bad(where,
            "unsupported format version " + std::to_string(version) + " (this ZiStudio reads version "
                + std::to_string(kVersion) + ")");
    const auto headerBytes = getLe<std::uint64_t>(bytes, 16);
    if (headerBytes > limits.maxHeaderBytes || headerBytes > body - kPrefixBytes)
        bad(where, "header length " + std::to_string(headerBytes) + " exceeds the file (truncated or damaged)");
    nlohmann::json header;
    try {
        header = parseJsonText(bytes.substr(kPrefixBytes, headerBytes));
    } catch (const JsonTextError &e) {
        bad(where, std::string("header is damaged: ") + e.what());
    }
    if (!header.is_object() || !header.contains("tensors") || !header["tensors"].is_array()
        || !header.contains("data_bytes") || !header["data_bytes"].is_number_unsigned())
        bad(where, "header lacks \"tensors\" or \"data_bytes\"");
    if (header["tensors"].size() > limits.maxTensors)
        bad(where, "too many tensors (" + std::to_string(header["tensors"].size()) + ")");
    const std::uint64_t dataStart = alignUp(kPrefixBytes + headerBytes);
    const auto dataBytes = header["data_bytes"].get<std::uint64_t>();
    if (dataBytes > limits.maxTotalBytes)
        bad(where,
            "declares " + std::to_string(dataBytes) + " bytes of tensor data, over the limit of "
                + std::to_string(limits.maxTotalBytes));
    if (dataStart > body || body - dataStart != dataBytes)
        bad(where,
            "file size " + std::to_string(bytes.size()) + " does not match the header (expected "
                + std::to_string(dataStart + dataBytes + kTrailerBytes) + ")");

    std::vector<Entry> entries;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < header["tensors"].size(); ++i) {
        auto e = parseEntry(header["tensors"][i], i, where);
        if (e.offset > dataBytes || e.bytes > dataBytes - e.offset)
            bad(where,
                "tensor '" + e.name + "' lies outside the data (offset " + std::to_string(e.offset) + ", "
                    + std::to_string(e.bytes) + " bytes, data " + std::to_string(dataBytes) + " bytes)");
        if (std::find(names.begin(), names.end(), e.name) != names.end())
            bad(where, "tensor name '" + e.name + "' appears twice");
        names.push_back(e.name);
        entries.push_back(std::move(e));
    }
    std::vector<const Entry *> byOffset;
    for (const auto &e : entries)
        byOffset.push_back(&e);
    std::sort(byOffset.begin(), byOffset.end(), [](const Entry *a, const Entry *b) { return a->offset < b->offset; });
    for (std::size_t i = 1; i < byOffset.size(); ++i)
        if (byOffset[i - 1]->offset + byOffset[i - 1]->bytes > byOffset[i]->offset)
            bad(where, "tensors '" + byOffset[i - 1]->name + "' and '" + byOffset[i]->name + "' overlap");

    const auto data = bytes.substr(dataStart, dataBytes);

    TensorArchive archive;
    if (header.contains("metadata")) {
        if (!header["metadata"].is_object())
            bad(where, "\"metadata\" is not a JSON object");
        archive.metadata = header["metadata"];
    }
    for (const auto &e : entries) {
        auto t = torch::empty(e.shape, torch::TensorOptions().dtype(e.type));
        if (e.bytes > 0)
            std::memcpy(t.data_ptr(), data.data() + e.offset, e.bytes);
        if (e.type == torch::kBool) {
            const auto *raw = reinterpret_cast<const unsigned char *>(data.data() + e.offset);
            if (std::any_of(raw, raw + e.bytes, [](unsigned char b) { return b > 1; }))
                bad(where, "bool tensor '" + e.name + "' holds values other than 0 and 1");
        }
        archive.tensors.emplace_back(e.name, std::move(t));
    }
    return archive;
}

void writeTensorArchive(
    const std::filesystem::path &path, const NamedTensors &tensors, const nlohmann::json &metadata, bool requireFinite)
{
    std::string bytes;
    try {
        bytes = encodeTensorArchive(tensors, metadata, requireFinite);
    } catch (const TrainingError &e) {
        throw TrainingError(std::string(e.what()) + " (while writing " + path.string() + ")");
    }
    writeFileAtomically(path, bytes);
}

TensorArchive readTensorArchive(const std::filesystem::path &path, const ArchiveLimits &limits)
{
    const auto bytes
        = readFile(path, limits.maxTotalBytes + limits.maxHeaderBytes + 2 * kAlignment + kPrefixBytes + kTrailerBytes);
    return decodeTensorArchive(bytes, path.string(), limits);
}

} // namespace zistudio::training
