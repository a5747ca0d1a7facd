// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experiments/comparison.h"

#include <QWidget>

class QCustomPlot;

namespace zistudio::ui
{

/**
 * The Compare tab's curves: each run's validation L1 by step, overlaid, in the figure's colours (one
 * per placement; a repeat of a placement dashed), with the source-as-prediction baseline in grey.
 * The untrained step 0 is left out, as in the exported figure, so the differences show.
 */
class ComparisonPlot : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonPlot(QWidget *parent = nullptr);

    void setComparison(const experiments::Comparison &comparison);
    /** Curves drawn: one per run with validation points, plus the baseline. */
    int curveCount() const;
    /** Ticks the axis aims for: fewer on a small plot, so tick labels never run into each other. */
    int tickCount(Qt::Orientation axis) const;
    /** Tests: the legend is beside the curves (a wide plot) rather than under them. */
    bool legendBeside() const;
    /** Tests: the width the curves are drawn in, pixels (after a layout). */
    int curveWidth();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    /** Legend beside or under the curves, and tick counts for the room the curves get. */
    void fitToSize();

    QCustomPlot *m_plot;
};

} // namespace zistudio::ui
