// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appsettings.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/exportdialog.h"
#include "i18n.h"
#include "models/runlistmodel.h"
#include "palette.h"
#include "panels/datasetpanel.h"
#include "panels/fontspanel.h"
#include "panels/logpanel.h"
#include "panels/modelpanel.h"
#include "panels/projectpanel.h"
#include "panels/trainingpanel.h"
#include "projectcontroller.h"
#include "projectdocument.h"
#include "session/trainingsession.h"
#include "util/qtconvert.h"
#include "views/attentionview.h"
#include "views/compareview.h"
#include "views/previewview.h"

#include "common/computedevice.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>

namespace zistudio::ui
{

namespace
{

constexpr int kStatusMessageMs = 5000;

QString dockObjectName(const QString &panel)
{
    QString name = panel;
    name[0] = name[0].toUpper();
    return name + QStringLiteral("Dock");
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ProjectDocument(this))
    , m_controller(new ProjectController(m_document, this))
    , m_session(new TrainingSession(this))
    , m_centralTabs(new QTabWidget(this))
    , m_log(new LogPanel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockNestingEnabled(true);
    m_centralTabs->setObjectName(QStringLiteral("CentralTabs"));
    m_attentionView = new AttentionView(m_document, m_session, this);
    connect(m_attentionView, &AttentionView::message, this, &MainWindow::report);
    m_centralTabs->addTab(m_attentionView, tr("Attention"));
    m_previewView = new PreviewView(m_document, m_session, this);
    connect(m_previewView, &PreviewView::message, this, &MainWindow::report);
    m_centralTabs->addTab(m_previewView, tr("Preview"));
    m_compareView = new CompareView(m_document, m_session, this);
    connect(m_compareView, &CompareView::message, this, &MainWindow::report);
    m_centralTabs->addTab(m_compareView, tr("Compare"));
    setCentralWidget(m_centralTabs);

    createDocks();
    createMenus();
    createStatusBar();

    connect(m_controller, &ProjectController::message, this, &MainWindow::report);
    connect(m_document, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::nameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::projectReplaced, this, &MainWindow::updateTitle);
    connect(m_session, &TrainingSession::stateChanged, this, &MainWindow::updateTrainingStatus);
    connect(m_session, &TrainingSession::progress, this, [this](const training::ProgressRecord &record) {
        if (record.step > 0)
            m_projectPanel->runModel()->setLiveStep(m_session->runName(), record.step);
    });
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] {
        // The Training panel has re-read the runs by now (it connected first).
        const QString run = m_trainingPanel->interruptedRun();
        if (!run.isEmpty()) {
            raisePanel(QStringLiteral("training"));
            report(tr("The run “%1” was interrupted. The Training panel offers to resume it.").arg(run), false);
        }
    });
    connect(m_session, &TrainingSession::finished, this, [this] {
        if (m_closeAfterTraining)
            close();
    });

    report(tr("ZiStudio started on %1").arg(m_deviceLabel->text()), false);
    statusBar()->showMessage(tr("Ready"), 3000);
    retranslate();
    // A first start: most of the screen (room for both docks beside the views), 1400 x 900 at least —
    // except on a smaller real screen (a 1366 x 768 laptop), where the window takes the whole screen.
    // Headless platforms (offscreen, used by tests and screenshots) report a nominal 800 x 600.
    const QSize screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableSize() : QSize();
    QSize size(std::clamp(screen.width() * 9 / 10, 1400, 1680), std::clamp(screen.height() * 9 / 10, 900, 1000));
    const bool headless = QGuiApplication::platformName() == QLatin1String("offscreen")
        || QGuiApplication::platformName() == QLatin1String("minimal");
    if (!headless && screen.isValid())
        size = size.boundedTo(screen);
    resize(size);
    if (!AppSettings::windowGeometry().isEmpty()) {
        restoreGeometry(AppSettings::windowGeometry());
        restoreState(AppSettings::windowState());
    }
}

MainWindow::~MainWindow() = default;

QStringList MainWindow::panelNames()
{
    return {QStringLiteral("project"), QStringLiteral("fonts"), QStringLiteral("dataset"), QStringLiteral("model"),
        QStringLiteral("training"), QStringLiteral("log")};
}

