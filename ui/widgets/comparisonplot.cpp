// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/comparisonplot.h"

#include "experiments/figure.h"
#include "util/qtconvert.h"

#include <QEvent>
#include <QResizeEvent>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace zistudio::ui
{

namespace
{

constexpr int kMinimumHeight = 220;
/// Room one tick label needs along each axis, pixels (a step count across, a metric value up).
constexpr int kPixelsPerXTick = 90;
constexpr int kPixelsPerYTick = 45;
constexpr double kMarkerSize = 5;

QColor placementColor(std::size_t index)
{
    const auto c = experiments::placementColour(index);
    return QColor(c.r, c.g, c.b);
}

} // namespace

ComparisonPlot::ComparisonPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("ComparePlot"));
    m_plot->setMinimumHeight(kMinimumHeight);
    m_plot->legend->setVisible(true);
    // The legend sits beside the plot, not over the curves.
    m_plot->plotLayout()->addElement(0, 1, m_plot->legend);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    retranslate();
}

void ComparisonPlot::retranslate()
{
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(tr("validation L1"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ComparisonPlot::setComparison(const experiments::Comparison &comparison)
{
    m_plot->clearGraphs();
    std::map<std::string, std::size_t> placements;
    std::map<std::string, int> seen;
    double baseline = NAN;
    double maxStep = 0;
    for (const auto &s : comparison.runs) {
        const auto [it, fresh] = placements.try_emplace(s.attention, placements.size());
        QPen pen(placementColor(it->second));
        pen.setWidthF(2);
        if (seen[s.attention]++ > 0)
            pen.setStyle(Qt::DashLine); // a repeat of a placement: same colour, dashed
        if (std::isnan(baseline) && std::isfinite(s.baselineL1))
            baseline = s.baselineL1;
        const auto curve = experiments::plottedValidationL1(s);
        if (curve.empty())
            continue;
        auto *graph = m_plot->addGraph();
        graph->setName(qs(s.name));
        graph->setPen(pen);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kMarkerSize));
        QVector<double> steps, values;
        for (const auto &p : curve) {
            steps << static_cast<double>(p.step);
            values << p.value;
            maxStep = std::max(maxStep, static_cast<double>(p.step));
        }
        graph->setData(steps, values, true);
    }
    if (std::isfinite(baseline) && m_plot->graphCount() > 0) {
        auto *graph = m_plot->addGraph();
        graph->setName(tr("baseline"));
        QPen pen(QColor(150, 150, 150));
        pen.setStyle(Qt::DashLine);
        graph->setPen(pen);
        graph->setData(QVector<double> {0, maxStep}, QVector<double> {baseline, baseline}, true);
    }
    m_plot->rescaleAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonPlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_plot->xAxis->ticker()->setTickCount(std::clamp(width() / kPixelsPerXTick, 2, 8));
    m_plot->yAxis->ticker()->setTickCount(std::clamp(height() / kPixelsPerYTick, 2, 6));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int ComparisonPlot::tickCount(Qt::Orientation axis) const
{
    return (axis == Qt::Horizontal ? m_plot->xAxis : m_plot->yAxis)->ticker()->tickCount();
}

int ComparisonPlot::curveCount() const
{
    return m_plot->graphCount();
}

} // namespace zistudio::ui
