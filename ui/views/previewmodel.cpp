// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/previewmodel.h"

#include "util/qtconvert.h"

#include <QColor>
#include <QFont>
#include <QSize>

namespace zistudio::ui
{

namespace
{

constexpr int kImagePadding = 4;
/** The character column's text, larger than the table's font. */
constexpr double kCharacterScale = 1.8;

} // namespace

PreviewModel::PreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PreviewModel::reset(const std::vector<StyleInfo> &styles)
{
    beginResetModel();
    m_styles = styles;
    m_rows.clear();
    m_imageSide = 0;
    endResetModel();
}

void PreviewModel::appendRows(const std::vector<PreviewRow> &rows)
{
    if (rows.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    for (const PreviewRow &row : rows) {
        Entry e;
        e.row = row;
        e.source = toQImage(row.source);
        double l1 = 0, ssim = 0;
        int scored = 0;
        for (std::size_t s = 0; s < row.generated.size(); ++s) {
            e.generated.push_back(toQImage(row.generated[s]));
            e.targets.push_back(s < row.targets.size() ? toQImage(row.targets[s]) : QImage());
            if (s < row.scores.size() && row.scores[s]) {
                l1 += row.scores[s]->l1;
                ssim += row.scores[s]->ssim;
                ++scored;
            }
        }
        if (scored > 0) {
            e.l1 = l1 / scored;
            e.ssim = ssim / scored;
        }
        m_imageSide = std::max(m_imageSide, row.source.width);
        m_rows.push_back(std::move(e));
    }
    endInsertRows();
}

void PreviewModel::setReviews(const std::map<char32_t, project::Review> &reviews)
{
    m_reviews = reviews;
    if (!m_rows.empty())
        emit dataChanged(index(0, ReviewColumn), index(rowCount() - 1, ReviewColumn));
}

char32_t PreviewModel::characterAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].row.character : 0;
}

int PreviewModel::rowOf(char32_t character) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].row.character == character)
            return static_cast<int>(i);
    return -1;
}

QString PreviewModel::reviewText(project::Review review)
{
    switch (review) {
    case project::Review::Accepted:
        return tr("accepted");
    case project::Review::Rejected:
        return tr("rejected");
    case project::Review::Flagged:
        return tr("flagged");
    }
    return {};
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ssimColumn() + 1;
}

QVariant PreviewModel::imageData(const Entry &entry, int column, int role) const
{
    const QImage *image = nullptr;
    if (column == SourceColumn) {
        image = &entry.source;
    } else {
        const auto style = static_cast<std::size_t>((column - FirstStyleColumn) / 2);
        const bool target = (column - FirstStyleColumn) % 2 == 1;
        const auto &images = target ? entry.targets : entry.generated;
        if (style < images.size())
            image = &images[style];
        if (role == Qt::ToolTipRole && style < entry.row.scores.size()) {
            if (target && image && image->isNull())
                return tr("%1 has no glyph for this character").arg(m_styles[style].name);
            if (!target && entry.row.scores[style])
                return tr("%1: L1 %2, SSIM %3")
                    .arg(m_styles[style].name)
                    .arg(entry.row.scores[style]->l1, 0, 'f', 4)
                    .arg(entry.row.scores[style]->ssim, 0, 'f', 3);
        }
    }
    if (role == Qt::DecorationRole && image && !image->isNull())
        return *image;
    if (role == Qt::SizeHintRole)
        return QSize(m_imageSide + kImagePadding, m_imageSide + kImagePadding);
    return {};
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Entry &e = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (role == CharacterRole)
        return static_cast<uint>(e.row.character);
    if (isImageColumn(column))
        return imageData(e, column, role);
    const auto review = m_reviews.find(e.row.character);
    const bool reviewed = review != m_reviews.end();
    if (column == CharacterColumn) {
        if (role == Qt::DisplayRole)
            return charString(e.row.character);
        if (role == Qt::ToolTipRole)
            return codePointName(e.row.character);
        if (role == SortRole)
            return static_cast<uint>(e.row.character);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignCenter);
        if (role == Qt::FontRole) {
            QFont font;
            font.setPointSizeF(font.pointSizeF() * kCharacterScale);
            return font;
        }
    } else if (column == ReviewColumn) {
        if (role == Qt::DisplayRole)
            return reviewed ? reviewText(review->second) : QString();
        if (role == SortRole)
            return reviewed ? static_cast<int>(review->second) + 1 : 0;
        if (role == Qt::BackgroundRole && reviewed)
            return review->second == project::Review::Accepted ? QColor(200, 235, 200)
                : review->second == project::Review::Rejected  ? QColor(245, 200, 200)
                                                               : QColor(250, 230, 170);
        if (role == Qt::ForegroundRole && reviewed)
            return QColor(Qt::black);
    } else {
        const std::optional<double> &value = column == l1Column() ? e.l1 : e.ssim;
        if (role == Qt::DisplayRole)
            return value ? QString::number(*value, 'f', column == l1Column() ? 4 : 3) : QString();
        if (role == SortRole)
            return value ? QVariant(*value) : QVariant();
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole && !value)
            return tr("No target glyph to compare with");
    }
    return {};
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole) || section < 0
        || section >= columnCount())
        return {};
    if (section == CharacterColumn)
        return tr("Char");
    if (section == ReviewColumn)
        return tr("Review");
    if (section == SourceColumn)
        return tr("Source");
    if (section == l1Column())
        return tr("L1");
    if (section == ssimColumn())
        return tr("SSIM");
    const auto style = static_cast<std::size_t>((section - FirstStyleColumn) / 2);
    QString name = style < m_styles.size() ? m_styles[style].name : QString();
    // Two lines, the style's name cut to a glyph's width (whole in the tooltip): a long font name
    // ("AR PL KaitiM GB") made the column far wider than its glyphs and pushed the scores out of view.
    constexpr qsizetype kNameChars = 10;
    if (role == Qt::DisplayRole && name.size() > kNameChars)
        name = name.left(kNameChars - 1).trimmed() + QChar(0x2026);
    return (section - FirstStyleColumn) % 2 == 0 ? tr("Generated\n%1").arg(name) : tr("Target\n%1").arg(name);
}

} // namespace zistudio::ui
