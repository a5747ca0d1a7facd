// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace zistudio::gui
{

/**
 * Measures how long the GUI event loop stalls: a 10 ms timer notes the time between its ticks; a tick
 * that comes late by more than the interval means the loop was busy for that long.
 */
class StallMeter : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 10;

    explicit StallMeter(QObject *parent = nullptr);

    void start();
    void stop();

    /** The longest delay beyond the interval, in milliseconds. */
    double maxStallMs() const { return m_maxStallMs; }
    /** The q-quantile (0..1) of the delays beyond the interval, in milliseconds. */
    double quantileMs(double q) const;
    long long ticks() const { return static_cast<long long>(m_stallsMs.size()); }
    /** Ticks that came more than `ms` late. */
    long long stallsOver(double ms) const;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    double m_maxStallMs = 0;
    std::vector<double> m_stallsMs;
};

} // namespace zistudio::gui
