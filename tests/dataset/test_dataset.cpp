// SPDX-License-Identifier: GPL-3.0-or-later
// Dataset build, split, store reuse, integrity, cancel, hand-drawn targets and the tofu filter.
#include "data/dataerror.h"
#include "data/dataset.h"
#include "data/split.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"
#include "glyphs/utf8.h"

#include "common/atomicfile.h"
#include "common/imageio.h"
#include "datasettestutil.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace zistudio;
using namespace zistudio::data;
using zistudio::test::TempDir;
using zistudio::test::TestFonts;

namespace
{

std::set<char32_t> validationCharsOfStyle(const Dataset &d, int styleId)
{
    std::set<char32_t> out;
    for (const Sample &s : d.validationSamples())
        if (s.styleId == styleId)
            out.insert(s.cp);
    return out;
}

std::size_t countFiles(const std::filesystem::path &dir, const std::string &prefix)
{
    std::size_t n = 0;
    for (const auto &e : std::filesystem::directory_iterator(dir))
        n += e.path().filename().string().starts_with(prefix) ? 1 : 0;
    return n;
}

} // namespace

TEST(Dataset, BuildsPairsWithTheOneRasterizer)
{
    TempDir dir;
    const DatasetSpec spec = test::smallSpec();
    int lastDone = 0, lastTotal = 0;
    const Dataset d = Dataset::build(spec, dir / "store", [&](int done, int total) {
        EXPECT_GE(done, lastDone);
        lastDone = done;
        lastTotal = total;
    });
    EXPECT_FALSE(d.reusedStore());
    EXPECT_EQ(lastDone, lastTotal);
    EXPECT_EQ(d.imageSize(), 32);
    const auto &chars = d.chars();
    EXPECT_EQ(chars.size(), 45u); // the text repeats 之 会 山 修 有
    const DatasetReport &r = d.report();
    EXPECT_EQ(r.charsetSize, 45);
    ASSERT_EQ(r.styles.size(), 2u);
    EXPECT_EQ(r.styles[0].name, glyphs::FontFace(TestFonts::kaiGb()).info().family);
    EXPECT_EQ(r.styles[1].name, "UKai CN");
    EXPECT_EQ(r.trainPairs, static_cast<int>(d.trainSamples().size()));
    EXPECT_EQ(r.validationPairs, static_cast<int>(d.validationSamples().size()));
    EXPECT_EQ(r.styles[0].pairs + r.styles[1].pairs, r.trainPairs + r.validationPairs);
    EXPECT_EQ(r.images, d.imageCount());

    // Every stored image is exactly what the rasterizer draws.
    glyphs::FontFace song(TestFonts::songGb()), kai(TestFonts::kaiGb()), ukai(TestFonts::ukaiTtc());
    const glyphs::RasterOptions options = rasterOptionsFor(spec);
    glyphs::Rasterizer rs(song, options), rk(kai, options), ru(ukai, options);
    for (const auto *list : {&d.trainSamples(), &d.validationSamples()})
        for (const Sample &s : *list) {
            EXPECT_EQ(d.image(s.sourceIndex), rs.render(s.cp));
            EXPECT_EQ(d.image(s.targetIndex), (s.styleId == 0 ? rk : ru).render(s.cp));
            EXPECT_EQ(d.pixels(s.targetIndex).size(), 32u * 32u);
        }
    ASSERT_TRUE(d.sourceImage(U'永').has_value());
    EXPECT_FALSE(d.sourceImage(U'한').has_value());
    EXPECT_EQ(*d.sourceImage(U'永'), rs.render(U'永'));
    EXPECT_EQ(d.styleIds(), (std::vector<int> {0, 3}));
    EXPECT_THROW(d.image(d.imageCount()), DataError);
}

TEST(Dataset, SplitIsDeterministicAndSharedAcrossStyles)
{
    TempDir dir;
    DatasetSpec spec = test::smallSpec();
    const Dataset a = Dataset::build(spec, dir / "a");
    const Dataset b = Dataset::build(spec, dir / "b");
    EXPECT_EQ(a.validationChars(), b.validationChars());
    EXPECT_EQ(a.trainSamples(), b.trainSamples());
    EXPECT_EQ(a.validationSamples(), b.validationSamples());
    // 20% of the 45 characters the source draws.
    EXPECT_EQ(a.validationChars().size(), 9u);
    const std::set<char32_t> held(a.validationChars().begin(), a.validationChars().end());
    EXPECT_EQ(validationCharsOfStyle(a, 0), held);
    EXPECT_EQ(validationCharsOfStyle(a, 3), held);
    for (const Sample &s : a.trainSamples())
        EXPECT_FALSE(held.count(s.cp)) << "training on a held-out character";

    spec.seed = 8;
    const Dataset c = Dataset::build(spec, dir / "c");
    EXPECT_NE(c.validationChars(), a.validationChars());

    spec.seed = 7;
    spec.validationChars = {"永", "龘"}; // 龘 is not in the GB2312 Song font
    const Dataset pinned = Dataset::build(spec, dir / "pinned");
    const auto &v = pinned.validationChars();
    EXPECT_NE(std::find(v.begin(), v.end(), U'永'), v.end());
    EXPECT_EQ(v.size(), 9u);
    EXPECT_EQ(pinned.report().pinnedMissing, (std::vector<std::string> {"龘"}));
}

