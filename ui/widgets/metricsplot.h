// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QSlider;

namespace zistudio::ui
{

/**
 * The Training panel's curves: every loss on one plot, validation L1 and SSIM (with the
 * source-as-prediction baselines, dashed) on another. A smoothing slider (exponential moving average)
 * and a log-axis toggle for the losses. Points arrive one by one while training; replots are queued
 * so many points in one event-loop turn cost one replot.
 */
class MetricsPlot : public QWidget
{
    Q_OBJECT

public:
    enum class Chart
    {
        Losses,
        Validation
    };

    explicit MetricsPlot(QWidget *parent = nullptr);

    /** Removes every series. */
    void clear();
    /** Appends a point (steps must grow within a series; a repeated or older step is ignored). */
    void addPoint(Chart chart, const QString &series, double step, double value);
    /** Replaces a series with the given points (loading a past run). */
    void setSeries(Chart chart, const QString &series, const QVector<double> &steps, const QVector<double> &values);

    int seriesCount(Chart chart) const;
    /** Points received by a series (0 when it does not exist). */
    int pointCount(Chart chart, const QString &series) const;

    void setSmoothing(double factor); ///< 0 = raw .. 0.99
    double smoothing() const { return m_smoothing; }
    void setLogAxis(bool on);

private:
    struct Series
    {
        QVector<double> steps;
        QVector<double> values;
        double smoothed = 0;
        QCPGraph *graph = nullptr;
    };

    Series &series(Chart chart, const QString &name);
    void rebuild(Series &s);
    void rescale();
    QCustomPlot *plot(Chart chart) const { return chart == Chart::Losses ? m_losses : m_validation; }
    QHash<QString, Series> &table(Chart chart) { return chart == Chart::Losses ? m_lossSeries : m_valSeries; }
    const QHash<QString, Series> &table(Chart chart) const
    {
        return chart == Chart::Losses ? m_lossSeries : m_valSeries;
    }

    QCustomPlot *m_losses;
    QCustomPlot *m_validation;
    QSlider *m_smoothingSlider;
    QCheckBox *m_logAxis;
    QLabel *m_smoothingLabel;
    QHash<QString, Series> m_lossSeries;
    QHash<QString, Series> m_valSeries;
    double m_smoothing = 0.6;
    int m_colorIndex = 0;
};

} // namespace zistudio::ui
