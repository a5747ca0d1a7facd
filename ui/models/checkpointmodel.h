// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/runstore.h"

#include <QAbstractTableModel>

#include <vector>

namespace zistudio::ui
{

/**
 * The checkpoints of a run: step, kind, validation metrics, the best one marked with a star, and a
 * checkable "pinned" column (pinned checkpoints are never pruned). Checking a pin emits pinToggled();
 * the owner writes it through core and reloads.
 */
class CheckpointModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StepColumn,
        BestColumn,
        PinnedColumn,
        KindColumn,
        ValL1Column,
        ValSsimColumn,
        ColumnCount
    };

    explicit CheckpointModel(QObject *parent = nullptr);

    void setCheckpoints(const std::vector<project::CheckpointRecord> &checkpoints);
    const std::vector<project::CheckpointRecord> &checkpoints() const { return m_checkpoints; }
    /** Row of the best checkpoint, or -1. */
    int bestRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void pinToggled(long long step, bool pinned);

private:
    std::vector<project::CheckpointRecord> m_checkpoints;
};

} // namespace zistudio::ui
