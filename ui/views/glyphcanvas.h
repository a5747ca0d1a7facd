// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QPointF>
#include <QWidget>

#include <optional>

namespace zistudio::ui
{

/**
 * Shows one glyph-sized picture (a glyph, or a heatmap over it) scaled to fit, square, with an
 * optional caption under it. When pickable, a press or a drag emits the point under the pointer in
 * normalised image coordinates (0,0 top left .. 1,1 bottom right) and marks it with a cross.
 */
class GlyphCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit GlyphCanvas(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    const QImage &image() const { return m_image; }
    void setCaption(const QString &caption);
    QString caption() const { return m_caption; }
    void setPickable(bool pickable);
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }
    /** The marked point (normalised), or none. */
    void setMarker(std::optional<QPointF> point);
    std::optional<QPointF> marker() const { return m_marker; }
    /** The widget position of a normalised image point (for tests and tooltips). */
    QPoint toWidget(QPointF normalised) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

signals:
    /** The user pressed or dragged at this normalised point. */
    void pointPicked(QPointF normalised);
    /** A click anywhere (for choosing this canvas). */
    void clicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRect imageRect() const;
    int captionHeight() const;
    void pick(QPointF position);

    QImage m_image;
    QString m_caption;
    std::optional<QPointF> m_marker;
    bool m_pickable = false;
    bool m_selected = false;
};

} // namespace zistudio::ui
