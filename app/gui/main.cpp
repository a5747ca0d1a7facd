// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio: the studio window.
#include "appsettings.h"
#include "common/computedevice.h"
#include "demoproject.h"
#include "dialogs/exportdialog.h"
#include "i18n.h"
#include "mainwindow.h"
#include "palette.h"
#include "projectcontroller.h"
#include "stallbenchmark.h"
#include "views/compareview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace
{

/** The demo project: installed (share/zistudio/demo) or in the source tree this binary was built from. */
QString demoFolder()
{
    const QDir app(QCoreApplication::applicationDirPath());
    return zistudio::ui::findDemoFolder({app.filePath(QStringLiteral("../share/zistudio/demo")),
        QStringLiteral(ZISTUDIO_SOURCE_DIR "/resources/demo")});
}

/** What to open at start: the file given, else the demo on the first start, else the newest recent project. */
void openStartupProject(zistudio::ui::MainWindow &window, const QString &requested)
{
    using namespace zistudio::ui;
    ProjectController *controller = window.projectController();
    const QString folder = demoFolder();
    const bool firstStart = AppSettings::firstStart();
    AppSettings::setFirstStartDone();
    if (!requested.isEmpty()) {
        // The shipped demo is read-only where it is installed and belongs to the source tree in a build:
        // runs are written beside the project file, so the studio works on the per-user copy instead.
        const bool shippedDemo = !folder.isEmpty()
            && QFileInfo(requested).canonicalFilePath()
                == QFileInfo(QDir(folder).filePath(QStringLiteral("demo.zistudio"))).canonicalFilePath();
        QString error;
        const QString copy = shippedDemo ? prepareDemoProject(folder, defaultDemoWorkFolder(), &error) : QString();
        controller->openFile(copy.isEmpty() ? requested : copy);
        return;
    }
    if (firstStart) {
        QString error;
        if (folder.isEmpty()) {
            window.report(
                QApplication::translate("main", "The demo project (share/zistudio/demo) is not installed."), true);
            return;
        }
        const QString demo = prepareDemoProject(folder, defaultDemoWorkFolder(), &error);
        if (!demo.isEmpty())
            controller->openFile(demo);
        else
            window.report(QApplication::translate("main", "The demo project could not be copied: %1").arg(error), true);
        return;
    }
    for (const QString &recent : AppSettings::recentProjects()) {
        if (QFileInfo::exists(recent)) {
            controller->openFile(recent);
            return;
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
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
    const QCommandLineOption panel(QStringLiteral("panel"),
        QApplication::translate("main",
            "Raise this panel or view first: project, fonts, dataset, model, training, log, attention, preview, "
            "compare, or export (the Export dialog; may be repeated)."),
        QStringLiteral("name"));
    const QCommandLineOption delay(QStringLiteral("screenshot-delay"),
        QApplication::translate("main", "Seconds to wait before the screenshot (default 1.5)."),
        QStringLiteral("seconds"), QStringLiteral("1.5"));
    const QCommandLineOption stalls(QStringLiteral("measure-stalls"),
        QApplication::translate("main",
            "Benchmark: train cpu-64 on the demo for this many seconds and report the "
            "longest event-loop stall."),
        QStringLiteral("seconds"));
    const QCommandLineOption stallsJson(QStringLiteral("stalls-json"),
        QApplication::translate("main", "Where --measure-stalls writes its JSON result."), QStringLiteral("file.json"));
    const QCommandLineOption dark(QStringLiteral("dark"), QApplication::translate("main", "Use the dark palette."));
    const QCommandLineOption study(QStringLiteral("study"),
        QApplication::translate("main", "Open a saved study (zistudio-cli compare --save) in the Compare tab."),
        QStringLiteral("file.json"));
    for (const auto &option : {screenshot, panel, delay, stalls, stallsJson, dark, study})
        parser.addOption(option);
    parser.addPositionalArgument(
        QStringLiteral("project"), QApplication::translate("main", "The project file to open."));
    parser.process(app);
    if (parser.isSet(dark))
        applyPalette(app, true);

    MainWindow window;
    window.show();

    if (parser.isSet(stalls)) {
        auto *benchmark = new zistudio::gui::StallBenchmark(
            &window, demoFolder(), parser.value(stalls).toDouble(), parser.value(stallsJson));
        QTimer::singleShot(0, benchmark, &zistudio::gui::StallBenchmark::start);
        return QApplication::exec();
    }

    openStartupProject(window, parser.positionalArguments().value(0));
    for (const QString &name : parser.values(panel)) {
        if (name == QLatin1String("export")) { // File → Export Glyphs… (its screenshot is the dialog's)
            if (!window.showExportDialog())
                return 1;
            continue;
        }
        if (!window.raisePanel(name)) {
            std::fprintf(stderr,
                "zistudio: unknown panel '%s' (known: %s; training/curves, training/samples, "
                "training/checkpoints; attention, preview, preview/text, compare)\n",
                qPrintable(name), qPrintable(MainWindow::panelNames().join(QStringLiteral(", "))));
            return 1;
        }
    }
    if (parser.isSet(study)) {
        window.raisePanel(QStringLiteral("compare"));
        window.compareView()->openStudy(parser.value(study));
    }
    if (parser.isSet(screenshot)) {
        // Documentation screenshots: let layouts and background scans settle, grab, quit.
        const QString path = parser.value(screenshot);
        const int ms = static_cast<int>(parser.value(delay).toDouble() * 1000);
        QTimer::singleShot(ms, &window, [&window, path] {
            auto *dialog = window.findChild<ExportDialog *>();
            (dialog && dialog->isVisible() ? dialog->grab() : window.grab()).save(path);
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
