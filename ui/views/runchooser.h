// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/generatortypes.h"

#include <QWidget>

class QComboBox;

namespace zistudio::ui
{

class ProjectDocument;
class TrainingSession;

/**
 * Picks the model a view generates with: a run of the open project and one of its checkpoints (best,
 * last, or a kept step). Follows the project (re-reads its runs when it is replaced or saved
 * elsewhere) and training (a new run appears; when a run ends its checkpoints are re-read).
 */
class RunChooser : public QWidget
{
    Q_OBJECT

public:
    RunChooser(ProjectDocument *document, TrainingSession *session, QWidget *parent = nullptr);

    /** The chosen run and checkpoint of the open project file (invalid when there is none). */
    GeneratorKey key() const;
    QString run() const;
    /** Chooses a run by name; false when the project has no such run. */
    bool setRun(const QString &run);
    /** "best", "last" or a step number. */
    void setCheckpoint(const QString &checkpoint);
    int runCount() const;

public slots:
    /** Re-reads the runs and checkpoints; keeps the choice when it still exists. */
    void refresh();

signals:
    void keyChanged(const zistudio::ui::GeneratorKey &key);

private:
    void fillCheckpoints();
    void emitKey();

    ProjectDocument *m_document;
    TrainingSession *m_session;
    QComboBox *m_runs;
    QComboBox *m_checkpoints;
    GeneratorKey m_emitted;
    int m_generation = 0;
    bool m_filling = false;
};

} // namespace zistudio::ui
