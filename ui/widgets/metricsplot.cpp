// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/metricsplot.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace zistudio::ui
{

namespace
{

constexpr int kSliderSteps = 99;

QColor seriesColor(int index)
{
    // Okabe–Ito: distinguishable for colour-blind readers, on light and dark backgrounds.
    static const QColor colors[] = {QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115), QColor(213, 94, 0),
        QColor(204, 121, 167), QColor(86, 180, 233), QColor(240, 228, 66), QColor(150, 150, 150)};
    return colors[index % 8];
}

void stylePlot(QCustomPlot *plot, const QString &xLabel, const QString &yLabel)
{
    plot->setMinimumHeight(170);
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(false); // shown with the first series
    // The legend sits beside the plot, not over the curves.
    plot->plotLayout()->addElement(0, 1, plot->legend);
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    plot->legend->setBrush(Qt::NoBrush);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setRowSpacing(0);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setNotAntialiasedElements(QCP::aeAll); // cheap replots while training
}

} // namespace

MetricsPlot::MetricsPlot(QWidget *parent)
    : QWidget(parent)
    , m_losses(new QCustomPlot(this))
    , m_validation(new QCustomPlot(this))
    , m_smoothingSlider(new QSlider(Qt::Horizontal, this))
    , m_logAxis(new QCheckBox(tr("Log scale"), this))
    , m_smoothingLabel(new QLabel(this))
{
    m_losses->setObjectName(QStringLiteral("LossPlot"));
    m_validation->setObjectName(QStringLiteral("ValidationPlot"));
    stylePlot(m_losses, tr("step"), tr("loss"));
    stylePlot(m_validation, tr("step"), tr("validation"));
    m_smoothingSlider->setRange(0, kSliderSteps);
    m_smoothingSlider->setValue(static_cast<int>(std::lround(m_smoothing * 100)));
    m_smoothingLabel->setText(tr("Smoothing %1").arg(m_smoothing, 0, 'f', 2));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_smoothingLabel);
    controls->addWidget(m_smoothingSlider, 1);
    controls->addWidget(m_logAxis);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_losses, 3);
    layout->addWidget(m_validation, 2);

    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int value) { setSmoothing(value / 100.0); });
    connect(m_logAxis, &QCheckBox::toggled, this, &MetricsPlot::setLogAxis);
    m_logAxis->setChecked(true); // the generator loss (L1 x 100) dwarfs the others on a linear axis
}

void MetricsPlot::clear()
{
    for (QCustomPlot *p : {m_losses, m_validation}) {
        p->clearGraphs();
        p->legend->setVisible(false);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
    m_lossSeries.clear();
    m_valSeries.clear();
    m_colorIndex = 0;
}

MetricsPlot::Series &MetricsPlot::series(Chart chart, const QString &name)
{
    auto &t = table(chart);
    auto it = t.find(name);
    if (it != t.end())
        return *it;
    Series s;
    plot(chart)->legend->setVisible(true);
    s.graph = plot(chart)->addGraph();
    s.graph->setName(name);
    QPen pen(seriesColor(m_colorIndex++));
    pen.setWidthF(1.5);
    if (name.startsWith(QLatin1String("baseline")))
        pen.setStyle(Qt::DashLine);
    s.graph->setPen(pen);
    return *t.insert(name, s);
}

void MetricsPlot::addPoint(Chart chart, const QString &name, double step, double value)
{
    if (!std::isfinite(value))
        return;
    Series &s = series(chart, name);
    if (!s.steps.isEmpty() && step <= s.steps.back())
        return;
    const double factor = chart == Chart::Losses ? m_smoothing : 0.0;
    s.smoothed = s.steps.isEmpty() ? value : factor * s.smoothed + (1 - factor) * value;
    s.steps << step;
    s.values << value;
    s.graph->addData(step, s.smoothed);
    rescale();
}

void MetricsPlot::setSeries(
    Chart chart, const QString &name, const QVector<double> &steps, const QVector<double> &values)
{
    Series &s = series(chart, name);
    s.steps.clear();
    s.values.clear();
    for (qsizetype i = 0; i < steps.size() && i < values.size(); ++i) {
        if (std::isfinite(values[i]) && (s.steps.isEmpty() || steps[i] > s.steps.back())) {
            s.steps << steps[i];
            s.values << values[i];
        }
    }
    rebuild(s);
    rescale();
}

void MetricsPlot::rebuild(Series &s)
{
    const bool isLoss
        = std::any_of(m_lossSeries.cbegin(), m_lossSeries.cend(), [&s](const Series &l) { return l.graph == s.graph; });
    const double factor = isLoss ? m_smoothing : 0.0;
    QVector<double> smoothed(s.values.size());
    for (qsizetype i = 0; i < s.values.size(); ++i) {
        s.smoothed = i == 0 ? s.values[i] : factor * s.smoothed + (1 - factor) * s.values[i];
        smoothed[i] = s.smoothed;
    }
    s.graph->setData(s.steps, smoothed, true);
}

void MetricsPlot::rescale()
{
    for (QCustomPlot *p : {m_losses, m_validation}) {
        p->rescaleAxes();
        p->replot(QCustomPlot::rpQueuedReplot);
    }
}

int MetricsPlot::seriesCount(Chart chart) const
{
    return static_cast<int>(table(chart).size());
}

int MetricsPlot::pointCount(Chart chart, const QString &name) const
{
    const auto &t = table(chart);
    const auto it = t.constFind(name);
    return it == t.cend() ? 0 : static_cast<int>(it->steps.size());
}

void MetricsPlot::setSmoothing(double factor)
{
    m_smoothing = std::clamp(factor, 0.0, 0.99);
    m_smoothingLabel->setText(tr("Smoothing %1").arg(m_smoothing, 0, 'f', 2));
    for (Series &s : m_lossSeries)
        rebuild(s);
    rescale();
}

void MetricsPlot::setLogAxis(bool on)
{
    QCPAxis *axis = m_losses->yAxis;
    axis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    rescale();
}

} // namespace zistudio::ui
