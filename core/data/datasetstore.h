// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: the on-disk form of a Dataset (see the format in dataset.h).
#include "common/image.h"
#include "data/dataset.h"
#include "data/datasetreport.h"
#include "data/datasetspec.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace zistudio::data
{

/** Everything a dataset store holds. */
struct StoreContent
{
    std::string contentHash;
    DatasetSpec spec;
    int imageSize = 0;
    std::vector<GrayImage> images;
    std::vector<char32_t> chars;
    std::vector<char32_t> validationChars;
    std::vector<std::pair<char32_t, int>> sources; ///< character → image index of its source glyph
    std::vector<Sample> train;
    std::vector<Sample> validation;
    DatasetReport report;
};

/** Writes the blob (streamed, fsynced, renamed) and then index.json, atomically; removes stale blobs. */
void writeStore(const std::filesystem::path &dir, const StoreContent &content);

/** Reads and checks a store: format, version, blob size and SHA-256, sample indices. Throws DataError. */
StoreContent readStore(const std::filesystem::path &dir);

/** The content hash recorded in dir/index.json, or "" when there is no readable index. */
std::string storedContentHash(const std::filesystem::path &dir);

} // namespace zistudio::data