TEST(Dataset, SplitIsStableWhenTheCharsetGrows)
{
    std::vector<char32_t> small, large;
    for (char32_t cp = 0x4E00; cp < 0x4E00 + 1000; ++cp)
        small.push_back(cp);
    large = small;
    for (char32_t cp = 0x5E00; cp < 0x5E00 + 1000; ++cp)
        large.push_back(cp);
    const auto a = chooseValidationChars(small, 0.1, 3, {});
    const auto b = chooseValidationChars(large, 0.1, 3, {});
    EXPECT_EQ(a.size(), 100u);
    EXPECT_EQ(b.size(), 200u);
    // Characters held out of the small set stay held out (most of them: the count boundary moves).
    int kept = 0;
    for (char32_t cp : a)
        kept += std::binary_search(b.begin(), b.end(), cp) ? 1 : 0;
    EXPECT_GT(kept, 80);
    EXPECT_EQ(chooseValidationChars({U'一'}, 0.5, 1, {}).size(), 0u); // one character stays for training
}

TEST(Dataset, ReusesTheStoreUntilSomethingChanges)
{
    TempDir dir;
    DatasetSpec spec = test::smallSpec();
    // The target font is a copy, so the test can change its bytes.
    std::filesystem::copy_file(TestFonts::kaiGb(), dir / "kai.ttf");
    spec.targets[0].path = (dir / "kai.ttf").string();
    const Dataset first = Dataset::build(spec, dir / "store");
    EXPECT_FALSE(first.reusedStore());

    int calls = 0;
    const Dataset again = Dataset::build(spec, dir / "store", [&](int, int) { ++calls; });
    EXPECT_TRUE(again.reusedStore());
    EXPECT_EQ(calls, 0);
    EXPECT_EQ(again.contentHashValue(), first.contentHashValue());
    EXPECT_EQ(again.trainSamples(), first.trainSamples());
    EXPECT_EQ(again.image(5), first.image(5));
    EXPECT_EQ(again.report().styles[0].missing, first.report().styles[0].missing);

    spec.imageSize = 64; // settings changed
    const Dataset bigger = Dataset::build(spec, dir / "store");
    EXPECT_FALSE(bigger.reusedStore());
    EXPECT_EQ(bigger.image(0).width, 64);
    EXPECT_EQ(countFiles(dir / "store", "images-"), 1u) << "the old blob is removed";

    spec.charset.text += "龍";
    EXPECT_FALSE(Dataset::build(spec, dir / "store").reusedStore());
    EXPECT_TRUE(Dataset::build(spec, dir / "store").reusedStore());

    std::filesystem::remove(dir / "kai.ttf");
    std::filesystem::copy_file(TestFonts::smiley(), dir / "kai.ttf"); // same path, other bytes
    const Dataset changedFont = Dataset::build(spec, dir / "store");
    EXPECT_FALSE(changedFont.reusedStore());
    EXPECT_EQ(changedFont.report().styles[0].name, glyphs::FontFace(TestFonts::smiley()).info().family);

    const Dataset reopened = Dataset::open(dir / "store");
    EXPECT_EQ(reopened.contentHashValue(), changedFont.contentHashValue());
    EXPECT_EQ(reopened.validationChars(), changedFont.validationChars());
    EXPECT_EQ(reopened.spec(), spec);
}

TEST(Dataset, ReportsMissingGlyphsPerStyle)
{
    TempDir dir;
    DatasetSpec spec = test::smallSpec();
    spec.source = {TestFonts::ukaiTtc().string(), 0};
    spec.targets[1].path = TestFonts::songGb().string();
    spec.charset.text = "永和龘한A";
    spec.validationFraction = 0;
    const Dataset d = Dataset::build(spec, dir / "store");
    const DatasetReport &r = d.report();
    // UKai draws 永 和 龘 A but no Hangul; the GB2312 Kai and Song lack 龘.
    EXPECT_EQ(r.sourceGlyphs, 4);
    EXPECT_EQ(r.sourceMissing, (std::vector<MissingChar> {{U'한', MissingReason::NotInFont}}));
    for (const auto &style : r.styles) {
        EXPECT_EQ(style.missing, (std::vector<MissingChar> {{U'龘', MissingReason::NotInFont}})) << style.name;
        EXPECT_EQ(style.pairs, 3);
        EXPECT_EQ(style.validation, 0);
    }
    EXPECT_TRUE(d.validationSamples().empty());
}

