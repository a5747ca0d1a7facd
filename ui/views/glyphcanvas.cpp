// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/glyphcanvas.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace zistudio::ui
{

namespace
{

constexpr int kPreferredSide = 160;
constexpr int kMinimumSide = 48;
constexpr int kMarkerRadius = 6;

} // namespace

GlyphCanvas::GlyphCanvas(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void GlyphCanvas::setImage(const QImage &image)
{
    m_image = image;
    update();
}

void GlyphCanvas::setCaption(const QString &caption)
{
    m_caption = caption;
    updateGeometry();
    update();
}

void GlyphCanvas::setPickable(bool pickable)
{
    m_pickable = pickable;
    setCursor(pickable ? Qt::CrossCursor : Qt::ArrowCursor);
}

void GlyphCanvas::setSelected(bool selected)
{
    m_selected = selected;
    update();
}

void GlyphCanvas::setMarker(std::optional<QPointF> point)
{
    m_marker = point;
    update();
}

int GlyphCanvas::captionHeight() const
{
    return m_caption.isEmpty() ? 0 : fontMetrics().height() + 4;
}

QSize GlyphCanvas::sizeHint() const
{
    return {kPreferredSide, kPreferredSide + captionHeight()};
}

QSize GlyphCanvas::minimumSizeHint() const
{
    return {kMinimumSide, kMinimumSide + captionHeight()};
}

int GlyphCanvas::heightForWidth(int width) const
{
    return width + captionHeight();
}

QRect GlyphCanvas::imageRect() const
{
    const int side = std::max(1, std::min(width(), height() - captionHeight()) - 4);
    return {(width() - side) / 2, 2, side, side};
}

QPoint GlyphCanvas::toWidget(QPointF normalised) const
{
    const QRect r = imageRect();
    return {r.left() + static_cast<int>(normalised.x() * r.width()),
        r.top() + static_cast<int>(normalised.y() * r.height())};
}

void GlyphCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect r = imageRect();
    painter.fillRect(r, Qt::white);
    if (!m_image.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.drawImage(r, m_image);
    }
    painter.setPen(QPen(m_selected ? palette().highlight().color() : palette().mid().color(), m_selected ? 3 : 1));
    painter.drawRect(r.adjusted(0, 0, -1, -1));
    if (m_marker) {
        const QPoint c = toWidget(*m_marker);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(Qt::white, 3));
        painter.drawEllipse(c, kMarkerRadius, kMarkerRadius);
        painter.setPen(QPen(QColor(0, 150, 255), 1.5));
        painter.drawEllipse(c, kMarkerRadius, kMarkerRadius);
        painter.drawLine(c - QPoint(kMarkerRadius + 3, 0), c + QPoint(kMarkerRadius + 3, 0));
        painter.drawLine(c - QPoint(0, kMarkerRadius + 3), c + QPoint(0, kMarkerRadius + 3));
    }
    if (!m_caption.isEmpty()) {
        painter.setPen(palette().windowText().color());
        painter.drawText(QRect(0, r.bottom() + 2, width(), captionHeight()), Qt::AlignHCenter | Qt::AlignTop,
            fontMetrics().elidedText(m_caption, Qt::ElideRight, width()));
    }
}

void GlyphCanvas::pick(QPointF position)
{
    const QRect r = imageRect();
    if (!m_pickable || r.width() <= 0)
        return;
    const QPointF p {std::clamp((position.x() - r.left()) / r.width(), 0.0, 1.0),
        std::clamp((position.y() - r.top()) / r.height(), 0.0, 1.0)};
    setMarker(p);
    emit pointPicked(p);
}

void GlyphCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    emit clicked();
    pick(event->position());
}

void GlyphCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        pick(event->position());
}

} // namespace zistudio::ui
