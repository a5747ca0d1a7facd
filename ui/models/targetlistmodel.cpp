// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/targetlistmodel.h"

#include "util/qtconvert.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

namespace zistudio::ui
{

TargetListModel::TargetListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TargetListModel::setTargets(const std::vector<data::TargetSpec> &targets)
{
    if (targets.size() == m_targets.size()) {
        m_targets = targets;
        if (!m_targets.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_targets = targets;
    m_statuses.assign(m_targets.size(), TargetStatus {});
    endResetModel();
}

void TargetListModel::setStatuses(const std::vector<TargetStatus> &statuses)
{
    m_statuses.assign(m_targets.size(), TargetStatus {});
    for (std::size_t i = 0; i < m_statuses.size() && i < statuses.size(); ++i)
        m_statuses[i] = statuses[i];
    if (!m_targets.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const TargetStatus &TargetListModel::status(int row) const
{
    static const TargetStatus kNone;
    return row >= 0 && static_cast<std::size_t>(row) < m_statuses.size() ? m_statuses[static_cast<std::size_t>(row)]
                                                                         : kNone;
}

int TargetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_targets.size());
}

int TargetListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const data::TargetSpec &target = m_targets[static_cast<std::size_t>(index.row())];
    const TargetStatus &st = status(index.row());
    const bool isFont = target.kind == data::TargetSpec::Kind::Font;
    if (role == Qt::ForegroundRole && (!st.error.isEmpty() || !st.problems.isEmpty())
        && index.column() == CoverageColumn)
        return QBrush(QColor(217, 72, 15));
    if (role == Qt::ToolTipRole) {
        if (!st.error.isEmpty())
            return st.error;
        if (index.column() == FileColumn)
            return qs(target.path);
        if (!st.problems.isEmpty())
            return st.problems.mid(0, 20).join(QLatin1Char('\n'));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case StyleColumn:
        return target.styleId;
    case NameColumn:
        return qs(target.name);
    case KindColumn:
        return isFont ? tr("Font") : tr("Drawn images");
    case FileColumn: {
        const QString name = QFileInfo(qs(target.path)).fileName();
        return isFont && target.face > 0 ? tr("%1 (face %2)").arg(name).arg(target.face) : name;
    }
    case CoverageColumn:
        if (!st.error.isEmpty())
            return tr("error");
        if (st.covered < 0)
            return QStringLiteral("…");
        if (!st.problems.isEmpty())
            return tr("%1 / %2, %3 problem(s)").arg(st.covered).arg(st.total).arg(st.problems.size());
        return tr("%1 / %2").arg(st.covered).arg(st.total);
    default:
        return {};
    }
}

bool TargetListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.column() != NameColumn)
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        return false;
    m_targets[static_cast<std::size_t>(index.row())].name = utf8(name);
    emit dataChanged(index, index);
    emit targetsEdited(m_targets);
    return true;
}

Qt::ItemFlags TargetListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

QVariant TargetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StyleColumn:
        return tr("Style");
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case FileColumn:
        return tr("File");
    case CoverageColumn:
        return tr("Coverage");
    default:
        return {};
    }
}

} // namespace zistudio::ui