void MainWindow::createDocks()
{
    m_projectPanel = new ProjectPanel(m_document, m_controller, this);
    m_fontsPanel = new FontsPanel(m_document, this);
    m_datasetPanel = new DatasetPanel(m_document, m_controller, this);
    m_modelPanel = new ModelPanel(m_document, this);
    m_trainingPanel = new TrainingPanel(m_document, m_controller, m_session, this);
    connect(m_projectPanel, &ProjectPanel::message, this, &MainWindow::report);
    connect(m_fontsPanel, &FontsPanel::message, this, &MainWindow::report);
    connect(m_datasetPanel, &DatasetPanel::message, this, &MainWindow::report);
    connect(m_trainingPanel, &TrainingPanel::message, this, &MainWindow::report);
    connect(m_trainingPanel, &TrainingPanel::runsChanged, m_projectPanel, &ProjectPanel::refreshRuns);
    connect(m_projectPanel, &ProjectPanel::runActivated, this, [this](const QString &run) {
        if (!m_session->isActive())
            m_trainingPanel->showRun(run);
    });

    struct DockSpec
    {
        const char *name;
        QString title;
        QWidget *widget;
        Qt::DockWidgetArea area;
    };
    const DockSpec specs[] = {
        {"project", tr("Project"), m_projectPanel, Qt::LeftDockWidgetArea},
        {"fonts", tr("Fonts"), m_fontsPanel, Qt::LeftDockWidgetArea},
        {"dataset", tr("Dataset"), m_datasetPanel, Qt::LeftDockWidgetArea},
        {"model", tr("Model"), m_modelPanel, Qt::RightDockWidgetArea},
        {"training", tr("Training"), m_trainingPanel, Qt::RightDockWidgetArea},
        {"log", tr("Log"), m_log, Qt::BottomDockWidgetArea},
    };
    QDockWidget *previousLeft = nullptr;
    QDockWidget *previousRight = nullptr;
    for (const auto &spec : specs) {
        auto *dock = new QDockWidget(spec.title, this);
        dock->setObjectName(dockObjectName(QString::fromLatin1(spec.name)));
        dock->setWidget(spec.widget);
        addDockWidget(spec.area, dock);
        if (spec.area == Qt::BottomDockWidgetArea)
            continue;
        QDockWidget *&previous = spec.area == Qt::LeftDockWidgetArea ? previousLeft : previousRight;
        if (previous)
            tabifyDockWidget(previous, dock);
        previous = dock;
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    // Tabs of docks can only be raised once the window exists; a restored layout keeps its own.
    if (AppSettings::windowState().isEmpty()) {
        raisePanel(QStringLiteral("project"));
        raisePanel(QStringLiteral("training"));
        // Dock sizes only hold once the window has its final size (the next event-loop turn).
        QTimer::singleShot(0, this, [this] {
            resizeDocks({findChild<QDockWidget *>(QStringLiteral("ProjectDock")),
                            findChild<QDockWidget *>(QStringLiteral("ModelDock"))},
                {340, 540}, Qt::Horizontal);
            resizeDocks({findChild<QDockWidget *>(QStringLiteral("LogDock"))}, {130}, Qt::Vertical);
        });
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->addAction(m_controller->newAction());
    m_fileMenu->addAction(m_controller->openAction());
    m_fileMenu->addMenu(m_controller->recentMenu());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_controller->saveAction());
    m_fileMenu->addAction(m_controller->saveAsAction());
    m_fileMenu->addSeparator();
    QAction *exportGlyphs = m_fileMenu->addAction(tr("&Export Glyphs…"), this, &MainWindow::showExportDialog);
    exportGlyphs->setObjectName(QStringLiteral("exportAction"));
    exportGlyphs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_fileMenu->addSeparator();
    QAction *quit = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    int key = Qt::Key_1;
    for (const QString &name : panelNames()) {
        auto *dock = findChild<QDockWidget *>(dockObjectName(name));
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(key++)));
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addSeparator();
    QAction *dark = m_viewMenu->addAction(tr("&Dark Palette"));
    dark->setCheckable(true);
    dark->setChecked(AppSettings::darkPalette());
    connect(dark, &QAction::toggled, this, [](bool on) {
        AppSettings::setDarkPalette(on);
        applyPalette(*qApp, on);
    });

    QMenu *training = menuBar()->addMenu(tr("&Training"));
    QAction *start = training->addAction(tr("&Start New Run"), this, [this] {
        raisePanel(QStringLiteral("training"));
        m_trainingPanel->startNewRun();
    });
    start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction *pause = training->addAction(tr("&Pause / Continue"), this,
        [this] { m_session->setPaused(m_session->state() == TrainingSession::State::Running); });
    pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    QAction *stop = training->addAction(tr("S&top"), m_session, &TrainingSession::stop);
    stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));

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