TEST(Dataset, CoveredByAllChosenFontsLeavesOutWhatAnyFontLacks)
{
    TempDir dir;
    DatasetSpec spec = test::smallSpec();
    spec.source = {TestFonts::ukaiTtc().string(), 0};
    spec.targets[1].path = TestFonts::songGb().string();
    spec.charset.text = "永和龘한A";
    spec.charset.coveredByAll = true;
    spec.validationFraction = 0;
    const Dataset d = Dataset::build(spec, dir / "store");
    const DatasetReport &r = d.report();
    // Only what UKai, the GB2312 Kai and the Song all have: 永 和 A; nothing is missing any more.
    EXPECT_EQ(d.chars(), (std::vector<char32_t> {U'永', U'和', U'A'}));
    EXPECT_EQ(r.charsetSize, 3);
    EXPECT_EQ(r.notCoveredByAll, 2);
    EXPECT_TRUE(r.sourceMissing.empty());
    for (const auto &style : r.styles) {
        EXPECT_TRUE(style.missing.empty()) << style.name;
        EXPECT_EQ(style.pairs, 3);
    }
    // The count survives the store, and turning the option off is a change that rebuilds.
    EXPECT_EQ(Dataset::open(dir / "store").report().notCoveredByAll, 2);
    spec.charset.coveredByAll = false;
    const Dataset all = Dataset::build(spec, dir / "store");
    EXPECT_FALSE(all.reusedStore());
    EXPECT_EQ(all.report().charsetSize, 5);
    EXPECT_EQ(all.report().notCoveredByAll, 0);
}

TEST(Dataset, TofuGlyphsAreFilteredWhenAsked)
{
    TempDir dir;
    test::writeTofuFont(TestFonts::kaiGb(), dir / "tofu.ttf", U'一', U"永和九");
    DatasetSpec spec = test::smallSpec();
    spec.targets.resize(1);
    spec.targets[0].path = (dir / "tofu.ttf").string();
    spec.charset.text = "一永和九年";
    spec.validationFraction = 0;
    const Dataset filtered = Dataset::build(spec, dir / "a");
    const StyleReport &style = filtered.report().styles[0];
    EXPECT_EQ(style.repeated, 4); // 一 and its three copies look the same
    EXPECT_EQ(style.pairs, 1);
    EXPECT_EQ(style.missing.size(), 4u);
    for (const auto &m : style.missing)
        EXPECT_EQ(m.reason, MissingReason::Repeated);
    spec.filterRepeated = false;
    EXPECT_EQ(Dataset::build(spec, dir / "b").report().styles[0].pairs, 5);
}

TEST(Dataset, HandDrawnTargets)
{
    TempDir dir;
    glyphs::FontFace kai(TestFonts::kaiGb());
    glyphs::Rasterizer big(kai, {.size = 96});
    std::filesystem::create_directory(dir / "drawn");
    writeGrayPng(dir / "drawn" / "永.png", big.render(U'永'));
    writeGrayPng(dir / "drawn" / "uni548C.png", big.render(U'和'));
    writeGrayPng(dir / "drawn" / "U+9F98.png", big.render(U'年')); // a character the source lacks
    writeFileAtomically(dir / "drawn" / "九.png", "broken");
    DatasetSpec spec = test::smallSpec();
    spec.targets.resize(1);
    spec.targets[0] = {TargetSpec::Kind::ImageFolder, (dir / "drawn").string(), 0, 5, ""};
    spec.charset.text = "永和九年";
    spec.validationFraction = 0;
    const Dataset d = Dataset::build(spec, dir / "store");
    const StyleReport &style = d.report().styles[0];
    EXPECT_EQ(style.name, "drawn");
    EXPECT_EQ(style.kind, "images");
    EXPECT_EQ(style.pairs, 2);
    EXPECT_EQ(
        style.missing, (std::vector<MissingChar> {{U'九', MissingReason::NoImage}, {U'年', MissingReason::NoImage}}));
    ASSERT_EQ(style.problems.size(), 1u);
    EXPECT_NE(style.problems[0].find("九.png: unreadable"), std::string::npos) << style.problems[0];
    for (const Sample &s : d.trainSamples())
        EXPECT_EQ(s.styleId, 5);

    // A new drawing changes the folder's content hash: the store is rebuilt with it.
    writeGrayPng(dir / "drawn" / "九.png", big.render(U'九'));
    const Dataset more = Dataset::build(spec, dir / "store");
    EXPECT_FALSE(more.reusedStore());
    EXPECT_EQ(more.report().styles[0].pairs, 3);
}

