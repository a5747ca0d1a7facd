// SPDX-License-Identifier: GPL-3.0-or-later
// The Training panel end to end on the offscreen platform: a tiny real run (32 px) feeds the plot,
// Stop saves a checkpoint that the list shows, a new window offers to resume the interrupted run,
// and resuming continues from the saved step.
#include "common/atomicfile.h"
#include "mainwindow.h"
#include "models/checkpointmodel.h"
#include "panels/logpanel.h"
#include "panels/trainingpanel.h"
#include "project/projectlayout.h"
#include "projectcontroller.h"
#include "session/trainingsession.h"
#include "uitestsupport.h"
#include "widgets/checkpointlist.h"
#include "widgets/metricsplot.h"
#include "widgets/sampleviewer.h"

#include <QPushButton>
#include <QSignalSpy>
#include <gtest/gtest.h>

#include <cstdlib>

using namespace zistudio;
using namespace zistudio::ui;

namespace
{

constexpr int kTrainTimeoutMs = 180000; // generous: the CI machines are shared

/** Waits for the session to go idle and returns the result it finished with. */
training::RunResult waitFinished(TrainingSession *session, QSignalSpy &finished)
{
    EXPECT_TRUE(QTest::qWaitFor([&] { return finished.count() > 0; }, kTrainTimeoutMs));
    EXPECT_FALSE(session->isActive());
    return finished.isEmpty() ? training::RunResult {} : finished.back().front().value<training::RunResult>();
}

} // namespace

TEST(TrainingPanel, TinyRunPlotsStopsAndListsACheckpointThenResumes)
{
    test::TempDir dir;
    const QString file = test::writeProject(dir, test::tinyUiProject());
    QString run;
    long long stoppedAt = 0;
    {
        MainWindow window;
        window.show();
        ASSERT_TRUE(window.projectController()->openFile(file));
        TrainingPanel *panel = window.trainingPanel();
        TrainingSession *session = window.trainingSession();
        QSignalSpy finished(session, &TrainingSession::finished);
        QSignalSpy progress(session, &TrainingSession::progress);

        ASSERT_TRUE(panel->startNewRun());
        EXPECT_TRUE(session->isActive());
        run = session->runName();
        EXPECT_FALSE(panel->startNewRun()); // one run at a time
        // The plot receives loss points while the GUI thread keeps running.
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return panel->plot()->pointCount(MetricsPlot::Chart::Losses, QStringLiteral("G")) >= 3; },
            kTrainTimeoutMs))
            << window.logPanel()->plainText().toStdString();
        EXPECT_GE(panel->plot()->seriesCount(MetricsPlot::Chart::Losses), 3); // D, G, L1, const...
        EXPECT_GE(panel->plot()->pointCount(MetricsPlot::Chart::Validation, QStringLiteral("baseline L1")), 1);
        EXPECT_GE(panel->samples()->sampleCount(), 1);
        EXPECT_FALSE(panel->samples()->shownImage().isNull());

        session->stop();
        EXPECT_EQ(session->state(), TrainingSession::State::Stopping);
        const training::RunResult result = waitFinished(session, finished);
        EXPECT_EQ(result.outcome, training::RunOutcome::Cancelled) << result.message;
        stoppedAt = result.step;
        EXPECT_GT(stoppedAt, 0);

        // The checkpoint list shows the stop's checkpoint (an "interrupted" one at the last step).
        const CheckpointModel *checkpoints = panel->checkpoints()->model();
        ASSERT_GT(checkpoints->rowCount(), 0);
        EXPECT_EQ(checkpoints->checkpoints().back().step, stoppedAt);
        EXPECT_GE(checkpoints->bestRow(), 0);
        EXPECT_FALSE(progress.isEmpty());
    }
    {
        // A new studio window finds the interrupted run and resumes it where it stopped.
        MainWindow window;
        window.show();
        ASSERT_TRUE(window.projectController()->openFile(file));
        TrainingPanel *panel = window.trainingPanel();
        EXPECT_EQ(panel->interruptedRun(), run);
        TrainingSession *session = window.trainingSession();
        QSignalSpy finished(session, &TrainingSession::finished);
        QSignalSpy progress(session, &TrainingSession::progress);
        ASSERT_TRUE(panel->resumeRun(run));
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &args : progress) {
                    if (args.front().value<training::ProgressRecord>().event == "step")
                        return true;
                }
                return false;
            },
            kTrainTimeoutMs))
            << window.logPanel()->plainText().toStdString();
        session->stop();
        waitFinished(session, finished);
        long long firstStep = -1;
        for (const QList<QVariant> &args : progress) {
            const auto record = args.front().value<training::ProgressRecord>();
            if (record.event == "step") {
                firstStep = record.step;
                break;
            }
        }
        EXPECT_GT(firstStep, stoppedAt); // continued, not restarted
        // The resumed curves continue the stored ones.
        EXPECT_GE(panel->plot()->pointCount(MetricsPlot::Chart::Losses, QStringLiteral("G")), stoppedAt);
    }
}

