// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/aboutdialog.h"
#include "mainwindow.h"
#include "panels/logpanel.h"

#include <QDockWidget>
#include <QMenuBar>
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
