// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;

namespace zistudio::ui
{

class ProjectController;
class ProjectDocument;
class RunListModel;

/**
 * The Project dock: the project's name and file, whether it has unsaved changes, New / Open / Save /
 * Save As, the recent projects, a summary of what it trains, and its runs (from the run store).
 */
class ProjectPanel : public QWidget
{
    Q_OBJECT

public:
    ProjectPanel(ProjectDocument *document, ProjectController *controller, QWidget *parent = nullptr);

    RunListModel *runModel() const { return m_runs; }

    /** Re-reads the run store beside the project file. */
    void refreshRuns();

signals:
    /** The user picked a run in the list (to show it in the Training panel). */
    void runActivated(const QString &name);
    void message(const QString &text, bool error);

private:
    void loadFromDocument();
    void updateSummary();
    void updateRecent();
    void updateState();

    ProjectDocument *m_document;
    ProjectController *m_controller;
    RunListModel *m_runs;
    QLineEdit *m_name;
    QLabel *m_file;
    QLabel *m_state;
    QLabel *m_summary;
    QListWidget *m_recent;
    QTableView *m_runView;
};

} // namespace zistudio::ui
