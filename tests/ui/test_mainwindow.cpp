// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "dialogs/aboutdialog.h"
#include "mainwindow.h"
#include "panels/datasetpanel.h"
#include "panels/logpanel.h"
#include "projectcontroller.h"
#include "projectdocument.h"
#include "tempdir.h"
#include "tinyproject.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <gtest/gtest.h>

using namespace zistudio::ui;

TEST(MainWindow, HasEveryPanelAsADock)
{
    MainWindow window;
    window.show();
    QStringList names;
    for (const QDockWidget *dock : window.findChildren<QDockWidget *>())
        names << dock->objectName();
    for (const char *expected : {"ProjectDock", "FontsDock", "DatasetDock", "ModelDock", "TrainingDock", "LogDock"})
        EXPECT_TRUE(names.contains(QString::fromLatin1(expected))) << expected;
    EXPECT_GE(window.menuBar()->actions().size(), 4);
    EXPECT_FALSE(window.statusBar()->currentMessage().isEmpty() && window.logPanel()->plainText().isEmpty());
}

TEST(MainWindow, AboutShowsLibraryVersionsAndDevice)
{
    AboutDialog about;
    const QString text = about.versionText();
    for (const char *needle : {"ZiStudio", "LibTorch", "FreeType", "HarfBuzz", "Qt"})
        EXPECT_TRUE(text.contains(QString::fromLatin1(needle))) << needle << " in " << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("CPU")) || text.contains(QStringLiteral("CUDA")));
}

TEST(LogPanel, KeepsMessagesInOrder)
{
    LogPanel log;
    log.append(LogPanel::Level::Info, QStringLiteral("first"));
    log.append(LogPanel::Level::Error, QStringLiteral("second <b>"));
    const QString text = log.plainText();
    EXPECT_LT(text.indexOf(QStringLiteral("first")), text.indexOf(QStringLiteral("second <b>")));
}

TEST(LogPanel, FollowsNewLinesUnlessScrolledUp)
{
    LogPanel log;
    log.resize(300, 120);
    log.show();
    auto *bar = log.findChild<QPlainTextEdit *>()->verticalScrollBar();
    for (int i = 0; i < 100; ++i)
        log.append(LogPanel::Level::Info, QStringLiteral("line %1").arg(i));
    QCoreApplication::processEvents();
    ASSERT_GT(bar->maximum(), 0);
    EXPECT_EQ(bar->value(), bar->maximum());
    bar->setValue(0); // the user reads older lines: they stay put
    log.append(LogPanel::Level::Info, QStringLiteral("more"));
    QCoreApplication::processEvents();
    EXPECT_EQ(bar->value(), 0);
    bar->setValue(bar->maximum()); // back at the bottom: following again
    log.append(LogPanel::Level::Info, QStringLiteral("and more"));
    QCoreApplication::processEvents();
    EXPECT_EQ(bar->value(), bar->maximum());
    log.hide(); // a hidden dock keeps following too
    for (int i = 0; i < 20; ++i)
        log.append(LogPanel::Level::Info, QStringLiteral("hidden %1").arg(i));
    log.show();
    QCoreApplication::processEvents();
    EXPECT_EQ(bar->value(), bar->maximum());
}

TEST(MainWindow, EveryShortcutHasOneOwner)
{
    MainWindow window;
    window.show();
    QMap<QString, QStringList> owners; // Ctrl+R on a menu action and a button is "ambiguous": it does nothing
    for (const QAction *action : window.findChildren<QAction *>())
        for (const QKeySequence &key : action->shortcuts())
            owners[key.toString()] << action->text();
    for (const QAbstractButton *button : window.findChildren<QAbstractButton *>())
        if (!button->shortcut().isEmpty())
            owners[button->shortcut().toString()] << button->text();
    for (auto it = owners.begin(); it != owners.end(); ++it)
        EXPECT_EQ(it.value().size(), 1) << it.key().toStdString() << ": " << it.value().join(u", ").toStdString();
    EXPECT_EQ(owners.value(QKeySequence(Qt::CTRL | Qt::Key_R).toString()).size(), 1);
}

