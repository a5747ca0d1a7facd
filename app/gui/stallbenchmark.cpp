// SPDX-License-Identifier: GPL-3.0-or-later
#include "stallbenchmark.h"

#include "demoproject.h"
#include "mainwindow.h"
#include "panels/trainingpanel.h"
#include "projectcontroller.h"
#include "projectdocument.h"
#include "session/trainingsession.h"

#include "model/modelconfig.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

#include <cstdio>

namespace zistudio::gui
{

namespace
{

constexpr long long kBenchmarkSteps = 1000000; ///< longer than any measurement: the run is stopped
constexpr double kTargetMs = 50.0;

} // namespace

StallBenchmark::StallBenchmark(ui::MainWindow *window, QString demoFolder, double seconds, QString jsonPath)
    : QObject(window)
    , m_window(window)
    , m_demoFolder(std::move(demoFolder))
    , m_seconds(seconds)
    , m_jsonPath(std::move(jsonPath))
{ }

void StallBenchmark::start()
{
    m_work = std::make_unique<QTemporaryDir>();
    QString error;
    const QString project = m_demoFolder.isEmpty()
        ? QString()
        : ui::prepareDemoProject(m_demoFolder, m_work->filePath(QStringLiteral("demo")), &error);
    if (project.isEmpty()) {
        finish(error.isEmpty() ? QStringLiteral("the demo project was not found") : error);
        return;
    }
    ui::ProjectController *controller = m_window->projectController();
    controller->setPromptAnswer(QMessageBox::Discard);
    if (!controller->openFile(project)) {
        finish(QStringLiteral("cannot open ") + project);
        return;
    }
    ui::ProjectDocument *document = m_window->document();
    model::ModelConfig cpu64 = model::cpu64();
    document->setModelConfig(cpu64);
    training::TrainingConfig training = document->trainingConfig();
    training.batchSize = 16; // docs/performance.md: cpu-64 trains at batch 16
    document->setTrainingConfig(training);
    ui::TrainingSession *session = m_window->trainingSession();
    connect(session, &ui::TrainingSession::progress, this, [this](const training::ProgressRecord &record) {
        if (m_firstStep < 0 && record.step > 0)
            m_firstStep = record.step;
        m_lastStep = record.step;
        if (record.imagesPerSecond > 0)
            m_imagesPerSecond = record.imagesPerSecond;
    });
    connect(session, &ui::TrainingSession::finished, this, [this](const training::RunResult &result) {
        if (result.outcome == training::RunOutcome::Failed)
            finish(QString::fromStdString(result.message));
        else
            finish(QString());
    });
    m_window->raisePanel(QStringLiteral("training"));
    m_meter.start();
    if (!m_window->trainingPanel()->startNewRun(kBenchmarkSteps)) {
        finish(QStringLiteral("the training run did not start"));
        return;
    }
    QTimer::singleShot(static_cast<int>(m_seconds * 1000), this, &StallBenchmark::measureDone);
}

void StallBenchmark::measureDone()
{
    m_meter.stop();
    m_measuredSeconds = m_seconds;
    m_maxStall = m_meter.maxStallMs();
    m_p50 = m_meter.quantileMs(0.5);
    m_p99 = m_meter.quantileMs(0.99);
    m_p999 = m_meter.quantileMs(0.999);
    m_ticks = m_meter.ticks();
    m_over50 = m_meter.stallsOver(kTargetMs);
    m_window->trainingSession()->stop(); // finish() runs when the run has saved and stopped
}

void StallBenchmark::finish(const QString &error)
{
    QJsonObject json {
        {QStringLiteral("benchmark"), QStringLiteral("gui_event_loop_stall")},
        {QStringLiteral("config"), QStringLiteral("cpu-64, batch 16")},
        {QStringLiteral("seconds"), m_measuredSeconds},
        {QStringLiteral("timer_interval_ms"), StallMeter::kIntervalMs},
        {QStringLiteral("max_stall_ms"), m_maxStall},
        {QStringLiteral("p50_stall_ms"), m_p50},
        {QStringLiteral("p99_stall_ms"), m_p99},
        {QStringLiteral("p999_stall_ms"), m_p999},
        {QStringLiteral("ticks"), m_ticks},
        {QStringLiteral("stalls_over_target"), m_over50},
        {QStringLiteral("target_ms"), kTargetMs},
        {QStringLiteral("training_steps"), m_firstStep < 0 ? 0 : m_lastStep - m_firstStep},
        {QStringLiteral("images_per_second"), m_imagesPerSecond},
        {QStringLiteral("cpu_cores"), QThread::idealThreadCount()},
        {QStringLiteral("platform"), QApplication::platformName()},
        {QStringLiteral("machine"), QSysInfo::prettyProductName()},
    };
    if (!error.isEmpty()) {
        json.insert(QStringLiteral("error"), error);
        m_exitCode = 1;
    } else {
        m_exitCode = m_maxStall <= kTargetMs ? 0 : 2;
    }
    std::printf("GUI event-loop stall while training cpu-64 for %.0f s: max %.1f ms, p99 %.1f ms, p50 %.2f ms "
                "(%lld ticks, %lld over %.0f ms); %lld training steps, %.1f images/s%s%s\n",
        m_measuredSeconds, m_maxStall, m_p99, m_p50, m_ticks, m_over50, kTargetMs,
        m_firstStep < 0 ? 0LL : m_lastStep - m_firstStep, m_imagesPerSecond,
        error.isEmpty() ? "" : "; error: ", qPrintable(error));
    std::fflush(stdout);
    if (!m_jsonPath.isEmpty()) {
        QFile file(m_jsonPath);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QJsonDocument(json).toJson());
    }
    QApplication::exit(m_exitCode);
}

} // namespace zistudio::gui
