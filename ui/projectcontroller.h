// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace zistudio::ui
{

class ProjectDocument;

/**
 * The project commands shared by the File menu and the Project panel: New, Open, Save, Save As and
 * the recent files, with the unsaved-changes prompt. Dialogs are parented to `window`.
 */
class ProjectController : public QObject
{
    Q_OBJECT

public:
    ProjectController(ProjectDocument *document, QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QMenu *recentMenu() const { return m_recent; }

    /** Opens a project file without asking (the caller has dealt with unsaved changes). */
    bool openFile(const QString &path);
    /** Asks what to do with unsaved changes; returns false when the user cancels. */
    bool maybeSave();
    bool save();
    bool saveAs();

    /** When set, answers the unsaved-changes prompt without a dialog (tests, benchmarks). */
    void setPromptAnswer(int standardButton) { m_promptAnswer = standardButton; }
    /** Tests: the file Save As writes instead of asking (empty = ask). */
    void setSaveAsPath(const QString &path) { m_saveAsPath = path; }

signals:
    void message(const QString &text, bool error);
    /** A project file was opened or saved under a new name. */
    void projectOpened(const QString &path);

private:
    void newProject();
    void open();
    void updateRecentMenu();
    void updateActions();

    ProjectDocument *m_document;
    QWidget *m_window;
    QAction *m_new;
    QAction *m_open;
    QAction *m_save;
    QAction *m_saveAs;
    QMenu *m_recent;
    int m_promptAnswer = 0;
    QString m_saveAsPath;
};

} // namespace zistudio::ui
