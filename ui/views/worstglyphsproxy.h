// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace zistudio::ui
{

/**
 * The "worst glyphs" list over a PreviewModel: only characters that have a score (a target to
 * compare with), only the character, review, L1 and SSIM columns, sortable by PreviewModel::SortRole
 * (the view sorts by L1, worst first).
 */
class WorstGlyphsProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit WorstGlyphsProxy(QObject *parent = nullptr);

    /** The proxy column of the source model's L1 column (-1 when there is none). */
    int l1Column() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool filterAcceptsColumn(int sourceColumn, const QModelIndex &sourceParent) const override;
};

} // namespace zistudio::ui
