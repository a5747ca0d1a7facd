// SPDX-License-Identifier: GPL-3.0-or-later
#include "stallmeter.h"

#include <algorithm>
#include <cmath>

namespace zistudio::gui
{

StallMeter::StallMeter(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start()
{
    m_stallsMs.clear();
    m_maxStallMs = 0;
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallMeter::stop()
{
    m_timer.stop();
}

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double stall = std::max(0.0, static_cast<double>(now - m_lastNs) / 1e6 - kIntervalMs);
    m_lastNs = now;
    m_stallsMs.push_back(stall);
    m_maxStallMs = std::max(m_maxStallMs, stall);
}

double StallMeter::quantileMs(double q) const
{
    if (m_stallsMs.empty())
        return 0;
    std::vector<double> sorted = m_stallsMs;
    std::sort(sorted.begin(), sorted.end());
    const auto index = static_cast<std::size_t>(std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

long long StallMeter::stallsOver(double ms) const
{
    return std::count_if(m_stallsMs.begin(), m_stallsMs.end(), [ms](double s) { return s > ms; });
}

} // namespace zistudio::gui
