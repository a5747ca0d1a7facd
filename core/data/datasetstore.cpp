// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/datasetstore.h"

#include "common/atomicfile.h"
#include "common/hashing.h"
#include "common/jsontext.h"
#include "data/dataerror.h"
#include "data/datasetspecjson.h"
#include "glyphs/utf8.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace zistudio::data
{

using nlohmann::json;

namespace
{

constexpr const char *kFormat = "zistudio-dataset";
constexpr int kVersion = 1;
constexpr const char *kIndexName = "index.json";
constexpr std::uintmax_t kMaxIndexBytes = 512u << 20;

[[noreturn]] void ioFail(const std::string &what, const std::filesystem::path &path)
{
    throw IoError(what + " (" + std::strerror(errno) + "): " + path.string());
}

/** "images-….bin.tmp-<pid>-<n>": whether the process that writes it still runs (unknown names: no). */
bool writerIsAlive(const std::string &name)
{
    const auto at = name.find(".tmp-");
    if (at == std::string::npos)
        return false;
    const long pid = std::strtol(name.c_str() + at + 5, nullptr, 10);
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

json samplesJson(const std::vector<Sample> &samples)
{
    json out = json::array();
    for (const Sample &s : samples)
        out.push_back({static_cast<std::uint32_t>(s.cp), s.styleId, s.sourceIndex, s.targetIndex});
    return out;
}

std::vector<Sample> samplesFromJson(const json &j, int imageCount, const std::string &where)
{
    std::vector<Sample> out;
    out.reserve(j.size());
    for (const auto &e : j) {
        if (!e.is_array() || e.size() != 4)
            throw DataError(where + ": damaged sample list");
        Sample s {static_cast<char32_t>(e[0].get<std::uint32_t>()), e[1].get<int>(), e[2].get<int>(), e[3].get<int>()};
        if (s.sourceIndex < 0 || s.sourceIndex >= imageCount || s.targetIndex < 0 || s.targetIndex >= imageCount)
            throw DataError(where + ": a sample points outside the stored images");
        out.push_back(s);
    }
    return out;
}

std::vector<char32_t> charsFromJson(const json &j, const std::string &where)
{
    const std::u32string text = glyphs::decodeUtf8OrThrow(j.get<std::string>(), where);
    return {text.begin(), text.end()};
}

json readIndex(const std::filesystem::path &dir)
{
    const std::filesystem::path indexPath = dir / kIndexName;
    std::error_code ec;
    if (!std::filesystem::exists(indexPath, ec))
        throw DataError("no dataset in " + dir.string() + " (" + kIndexName + " is missing): build it first");
    std::string text;
    try {
        text = readFile(indexPath, kMaxIndexBytes);
    } catch (const Error &e) {
        throw DataError(std::string("cannot read the dataset index: ") + e.what());
    }
    const json j = parseJsonAs<DataError>(text, "the dataset index " + indexPath.string() + " is damaged");
    if (!j.is_object() || !j.contains("format") || j["format"] != kFormat)
        throw DataError("not a ZiStudio dataset index: " + indexPath.string());
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<long long>() != kVersion)
        throw DataError("dataset store version " + (j.contains("version") ? j["version"].dump() : std::string("?"))
            + " is not supported (this program reads version " + std::to_string(kVersion)
            + "): rebuild it: " + indexPath.string());
    return j;
}

} // namespace

std::atomic<int> BlobWriter::s_writers {0};

MappedImages::MappedImages(const std::filesystem::path &path, int size, std::size_t count)
    : m_bytes(count * static_cast<std::size_t>(size) * static_cast<std::size_t>(size))
    , m_count(count)
    , m_size(size)
{
    std::error_code ec;
    const std::uintmax_t onDisk = std::filesystem::file_size(path, ec);
    if (ec)
        throw DataError("the dataset image file is missing (" + ec.message() + "): " + path.string());
    if (onDisk != m_bytes)
        throw DataError("the dataset image file has " + std::to_string(onDisk) + " bytes, the index expects "
            + std::to_string(m_bytes) + " (damaged or truncated): " + path.string());
    if (m_bytes == 0)
        return;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw DataError(
            "cannot open the dataset image file (" + std::string(std::strerror(errno)) + "): " + path.string());
    void *map = ::mmap(nullptr, m_bytes, PROT_READ, MAP_SHARED, fd, 0);
    const int mapErrno = errno;
    ::close(fd); // the mapping keeps the file
    if (map == MAP_FAILED)
        throw DataError(
            "cannot map the dataset image file (" + std::string(std::strerror(mapErrno)) + "): " + path.string());
    m_data = static_cast<const std::uint8_t *>(map);
}

MappedImages::~MappedImages()
{
    if (m_data)
        ::munmap(const_cast<std::uint8_t *>(m_data), m_bytes);
}

BlobWriter::BlobWriter(const std::filesystem::path &path, int imageSize)
    : m_path(path)
    , m_tmp(path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++s_writers))
    , m_size(imageSize)
{
    m_fd = ::open(m_tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (m_fd < 0)
        ioFail("cannot create the dataset image file", m_tmp);
}

BlobWriter::~BlobWriter()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        std::error_code ec;
        std::filesystem::remove(m_tmp, ec);
    }
}

int BlobWriter::append(const GrayImage &image)
{
    if (m_fd < 0)
        throw IoError("the dataset image file is already committed: " + m_path.string());
    if (image.width != m_size || image.height != m_size)
        throw DataError("a dataset image is " + std::to_string(image.width) + "x" + std::to_string(image.height)
            + ", the store holds " + std::to_string(m_size) + "x" + std::to_string(m_size));
    const auto *p = reinterpret_cast<const char *>(image.pixels.data());
    std::size_t left = image.pixels.size();
    m_hash.add(std::string_view(p, left));
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC;
            ioFail("cannot write the dataset image file", m_tmp);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return m_count++;
}

