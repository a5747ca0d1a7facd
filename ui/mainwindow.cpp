// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appsettings.h"
#include "dialogs/aboutdialog.h"
#include "i18n.h"
#include "palette.h"
#include "panels/logpanel.h"

#include "common/computedevice.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

namespace zistudio::ui
{

namespace
{

QLabel *emptyPanel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(12);
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_centralTabs(new QTabWidget(this))
    , m_log(new LogPanel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockNestingEnabled(true);
    m_centralTabs->setObjectName(QStringLiteral("CentralTabs"));
    m_centralTabs->addTab(
        emptyPanel(tr("Attention heatmaps appear here once a model is trained."), this), tr("Attention"));
    m_centralTabs->addTab(emptyPanel(tr("Generated glyphs appear here beside the target fonts."), this), tr("Preview"));
    m_centralTabs->addTab(
        emptyPanel(tr("Runs with different attention placements are compared here."), this), tr("Compare"));
    setCentralWidget(m_centralTabs);

    createDocks();
    createMenus();

    const ComputeDeviceInfo device = describeComputeDevice();
    m_deviceLabel = new QLabel(QString::fromStdString(device.description()), this);
    statusBar()->addPermanentWidget(m_deviceLabel);
    statusBar()->showMessage(tr("Ready"), 3000);
    m_log->append(LogPanel::Level::Info, tr("ZiStudio started on %1").arg(m_deviceLabel->text()));

    retranslate();
    resize(1400, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    struct DockSpec
    {
        const char *objectName;
        QString title;
        QWidget *widget;
        Qt::DockWidgetArea area;
    };
    const DockSpec specs[] = {
        {"ProjectDock", tr("Project"), emptyPanel(tr("No project open."), this), Qt::LeftDockWidgetArea},
        {"FontsDock", tr("Fonts"), emptyPanel(tr("Add a source font and target fonts."), this), Qt::LeftDockWidgetArea},
        {"DatasetDock", tr("Dataset"), emptyPanel(tr("Choose the characters to train on."), this),
            Qt::LeftDockWidgetArea},
        {"ModelDock", tr("Model"), emptyPanel(tr("Model size and attention placement."), this),
            Qt::RightDockWidgetArea},
        {"TrainingDock", tr("Training"), emptyPanel(tr("Start a run to see its curves."), this),
            Qt::RightDockWidgetArea},
        {"LogDock", tr("Log"), m_log, Qt::BottomDockWidgetArea},
    };
    QDockWidget *previousLeft = nullptr;
    QDockWidget *previousRight = nullptr;
    for (const auto &spec : specs) {
        auto *dock = new QDockWidget(spec.title, this);
        dock->setObjectName(QString::fromLatin1(spec.objectName));
        dock->setWidget(spec.widget);
        addDockWidget(spec.area, dock);
        QDockWidget *&previous = spec.area == Qt::LeftDockWidgetArea ? previousLeft : previousRight;
        if (spec.area != Qt::BottomDockWidgetArea && previous)
            tabifyDockWidget(previous, dock);
        if (spec.area != Qt::BottomDockWidgetArea)
            previous = dock;
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    QAction *dark = m_viewMenu->addAction(tr("&Dark Palette"));
    dark->setCheckable(true);
    dark->setChecked(AppSettings::darkPalette());
    connect(dark, &QAction::toggled, this, [](bool on) {
        AppSettings::setDarkPalette(on);
        applyPalette(*qApp, on);
    });

    m_settingsMenu = menuBar()->addMenu(tr("&Settings"));
    QMenu *languageMenu = m_settingsMenu->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    QAction *system = languageMenu->addAction(tr("System Default"));
    system->setCheckable(true);
    system->setChecked(AppSettings::language().isEmpty());
    group->addAction(system);
    connect(system, &QAction::triggered, this, [this] { chooseLanguage(QString()); });
    for (const auto &[code, name] : availableLanguages()) {
        QAction *action = languageMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(AppSettings::language() == code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] { chooseLanguage(code); });
    }

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->addAction(tr("&About ZiStudio"), this, &MainWindow::showAbout);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("ZiStudio"));
}

void MainWindow::chooseLanguage(const QString &language)
{
    AppSettings::setLanguage(language);
    QMessageBox::information(this, tr("Language"), tr("The new language applies the next time ZiStudio starts."));
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    event->accept();
}

} // namespace zistudio::ui
