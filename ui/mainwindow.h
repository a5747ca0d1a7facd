// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace zistudio::ui
{

class AttentionView;
class CompareView;
class ExportDialog;
class DatasetPanel;
class FontsPanel;
class LogPanel;
class ModelPanel;
class PreviewView;
class ProjectController;
class ProjectDocument;
class ProjectPanel;
class TrainingPanel;
class TrainingSession;

/**
 * The studio's main window: menus, status bar, and the dock panels (Project, Fonts, Dataset, Model,
 * Training, Log) around a central tab area (Attention, Preview, Compare). The window only arranges
 * panels and routes their messages to the log and the status bar; each panel owns its behaviour.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectDocument *document() const { return m_document; }
    ProjectController *projectController() const { return m_controller; }
    TrainingSession *trainingSession() const { return m_session; }
    LogPanel *logPanel() const { return m_log; }
    ProjectPanel *projectPanel() const { return m_projectPanel; }
    FontsPanel *fontsPanel() const { return m_fontsPanel; }
    DatasetPanel *datasetPanel() const { return m_datasetPanel; }
    ModelPanel *modelPanel() const { return m_modelPanel; }
    TrainingPanel *trainingPanel() const { return m_trainingPanel; }
    AttentionView *attentionView() const { return m_attentionView; }
    CompareView *compareView() const { return m_compareView; }
    PreviewView *previewView() const { return m_previewView; }

    /**
     * Shows and raises a dock by name ("project", "fonts", "dataset", "model", "training", "log"); a
     * tab of the Training panel can follow a slash: "training/samples". A central tab by its view's name
     * ("attention", "preview", "compare"), optionally with a page of the view: "preview/text".
     */
    bool raisePanel(const QString &name);
    /** The dock names raisePanel() accepts. */
    static QStringList panelNames();
    /** The Training panel's tabs, in order: "curves", "samples", "checkpoints". */
    static QStringList tabPageNames();

    /** File → Export…: opens (or raises) the export dialog of the open project; nullptr when it has no file. */
    ExportDialog *showExportDialog();

    /** Writes a message to the Log dock and the status bar. */
    void report(const QString &text, bool error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void createDocks();
    void createStatusBar();
    void retranslate();
    void updateTitle();
    void updateTrainingStatus();
    void showAbout();
    void chooseLanguage(const QString &language);

    ProjectDocument *m_document;
    ProjectController *m_controller;
    TrainingSession *m_session;
    QTabWidget *m_centralTabs;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    LogPanel *m_log;
    ProjectPanel *m_projectPanel = nullptr;
    FontsPanel *m_fontsPanel = nullptr;
    DatasetPanel *m_datasetPanel = nullptr;
    ModelPanel *m_modelPanel = nullptr;
    TrainingPanel *m_trainingPanel = nullptr;
    AttentionView *m_attentionView = nullptr;
    CompareView *m_compareView = nullptr;
    PreviewView *m_previewView = nullptr;
    QPointer<ExportDialog> m_exportDialog;
    QLabel *m_trainingLabel = nullptr;
    QLabel *m_costLabel = nullptr;
    QLabel *m_deviceLabel = nullptr;
    bool m_closeAfterTraining = false;
    bool m_shownOnce = false;
};

} // namespace zistudio::ui
