// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stallmeter.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace zistudio::ui
{
class MainWindow;
}

namespace zistudio::gui
{

/**
 * `zistudio --measure-stalls SECONDS`: opens a copy of the demo project, starts a cpu-64 training run,
 * records the largest event-loop stall for SECONDS while it trains, stops the run, prints the result
 * and writes it as JSON. The target (docs/performance.md) is ≤ 50 ms.
 */
class StallBenchmark : public QObject
{
    Q_OBJECT

public:
    StallBenchmark(ui::MainWindow *window, QString demoFolder, double seconds, QString jsonPath);

    /** Starts the benchmark; the application quits when it is done (exit code in exitCode()). */
    void start();
    int exitCode() const { return m_exitCode; }

private:
    void measureDone();
    void finish(const QString &error);

    ui::MainWindow *m_window;
    QString m_demoFolder;
    double m_seconds;
    QString m_jsonPath;
    StallMeter m_meter;
    std::unique_ptr<QTemporaryDir> m_work;
    long long m_firstStep = -1;
    long long m_lastStep = 0;
    double m_imagesPerSecond = 0;
    double m_measuredSeconds = 0;
    double m_maxStall = 0, m_p50 = 0, m_p99 = 0, m_p999 = 0;
    long long m_ticks = 0, m_over50 = 0;
    int m_exitCode = 0;
};

} // namespace zistudio::gui
