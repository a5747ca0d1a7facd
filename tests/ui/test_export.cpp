// SPDX-License-Identifier: GPL-3.0-or-later
// File → Export… on the offscreen platform: the dialog's choices export a tiny trained run, the files
// are byte for byte what `zistudio-cli export` writes for the same choices, the potrace preview shows
// a traced glyph beside its bitmap, and the choices come back the next time (per project).
#include "dialogs/exportdialog.h"
#include "filetree.h"
#include "mainwindow.h"
#include "projectcontroller.h"
#include "projectdocument.h"
#include "runshell.h"
#include "test_previewsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <gtest/gtest.h>

#include <cstdlib>

using namespace zistudio;
using namespace zistudio::ui;

namespace
{

template<typename W> W *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<W *>(QLatin1String(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
}

/** Saves a screenshot for the user guide when ZISTUDIO_SCREENSHOT_DIR is set (scripts/screenshots does). */
void screenshot(QWidget *widget, const char *name)
{
    const QByteArray dir = qgetenv("ZISTUDIO_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QString::fromUtf8(dir) + QLatin1Char('/') + QLatin1String(name));
}

} // namespace

TEST(ExportDialog, WritesWhatTheCliWritesAndRemembersTheChoices)
{
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1); // fonts carry no clock time: the two exports compare equal
    auto p = test::tinyUiProject();
    p.training.steps = 4;
    p.training.validateEvery = 2;
    p.training.checkpointEvery = 2;
    p.reviews = {{U'永', project::Review::Accepted}, {U'和', project::Review::Flagged},
        {U'九', project::Review::Rejected}, {U'年', project::Review::Accepted}};
    test::TrainedRun trained(p);
    const auto out = trained.dir / "export";

    MainWindow window;
    window.show();
    ASSERT_TRUE(window.projectController()->openFile(trained.file));
    ExportDialog *dialog = window.showExportDialog();
    ASSERT_NE(dialog, nullptr);
    auto *characters = child<QComboBox>(dialog, "characters");
    characters->setCurrentIndex(characters->findData(static_cast<int>(workflow::CharacterChoice::Kind::Text)));
    child<QLineEdit>(dialog, "charactersText")->setText(QStringLiteral("永和九年岁"));
    child<QCheckBox>(dialog, "formatPng")->setChecked(true);
    child<QCheckBox>(dialog, "formatSvg")->setChecked(true);
    child<QCheckBox>(dialog, "formatUfo")->setChecked(true);
    child<QCheckBox>(dialog, "ufoBackgrounds")->setChecked(true);
    child<QCheckBox>(dialog, "formatTtf")->setChecked(true);
    child<QCheckBox>(dialog, "formatOtf")->setChecked(false);
    child<QCheckBox>(dialog, "formatSheet")->setChecked(false);
    child<QLineEdit>(dialog, "family")->setText(QStringLiteral("Tiny Test"));
    child<QSpinBox>(dialog, "turdsize")->setValue(4);
    child<QDoubleSpinBox>(dialog, "alphamax")->setValue(0.8);
    child<QLineEdit>(dialog, "outDir")->setText(QString::fromStdString((out / "studio").string()));

    // The potrace preview: one generated glyph and its outline, retraced when a setting changes.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QLabel *outline = child<QLabel>(dialog, "previewOutline");
            return !outline->pixmap().isNull();
        },
        test::kViewTimeoutMs))
        << child<QLabel>(dialog, "previewNote")->text().toStdString();
    EXPECT_FALSE(child<QLabel>(dialog, "previewBitmap")->pixmap().isNull());
    EXPECT_TRUE(child<QLabel>(dialog, "previewNote")->text().contains(QStringLiteral("segments")));

    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    dialog->startExport();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() > 0; }, test::kViewTimeoutMs));
    const QString summary = child<QPlainTextEdit>(dialog, "summary")->toPlainText();
    ASSERT_TRUE(finished.front().front().toBool()) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("Left out: 1 rejected, 1 not reviewed yet."))) << summary.toStdString();
    EXPECT_TRUE(child<QWidget>(dialog, "openFolder")->isVisible());
    screenshot(dialog, "export-dialog.png");

    const auto cli
        = test::runShell(std::string(ZISTUDIO_CLI) + " --threads 1 export --project " + trained.file.toStdString()
            + " --run r --chars 永和九年岁 --format png,svg,ufo,ttf --background-images --family 'Tiny Test' "
              "--turdsize 4 --alphamax 0.8 --out "
            + (out / "cli").string() + " 2>&1");
    ASSERT_EQ(cli.exitCode, 0) << cli.output;
    const auto studio = test::readFileTree(out / "studio");
    const auto fromCli = test::readFileTree(out / "cli");
    EXPECT_TRUE(studio.count("png/uni6C38.png"));
    EXPECT_FALSE(studio.count("png/uni4E5D.png")); // 九 was rejected
    EXPECT_TRUE(studio.count("TinyTest-Regular.ttf"));
    ASSERT_EQ(studio.size(), fromCli.size());
    for (const auto &[name, bytes] : studio) {
        ASSERT_TRUE(fromCli.count(name)) << name;
        EXPECT_TRUE(fromCli.at(name) == bytes) << name << " differs between the studio and the CLI";
    }

    // The choices come back for this project.
    dialog->close();
    ExportDialog again(window.document());
    EXPECT_EQ(child<QLineEdit>(&again, "charactersText")->text(), QStringLiteral("永和九年岁"));
    EXPECT_EQ(child<QSpinBox>(&again, "turdsize")->value(), 4);
    EXPECT_EQ(child<QLineEdit>(&again, "outDir")->text(), QString::fromStdString((out / "studio").string()));
    EXPECT_TRUE(child<QCheckBox>(&again, "ufoBackgrounds")->isChecked());
    EXPECT_EQ(again.request().characters.kind, workflow::CharacterChoice::Kind::Text);
}

TEST(ExportDialog, AnUnsavedProjectHasNothingToExport)
{
    MainWindow window;
    window.show();
    window.document()->newProject();
    EXPECT_EQ(window.showExportDialog(), nullptr);
}
