// SPDX-License-Identifier: GPL-3.0-or-later
// GoogleTest main for widget tests: a QApplication on the offscreen platform, isolated settings.
#include <QApplication>
#include <QDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QWidget>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // never touch the user's real settings
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ZiStudioTest"));
    QApplication::setApplicationName(QStringLiteral("ZiStudioTest"));
    QSettings().clear();
    // Nobody answers a modal dialog on the offscreen platform: a test that opens one would hang, so it
    // fails instead (the dialog's text is in the failure) and the dialog is closed.
    QTimer watchdog;
    QObject::connect(&watchdog, &QTimer::timeout, &app, [] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            ADD_FAILURE() << "a modal dialog opened during a test: " << modal->windowTitle().toStdString();
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            else
                modal->close();
        }
    });
    watchdog.start(500);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
