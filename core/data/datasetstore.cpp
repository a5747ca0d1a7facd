// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/datasetstore.h"

#include "common/atomicfile.h"
#include "common/hashing.h"
#include "data/dataerror.h"
#include "data/datasetspecjson.h"
#include "glyphs/utf8.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
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

/** Streams the images into `path` atomically (temp file, fsync, rename, fsync folder); returns their SHA-256. */
std::string writeBlob(const std::filesystem::path &path, const std::vector<GrayImage> &images)
{
    const std::filesystem::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        ioFail("cannot create the dataset image file", tmp);
    Sha256 hash;
    const auto fail = [&](const char *what) {
        const int saved = errno;
        ::close(fd);
        std::filesystem::remove(tmp);
        errno = saved;
        ioFail(what, tmp);
    };
    for (const GrayImage &img : images) {
        const auto *p = reinterpret_cast<const char *>(img.pixels.data());
        std::size_t left = img.pixels.size();
        hash.add(std::string_view(p, left));
        while (left > 0) {
            const ssize_t n = ::write(fd, p, left);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                fail("cannot write the dataset image file");
            p += n;
            left -= static_cast<std::size_t>(n);
        }
    }
    if (::fsync(fd) != 0)
        fail("cannot flush the dataset image file");
    if (::close(fd) != 0) {
        std::filesystem::remove(tmp);
        ioFail("cannot close the dataset image file", tmp);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        std::filesystem::remove(tmp);
        errno = saved;
        ioFail("cannot rename the dataset image file into place", path);
    }
    syncDirectory(path.parent_path());
    return hash.hex();
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
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error &e) {
        throw DataError("the dataset index is damaged (" + std::string(e.what()) + "): " + indexPath.string());
    }
    if (!j.is_object() || j.value("format", "") != kFormat)
        throw DataError("not a ZiStudio dataset index: " + indexPath.string());
    if (j.value("version", 0) != kVersion)
        throw DataError("dataset store version " + std::to_string(j.value("version", 0)) + " is not supported (this "
            + "program reads version " + std::to_string(kVersion) + "): rebuild it: " + indexPath.string());
    return j;
}

} // namespace

void writeStore(const std::filesystem::path &dir, const StoreContent &c)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir))
        throw IoError("cannot create the dataset folder (" + (ec ? ec.message() : std::string("a file has that name"))
            + "): " + dir.string());
    const std::string blobName = "images-" + c.contentHash.substr(0, 16) + ".bin";
    const std::string blobSha = writeBlob(dir / blobName, c.images);

    json sources = json::array();
    for (const auto &[cp, index] : c.sources)
        sources.push_back({static_cast<std::uint32_t>(cp), index});
    const json index {{"format", kFormat}, {"version", kVersion}, {"contentHash", c.contentHash},
        {"imageSize", c.imageSize}, {"imageCount", c.images.size()},
        {"blob",
            {{"file", blobName}, {"bytes", c.images.size() * static_cast<std::size_t>(c.imageSize) * c.imageSize},
                {"sha256", blobSha}}},
        {"spec", datasetSpecToJson(c.spec)},
        {"chars", glyphs::encodeUtf8(std::u32string(c.chars.begin(), c.chars.end()))},
        {"validationChars", glyphs::encodeUtf8(std::u32string(c.validationChars.begin(), c.validationChars.end()))},
        {"sources", sources}, {"train", samplesJson(c.train)}, {"validation", samplesJson(c.validation)},
        {"report", datasetReportToJson(c.report)}};
    writeFileAtomically(dir / kIndexName, index.dump(1));

    // The new index is committed: blobs of earlier builds and temp files of crashed ones can go.
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name != blobName && name.starts_with("images-") && name.find(".bin") != std::string::npos)
            std::filesystem::remove(entry.path(), ec);
    }
}

std::string storedContentHash(const std::filesystem::path &dir)
{
    try {
        return readIndex(dir).value("contentHash", "");
    } catch (const Error &) {
        return {};
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
        throw DataError("the dataset index is damaged (" + std::string(e.what()) + "): " + where);
    }
    if (c.imageSize < 8 || c.imageSize > 2048 || blobName.find('/') != std::string::npos
        || bytes != count * static_cast<std::uintmax_t>(c.imageSize) * c.imageSize)
        throw DataError("the dataset index is damaged (inconsistent image size or count): " + where);
    for (const auto &[cp, index] : c.sources)
        if (index < 0 || static_cast<std::size_t>(index) >= count)
            throw DataError("the dataset index is damaged (a source points outside the images): " + where);

    const std::filesystem::path blob = dir / blobName;
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(blob, ec);
    if (ec)
        throw DataError("the dataset image file is missing (" + ec.message() + "): " + blob.string());
    if (size != bytes)
        throw DataError("the dataset image file has " + std::to_string(size) + " bytes, the index expects "
            + std::to_string(bytes) + " (damaged or truncated): " + blob.string());
    std::ifstream in(blob, std::ios::binary);
    if (!in)
        throw DataError("cannot open the dataset image file: " + blob.string());
    Sha256 hash;
    c.images.resize(count);
    for (auto &img : c.images) {
        img = GrayImage(c.imageSize, c.imageSize);
        in.read(reinterpret_cast<char *>(img.pixels.data()), static_cast<std::streamsize>(img.pixels.size()));
        if (!in)
            throw DataError("cannot read the dataset image file: " + blob.string());
        hash.add(std::string_view(reinterpret_cast<const char *>(img.pixels.data()), img.pixels.size()));
    }
    if (hash.hex() != blobSha)
        throw DataError("the dataset image file is damaged (its SHA-256 does not match the index): " + blob.string());
    return c;
}

} // namespace zistudio::data
