// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/datasetspec.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace zistudio::ui
{

/** What a scan found out about one target (coverage of the charset, problems of an image folder). */
struct TargetStatus
{
    int covered = -1;     ///< characters of the charset the target has (-1 = unknown)
    int total = 0;        ///< characters in the charset
    QString error;        ///< the target cannot be used at all (unreadable font, missing folder)
    QStringList problems; ///< image folders: files that were skipped, each with its reason
};

/**
 * The Fonts panel's target list: one row per target style (a font face or a folder of hand-drawn
 * images) with its style id, name (editable), kind, file and charset coverage.
 */
class TargetListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StyleColumn,
        NameColumn,
        KindColumn,
        FileColumn,
        CoverageColumn,
        ColumnCount
    };

    explicit TargetListModel(QObject *parent = nullptr);

    void setTargets(const std::vector<data::TargetSpec> &targets);
    const std::vector<data::TargetSpec> &targets() const { return m_targets; }
    /** Sets the scan result of every row (same order as targets()); extra or missing entries are ignored. */
    void setStatuses(const std::vector<TargetStatus> &statuses);
    const TargetStatus &status(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /** The user renamed a target in the view. */
    void targetsEdited(const std::vector<zistudio::data::TargetSpec> &targets);

private:
    std::vector<data::TargetSpec> m_targets;
    std::vector<TargetStatus> m_statuses;
};

} // namespace zistudio::ui
