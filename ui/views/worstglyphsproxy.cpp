// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/worstglyphsproxy.h"

#include "views/previewmodel.h"

namespace zistudio::ui
{

WorstGlyphsProxy::WorstGlyphsProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PreviewModel::SortRole);
    setDynamicSortFilter(true);
}

int WorstGlyphsProxy::l1Column() const
{
    const auto *preview = qobject_cast<const PreviewModel *>(sourceModel());
    if (!preview)
        return -1;
    int column = 0;
    for (int c = 0; c < preview->l1Column(); ++c)
        column += preview->isImageColumn(c) ? 0 : 1;
    return column;
}

bool WorstGlyphsProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *preview = qobject_cast<const PreviewModel *>(sourceModel());
    if (!preview || sourceParent.isValid())
        return false;
    return preview->l1At(sourceRow).has_value();
}

bool WorstGlyphsProxy::filterAcceptsColumn(int sourceColumn, const QModelIndex &sourceParent) const
{
    const auto *preview = qobject_cast<const PreviewModel *>(sourceModel());
    if (!preview || sourceParent.isValid())
        return false;
    return !preview->isImageColumn(sourceColumn);
}

} // namespace zistudio::ui
