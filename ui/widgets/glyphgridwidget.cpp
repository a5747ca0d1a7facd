// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/glyphgridwidget.h"

#include <QFont>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace zistudio::ui
{

namespace
{

constexpr int kGap = 4;
constexpr int kMinCell = 16;
constexpr int kMinDrawnCell = 20;   ///< cells shrink to fit the width, down to this
constexpr int kMinDrawnColumns = 4; ///< a narrow widget drops columns beyond these rather than scroll
constexpr int kMaxLabelWidth = 120; ///< longer row labels (font names) are elided

} // namespace

GlyphGridWidget::GlyphGridWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void GlyphGridWidget::setCellSize(int pixels)
{
    m_cellSize = std::max(kMinCell, pixels);
    updateGeometry();
    update();
}

void GlyphGridWidget::setContent(const QStringList &columnCaptions, const QList<Row> &rows)
{
    m_toolTips.clear();
    m_captions = columnCaptions;
    m_rows = rows;
    updateGeometry();
    update();
}

void GlyphGridWidget::clear()
{
    setContent({}, {});
}

int GlyphGridWidget::columnCount() const
{
    qsizetype columns = m_captions.size();
    for (const Row &row : m_rows)
        columns = std::max(columns, row.cells.size());
    return static_cast<int>(columns);
}

int GlyphGridWidget::labelWidth() const
{
    const QFontMetrics metrics(font());
    int width = 0;
    for (const Row &row : m_rows)
        width = std::max(width, metrics.horizontalAdvance(row.label));
    width = std::min(width, kMaxLabelWidth);
    return width > 0 ? width + 2 * kGap : 0;
}

void GlyphGridWidget::setRowToolTips(const QStringList &toolTips)
{
    m_toolTips = toolTips;
}

QString GlyphGridWidget::drawnLabel(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return QFontMetrics(font()).elidedText(m_rows[row].label, Qt::ElideRight, std::max(0, labelWidth() - kGap));
}

bool GlyphGridWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) { // the full label of an elided row
        const auto *help = static_cast<QHelpEvent *>(event);
        const int y = help->pos().y() - captionHeight() - kGap;
        const int row = y >= 0 ? y / (m_cellSize + kGap) : -1;
        if (help->pos().x() < labelWidth() && row >= 0 && row < m_rows.size())
            QToolTip::showText(
                help->globalPos(), m_toolTips.value(row).isEmpty() ? m_rows[row].label : m_toolTips[row], this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

int GlyphGridWidget::captionHeight() const
{
    return m_captions.isEmpty() ? 0 : QFontMetrics(captionFont()).height() + kGap;
}

QFont GlyphGridWidget::captionFont() const
{
    QFont caption = font();
    caption.setPointSizeF(caption.pointSizeF() * 1.25); // CJK captions need a little more size to be legible
    return caption;
}

int GlyphGridWidget::drawnColumnCount() const
{
    const int columns = columnCount();
    const int fit = (width() - labelWidth() - kGap) / (std::min(kMinDrawnCell, m_cellSize) + kGap);
    return std::clamp(fit, std::min(columns, kMinDrawnColumns), columns);
}

int GlyphGridWidget::drawnCellSize() const
{
    const int columns = std::max(1, drawnColumnCount());
    const int fit = (width() - labelWidth() - kGap) / columns - kGap;
    return std::clamp(fit, std::min(kMinDrawnCell, m_cellSize), m_cellSize);
}

QSize GlyphGridWidget::sizeHint() const
{
    const int columns = columnCount();
    return {labelWidth() + columns * (m_cellSize + kGap) + kGap,
        captionHeight() + static_cast<int>(m_rows.size()) * (m_cellSize + kGap) + kGap};
}

QSize GlyphGridWidget::minimumSizeHint() const
{
    const int columns = std::min(columnCount(), kMinDrawnColumns);
    return {labelWidth() + columns * (std::min(kMinDrawnCell, m_cellSize) + kGap) + kGap, sizeHint().height()};
}

void GlyphGridWidget::paintEvent(QPaintEvent * /*event*/)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const int left = labelWidth();
    const int top = captionHeight();
    const int cellSize = drawnCellSize();
    const int columns = drawnColumnCount();
    const QPalette &pal = palette();
    painter.setPen(pal.color(QPalette::WindowText));
    painter.setFont(captionFont());
    for (int c = 0; c < std::min(static_cast<int>(m_captions.size()), columns); ++c) {
        const QRect rect(left + kGap + c * (cellSize + kGap), 0, cellSize, top);
        painter.drawText(rect, Qt::AlignCenter, m_captions[c]);
    }
    painter.setFont(font());
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows[r];
        const int y = top + kGap + r * (m_cellSize + kGap);
        painter.setPen(pal.color(QPalette::WindowText));
        const QRect labelRect(0, y, left - kGap, m_cellSize);
        painter.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter, drawnLabel(r));
        for (int c = 0; c < std::min(static_cast<int>(row.cells.size()), columns); ++c) {
            const QRect cell(left + kGap + c * (cellSize + kGap), y + (m_cellSize - cellSize) / 2, cellSize, cellSize);
            const QImage &image = row.cells[c];
            if (image.isNull()) {
                painter.fillRect(cell, pal.color(QPalette::AlternateBase));
                painter.setPen(QPen(QColor(200, 80, 60), 1));
                painter.drawLine(cell.topLeft(), cell.bottomRight());
                painter.drawLine(cell.topRight(), cell.bottomLeft());
            } else {
                painter.drawImage(cell, image);
            }
            painter.setPen(pal.color(QPalette::Mid));
            painter.drawRect(cell.adjusted(0, 0, -1, -1));
        }
    }
}

} // namespace zistudio::ui