ExportDialog *MainWindow::showExportDialog()
{
    if (!m_document->hasFile()) {
        report(tr("Save the project first: its runs, and so what there is to export, live beside the project file."),
            true);
        return nullptr;
    }
    if (!m_exportDialog || m_exportDialog->property("projectFile").toString() != m_document->filePath()) {
        delete m_exportDialog;
        m_exportDialog = new ExportDialog(m_document, this);
        m_exportDialog->setProperty("projectFile", m_document->filePath());
    }
    m_exportDialog->show();
    m_exportDialog->raise();
    m_exportDialog->activateWindow();
    return m_exportDialog;
}

void MainWindow::createStatusBar()
{
    m_trainingLabel = new QLabel(this);
    m_costLabel = new QLabel(this);
    m_deviceLabel = new QLabel(qs(describeComputeDevice().description()), this);
    statusBar()->addPermanentWidget(m_trainingLabel);
    statusBar()->addPermanentWidget(m_costLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    const auto updateCost = [this] {
        const auto &report = m_modelPanel->report();
        m_costLabel->setText(
            tr("%1 parameters · %2 FLOPs/step")
                .arg(formatSi(static_cast<double>(report.generatorParams + report.discriminatorParams)),
                    formatSi(report.trainingStepFlops)));
    };
    connect(m_modelPanel, &ModelPanel::costChanged, this, updateCost);
    updateCost();
    updateTrainingStatus();
}

void MainWindow::updateTrainingStatus()
{
    switch (m_session->state()) {
    case TrainingSession::State::Idle:
        m_trainingLabel->setText(tr("Not training"));
        break;
    case TrainingSession::State::Running:
        m_trainingLabel->setText(tr("Training %1").arg(m_session->runName()));
        break;
    case TrainingSession::State::Paused:
        m_trainingLabel->setText(tr("Paused %1").arg(m_session->runName()));
        break;
    case TrainingSession::State::Stopping:
        m_trainingLabel->setText(tr("Stopping %1").arg(m_session->runName()));
        break;
    }
}

bool MainWindow::raisePanel(const QString &name)
{
    // "training/samples": a dock, then optionally a tab inside it.
    const QStringList parts = name.toLower().split(QLatin1Char('/'));
    // A central tab by its view's object name ("attention" raises the AttentionView); then maybe a page
    // of the view's own tabs by the page's object name ("preview/text").
    for (int i = 0; i < m_centralTabs->count(); ++i) {
        QWidget *view = m_centralTabs->widget(i);
        if (view->objectName().compare(parts.front() + QStringLiteral("view"), Qt::CaseInsensitive) != 0)
            continue;
        m_centralTabs->setCurrentIndex(i);
        if (parts.size() == 1)
            return true;
        auto *pages = view->findChild<QTabWidget *>();
        for (int p = 0; pages && p < pages->count(); ++p)
            if (pages->widget(p)->objectName().startsWith(parts[1], Qt::CaseInsensitive)) {
                pages->setCurrentIndex(p);
                return true;
            }
        return false;
    }
    auto *dock = findChild<QDockWidget *>(dockObjectName(parts.front()));
    if (!dock)
        return false;
    dock->show();
    dock->raise();
    if (parts.size() > 1) {
        auto *tabs = dock->widget()->findChild<QTabWidget *>();
        const int index = tabs ? static_cast<int>(tabPageNames().indexOf(parts[1])) : -1;
        if (index < 0 || index >= tabs->count())
            return false;
        tabs->setCurrentIndex(index);
    }
    return true;
}

QStringList MainWindow::tabPageNames()
{
    return {QStringLiteral("curves"), QStringLiteral("samples"), QStringLiteral("checkpoints")};
}

void MainWindow::report(const QString &text, bool error)
{
    m_log->append(error ? LogPanel::Level::Error : LogPanel::Level::Info, text);
    statusBar()->showMessage(text, kStatusMessageMs);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — ZiStudio").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::retranslate()
{
    updateTitle();
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
    if (m_session->isActive()) {
        // Never block the GUI thread on the trainer: ask it to stop, close when it has saved.
        const auto answer = m_closeAfterTraining ? QMessageBox::Yes
                                                 : QMessageBox::question(this, tr("Training Is Running"),
                                                     tr("Stop the run (it saves a checkpoint and can be resumed) and "
                                                        "quit?"));
        if (answer == QMessageBox::Yes) {
            m_closeAfterTraining = true;
            m_session->stop();
            report(tr("Stopping the run before quitting…"), false);
        }
        event->ignore();
        return;
    }
    if (!m_controller->maybeSave()) {
        event->ignore();
        return;
    }
    AppSettings::setWindowLayout(saveGeometry(), saveState());
    event->accept();
}

} // namespace zistudio::ui
