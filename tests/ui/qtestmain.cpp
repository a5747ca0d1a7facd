// SPDX-License-Identifier: GPL-3.0-or-later
// GoogleTest main for widget tests: a QApplication on the offscreen platform, isolated settings.
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // never touch the user's real settings
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ZiStudioTest"));
    QApplication::setApplicationName(QStringLiteral("ZiStudioTest"));
    QSettings().clear();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
