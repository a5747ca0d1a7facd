// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio: the studio window.
#include "appsettings.h"
#include "i18n.h"
#include "mainwindow.h"
#include "palette.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ZiStudio"));
    QApplication::setApplicationName(QStringLiteral("ZiStudio"));
    QApplication::setApplicationVersion(QStringLiteral(ZISTUDIO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/zistudio.svg")));
    using namespace zistudio::ui;
    installTranslators(app, AppSettings::language());
    applyPalette(app, AppSettings::darkPalette());

    MainWindow window;
    window.show();
    return QApplication::exec();
}
