// SPDX-License-Identifier: GPL-3.0-or-later
// The Training panel end to end on the offscreen platform: a tiny real run (32 px) feeds the plot,
// Stop saves a checkpoint that the list shows, a new window offers to resume the interrupted run,
// and resuming continues from the saved step.
#include "common/atomicfile.h"
#include "mainwindow.h"
#include "models/checkpointmodel.h"
#include "models/runlistmodel.h"
#include "panels/logpanel.h"
#include "panels/projectpanel.h"
#include "panels/trainingpanel.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "projectcontroller.h"
#include "session/trainingsession.h"
#include "uitestsupport.h"
#include "widgets/checkpointlist.h"
#include "widgets/metricsplot.h"
#include "widgets/sampleviewer.h"
#include "workflow/runs.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimer>
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

/** The step of the first "step" record the spy saw (-1 when none). */
long long firstStep(const QSignalSpy &progress)
{
    for (const QList<QVariant> &args : progress) {
        const auto record = args.front().value<training::ProgressRecord>();
        if (record.event == "step")
            return record.step;
    }
    return -1;
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
        EXPECT_GT(firstStep(progress), stoppedAt); // continued, not restarted
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
    finished.clear();
    startOver->click();
    const training::RunResult over = waitFinished(session, finished);
    EXPECT_EQ(over.outcome, training::RunOutcome::Completed) << over.message;
    EXPECT_EQ(readFile(layout.checkpointsDir("hurt") / "step-000004.damaged" / "manifest.json"), "{ cut");
    EXPECT_FALSE(startOver->isVisible());
}

TEST(TrainingPanel, ContinuesAFinishedRunThenFineTunesFromIt)
{
    test::TempDir dir;
    auto p = test::tinyUiProject();
    p.training.steps = 4;
    const QString file = test::writeProject(dir, p);
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.projectController()->openFile(file));
    TrainingPanel *panel = window.trainingPanel();
    TrainingSession *session = window.trainingSession();
    QSignalSpy finished(session, &TrainingSession::finished);
    ASSERT_TRUE(panel->startNewRun());
    const QString run = session->runName();
    ASSERT_EQ(waitFinished(session, finished).outcome, training::RunOutcome::Completed);

    // Continue…: a finished run trains on to a higher total, from where it finished.
    QSignalSpy progress(session, &TrainingSession::progress);
    finished.clear();
    ASSERT_TRUE(panel->continueRun(run, 8));
    const auto continued = waitFinished(session, finished);
    ASSERT_EQ(continued.outcome, training::RunOutcome::Completed) << continued.message;
    EXPECT_EQ(continued.step, 8);
    EXPECT_GT(firstStep(progress), 4); // continued, not restarted
    const auto layout = project::ProjectLayout::of(test::toPath(file));
    EXPECT_EQ(project::RunStore(layout.runStore).run(run.toStdString())->lastStep, 8);
    EXPECT_TRUE(window.logPanel()->plainText().contains(QStringLiteral("up to step 8")));
    window.raisePanel(QStringLiteral("training/curves"));
    QCoreApplication::processEvents();
    if (const QByteArray shots = qgetenv("ZISTUDIO_SCREENSHOT_DIR"); !shots.isEmpty())
        window.grab().save(QString::fromUtf8(shots) + QStringLiteral("/continued-run.png"));

    // Fine-tune…: the dialog lists the run's checkpoints; a new run starts from the one chosen (the
    // oldest here, not the best) with the chosen options.
    finished.clear();
    const auto checkpoints = workflow::openRunCheckpoints(test::toPath(file), run.toStdString()).list();
    ASSERT_GE(checkpoints.size(), 2u);
    const long long chosenStep = checkpoints.front().step;
    QStringList listed;
    QTimer::singleShot(0, panel, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("FineTuneCheckpoint"));
        ASSERT_NE(combo, nullptr);
        for (int i = 0; i < combo->count(); ++i)
            listed << combo->itemText(i);
        combo->setCurrentIndex(combo->findData(QVariant::fromValue(chosenStep)));
        for (auto *box : dialog->findChildren<QCheckBox *>())
            box->setChecked(true); // freeze the encoder
        dialog->findChild<QLineEdit *>()->setText(QStringLiteral("0"));
        dialog->findChild<QSpinBox *>()->setValue(2);
        if (const QByteArray shots = qgetenv("ZISTUDIO_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog->grab().save(QString::fromUtf8(shots) + QStringLiteral("/fine-tune-dialog.png"));
        dialog->accept();
    });
    panel->findChild<QPushButton *>(QStringLiteral("FineTuneButton"))->click();
    EXPECT_EQ(listed.size(), static_cast<qsizetype>(checkpoints.size()) + 1) << listed.join(u',').toStdString();
    EXPECT_EQ(listed.value(0), QStringLiteral("The best"));
    EXPECT_EQ(listed.value(1), QStringLiteral("Step %1").arg(chosenStep));
    ASSERT_TRUE(session->isActive());
    const QString tuned = session->runName();
    EXPECT_NE(tuned, run);
    const auto result = waitFinished(session, finished);
    ASSERT_EQ(result.outcome, training::RunOutcome::Completed) << result.message;
    project::RunStore store(layout.runStore);
    EXPECT_EQ(store.run(tuned.toStdString())->parent, run.toStdString());
    const auto settings = project::loadRunConfig(layout, tuned.toStdString()).training;
    EXPECT_TRUE(settings.freezeEncoder);
    EXPECT_EQ(settings.fineTuneStyles, std::vector<int> {0});
    EXPECT_EQ(settings.fineTuneStep, chosenStep);
    EXPECT_TRUE(window.logPanel()->plainText().contains(QStringLiteral("fine-tuned from")));
}

TEST(TrainingPanel, TheRunListShowsTheLiveStep)
{
    test::TempDir dir;
    auto p = test::tinyUiProject();
    p.training.validateEvery = 1000; // the run store would say step 0 until the end
    const QString file = test::writeProject(dir, p);
    MainWindow window;
    ASSERT_TRUE(window.projectController()->openFile(file));
    TrainingSession *session = window.trainingSession();
    QSignalSpy finished(session, &TrainingSession::finished);
    QSignalSpy progress(session, &TrainingSession::progress);
    ASSERT_TRUE(window.trainingPanel()->startNewRun());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (const QList<QVariant> &args : progress)
                if (args.front().value<training::ProgressRecord>().step >= 3)
                    return true;
            return false;
        },
        kTrainTimeoutMs));
    QCoreApplication::processEvents();
    const auto *combo = window.trainingPanel()->findChild<QComboBox *>(QStringLiteral("RunCombo"));
    ASSERT_NE(combo, nullptr);
    EXPECT_FALSE(combo->currentText().endsWith(QStringLiteral("step 0"))) << combo->currentText().toStdString();
    RunListModel *runs = window.projectPanel()->runModel();
    const int row = runs->rowOf(session->runName());
    ASSERT_GE(row, 0);
    EXPECT_GE(runs->data(runs->index(row, RunListModel::StepColumn)).toLongLong(), 3);
    session->stop();
    waitFinished(session, finished);
}
