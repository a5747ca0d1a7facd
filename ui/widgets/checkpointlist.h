// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;
class QTableView;

namespace zistudio::ui
{

class CheckpointModel;

/**
 * The checkpoints of the run shown in the Training panel: the best marked, a pin per checkpoint
 * (pinned ones survive pruning) and Delete. Changes go through core (the run's checkpoint store and
 * the run store); deleting is refused while that run is training.
 */
class CheckpointList : public QWidget
{
    Q_OBJECT

public:
    explicit CheckpointList(QWidget *parent = nullptr);

    CheckpointModel *model() const { return m_model; }
    /** Shows the checkpoints of `run` of the project in `projectFile` (re-read from the run store). */
    void showRun(const QString &projectFile, const QString &run);
    void reload();
    /** While the shown run trains, deleting is disabled (the trainer prunes at the same time). */
    void setTraining(bool training);
    /** Deletes the checkpoint of `step` without asking (the Delete button asks first). */
    bool removeCheckpoint(long long step);

signals:
    void message(const QString &text, bool error);

private:
    void deleteSelected();
    void updateButtons();

    CheckpointModel *m_model;
    QTableView *m_view;
    QPushButton *m_delete;
    QString m_projectFile;
    QString m_run;
    bool m_training = false;
};

} // namespace zistudio::ui