std::string BlobWriter::commit()
{
    if (m_fd < 0)
        throw IoError("the dataset image file is already committed: " + m_path.string());
    if (::fsync(m_fd) != 0)
        ioFail("cannot flush the dataset image file", m_tmp);
    const int fd = m_fd;
    m_fd = -1;
    const auto failAfterClose = [&](const char *what, const std::filesystem::path &path) {
        const int saved = errno;
        std::error_code ec;
        std::filesystem::remove(m_tmp, ec);
        errno = saved;
        ioFail(what, path);
    };
    if (::close(fd) != 0)
        failAfterClose("cannot close the dataset image file", m_tmp);
    if (::rename(m_tmp.c_str(), m_path.c_str()) != 0)
        failAfterClose("cannot rename the dataset image file into place", m_path);
    syncDirectory(m_path.parent_path());
    return m_hash.hex();
}

std::string blobFileName(const std::string &contentHash)
{
    return "images-" + contentHash.substr(0, 16) + ".bin";
}

void createStoreFolder(const std::filesystem::path &dir)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir))
        throw IoError("cannot create the dataset folder (" + (ec ? ec.message() : std::string("a file has that name"))
            + "): " + dir.string());
}

void writeStore(const std::filesystem::path &dir, StoreContent &c, BlobWriter &blob)
{
    const std::string blobName = blob.path().filename().string();
    const std::size_t count = static_cast<std::size_t>(blob.count());
    const std::string blobSha = blob.commit();

    json sources = json::array();
    for (const auto &[cp, index] : c.sources)
        sources.push_back({static_cast<std::uint32_t>(cp), index});
    const json index {{"format", kFormat}, {"version", kVersion}, {"contentHash", c.contentHash},
        {"imageSize", c.imageSize}, {"imageCount", count},
        {"blob",
            {{"file", blobName}, {"bytes", count * static_cast<std::size_t>(c.imageSize) * c.imageSize},
                {"sha256", blobSha}}},
        {"spec", datasetSpecToJson(c.spec)},
        {"chars", glyphs::encodeUtf8(std::u32string(c.chars.begin(), c.chars.end()))},
        {"validationChars", glyphs::encodeUtf8(std::u32string(c.validationChars.begin(), c.validationChars.end()))},
        {"sources", sources}, {"train", samplesJson(c.train)}, {"validation", samplesJson(c.validation)},
        {"report", datasetReportToJson(c.report)}};
    writeFileAtomically(dir / kIndexName, index.dump(1));
    c.images = std::make_shared<const MappedImages>(dir / blobName, c.imageSize, count);

    // The new index is committed: blobs of earlier builds and temp files of crashed builds can go (a process
    // that still maps an old blob keeps its pages). A temp file of a build still running elsewhere stays.
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with("images-") || name == blobName)
            continue;
        if (name.ends_with(".bin") || !writerIsAlive(name))
            std::filesystem::remove(entry.path(), ec);
    }
}

std::string storedContentHash(const std::filesystem::path &dir)
{
    try {
        return readIndex(dir).value("contentHash", "");
    } catch (const Error &) {
        return {};
    } catch (const json::exception &) {
        return {}; // a damaged index: no hash, the store is rebuilt
    }
}

StoreContent readStore(const std::filesystem::path &dir)
{
    const json j = readIndex(dir);
    const std::string where = (dir / kIndexName).string();
    StoreContent c;
    std::string blobName;
    std::string blobSha;
    std::size_t count = 0;
    std::uintmax_t bytes = 0;
    try {
        c.contentHash = j.at("contentHash").get<std::string>();
        c.imageSize = j.at("imageSize").get<int>();
        count = j.at("imageCount").get<std::size_t>();
        blobName = j.at("blob").at("file").get<std::string>();
        bytes = j.at("blob").at("bytes").get<std::uintmax_t>();
        blobSha = j.at("blob").at("sha256").get<std::string>();
        c.spec = datasetSpecFromJson(j.at("spec"), where + ": spec");
        c.chars = charsFromJson(j.at("chars"), where);
        c.validationChars = charsFromJson(j.at("validationChars"), where);
        for (const auto &e : j.at("sources"))
            c.sources.emplace_back(static_cast<char32_t>(e.at(0).get<std::uint32_t>()), e.at(1).get<int>());
        c.train = samplesFromJson(j.at("train"), static_cast<int>(count), where);
        c.validation = samplesFromJson(j.at("validation"), static_cast<int>(count), where);
        c.report = datasetReportFromJson(j.at("report"), where);
    } catch (const json::exception &e) {
        throw DataError("the dataset index is damaged (" + describeJsonException(e) + "): " + where);
    }
    if (c.imageSize < 8 || c.imageSize > 2048 || blobName.find('/') != std::string::npos
        || bytes != count * static_cast<std::uintmax_t>(c.imageSize) * c.imageSize)
        throw DataError("the dataset index is damaged (inconsistent image size or count): " + where);
    for (const auto &[cp, index] : c.sources)
        if (index < 0 || static_cast<std::size_t>(index) >= count)
            throw DataError("the dataset index is damaged (a source points outside the images): " + where);

    auto images = std::make_shared<const MappedImages>(dir / blobName, c.imageSize, count);
    Sha256 hash;
    const auto all = images->bytes();
    hash.add(std::string_view(reinterpret_cast<const char *>(all.data()), all.size()));
    if (hash.hex() != blobSha)
        throw DataError(
            "the dataset image file is damaged (its SHA-256 does not match the index): " + (dir / blobName).string());
    c.images = std::move(images);
    return c;
}

} // namespace zistudio::data
