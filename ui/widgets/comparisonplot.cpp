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
/// The plot's own minimum width: a fixed one, so that the legend beside it (a study has a dozen runs) never
/// makes the plot wider than the view, which would keep the legend beside a sliver of curves.
constexpr int kMinimumWidth = 240;
/// Room one tick label needs along each axis, pixels (a step count across, a metric value up).
constexpr int kPixelsPerXTick = 90;
constexpr int kPixelsPerYTick = 45;
constexpr double kMarkerSize = 5;
/// Narrower than this, the legend goes under the plot (beside, it left the curves a sliver of the width).
constexpr int kLegendBesideWidth = 560;
/// Room one legend entry needs in a row of the legend under the plot, pixels.
constexpr int kLegendColumnWidth = 170;

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
    m_plot->setMinimumWidth(kMinimumWidth);
    m_plot->legend->setVisible(true);
    // The legend sits beside the plot (or under it, when narrow), not over the curves.
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
    fitToSize(); // the legend's size changed with its entries
}

void ComparisonPlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitToSize();
}

void ComparisonPlot::fitToSize()
{
    QCPLegend *legend = m_plot->legend;
    QCPLayoutGrid *grid = m_plot->plotLayout();
    const bool beside = width() >= kLegendBesideWidth;
    if (beside != legendBeside()) {
        grid->take(legend);
        grid->simplify();
        if (beside) {
            grid->addElement(0, 1, legend);
            grid->setColumnStretchFactor(1, 0.001);
        } else {
            grid->addElement(1, 0, legend);
            grid->setRowStretchFactor(1, 0.001);
        }
    }
    // Beside: one column. Under: as many columns as fit. (The wrap first: setFillOrder rearranges by it.)
    legend->setWrap(beside ? 0 : std::max(1, width() / kLegendColumnWidth));
    legend->setFillOrder(beside ? QCPLayoutGrid::foRowsFirst : QCPLayoutGrid::foColumnsFirst, true);
    // The curves keep their height when the legend goes under them.
    m_plot->setMinimumHeight(kMinimumHeight + (beside ? 0 : legend->minimumOuterSizeHint().height()));
    // Ticks for the width the curves get, not the widget's.
    const int plotWidth = beside ? width() - legend->minimumOuterSizeHint().width() : width();
    const int plotHeight = beside ? height() : height() - legend->minimumOuterSizeHint().height();
    m_plot->xAxis->ticker()->setTickCount(std::clamp(plotWidth / kPixelsPerXTick, 2, 8));
    m_plot->yAxis->ticker()->setTickCount(std::clamp(plotHeight / kPixelsPerYTick, 2, 6));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool ComparisonPlot::legendBeside() const
{
    return m_plot->plotLayout()->columnCount() > 1 && m_plot->plotLayout()->element(0, 1) == m_plot->legend;
}

int ComparisonPlot::curveWidth()
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return m_plot->axisRect()->width();
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
