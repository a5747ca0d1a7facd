// SPDX-License-Identifier: GPL-3.0-or-later
// BatchLoader: determinism, epochs, exact resume, synchronised augmentation, tensors in [-1, 1].
#include "data/batchloader.h"
#include "data/dataerror.h"

#include "datasettestutil.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <map>

using namespace zistudio;
using namespace zistudio::data;
using zistudio::test::TempDir;

namespace
{

/** One dataset for the whole suite: building it is the slow part. */
class BatchLoaderTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new TempDir;
        s_dataset = new Dataset(Dataset::build(test::smallSpec(), *s_dir / "store"));
    }
    static void TearDownTestSuite()
    {
        delete s_dataset;
        delete s_dir;
    }
    static const Dataset &dataset() { return *s_dataset; }

private:
    static TempDir *s_dir;
    static Dataset *s_dataset;
};

TempDir *BatchLoaderTest::s_dir = nullptr;
Dataset *BatchLoaderTest::s_dataset = nullptr;

void expectSameBatch(const Batch &a, const Batch &b)
{
    EXPECT_EQ(a.cps, b.cps);
    EXPECT_EQ(a.start, b.start);
    EXPECT_TRUE(torch::equal(a.source, b.source));
    EXPECT_TRUE(torch::equal(a.target, b.target));
    EXPECT_TRUE(torch::equal(a.styleIds, b.styleIds));
}

std::vector<std::pair<char32_t, int>> keysOf(const Batch &b)
{
    std::vector<std::pair<char32_t, int>> out;
    for (std::size_t i = 0; i < b.cps.size(); ++i)
        out.emplace_back(b.cps[i], static_cast<int>(b.styleIds[static_cast<std::int64_t>(i)].item<std::int64_t>()));
    return out;
}

} // namespace

TEST_F(BatchLoaderTest, SameSeedSameBatchesWhateverTheThreads)
{
    BatchLoaderOptions options {.batchSize = 8, .seed = 11, .augment = true, .threads = 2};
    BatchLoader threaded(dataset(), options);
    options.threads = 0;
    BatchLoader inline_(dataset(), options);
    options.threads = 1;
    options.prefetch = 5;
    BatchLoader deep(dataset(), options);
    for (int i = 0; i < 25; ++i) { // a few epochs of 72 pairs
        const Batch a = threaded.next();
        expectSameBatch(a, inline_.next());
        expectSameBatch(a, deep.next());
    }
    options.seed = 12;
    BatchLoader other(dataset(), options);
    EXPECT_NE(other.next().cps, BatchLoader(dataset(), {.batchSize = 8, .seed = 11}).next().cps);
}

TEST_F(BatchLoaderTest, AnEpochVisitsEverySampleOnce)
{
    const long long n = static_cast<long long>(dataset().trainSamples().size());
    ASSERT_EQ(n, 72); // 2 styles x 36 training characters
    BatchLoader loader(dataset(), {.batchSize = 10, .seed = 3, .augment = false, .threads = 1});
    EXPECT_EQ(loader.samplesPerEpoch(), n);
    EXPECT_EQ(loader.batchesPerEpoch(), 8);
    std::map<std::pair<char32_t, int>, int> seen;
    std::vector<std::size_t> sizes;
    for (int i = 0; i < 8; ++i) {
        const Batch b = loader.next();
        EXPECT_EQ(b.start.epoch, 0);
        sizes.push_back(b.cps.size());
        for (const auto &k : keysOf(b))
            ++seen[k];
    }
    EXPECT_EQ(sizes.back(), 2u); // 72 = 7 x 10 + 2
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(n));
    for (const Sample &s : dataset().trainSamples())
        EXPECT_EQ((seen[{s.cp, s.styleId}]), 1);
    EXPECT_EQ(loader.position(), (LoaderPosition {1, 0}));
    const Batch nextEpoch = loader.next();
    EXPECT_EQ(nextEpoch.start, (LoaderPosition {1, 0}));

    BatchLoader dropping(dataset(), {.batchSize = 10, .seed = 3, .augment = false, .threads = 0, .dropLast = true});
    EXPECT_EQ(dropping.batchesPerEpoch(), 7);
    for (int i = 0; i < 8; ++i)
        EXPECT_EQ(dropping.next().cps.size(), 10u);
}

TEST_F(BatchLoaderTest, PositionSaveAndRestoreContinuesExactly)
{
    const BatchLoaderOptions options {.batchSize = 7, .seed = 5, .augment = true, .threads = 2, .dropLast = true};
    BatchLoader loader(dataset(), options);
    for (int i = 0; i < 13; ++i) // past the end of the first epoch (10 batches of 7)
        loader.next();
    const LoaderPosition saved = loader.position();
    EXPECT_EQ(saved, (LoaderPosition {1, 21}));
    std::vector<Batch> expected;
    for (int i = 0; i < 12; ++i)
        expected.push_back(loader.next());

    BatchLoader resumed(dataset(), options); // a fresh process after loading a checkpoint
    resumed.setPosition(saved);
    EXPECT_EQ(resumed.position(), saved);
    for (const Batch &b : expected)
        expectSameBatch(b, resumed.next());

    loader.setPosition(saved); // and rewinding the same loader (an out-of-memory retry)
    for (const Batch &b : expected)
        expectSameBatch(b, loader.next());
    EXPECT_THROW(loader.setPosition({0, 1000}), DataError);
    EXPECT_THROW(loader.setPosition({-1, 0}), DataError);
}

