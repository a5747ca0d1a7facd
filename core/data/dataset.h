// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "data/datasetreport.h"
#include "data/datasetspec.h"
#include "glyphs/rasterizer.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace zistudio::data
{

/** One source/target pair: indices into Dataset::image(). */
struct Sample
{
    char32_t cp = 0;
    int styleId = 0;
    int sourceIndex = 0;
    int targetIndex = 0;
    bool operator==(const Sample &) const = default;
};

/** The rasterizer settings a dataset spec implies (use them to render anything compared with its images). */
glyphs::RasterOptions rasterOptionsFor(const DatasetSpec &spec);

/**
 * Source/target glyph pairs per style, rendered by THE rasterizer, split into training and validation
 * characters, kept in an on-disk store. Torch-free; cheap to copy (the images are shared, read-only).
 *
 * Store format (a folder):
 *   images-<16 hex>.bin  every image, size x size bytes of ink coverage (0 paper .. 255 ink), row-major, image i
 *                        at byte i * size * size. Named by its content hash, so a new build never overwrites the
 *                        blob the current index points to. Written as the glyphs are rendered; read by mapping
 *                        it into memory (shared, paged on demand), not by loading it.
 *   index.json           written last, atomically: format/version, the content hash, the spec, image size and
 *                        count, the blob's name, size and SHA-256, the charset, the validation characters, the
 *                        samples ([cp, styleId, sourceIndex, targetIndex]) and the report.
 * A crash or a cancel during a build leaves the previous index and blob intact. open() checks the blob's size
 * and SHA-256 against the index.
 *
 * The content hash covers the store format, the rasterizer version, the spec, the resolved characters, and
 * the bytes of every font file and hand-drawn folder: build() reuses the store when it is unchanged.
 *
 * Split: every character the source can draw gets a rank from (seed, code point); the lowest ranks, plus the
 * pinned characters, are the validation characters — the same for every style, and stable when characters are
 * added to or removed from the charset.
 */
class Dataset
{
public:
    using Progress = std::function<void(int done, int total)>;

    /**
     * Builds (or reuses) the store in `storeDir` for `spec`. Throws DataError for an invalid spec, FontError for
     * unusable fonts/charsets, IoError when the store cannot be written, BuildCancelled when *cancel becomes
     * true. Progress counts rendered glyphs.
     */
    static Dataset build(const DatasetSpec &spec, const std::filesystem::path &storeDir, const Progress &progress = {},
        const std::atomic<bool> *cancel = nullptr);

    /** Opens a store written by build(). Throws DataError when it is missing, damaged or of another version. */
    static Dataset open(const std::filesystem::path &storeDir);

    /** The content hash build() would give `spec` now (reads the fonts and folders). */
    static std::string contentHash(const DatasetSpec &spec);

    Dataset();
    ~Dataset();
    Dataset(const Dataset &);
    Dataset &operator=(const Dataset &);
    Dataset(Dataset &&) noexcept;
    Dataset &operator=(Dataset &&) noexcept;

    const DatasetSpec &spec() const;
    int imageSize() const;
    int imageCount() const;
    /** A copy of image `index` (Sample::sourceIndex / targetIndex). Throws DataError when out of range. */
    GrayImage image(int index) const;
    /** The same pixels without a copy: size * size bytes of the mapped store, valid while a copy of this
     * Dataset lives. Throws DataError when out of range. */
    std::span<const std::uint8_t> pixels(int index) const;

    const std::vector<Sample> &trainSamples() const;
    const std::vector<Sample> &validationSamples() const;
    /** The held-out characters (sorted by code point), the same for every style. */
    const std::vector<char32_t> &validationChars() const;
    /** The resolved charset, in its order. */
    const std::vector<char32_t> &chars() const;
    /** The source image of `cp`, or nothing when the source cannot draw it. */
    std::optional<GrayImage> sourceImage(char32_t cp) const;
    /** Style ids, in spec order. */
    std::vector<int> styleIds() const;

    const DatasetReport &report() const;
    const std::string &contentHashValue() const;
    const std::filesystem::path &storeDir() const;
    /** True when the last build() found the store up to date and rendered nothing. */
    bool reusedStore() const;

private:
    struct Impl;
    std::shared_ptr<const Impl> m_impl;
    bool m_reused = false;
};

} // namespace zistudio::data