TEST(MainWindow, SaveAsNamesTheProjectAndOpenRecentWakesUp)
{
    zistudio::test::TempDir dir;
    QSettings().remove(QStringLiteral("project/recent")); // a first session: nothing recent yet
    MainWindow window;
    window.show();
    window.projectController()->setPromptAnswer(QMessageBox::Discard);
    window.document()->newProject();
    window.document()->setDataset(zistudio::test::tinyProject().dataset); // fonts chosen, not saved yet
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("Untitled")));
    QMenu *recent = window.projectController()->recentMenu();
    EXPECT_FALSE(recent->isEnabled());
    // Build Dataset on an unsaved project offers Save As (here: a path the test gives instead of a dialog).
    const QString file = QString::fromStdString((dir / "my glyphs.zistudio").string());
    window.projectController()->setSaveAsPath(file);
    window.datasetPanel()->build();
    ASSERT_TRUE(window.document()->hasFile()) << window.logPanel()->plainText().toStdString();
    EXPECT_EQ(window.document()->filePath(), file);
    EXPECT_EQ(window.document()->displayName(), QStringLiteral("my glyphs"));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("my glyphs"))) << window.windowTitle().toStdString();
    EXPECT_FALSE(window.windowTitle().contains(QStringLiteral("Untitled")));
    EXPECT_TRUE(recent->isEnabled()); // in this very session
    ASSERT_FALSE(recent->actions().isEmpty());
    EXPECT_EQ(recent->actions().front()->toolTip(), file);
}

TEST(MainWindow, RecentProjectsOfTheSameNameAreToldApart)
{
    // Two projects named demo.zistudio showed as two identical "demo.zistudio" lines; a moved one opened
    // nothing. Each now says as much of its folder as tells it apart, and a missing one is disabled.
    zistudio::test::TempDir dir;
    const auto touch = [&](const QString &relative) {
        const QString path = QString::fromStdString((dir / relative.toStdString()).string());
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        return path;
    };
    const QString demo = touch(QStringLiteral("studio/demo/demo.zistudio"));
    const QString copy = touch(QStringLiteral("tmp/demo.zistudio"));
    const QString kaiA = touch(QStringLiteral("a/kai/kai.zistudio"));
    const QString kaiB = touch(QStringLiteral("b/kai/kai.zistudio"));
    const QString own = touch(QStringLiteral("mine/only.zistudio"));
    const QString gone = QString::fromStdString((dir / "gone" / "lost.zistudio").string());
    QSettings().setValue(QStringLiteral("project/recent"), QStringList {demo, copy, kaiA, kaiB, own, gone});
    QHash<QString, RecentProject> byPath;
    for (const RecentProject &entry : AppSettings::recentProjectEntries())
        byPath.insert(entry.path, entry);
    ASSERT_EQ(byPath.size(), 6);
    EXPECT_EQ(byPath[demo].label, QStringLiteral("demo.zistudio (demo)"));
    EXPECT_EQ(byPath[copy].label, QStringLiteral("demo.zistudio (tmp)"));
    EXPECT_EQ(byPath[kaiA].label, QStringLiteral("kai.zistudio (a/kai)")); // "kai" alone is shared
    EXPECT_EQ(byPath[kaiB].label, QStringLiteral("kai.zistudio (b/kai)"));
    EXPECT_EQ(byPath[own].label, QStringLiteral("only.zistudio"));
    EXPECT_EQ(byPath[own].toolTip, own);
    EXPECT_FALSE(byPath[gone].exists);
    EXPECT_TRUE(byPath[gone].toolTip.contains(gone));
    EXPECT_NE(byPath[gone].toolTip, gone);

    // File → Open Recent lists them so (the Project panel lists the same entries).
    MainWindow window;
    QStringList menu;
    for (QAction *action : window.projectController()->recentMenu()->actions()) {
        menu << action->text();
        EXPECT_EQ(action->isEnabled(), action->text() != QStringLiteral("lost.zistudio"))
            << action->text().toStdString();
    }
    EXPECT_EQ(menu.size(), 6);
    EXPECT_EQ(QSet<QString>(menu.begin(), menu.end()).size(), 6) << menu.join(u", ").toStdString();
    QSettings().remove(QStringLiteral("project/recent"));
}
