// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QList>
#include <QString>
#include <QWidget>

namespace zistudio::ui
{

/**
 * A grid of glyph images: a label at the start of each row, an optional caption above each column
 * (usually the character). Used for the Fonts panel's sample strip and the Dataset panel's
 * source/target pairs. Empty cells (a glyph the font lacks) are drawn crossed out.
 */
class GlyphGridWidget : public QWidget
{
    Q_OBJECT

public:
    struct Row
    {
        QString label;
        QList<QImage> cells; ///< null image = missing glyph
    };

    explicit GlyphGridWidget(QWidget *parent = nullptr);

    void setCellSize(int pixels);
    /** Tooltips over the row labels, in row order (missing or "" = the label itself: useful when elided). */
    void setRowToolTips(const QStringList &toolTips);
    /** Row `row`'s label as drawn (elided at the right to the label column). */
    QString drawnLabel(int row) const;
    void setContent(const QStringList &columnCaptions, const QList<Row> &rows);
    void clear();

    int rowCount() const { return static_cast<int>(m_rows.size()); }
    int columnCount() const;
    const QList<Row> &rows() const { return m_rows; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int labelWidth() const;
    int captionHeight() const;
    QFont captionFont() const;
    /** Cells shrink (down to a minimum) so that the drawn columns fit the widget's width. */
    int drawnCellSize() const;
    /** Every column when they fit at the minimum cell size; else as many as fit (at least a few). */
    int drawnColumnCount() const;

    QStringList m_captions;
    QList<Row> m_rows;
    QStringList m_toolTips;
    int m_cellSize = 48;
};

} // namespace zistudio::ui
