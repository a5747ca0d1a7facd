// SPDX-License-Identifier: GPL-3.0-or-later
// An export never removes a file it did not write (issue 18, item 1): the user's files inside png/,
// svg/ or NAME.ufo/ survive a re-export, a file of the same name that is not ours stops the export
// before anything moves (unless overwriting was asked for), an export of nothing never replaces a good
// one, staging folders of killed exports are cleaned up, and a hostile family name cannot hide files.
#include "common/atomicfile.h"
#include "common/hashing.h"
#include "errorof.h"
#include "export/exporterror.h"
#include "export/fontinfo.h"
#include "export/glyphexporter.h"
#include "export/stagingfolder.h"
#include "exporttestutil.h"
#include "tempdir.h"
#include "testfonts.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fcntl.h>
#include <map>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace zistudio;
using namespace zistudio::fontexport;
using zistudio::test::errorOf;
namespace fs = std::filesystem;

namespace
{

constexpr int kSize = 48;

ExportOptions options(
    std::set<ExportFormat> formats = {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Ufo, ExportFormat::Ttf})
{
    ExportOptions o;
    o.emBox = test::emBoxOf(test::TestFonts::kaiGb());
    o.formats = std::move(formats);
    return o;
}

std::vector<ExportGlyph> glyphs(const std::u32string &chars)
{
    return test::renderGlyphs(test::TestFonts::kaiGb(), chars, kSize);
}

int countStaging(const fs::path &dir)
{
    int n = 0;
    for (const auto &e : fs::directory_iterator(dir))
        n += e.path().filename().string().rfind(".zistudio-export-", 0) == 0;
    return n;
}

} // namespace

TEST(ExportSafety, TheUsersFilesInsideExportFoldersSurviveAReexport)
{
    test::TempDir dir;
    exportGlyphSet(glyphs(U"一永回"), options(), dir.path());
    // The designer keeps notes and hand-fixed glyphs beside the generated ones, a subfolder too.
    writeFileAtomically(dir / "png/notes.txt", std::string("fix 永"));
    fs::create_directories(dir / "png/mine");
    writeFileAtomically(dir / "png/mine/u6C38-fixed.png", std::string("my drawing"));
    writeFileAtomically(dir / "ZiStudioGenerated-Regular.ufo/my-notes.txt", std::string("kerning todo"));
    fs::create_symlink("notes.txt", dir / "png/link-to-notes");

    const auto r = exportGlyphSet(glyphs(U"中"), options(), dir.path());
    EXPECT_EQ(r.glyphsInFonts, 1);
    EXPECT_EQ(readFile(dir / "png/notes.txt"), "fix 永");
    EXPECT_EQ(readFile(dir / "png/mine/u6C38-fixed.png"), "my drawing");
    EXPECT_EQ(readFile(dir / "ZiStudioGenerated-Regular.ufo/my-notes.txt"), "kerning todo");
    EXPECT_TRUE(fs::is_symlink(dir / "png/link-to-notes"));
    // Its own files of the last export that this one did not write are gone; the new one is there.
    EXPECT_FALSE(fs::exists(dir / "png/uni6C38.png"));
    EXPECT_TRUE(fs::exists(dir / "png/uni4E2D.png"));
    EXPECT_EQ(countStaging(dir.path()), 0);
}

