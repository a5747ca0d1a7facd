// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectcontroller.h"

#include "appsettings.h"
#include "projectdocument.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

namespace zistudio::ui
{

ProjectController::ProjectController(ProjectDocument *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_new(new QAction(tr("&New Project"), this))
    , m_open(new QAction(tr("&Open Project…"), this))
    , m_save(new QAction(tr("&Save"), this))
    , m_saveAs(new QAction(tr("Save &As…"), this))
    , m_recent(new QMenu(tr("Open &Recent"), window))
{
    m_new->setShortcut(QKeySequence::New);
    m_open->setShortcut(QKeySequence::Open);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_new, &QAction::triggered, this, &ProjectController::newProject);
    connect(m_open, &QAction::triggered, this, &ProjectController::open);
    connect(m_save, &QAction::triggered, this, &ProjectController::save);
    connect(m_saveAs, &QAction::triggered, this, &ProjectController::saveAs);
    connect(m_recent, &QMenu::aboutToShow, this, &ProjectController::updateRecentMenu);
    connect(m_document, &ProjectDocument::modifiedChanged, this, &ProjectController::updateActions);
    updateRecentMenu();
    updateActions();
}

void ProjectController::updateActions()
{
    m_save->setEnabled(m_document->isModified() || !m_document->hasFile());
}

void ProjectController::updateRecentMenu()
{
    m_recent->clear();
    const QList<RecentProject> recent = AppSettings::recentProjectEntries();
    for (const RecentProject &entry : recent) {
        QAction *action = m_recent->addAction(entry.label);
        action->setToolTip(entry.toolTip);
        action->setStatusTip(entry.toolTip);
        action->setEnabled(entry.exists);
        connect(action, &QAction::triggered, this, [this, path = entry.path] {
            if (maybeSave())
                openFile(path);
        });
    }
    m_recent->setEnabled(!recent.isEmpty());
}

bool ProjectController::maybeSave()
{
    if (!m_document->isModified())
        return true;
    int answer = m_promptAnswer;
    if (answer == 0) {
        answer = QMessageBox::warning(m_window, tr("Unsaved Changes"),
            tr("The project “%1” has unsaved changes. Save them?").arg(m_document->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    }
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void ProjectController::newProject()
{
    if (!maybeSave())
        return;
    m_document->newProject();
    emit message(tr("New project. Choose a source font and target fonts in the Fonts panel."), false);
}

void ProjectController::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open Project"), m_document->folder(), tr("ZiStudio projects (*.zistudio);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool ProjectController::openFile(const QString &path)
{
    QString error;
    if (!m_document->open(path, &error)) {
        emit message(tr("Cannot open the project: %1").arg(error), true);
        if (m_promptAnswer == 0)
            QMessageBox::critical(m_window, tr("Open Project"), error);
        return false;
    }
    AppSettings::addRecentProject(m_document->filePath());
    updateRecentMenu(); // a disabled menu never shows, so it cannot refresh itself on aboutToShow
    emit message(tr("Opened %1").arg(m_document->filePath()), false);
    emit projectOpened(m_document->filePath());
    return true;
}

bool ProjectController::save()
{
    if (!m_document->hasFile())
        return saveAs();
    QString error;
    if (!m_document->save(&error)) {
        emit message(tr("Cannot save the project: %1").arg(error), true);
        if (m_promptAnswer == 0)
            QMessageBox::critical(m_window, tr("Save Project"), error);
        return false;
    }
    emit message(tr("Saved %1").arg(m_document->filePath()), false);
    return true;
}

bool ProjectController::saveAs()
{
    QString path = !m_saveAsPath.isEmpty()
        ? m_saveAsPath
        : QFileDialog::getSaveFileName(m_window, tr("Save Project As"),
            m_document->hasFile() ? m_document->filePath() : m_document->displayName() + QStringLiteral(".zistudio"),
            tr("ZiStudio projects (*.zistudio)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".zistudio")))
        path += QStringLiteral(".zistudio");
    QString error;
    if (!m_document->saveAs(path, &error)) {
        emit message(tr("Cannot save the project: %1").arg(error), true);
        if (m_promptAnswer == 0)
            QMessageBox::critical(m_window, tr("Save Project"), error);
        return false;
    }
    AppSettings::addRecentProject(m_document->filePath());
    updateRecentMenu();
    emit message(tr("Saved %1").arg(m_document->filePath()), false);
    emit projectOpened(m_document->filePath());
    return true;
}

} // namespace zistudio::ui
