// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/costmodel.h"

#include <QAbstractTableModel>

namespace zistudio::ui
{

/**
 * The attention matrix of the Model panel: one row per UNet depth (1 = the size/2 map .. D = the
 * bottleneck) with its resolution and channels, one checkable cell per side (encoder, decoder), and
 * what the attention layers of that depth cost. Toggling a cell emits attentionChanged() with the new
 * placement; the owner recomputes the cost report and passes it back with setReport().
 */
class AttentionMatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DepthColumn,
        ResolutionColumn,
        ChannelsColumn,
        EncoderColumn,
        DecoderColumn,
        FlopsColumn,
        MemoryColumn,
        ColumnCount
    };

    explicit AttentionMatrixModel(QObject *parent = nullptr);

    /** Shows a cost report: its depths, its configuration's attention sites, their costs. */
    void setReport(const model::CostReport &report);
    const model::AttentionSpec &attention() const { return m_attention; }

    /** The depth shown in `row` (rows start at depth 1). */
    int depthAt(int row) const { return row + 1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void attentionChanged(const zistudio::model::AttentionSpec &attention);

private:
    const model::AttentionCost *costAt(int depth, model::AttentionSide side) const;
    bool isProblem(int row) const;

    model::CostReport m_report;
    model::AttentionSpec m_attention;
};

} // namespace zistudio::ui