TEST(ExportSafety, AFileOfTheSameNameThatIsNotOursStopsTheExport)
{
    test::TempDir dir;
    // Folders and a font the user made before ever exporting here.
    fs::create_directories(dir / "png");
    writeFileAtomically(dir / "png/uni6C38.png", std::string("the user's own 永"));
    writeFileAtomically(dir / "png/other.png", std::string("another"));
    const auto before = test::snapshot(dir.path());
    const std::string error = errorOf<ExportError>([&] { exportGlyphSet(glyphs(U"永回"), options(), dir.path()); });
    EXPECT_NE(error.find("did not write"), std::string::npos) << error;
    EXPECT_NE(error.find("png/uni6C38.png"), std::string::npos) << error;
    EXPECT_NE(error.find("--overwrite"), std::string::npos) << error;
    EXPECT_EQ(test::snapshot(dir.path()), before) << "refused before anything moved";
    EXPECT_EQ(countStaging(dir.path()), 0);

    // A TTF of the same name, too.
    test::TempDir fontDir;
    writeFileAtomically(fontDir / "ZiStudioGenerated-Regular.ttf", std::string("a font I bought"));
    EXPECT_NE(errorOf<ExportError>([&] {
        exportGlyphSet(glyphs(U"永"), options(), fontDir.path());
    }).find("ZiStudioGenerated-Regular.ttf"),
        std::string::npos);
    EXPECT_EQ(readFile(fontDir / "ZiStudioGenerated-Regular.ttf"), "a font I bought");

    // Asked for explicitly: ours replaces that one file, the user's other files stay.
    ExportOptions o = options();
    o.overwrite = true;
    exportGlyphSet(glyphs(U"永回"), o, dir.path());
    EXPECT_NE(readFile(dir / "png/uni6C38.png"), "the user's own 永");
    EXPECT_EQ(readFile(dir / "png/other.png"), "another");
}

TEST(ExportSafety, AnExportedFileEditedByTheUserIsNotOverwrittenSilently)
{
    test::TempDir dir;
    exportGlyphSet(glyphs(U"永回"), options(), dir.path());
    writeFileAtomically(dir / "svg/uni6C38.svg", std::string("<svg>hand-fixed</svg>"));
    const auto before = test::snapshot(dir.path());
    EXPECT_NE(
        errorOf<ExportError>([&] { exportGlyphSet(glyphs(U"永回"), options(), dir.path()); }).find("svg/uni6C38.svg"),
        std::string::npos);
    EXPECT_EQ(test::snapshot(dir.path()), before);
    // Not exported again: the edited file is kept (it is the user's now), the unedited one goes.
    exportGlyphSet(glyphs(U"中"), options(), dir.path());
    EXPECT_EQ(readFile(dir / "svg/uni6C38.svg"), "<svg>hand-fixed</svg>");
    EXPECT_FALSE(fs::exists(dir / "svg/uni56DE.svg"));
}

TEST(ExportSafety, ExportsOfOtherFormatsKeepEarlierExportsOurs)
{
    test::TempDir dir;
    exportGlyphSet(glyphs(U"一永"), options({ExportFormat::Png}), dir.path());
    exportGlyphSet(glyphs(U"一永"), options({ExportFormat::Ttf}), dir.path());
    // The PNGs of the first export are still known as ours: exporting PNGs again replaces them.
    const auto r = exportGlyphSet(glyphs(U"回"), options({ExportFormat::Png}), dir.path());
    EXPECT_EQ(r.outputs.size(), 1u);
    EXPECT_FALSE(fs::exists(dir / "png/uni6C38.png"));
    EXPECT_TRUE(fs::exists(dir / "png/uni56DE.png"));
    EXPECT_TRUE(fs::exists(dir / "ZiStudioGenerated-Regular.ttf"));
}

TEST(ExportSafety, AnExportOfNothingNeverReplacesAGoodOne)
{
    test::TempDir dir;
    exportGlyphSet(glyphs(U"一永回中"), options(), dir.path());
    const auto before = test::snapshot(dir.path());
    // Characters the run never learned: no image at all, or only unusable ones.
    std::vector<ExportGlyph> none;
    EXPECT_NE(errorOf<ExportError>([&] { exportGlyphSet(none, options(), dir.path()); }).find("nothing to export"),
        std::string::npos);
    std::vector<ExportGlyph> unusable {ExportGlyph {U'永', GrayImage(), false}, ExportGlyph {0, GrayImage(), false}};
    const std::string error = errorOf<ExportError>([&] { exportGlyphSet(unusable, options(), dir.path()); });
    EXPECT_NE(error.find("none of the 2 glyphs"), std::string::npos) << error;
    EXPECT_NE(error.find("left as it was"), std::string::npos) << error;
    EXPECT_EQ(test::snapshot(dir.path()), before);
    EXPECT_EQ(countStaging(dir.path()), 0);
}