TEST(TrainingPanel, PauseHoldsTheRunAndContinueResumesIt)
{
    test::TempDir dir;
    const QString file = test::writeProject(dir, test::tinyUiProject());
    MainWindow window;
    ASSERT_TRUE(window.projectController()->openFile(file));
    TrainingSession *session = window.trainingSession();
    QSignalSpy finished(session, &TrainingSession::finished);
    QSignalSpy progress(session, &TrainingSession::progress);
    ASSERT_TRUE(window.trainingPanel()->startNewRun());
    const auto lastStep = [&] {
        long long step = 0;
        for (const QList<QVariant> &args : progress)
            step = std::max(step, args.front().value<training::ProgressRecord>().step);
        return step;
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return lastStep() >= 1; }, kTrainTimeoutMs));
    session->setPaused(true);
    EXPECT_EQ(session->state(), TrainingSession::State::Paused);
    QTest::qWait(1500); // let a step in flight finish
    const long long paused = lastStep();
    QTest::qWait(1500);
    EXPECT_LE(lastStep(), paused + 1); // at most the step that was running when paused
    session->setPaused(false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return lastStep() > paused + 1; }, kTrainTimeoutMs));
    session->stop();
    waitFinished(session, finished);
}

TEST(TrainingPanel, AResumeWithNoUsableCheckpointOffersToStartOverAndNeverDoesItUnasked)
{
    test::TempDir dir;
    const project::Project p = test::tinyUiProject();
    const QString file = test::writeProject(dir, p);
    // A run whose only checkpoint is damaged (its manifest is not JSON).
    const auto layout = project::ProjectLayout::of(test::toPath(file));
    std::filesystem::create_directories(layout.checkpointsDir("hurt") / "step-000004");
    writeFileAtomically(layout.runDir("hurt") / "run.json", project::projectToJson(p).dump(2));
    writeFileAtomically(layout.checkpointsDir("hurt") / "step-000004" / "manifest.json", std::string("{ cut"));

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(window.projectController()->openFile(file));
    TrainingPanel *panel = window.trainingPanel();
    TrainingSession *session = window.trainingSession();
    QSignalSpy finished(session, &TrainingSession::finished);
    ASSERT_TRUE(panel->resumeRun(QStringLiteral("hurt")));
    const training::RunResult refused = waitFinished(session, finished);
    EXPECT_EQ(refused.outcome, training::RunOutcome::Failed);
    EXPECT_TRUE(refused.canStartOver) << refused.message;
    EXPECT_EQ(panel->refusedRun(), QStringLiteral("hurt"));
    auto *startOver = panel->findChild<QPushButton *>(QStringLiteral("StartOverButton"));
    ASSERT_NE(startOver, nullptr);
    EXPECT_TRUE(startOver->isVisible());
    EXPECT_TRUE(window.logPanel()->plainText().contains(QStringLiteral("step-000004")))
        << window.logPanel()->plainText().toStdString();
    EXPECT_EQ(readFile(layout.checkpointsDir("hurt") / "step-000004" / "manifest.json"), "{ cut");
    if (const char *shot = std::getenv("ZISTUDIO_SCREENSHOT_DIR"))
        window.grab().save(QString::fromLocal8Bit(shot) + QStringLiteral("/start-over.png"));

    // Asked: it trains again from step 0 and keeps the damaged checkpoint beside the new ones.
    startOver->click();
    const training::RunResult over = waitFinished(session, finished);
    EXPECT_EQ(over.outcome, training::RunOutcome::Completed) << over.message;
    EXPECT_EQ(readFile(layout.checkpointsDir("hurt") / "step-000004.damaged" / "manifest.json"), "{ cut");
    EXPECT_FALSE(startOver->isVisible());
}
