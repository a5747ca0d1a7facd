// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio: the studio window.
#include "appsettings.h"
#include "common/computedevice.h"
#include "i18n.h"
#include "mainwindow.h"
#include "palette.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ZiStudio"));
    QApplication::setApplicationName(QStringLiteral("ZiStudio"));
    QApplication::setApplicationVersion(QStringLiteral(ZISTUDIO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/zistudio.svg")));
    zistudio::configureComputeThreads(); // Debian's LibTorch starts with one thread
    using namespace zistudio::ui;
    installTranslators(app, AppSettings::language());
    applyPalette(app, AppSettings::darkPalette());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "ZiStudio"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window and quit."), QStringLiteral("file.png"));
    parser.addOption(screenshot);
    parser.addPositionalArgument(
        QStringLiteral("project"), QApplication::translate("main", "The project file to open."));
    parser.process(app);

    MainWindow window;
    window.show();
    if (parser.isSet(screenshot)) {
        // Documentation screenshots: let layouts settle, grab, quit.
        const QString path = parser.value(screenshot);
        QTimer::singleShot(1500, &window, [&window, path] {
            window.grab().save(path);
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
