// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runlistmodel.h"

#include "util/qtconvert.h"

#include <QDateTime>

namespace zistudio::ui
{

RunListModel::RunListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RunListModel::setRuns(const std::vector<project::RunRecord> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

void RunListModel::setLiveStep(const QString &name, long long step)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    auto &run = m_runs[static_cast<std::size_t>(row)];
    if (run.lastStep == step && run.status == "running")
        return;
    run.lastStep = step;
    run.status = "running";
    emit dataChanged(index(row, StatusColumn), index(row, StepColumn));
}

int RunListModel::rowOf(const QString &name) const
{
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (qs(m_runs[i].name) == name)
            return static_cast<int>(i);
    }
    return -1;
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunListModel::statusText(const std::string &status)
{
    if (status == "created")
        return tr("created");
    if (status == "running")
        return tr("running");
    if (status == "completed")
        return tr("completed");
    if (status == "interrupted")
        return tr("interrupted");
    if (status == "failed")
        return tr("failed");
    if (status == "recovered")
        return tr("recovered"); // listed again from its folder after runs.sqlite was lost
    return qs(status);
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const project::RunRecord &run = m_runs[static_cast<std::size_t>(index.row())];
    if (role == Qt::UserRole)
        return qs(run.name);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return qs(run.name);
    case StatusColumn:
        return statusText(run.status);
    case StepColumn:
        return run.lastStep;
    case AttentionColumn:
        return qs(run.attention);
    case CreatedColumn: {
        const QDateTime created = QDateTime::fromString(qs(run.created), Qt::ISODate);
        return created.isValid() ? QLocale().toString(created.toLocalTime(), QLocale::ShortFormat) : qs(run.created);
    }
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Run");
    case StatusColumn:
        return tr("Status");
    case StepColumn:
        return tr("Step");
    case AttentionColumn:
        return tr("Attention");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace zistudio::ui
