// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/checkpointmodel.h"

#include "util/qtconvert.h"

#include <QFont>
#include <QLocale>

namespace zistudio::ui
{

namespace
{

QVariant metric(const project::CheckpointRecord &checkpoint, const char *name)
{
    const auto it = checkpoint.metrics.find(name);
    if (it == checkpoint.metrics.end())
        return {};
    return QLocale().toString(it->second, 'f', 4);
}

} // namespace

CheckpointModel::CheckpointModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CheckpointModel::setCheckpoints(const std::vector<project::CheckpointRecord> &checkpoints)
{
    beginResetModel();
    m_checkpoints = checkpoints;
    endResetModel();
}

int CheckpointModel::bestRow() const
{
    for (std::size_t i = 0; i < m_checkpoints.size(); ++i) {
        if (m_checkpoints[i].isBest)
            return static_cast<int>(i);
    }
    return -1;
}

int CheckpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_checkpoints.size());
}

int CheckpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckpointModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const project::CheckpointRecord &checkpoint = m_checkpoints[static_cast<std::size_t>(index.row())];
    if (role == Qt::CheckStateRole && index.column() == PinnedColumn)
        return checkpoint.pinned ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::FontRole && checkpoint.isBest) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole)
        return qs(checkpoint.path);
    if (role == Qt::UserRole)
        return checkpoint.step;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case StepColumn:
        return checkpoint.step;
    case BestColumn:
        return checkpoint.isBest ? QStringLiteral("★") : QString();
    case KindColumn:
        if (checkpoint.kind == "interrupted")
            return tr("interrupted");
        if (checkpoint.kind == "final")
            return tr("final");
        if (checkpoint.kind == "rollback")
            return tr("rollback");
        return tr("regular");
    case ValL1Column:
        return metric(checkpoint, "val_l1");
    case ValSsimColumn:
        return metric(checkpoint, "val_ssim");
    default:
        return {};
    }
}

bool CheckpointModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != PinnedColumn || !index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    project::CheckpointRecord &checkpoint = m_checkpoints[static_cast<std::size_t>(index.row())];
    const bool pinned = value.value<Qt::CheckState>() == Qt::Checked;
    if (checkpoint.pinned == pinned)
        return true;
    checkpoint.pinned = pinned;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit pinToggled(checkpoint.step, pinned);
    return true;
}

Qt::ItemFlags CheckpointModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == PinnedColumn)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant CheckpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StepColumn:
        return tr("Step");
    case BestColumn:
        return tr("Best");
    case PinnedColumn:
        return tr("Pinned");
    case KindColumn:
        return tr("Kind");
    case ValL1Column:
        return tr("Val L1");
    case ValSsimColumn:
        return tr("Val SSIM");
    default:
        return {};
    }
}

} // namespace zistudio::ui
