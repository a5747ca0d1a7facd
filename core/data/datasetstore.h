// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: the on-disk form of a Dataset (see the format in dataset.h).
#include "common/hashing.h"
#include "common/image.h"
#include "data/dataset.h"
#include "data/datasetreport.h"
#include "data/datasetspec.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace zistudio::data
{

/**
 * The images of a store, memory-mapped read-only from its blob: the pages are the kernel's page cache,
 * shared by every process that opens the same store (the GUI, a training run, each rank of a distributed
 * run) and paged in on demand, so a 256 px GB2312 set does not cost its size in private memory. The blob is
 * never rewritten in place (a build writes a new file and renames it), so the mapping stays valid even
 * after a rebuild removes the file.
 */
class MappedImages
{
public:
    MappedImages() = default;
    /** Maps `path`, which must hold `count` images of `size` x `size` bytes. Throws DataError. */
    MappedImages(const std::filesystem::path &path, int size, std::size_t count);
    ~MappedImages();
    MappedImages(const MappedImages &) = delete;
    MappedImages &operator=(const MappedImages &) = delete;

    std::size_t count() const { return m_count; }
    int imageSize() const { return m_size; }
    /** The whole blob. */
    std::span<const std::uint8_t> bytes() const { return {m_data, m_bytes}; }
    /** Image `index` (unchecked: the caller checks the range). */
    std::span<const std::uint8_t> pixels(std::size_t index) const
    {
        const std::size_t plane = static_cast<std::size_t>(m_size) * static_cast<std::size_t>(m_size);
        return {m_data + index * plane, plane};
    }

private:
    const std::uint8_t *m_data = nullptr;
    std::size_t m_bytes = 0;
    std::size_t m_count = 0;
    int m_size = 0;
};

/**
 * Streams images into a new blob as a build renders them (so a build holds no image set in memory): a
 * temporary file beside `path`, renamed into place by commit() after an fsync. Destroying an uncommitted
 * writer (a cancel, an error) removes the temporary file and leaves the folder as it was.
 */
class BlobWriter
{
public:
    BlobWriter(const std::filesystem::path &path, int imageSize);
    ~BlobWriter();
    BlobWriter(const BlobWriter &) = delete;
    BlobWriter &operator=(const BlobWriter &) = delete;

    /** Appends one image (imageSize x imageSize); returns its index. Throws IoError (a full disk...). */
    int append(const GrayImage &image);
    int count() const { return m_count; }
    /** fsync, rename into place, fsync the folder; returns the blob's SHA-256. */
    std::string commit();
    const std::filesystem::path &path() const { return m_path; }

private:
    std::filesystem::path m_path;
    std::filesystem::path m_tmp;
    int m_fd = -1;
    int m_size = 0;
    int m_count = 0;
    Sha256 m_hash;
    static std::atomic<int> s_writers; ///< makes temp names unique among this process's builds
};

/** Everything a dataset store holds. */
struct StoreContent
{
    std::string contentHash;
    DatasetSpec spec;
    int imageSize = 0;
    std::shared_ptr<const MappedImages> images = std::make_shared<const MappedImages>();
    std::vector<char32_t> chars;
    std::vector<char32_t> validationChars;
    std::vector<std::pair<char32_t, int>> sources; ///< character → image index of its source glyph
    std::vector<Sample> train;
    std::vector<Sample> validation;
    DatasetReport report;
};

/** The blob's file name for a content hash ("images-<16 hex>.bin"). */
std::string blobFileName(const std::string &contentHash);

/** Creates the store folder when missing. Throws IoError. */
void createStoreFolder(const std::filesystem::path &dir);

/**
 * Commits a build: `blob` (the images, in index order) and then index.json, atomically, then maps the blob
 * into `content.images`; removes the blobs of earlier builds.
 */
void writeStore(const std::filesystem::path &dir, StoreContent &content, BlobWriter &blob);

/** Reads and checks a store: format, version, blob size and SHA-256, sample indices. Throws DataError. */
StoreContent readStore(const std::filesystem::path &dir);

/** The content hash recorded in dir/index.json, or "" when there is no readable index. */
std::string storedContentHash(const std::filesystem::path &dir);

} // namespace zistudio::data