TEST(Dataset, DamagedStoresAreDetected)
{
    TempDir dir;
    const DatasetSpec spec = test::smallSpec();
    const Dataset d = Dataset::build(spec, dir / "store");
    EXPECT_THROW(Dataset::open(dir / "nothing-here"), DataError);

    std::filesystem::path blob;
    for (const auto &e : std::filesystem::directory_iterator(dir / "store"))
        if (e.path().extension() == ".bin")
            blob = e.path();
    std::string bytes = readFile(blob);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x40);
    writeFileAtomically(blob, bytes);
    try {
        Dataset::open(dir / "store");
        FAIL() << "a flipped byte must be detected";
    } catch (const DataError &e) {
        EXPECT_NE(std::string(e.what()).find("SHA-256"), std::string::npos) << e.what();
    }
    // build() repairs it.
    const Dataset repaired = Dataset::build(spec, dir / "store");
    EXPECT_FALSE(repaired.reusedStore());
    EXPECT_NO_THROW(Dataset::open(dir / "store"));

    writeFileAtomically(blob, bytes.substr(0, 100));
    EXPECT_THROW(Dataset::open(dir / "store"), DataError);
    const std::string index = readFile(dir / "store" / "index.json");
    writeFileAtomically(dir / "store" / "index.json", index.substr(0, index.size() / 2));
    try {
        Dataset::open(dir / "store");
        FAIL() << "a truncated index must be detected";
    } catch (const DataError &e) {
        EXPECT_NE(std::string(e.what()).find("index.json"), std::string::npos) << e.what();
    }
}

TEST(Dataset, CancelLeavesThePreviousStore)
{
    TempDir dir;
    DatasetSpec spec = test::smallSpec();
    const Dataset before = Dataset::build(spec, dir / "store");
    spec.imageSize = 64;
    std::atomic<bool> cancel {false};
    EXPECT_THROW(Dataset::build(
                     spec, dir / "store", [&](int done, int) { cancel = done >= 64; }, &cancel),
        BuildCancelled);
    const Dataset after = Dataset::open(dir / "store");
    EXPECT_EQ(after.contentHashValue(), before.contentHashValue());
    EXPECT_EQ(after.imageSize(), 32);
    EXPECT_EQ(countFiles(dir / "store", "images-"), 1u);
}

TEST(Dataset, AnOpenDatasetKeepsItsImagesWhenTheStoreIsRebuilt)
{
    // The images are mapped from the store's blob; a rebuild writes a new blob and deletes the old file,
    // which must not pull the pages from under a run that still trains on the old dataset.
    TempDir dir;
    DatasetSpec spec = test::smallSpec();
    const Dataset first = Dataset::build(spec, dir / "store");
    const GrayImage image0 = first.image(0);
    const std::vector<std::uint8_t> last(
        first.pixels(first.imageCount() - 1).begin(), first.pixels(first.imageCount() - 1).end());
    spec.placement = Placement::FitToInk;
    const Dataset second = Dataset::build(spec, dir / "store");
    EXPECT_EQ(countFiles(dir / "store", "images-"), 1u);
    EXPECT_NE(second.image(0), image0);
    EXPECT_EQ(first.image(0), image0);
    const auto again = first.pixels(first.imageCount() - 1);
    EXPECT_TRUE(std::equal(again.begin(), again.end(), last.begin(), last.end()));
    // A copy of the Dataset shares the mapping and outlives the original.
    Dataset copy;
    {
        const Dataset opened = Dataset::open(dir / "store");
        copy = opened;
    }
    EXPECT_EQ(copy.image(0), second.image(0));
}

TEST(Dataset, BadInputsGiveClearErrors)
{
    TempDir dir;
    DatasetSpec spec = test::smallSpec();
    spec.targets[1].path = "/nonexistent/font.ttf";
    try {
        Dataset::build(spec, dir / "store");
        FAIL() << "expected an error";
    } catch (const Error &e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/font.ttf"), std::string::npos) << e.what();
    }
    spec = test::smallSpec();
    spec.targets[1].styleId = 0;
    EXPECT_THROW(Dataset::build(spec, dir / "store"), DataError);
    spec = test::smallSpec();
    writeFileAtomically(dir / "file", "x");
    EXPECT_THROW(Dataset::build(spec, dir / "file" / "store"), Error);
}
