// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/sampleviewer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QSlider>
#include <QVBoxLayout>

namespace zistudio::ui
{

SampleViewer::SampleViewer(QWidget *parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_stepLabel(new QLabel(this))
    , m_view(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("SampleImage"));
    m_view->setAlignment(Qt::AlignCenter);
    m_view->setMinimumSize(160, 90);
    m_view->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_slider->setObjectName(QStringLiteral("SampleSlider"));
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Samples:"), this));
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_stepLabel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    connect(m_slider, &QSlider::valueChanged, this, &SampleViewer::show);
    clear();
}

void SampleViewer::clear()
{
    m_samples.clear();
    m_image = QImage();
    m_shown = -1;
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, 0);
    m_slider->setEnabled(false);
    m_stepLabel->setText(tr("no samples yet"));
    m_view->clear();
}

void SampleViewer::setSamples(const QList<QPair<long long, QString>> &stepsAndPaths)
{
    clear();
    m_samples = stepsAndPaths;
    if (m_samples.isEmpty())
        return;
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, static_cast<int>(m_samples.size()) - 1);
    m_slider->setEnabled(m_samples.size() > 1);
    m_slider->setValue(m_slider->maximum());
    show(m_slider->maximum());
}

void SampleViewer::addSample(long long step, const QString &path, const QImage &image)
{
    const bool follow = m_samples.isEmpty() || m_slider->value() == m_slider->maximum();
    m_samples.append({step, path});
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, static_cast<int>(m_samples.size()) - 1);
    m_slider->setEnabled(m_samples.size() > 1);
    if (follow) {
        m_slider->setValue(m_slider->maximum());
        m_shown = m_slider->maximum();
        m_image = image;
        m_stepLabel->setText(tr("step %1").arg(step));
        updatePixmap();
    }
}

long long SampleViewer::shownStep() const
{
    return m_shown >= 0 && m_shown < m_samples.size() ? m_samples[m_shown].first : -1;
}

void SampleViewer::show(int index)
{
    if (index < 0 || index >= m_samples.size())
        return;
    m_shown = index;
    m_image = QImage(m_samples[index].second);
    m_stepLabel->setText(m_image.isNull() ? tr("step %1 (image missing)").arg(m_samples[index].first)
                                          : tr("step %1").arg(m_samples[index].first));
    updatePixmap();
}

void SampleViewer::updatePixmap()
{
    if (m_image.isNull()) {
        m_view->clear();
        return;
    }
    // Integer scaling keeps glyph pixels crisp; shrink smoothly when the grid is larger than the view.
    const QSize avail = m_view->size();
    const int factor = std::max(
        1, std::min(avail.width() / std::max(1, m_image.width()), avail.height() / std::max(1, m_image.height())));
    QImage scaled = m_image.scaled(m_image.size() * factor);
    if (scaled.width() > avail.width() || scaled.height() > avail.height())
        scaled = m_image.scaled(avail, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_view->setPixmap(QPixmap::fromImage(scaled));
}

void SampleViewer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updatePixmap();
}

} // namespace zistudio::ui
