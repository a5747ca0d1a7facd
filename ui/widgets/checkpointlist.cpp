// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/checkpointlist.h"

#include "models/checkpointmodel.h"
#include "session/runhistory.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace zistudio::ui
{

CheckpointList::CheckpointList(QWidget *parent)
    : QWidget(parent)
    , m_model(new CheckpointModel(this))
    , m_view(new QTableView(this))
    , m_delete(new QPushButton(tr("Delete"), this))
{
    m_view->setObjectName(QStringLiteral("CheckpointList"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QHBoxLayout;
    auto *hint = new QLabel(tr("★ best by validation · pinned checkpoints are kept"), this);
    hint->setEnabled(false);
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_delete, &QPushButton::clicked, this, &CheckpointList::deleteSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CheckpointList::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CheckpointList::updateButtons);
    connect(m_model, &CheckpointModel::pinToggled, this, [this](long long step, bool pinned) {
        QString error;
        if (!setCheckpointPinned(m_projectFile, m_run, step, pinned, &error))
            emit message(tr("Cannot change the pin of step %1: %2").arg(step).arg(error), true);
        else
            emit message(pinned ? tr("Pinned the checkpoint of step %1").arg(step)
                                : tr("Unpinned the checkpoint of step %1").arg(step),
                false);
        reload();
    });
    updateButtons();
}

void CheckpointList::showRun(const QString &projectFile, const QString &run)
{
    m_projectFile = projectFile;
    m_run = run;
    reload();
}

void CheckpointList::reload()
{
    QString error;
    m_model->setCheckpoints(
        m_run.isEmpty() ? std::vector<project::CheckpointRecord> {} : listCheckpoints(m_projectFile, m_run, &error));
    if (!error.isEmpty())
        emit message(tr("Cannot read the checkpoints: %1").arg(error), true);
}

void CheckpointList::setTraining(bool training)
{
    m_training = training;
    updateButtons();
}

void CheckpointList::updateButtons()
{
    m_delete->setEnabled(!m_training && m_view->selectionModel()->hasSelection());
}

void CheckpointList::deleteSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_training)
        return;
    const long long step = rows.front().data(Qt::UserRole).toLongLong();
    const auto &checkpoint = m_model->checkpoints()[static_cast<std::size_t>(rows.front().row())];
    const QString question = checkpoint.isBest
        ? tr("Step %1 is the best checkpoint of this run. Delete it anyway?").arg(step)
        : tr("Delete the checkpoint of step %1?").arg(step);
    if (QMessageBox::question(this, tr("Delete Checkpoint"), question) == QMessageBox::Yes)
        removeCheckpoint(step);
}

bool CheckpointList::removeCheckpoint(long long step)
{
    if (m_training || m_run.isEmpty())
        return false;
    QString error;
    const bool ok = deleteCheckpoint(m_projectFile, m_run, step, &error);
    if (ok)
        emit message(tr("Deleted the checkpoint of step %1").arg(step), false);
    else
        emit message(tr("Cannot delete the checkpoint of step %1: %2").arg(step).arg(error), true);
    reload();
    return ok;
}

} // namespace zistudio::ui