TEST(ExportSafety, StagingFoldersOfKilledExportsAreRemovedLiveOnesKept)
{
    test::TempDir dir;
    // A killed export: a child creates its staging folder (and its lock), writes a file, and is SIGKILLed.
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        StagingFolder staging(dir.path());
        writeNewFile(staging.path() / "half.png", "x");
        ::raise(SIGKILL);
        ::_exit(1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    // One of an older version (no lock), old enough; and one whose exporter is alive (lock held).
    fs::create_directories(dir / ".zistudio-export-oldver");
    fs::last_write_time(dir / ".zistudio-export-oldver", fs::file_time_type::clock::now() - std::chrono::hours(1));
    fs::create_directories(dir / ".zistudio-export-alive1");
    const int lock = ::open((dir / ".zistudio-export-alive1/.zistudio-staging.lock").c_str(), O_RDWR | O_CREAT, 0644);
    ASSERT_EQ(::flock(lock, LOCK_EX), 0);
    // A folder of the user that merely looks alike is a symlink: never followed, never removed.
    fs::create_directories(dir / "keep");
    writeFileAtomically(dir / "keep/precious.txt", std::string("mine"));
    fs::create_directory_symlink(dir / "keep", dir / ".zistudio-export-linked");
    EXPECT_EQ(countStaging(dir.path()), 4);

    exportGlyphSet(glyphs(U"永"), options({ExportFormat::Png}), dir.path());
    EXPECT_TRUE(fs::exists(dir / ".zistudio-export-alive1")) << "a live export's staging folder stays";
    EXPECT_TRUE(fs::is_symlink(dir / ".zistudio-export-linked"));
    EXPECT_EQ(readFile(dir / "keep/precious.txt"), "mine");
    EXPECT_EQ(countStaging(dir.path()), 2) << "the killed one and the old one are gone";
    ::close(lock);
    EXPECT_EQ(removeStaleStagingFolders(dir.path()), 1) << "once its exporter is gone, the last one goes too";
}

TEST(ExportSafety, AHostileFamilyNameCannotHideOrPlaceFiles)
{
    FontInfo info;
    for (const auto &[family, stem] :
        std::vector<std::pair<std::string, std::string>> {{"../../X", "X-Regular"}, {"...", "Regular"},
            {"-rf /", "rf-Regular"}, {"楷体", "ZiStudioGenerated-Regular"}, {"My Font", "MyFont-Regular"}}) {
        info.family = family;
        info.style = "Regular";
        EXPECT_EQ(exportFileStem(info), stem) << family;
    }
    test::TempDir dir;
    ExportOptions o = options({ExportFormat::Ttf});
    o.family = "../../X";
    const auto r = exportGlyphSet(glyphs(U"永"), o, dir.path());
    ASSERT_EQ(r.outputs.size(), 1u);
    EXPECT_EQ(r.outputs[0], dir / "X-Regular.ttf");
    o.family = "bad\x1b]0;name";
    EXPECT_NE(errorOf<ExportError>([&] { exportGlyphSet(glyphs(U"永"), o, dir.path()); }).find("control character"),
        std::string::npos);
}

TEST(ExportSafety, ASymlinkLoopAsOutputFolderIsAClearError)
{
    test::TempDir dir;
    fs::create_symlink(dir / "b", dir / "a");
    fs::create_symlink(dir / "a", dir / "b");
    const std::string error
        = errorOf<ExportError>([&] { exportGlyphSet(glyphs(U"永"), options({ExportFormat::Png}), dir / "a"); });
    EXPECT_NE(error.find("symbolic links"), std::string::npos) << error;
}
