// SPDX-License-Identifier: GPL-3.0-or-later
// exportGlyphSet's promises: progress, skipped glyphs with reasons, cancel, missing/read-only/full
// output folders (the previous export stays intact), whole-folder replacement, determinism.
#include "common/atomicfile.h"
#include "common/hashing.h"
#include "common/imageio.h"
#include "errorof.h"
#include "export/contactsheet.h"
#include "export/exporterror.h"
#include "export/glyphexporter.h"
#include "export/glyphnames.h"
#include "export/labelfont.h"
#include "exporttestutil.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <sys/mount.h>
#include <unistd.h>

using namespace zistudio;
using zistudio::test::errorOf;
using namespace zistudio::fontexport;
namespace fs = std::filesystem;

namespace
{

constexpr int kSize = 64;

ExportOptions optionsFor(const fs::path &font)
{
    ExportOptions o;
    o.emBox = test::emBoxOf(font);
    o.formats = {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Ufo, ExportFormat::Ttf};
    return o;
}

bool hasStagingLeft(const fs::path &dir)
{
    for (const auto &e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind(".zistudio-export-", 0) == 0)
            return true;
    return false;
}

/** A tmpfs mounted on a folder for the test's lifetime (needs root; `ok()` is false otherwise). */
class TmpfsMount
{
public:
    TmpfsMount(const fs::path &at, const std::string &options, unsigned long flags = 0)
        : m_at(at)
    {
        fs::create_directories(at);
        m_ok = ::mount("tmpfs", at.c_str(), "tmpfs", flags, options.c_str()) == 0;
    }
    ~TmpfsMount()
    {
        if (m_ok)
            ::umount2(m_at.c_str(), MNT_DETACH);
    }
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;
    bool ok() const { return m_ok; }
    void remountReadOnly()
    {
        m_ok = m_ok && ::mount(nullptr, m_at.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }

private:
    fs::path m_at;
    bool m_ok = false;
};

} // namespace

TEST(Exporter, ReportsProgressUpToTheTotal)
{
    test::TempDir dir;
    const auto font = test::TestFonts::kaiGb();
    const auto glyphs = test::renderGlyphs(font, U"一永回中书", kSize);
    std::vector<std::pair<int, int>> calls;
    exportGlyphSet(glyphs, optionsFor(font), dir.path(), [&](int done, int total) { calls.emplace_back(done, total); });
    ASSERT_FALSE(calls.empty());
    EXPECT_EQ(calls.back(), std::make_pair(6, 6)); // 5 glyphs + the fonts/commit step
    for (std::size_t i = 1; i < calls.size(); ++i)
        EXPECT_LE(calls[i - 1].first, calls[i].first);
}

TEST(Exporter, SkipsUnusableGlyphsWithReasons)
{
    test::TempDir dir;
    const auto font = test::TestFonts::kaiGb();
    std::vector<ExportGlyph> glyphs = test::renderGlyphs(font, U"永永", kSize);
    glyphs.push_back(ExportGlyph {U'回', GrayImage(kSize, kSize), false}); // blank
    glyphs.push_back(ExportGlyph {U'一', GrayImage(kSize, kSize / 2), false});
    glyphs.push_back(ExportGlyph {U'中', GrayImage(), false});
    glyphs.push_back(ExportGlyph {0xD800, test::renderEmBox(font, U'书', kSize), false});
    ExportOptions o = optionsFor(font);
    const ExportReport r = exportGlyphSet(glyphs, o, dir.path());
    std::map<char32_t, std::string> why;
    for (const auto &s : r.skipped)
        why[s.cp] = s.reason;
    EXPECT_EQ(why.size(), 5u);
    EXPECT_NE(why[U'永'].find("twice"), std::string::npos);
    EXPECT_NE(why[U'回'].find("blank"), std::string::npos);
    EXPECT_NE(why[U'一'].find("not square"), std::string::npos);
    EXPECT_NE(why[U'中'].find("no image"), std::string::npos);
    EXPECT_NE(why[0xD800].find("Unicode"), std::string::npos);
    EXPECT_EQ(r.glyphsInFonts, 1);
    EXPECT_TRUE(fs::exists(dir / "png/uni56DE.png")) << "a blank glyph still gets its PNG";
    EXPECT_FALSE(fs::exists(dir / "svg/uni56DE.svg"));
    EXPECT_TRUE(test::fontHas(dir / "ZiStudioGenerated-Regular.ttf", U'永'));
    EXPECT_FALSE(test::fontHas(dir / "ZiStudioGenerated-Regular.ttf", U'回'));
}

TEST(Exporter, CancelLeavesThePreviousExportUntouched)
{
    test::TempDir dir;
    const auto font = test::TestFonts::kaiGb();
    exportGlyphSet(test::renderGlyphs(font, U"一永", kSize), optionsFor(font), dir.path());
    const auto before = test::snapshot(dir.path());
    ASSERT_FALSE(before.empty());

    std::atomic<bool> cancel {false};
    const auto many = test::renderGlyphs(font, U"一永回中书法风龙学爱艺郁", kSize);
    EXPECT_THROW(exportGlyphSet(
                     many, optionsFor(font), dir.path(), [&](int, int) { cancel = true; }, &cancel),
        ExportCancelled);
    EXPECT_EQ(test::snapshot(dir.path()), before);
    EXPECT_FALSE(hasStagingLeft(dir.path()));
    // Cancelled before it starts: the same.
    EXPECT_THROW(exportGlyphSet(many, optionsFor(font), dir.path(), {}, &cancel), ExportCancelled);
    EXPECT_EQ(test::snapshot(dir.path()), before);
}

TEST(Exporter, AThrowingProgressCallbackStopsTheExportCleanly)
{
    test::TempDir dir;
    const auto font = test::TestFonts::kaiGb();
    const auto glyphs = test::renderGlyphs(font, U"一永回中书法风龙学爱艺郁", kSize);
    EXPECT_THROW(exportGlyphSet(glyphs, optionsFor(font), dir.path(),
                     [](int, int) { throw std::runtime_error("the dialog went away"); }),
        std::runtime_error);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(Exporter, AnUnmergeableTargetIsRefusedBeforeTracing)
{
    test::TempDir dir;
    const auto font = test::TestFonts::kaiGb();
    ExportOptions o = optionsFor(font);
    o.mergeInto = test::TestFonts::ukaiTtc().string();
    int calls = 0;
    const std::string msg = errorOf<ExportError>(
        [&] { exportGlyphSet(test::renderGlyphs(font, U"永", kSize), o, dir.path(), [&](int, int) { ++calls; }); });
    EXPECT_NE(msg.find("TTC"), std::string::npos) << msg;
    EXPECT_EQ(calls, 0);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(Exporter, MissingOrWrongOutputFolderIsAClearError)
{
    test::TempDir dir;
    const auto font = test::TestFonts::kaiGb();
    const auto glyphs = test::renderGlyphs(font, U"永", kSize);
    EXPECT_NE(
        errorOf<ExportError>([&] { exportGlyphSet(glyphs, optionsFor(font), dir / "nope"); }).find("does not exist: "),
        std::string::npos);
    writeFileAtomically(dir / "file", std::string("x"));
    EXPECT_NE(
        errorOf<ExportError>([&] { exportGlyphSet(glyphs, optionsFor(font), dir / "file"); }).find("not a folder"),
        std::string::npos);
    ExportOptions none = optionsFor(font);
    none.formats.clear();
    EXPECT_NE(errorOf<ExportError>([&] { exportGlyphSet(glyphs, none, dir.path()); }).find("nothing to export"),
        std::string::npos);
    ExportOptions bad = optionsFor(font);
    bad.trace.alphamax = 7;
    EXPECT_NE(
        errorOf<ExportError>([&] { exportGlyphSet(glyphs, bad, dir.path()); }).find("alphamax"), std::string::npos);
}

TEST(Exporter, ReadOnlyFolderIsAClearErrorAndNothingChanges)
{
    test::TempDir dir;
    const auto font = test::TestFonts::kaiGb();
    const auto glyphs = test::renderGlyphs(font, U"永", kSize);
    const fs::path out = dir / "out";
    std::unique_ptr<TmpfsMount> mount;
    if (::geteuid() == 0) {
        // Permissions do not stop root: use a file system that is really read-only.
        mount = std::make_unique<TmpfsMount>(out, "size=4m");
        if (!mount->ok())
            GTEST_SKIP() << "running as root without permission to mount a read-only tmpfs";
        exportGlyphSet(glyphs, optionsFor(font), out);
        mount->remountReadOnly();
        ASSERT_TRUE(mount->ok());
    } else {
        fs::create_directory(out);
        exportGlyphSet(glyphs, optionsFor(font), out);
        fs::permissions(out, fs::perms::owner_read | fs::perms::owner_exec);
    }
    const auto before = test::snapshot(out);
    const std::string msg = errorOf<ExportError>([&] { exportGlyphSet(glyphs, optionsFor(font), out); });
    EXPECT_NE(msg.find("not writable: " + out.string()), std::string::npos) << msg;
    EXPECT_EQ(test::snapshot(out), before);
}

TEST(Exporter, FullDiskIsReportedAndThePreviousExportSurvives)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "needs root to mount a small tmpfs";
    test::TempDir dir;
    TmpfsMount mount(dir / "small", "size=400k");
    if (!mount.ok())
        GTEST_SKIP() << "cannot mount a tmpfs here";
    const auto font = test::TestFonts::kaiGb();
    const fs::path out = dir / "small";
    exportGlyphSet(test::renderGlyphs(font, U"永", kSize), optionsFor(font), out);
    const auto before = test::snapshot(out);
    ExportOptions big = optionsFor(font);
    big.backgroundImages = true;
    big.formats.insert(ExportFormat::Otf);
    const auto many = test::renderGlyphs(font, U"一永回中书法风龙学爱艺郁", 256);
    std::vector<ExportGlyph> lots; // 96 glyphs (private-use code points): far more than 400 KiB of output
    for (int k = 0; k < 96; ++k)
        lots.push_back(ExportGlyph {
            static_cast<char32_t>(0xE000 + k), many[static_cast<std::size_t>(k) % many.size()].image, false});
    const std::string msg = errorOf<ExportError>([&] { exportGlyphSet(lots, big, out); });
    EXPECT_NE(msg.find("No space left on device"), std::string::npos) << msg;
    EXPECT_EQ(test::snapshot(out), before);
    EXPECT_FALSE(hasStagingLeft(out));
}

TEST(Exporter, ANewExportReplacesFoldersWholesale)
{
    test::TempDir dir;
    const auto font = test::TestFonts::kaiGb();
    exportGlyphSet(test::renderGlyphs(font, U"一永回", kSize), optionsFor(font), dir.path());
    EXPECT_EQ(std::distance(fs::directory_iterator(dir / "svg"), fs::directory_iterator()), 3);
    const ExportReport r = exportGlyphSet(test::renderGlyphs(font, U"中", kSize), optionsFor(font), dir.path());
    EXPECT_EQ(std::distance(fs::directory_iterator(dir / "svg"), fs::directory_iterator()), 1);
    EXPECT_TRUE(fs::exists(dir / "svg/uni4E2D.svg"));
    EXPECT_FALSE(fs::exists(dir / "ZiStudioGenerated-Regular.ufo/glyphs/uni6C_38.glif"));
    EXPECT_FALSE(hasStagingLeft(dir.path()));
    // Something of the wrong kind in the way: refused before anything moves.
    fs::remove_all(dir / "svg");
    writeFileAtomically(dir / "svg", std::string("a file where the svg folder goes"));
    const auto before = test::snapshot(dir.path());
    EXPECT_NE(errorOf<ExportError>([&] {
        exportGlyphSet(test::renderGlyphs(font, U"永", kSize), optionsFor(font), dir.path());
    }).find("in the way"),
        std::string::npos);
    EXPECT_EQ(test::snapshot(dir.path()), before);
    EXPECT_EQ(r.glyphsInFonts, 1);
}

TEST(Exporter, OneOrTwoThreadsGiveTheSameFiles)
{
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    const auto font = test::TestFonts::kaiGb();
    const auto glyphs = test::renderGlyphs(font, U"一永回中书法风龙", kSize);
    test::TempDir a, b;
    ExportOptions o = optionsFor(font);
    o.formats.insert(ExportFormat::Otf);
    o.threads = 1;
    exportGlyphSet(glyphs, o, a.path());
    o.threads = 2;
    exportGlyphSet(glyphs, o, b.path());
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(test::snapshot(a.path()), test::snapshot(b.path()));
}

TEST(Exporter, ParsesFormatLists)
{
    EXPECT_EQ(parseExportFormats("png, SVG,ufo,ttf,otf,sheet"),
        (std::set<ExportFormat> {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Ufo, ExportFormat::Ttf,
            ExportFormat::Otf, ExportFormat::ContactSheet}));
    EXPECT_NE(errorOf<ExportError>([] { parseExportFormats("png,jpeg"); }).find("\"jpeg\""), std::string::npos);
    EXPECT_STREQ(exportFormatName(ExportFormat::ContactSheet), "contact-sheet");
}

TEST(ContactSheet, PagesLabelsAndFlags)
{
    const auto font = test::TestFonts::kaiGb();
    const auto glyphs = test::renderGlyphs(font, U"一永回中书法风龙学爱艺郁一永回中书", kSize);
    std::vector<SheetGlyph> sheet;
    for (std::size_t i = 0; i < glyphs.size(); ++i)
        sheet.push_back(SheetGlyph {glyphs[i].cp, &glyphs[i].image, i == 1});
    const auto pages = renderContactSheets(sheet, ContactSheetOptions {.columns = 4, .rows = 2});
    ASSERT_EQ(pages.size(), 3u); // 17 glyphs, 8 per page
    const RgbaImage &p = pages[0];
    auto px = [&](int x, int y) { return p.pixels.data() + (static_cast<std::size_t>(y) * p.width + x) * 4; };
    int red = 0, dark = 0;
    for (int y = 0; y < p.height; ++y)
        for (int x = 0; x < p.width; ++x) {
            const auto *c = px(x, y);
            red += c[0] > 180 && c[1] < 80 && c[2] < 80;
            dark += c[0] < 100 && c[1] < 100 && c[2] < 100;
        }
    EXPECT_GT(red, 100) << "the flagged glyph is framed in red";
    EXPECT_GT(dark, 500) << "glyphs and labels are drawn";
    EXPECT_THROW(renderContactSheets(sheet, ContactSheetOptions {.columns = 0}), ExportError);
}

TEST(LabelFont, DrawsWithFreeTypeOrTheBuiltInDigits)
{
    for (const bool builtIn : {false, true}) {
        const LabelFont font(12, builtIn ? fs::path("/nonexistent/font.ttf") : fs::path());
        EXPECT_EQ(font.usesFreeType(), !builtIn);
        RgbaImage img;
        img.width = 100;
        img.height = 20;
        img.pixels.assign(100 * 20 * 4, 255);
        EXPECT_GT(font.width("U+6C38"), 20);
        font.draw(img, 2, 16, "U+6C38", Rgba {0, 0, 0, 255});
        int ink = 0;
        for (std::size_t i = 0; i < img.pixels.size(); i += 4)
            ink += img.pixels[i] < 128;
        EXPECT_GT(ink, 30) << (builtIn ? "built-in" : "FreeType");
    }
}
