// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/attentionmatrixmodel.h"

#include "util/qtconvert.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace zistudio::ui
{

AttentionMatrixModel::AttentionMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AttentionMatrixModel::setReport(const model::CostReport &report)
{
    const int oldRows = rowCount();
    const int newRows = std::max(0, static_cast<int>(report.depths.size()) - 1);
    if (oldRows != newRows) {
        beginResetModel();
        m_report = report;
        m_attention = report.config.attention;
        endResetModel();
        return;
    }
    m_report = report;
    m_attention = report.config.attention;
    if (newRows > 0)
        emit dataChanged(index(0, 0), index(newRows - 1, ColumnCount - 1));
}

int AttentionMatrixModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_report.depths.empty())
        return 0;
    return static_cast<int>(m_report.depths.size()) - 1;
}

int AttentionMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const model::AttentionCost *AttentionMatrixModel::costAt(int depth, model::AttentionSide side) const
{
    for (const model::AttentionCost &cost : m_report.attention) {
        if (cost.site.depth == depth && cost.site.side == side)
            return &cost;
    }
    return nullptr;
}

bool AttentionMatrixModel::isProblem(int row) const
{
    const int depth = depthAt(row);
    for (const model::AttentionCost &cost : m_report.attention) {
        if (cost.site.depth == depth && (cost.degenerate || model::overMatrixBudget(cost)))
            return true;
    }
    return false;
}

QVariant AttentionMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const model::DepthCost &row = m_report.depths[static_cast<std::size_t>(index.row()) + 1];
    const auto side = index.column() == EncoderColumn ? model::AttentionSide::Encoder : model::AttentionSide::Decoder;
    if (role == Qt::CheckStateRole && (index.column() == EncoderColumn || index.column() == DecoderColumn))
        return m_attention.has(side, row.depth) ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::BackgroundRole && isProblem(index.row()))
        return QBrush(QColor(230, 120, 60, 90));
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignCenter);
    if (role == Qt::ToolTipRole) {
        if (row.resolution == 1)
            return tr("A 1×1 map has a single position: attention here has nothing to attend to.");
        const QString tip = tr("Self-attention over %1 positions of %2 channels")
                                .arg(row.resolution * row.resolution)
                                .arg(index.column() == DecoderColumn ? row.decoderChannels : row.encoderChannels);
        bool blocked = false; // the same for both sides: it depends on the positions only
        for (const auto s : {model::AttentionSide::Encoder, model::AttentionSide::Decoder}) {
            if (const model::AttentionCost *cost = costAt(row.depth, s))
                blocked = blocked || cost->blocked;
        }
        if (blocked)
            return tip + QLatin1Char('\n')
                + tr("Trained on the CPU, a block of rows at a time: its matrix is never built, and the training "
                     "memory estimate leaves it out.");
        return tip;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DepthColumn:
        return row.depth;
    case ResolutionColumn:
        return QStringLiteral("%1×%1").arg(row.resolution);
    case ChannelsColumn:
        return QStringLiteral("%1 / %2").arg(row.encoderChannels).arg(row.decoderChannels);
    case FlopsColumn: {
        double flops = 0;
        for (const auto s : {model::AttentionSide::Encoder, model::AttentionSide::Decoder}) {
            if (const model::AttentionCost *cost = costAt(row.depth, s))
                flops += cost->flops * m_report.batchSize;
        }
        return flops > 0 ? formatSi(flops) : QString();
    }
    case MemoryColumn: {
        std::int64_t bytes = 0;
        for (const auto s : {model::AttentionSide::Encoder, model::AttentionSide::Decoder}) {
            if (const model::AttentionCost *cost = costAt(row.depth, s))
                bytes += cost->matrixBytes;
        }
        return bytes > 0 ? formatBytes(static_cast<double>(bytes)) : QString();
    }
    default:
        return {};
    }
}

bool AttentionMatrixModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || (index.column() != EncoderColumn && index.column() != DecoderColumn))
        return false;
    const model::AttentionSite site {
        index.column() == EncoderColumn ? model::AttentionSide::Encoder : model::AttentionSide::Decoder,
        depthAt(index.row())};
    const bool on = value.value<Qt::CheckState>() == Qt::Checked;
    if (on == m_attention.has(site.side, site.depth))
        return true;
    auto &sites = m_attention.sites;
    if (on)
        sites.push_back(site);
    else
        sites.erase(std::remove(sites.begin(), sites.end(), site), sites.end());
    std::sort(sites.begin(), sites.end(), [](const model::AttentionSite &a, const model::AttentionSite &b) {
        return a.side != b.side ? a.side < b.side : a.depth < b.depth;
    });
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit attentionChanged(m_attention);
    return true;
}

Qt::ItemFlags AttentionMatrixModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == EncoderColumn || index.column() == DecoderColumn)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant AttentionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool tip = role == Qt::ToolTipRole;
    switch (section) {
    case DepthColumn:
        return tip ? tr("1 = the first down-sampling, the last = the bottleneck") : tr("Depth");
    case ResolutionColumn:
        return tip ? tr("Size of the feature map at this depth") : tr("Map");
    case ChannelsColumn:
        return tip ? tr("Channels the encoder and the decoder attend over at this depth") : tr("Channels");
    case EncoderColumn:
        return tip ? tr("Self-attention after the encoder's down-sampling at this depth") : tr("Encoder");
    case DecoderColumn:
        return tip ? tr("Self-attention after the decoder's skip fusion at this depth") : tr("Decoder");
    case FlopsColumn:
        return tip ? tr("FLOPs of this depth's attention layers in one forward pass of the batch") : tr("FLOPs");
    case MemoryColumn:
        return tip ? tr("Memory of this depth's attention matrices for the batch") : tr("Matrices");
    default:
        return {};
    }
}

} // namespace zistudio::ui