TEST_F(BatchLoaderTest, TensorsAreInkCoverageInMinusOneToOne)
{
    BatchLoader loader(dataset(), {.batchSize = 6, .seed = 1, .augment = false, .threads = 0});
    const Batch b = loader.next();
    ASSERT_EQ(b.source.sizes(), (std::vector<std::int64_t> {6, 1, 32, 32}));
    EXPECT_EQ(b.source.scalar_type(), torch::kFloat);
    EXPECT_EQ(b.styleIds.scalar_type(), torch::kLong);
    EXPECT_EQ(b.source.min().item<float>(), -1.0f); // paper
    EXPECT_EQ(b.target.max().item<float>(), 1.0f);  // full ink
    EXPECT_LE(b.source.max().item<float>(), 1.0f);
    // Without augmentation a batch holds exactly the stored images.
    const auto &train = dataset().trainSamples();
    for (std::int64_t i = 0; i < 6; ++i) {
        const auto it = std::find_if(train.begin(), train.end(), [&](const Sample &s) {
            return s.cp == b.cps[static_cast<std::size_t>(i)] && s.styleId == b.styleIds[i].item<std::int64_t>();
        });
        ASSERT_NE(it, train.end());
        EXPECT_TRUE(torch::equal(b.source[i], toTensor(dataset().image(it->sourceIndex))));
        EXPECT_TRUE(torch::equal(b.target[i], toTensor(dataset().image(it->targetIndex))));
    }
}

TEST_F(BatchLoaderTest, AugmentationIsTheSameForSourceAndTarget)
{
    // Source and target from the same font: identical images, so an augmented pair must stay identical.
    TempDir dir;
    DatasetSpec spec = test::smallSpec();
    spec.targets.resize(1);
    spec.targets[0].path = spec.source.path;
    const Dataset same = Dataset::build(spec, dir / "store");
    BatchLoader plain(same, {.batchSize = 8, .seed = 2, .augment = false, .threads = 0});
    BatchLoader augmented(same, {.batchSize = 8, .seed = 2, .augment = true, .threads = 2});
    for (int i = 0; i < 4; ++i) {
        const Batch p = plain.next();
        const Batch a = augmented.next();
        EXPECT_EQ(p.cps, a.cps); // augmentation never changes the order
        EXPECT_TRUE(torch::equal(a.source, a.target));
        EXPECT_FALSE(torch::equal(a.source, p.source)); // it did change the pixels
        EXPECT_GE(a.source.min().item<float>(), -1.0f);
        EXPECT_LE(a.source.max().item<float>(), 1.0f);
        // Zooming in by 1.0..1.2 adds ink: more covered area, never a blank glyph.
        EXPECT_GT((a.source + 1).sum().item<float>(), (p.source + 1).sum().item<float>());
    }
}

TEST_F(BatchLoaderTest, StyleFilterAndValidationBatches)
{
    BatchLoader loader(dataset(), {.batchSize = 4, .seed = 1, .threads = 1, .styles = {3}});
    EXPECT_EQ(loader.samplesPerEpoch(), 36);
    for (int i = 0; i < 10; ++i)
        EXPECT_TRUE(torch::all(loader.next().styleIds == 3).item<bool>());
    EXPECT_EQ(loader.validationBatchCount(), 3); // 9 validation characters of style 3
    const auto &val = dataset().validationSamples();
    std::vector<Sample> style3;
    std::copy_if(val.begin(), val.end(), std::back_inserter(style3), [](const Sample &s) { return s.styleId == 3; });
    std::size_t k = 0;
    for (int i = 0; i < loader.validationBatchCount(); ++i) {
        const Batch b = loader.validationBatch(i);
        for (std::size_t j = 0; j < b.cps.size(); ++j, ++k) {
            EXPECT_EQ(b.cps[j], style3[k].cp);
            EXPECT_TRUE(
                torch::equal(b.target[static_cast<std::int64_t>(j)], toTensor(dataset().image(style3[k].targetIndex))));
        }
        expectSameBatch(b, loader.validationBatch(i));
    }
    EXPECT_EQ(k, style3.size());
    EXPECT_THROW(loader.validationBatch(3), DataError);
}

TEST_F(BatchLoaderTest, InvalidOptions)
{
    EXPECT_THROW(BatchLoader(dataset(), {.batchSize = 0}), DataError);
    EXPECT_THROW(BatchLoader(dataset(), {.batchSize = 4, .styles = {42}}), DataError);
    EXPECT_THROW(BatchLoader(dataset(), {.batchSize = 100, .dropLast = true}), DataError);
    EXPECT_THROW(BatchLoader(dataset(), {.batchSize = 4, .maxScale = 0.5}), DataError);
}

TEST(TensorImage, RoundTripAndShapes)
{
    GrayImage img(256, 3);
    for (int x = 0; x < 256; ++x)
        for (int y = 0; y < 3; ++y)
            img.at(x, y) = static_cast<std::uint8_t>(x);
    const torch::Tensor t = toTensor(img);
    EXPECT_EQ(t.sizes(), (std::vector<std::int64_t> {1, 3, 256}));
    EXPECT_FLOAT_EQ(t[0][0][0].item<float>(), -1.0f);
    EXPECT_FLOAT_EQ(t[0][0][255].item<float>(), 1.0f);
    EXPECT_EQ(fromTensor(t), img);
    EXPECT_EQ(fromTensor(t.unsqueeze(0)), img);
    EXPECT_EQ(fromTensor(t[0]), img);
    EXPECT_EQ(fromTensor(t.to(torch::kDouble)), img);
    EXPECT_THROW(fromTensor(torch::zeros({2, 3, 4})), DataError);
    EXPECT_THROW(fromTensor(torch::zeros({5})), DataError);
    const GrayImage clamped = fromTensor(torch::tensor({{-3.0f, 7.0f, std::nanf("")}}));
    EXPECT_EQ(clamped.pixels, (std::vector<std::uint8_t> {0, 255, 0}));
}
