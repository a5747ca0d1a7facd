// SPDX-License-Identifier: GPL-3.0-or-later
// The checkpoint list after a real tiny run: pins are written through core and survive a reload,
// deleting removes the folder and the run store's row, and deleting is refused while the run trains.
#include "mainwindow.h"
#include "models/checkpointmodel.h"
#include "panels/trainingpanel.h"
#include "projectcontroller.h"
#include "session/trainingsession.h"
#include "uitestsupport.h"
#include "widgets/checkpointlist.h"

#include "project/projectlayout.h"
#include "training/checkpointstore.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace zistudio;
using namespace zistudio::ui;
namespace fs = std::filesystem;

TEST(CheckpointList, PinsAndDeletesThroughCore)
{
    test::TempDir dir;
    project::Project tiny = test::tinyUiProject();
    tiny.training.steps = 6; // checkpoints at 3 and 6 (checkpointEvery 3)
    const QString file = test::writeProject(dir, tiny);
    MainWindow window;
    ASSERT_TRUE(window.projectController()->openFile(file));
    TrainingSession *session = window.trainingSession();
    QSignalSpy finished(session, &TrainingSession::finished);
    ASSERT_TRUE(window.trainingPanel()->startNewRun());
    const QString run = session->runName();
    CheckpointList *list = window.trainingPanel()->checkpoints();
    EXPECT_FALSE(list->removeCheckpoint(3)); // refused while the run trains
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() > 0; }, 180000));
    const auto result = finished.front().front().value<training::RunResult>();
    ASSERT_EQ(result.outcome, training::RunOutcome::Completed) << result.message;
    CheckpointModel *model = list->model();
    ASSERT_GE(model->rowCount(), 2);
    EXPECT_EQ(model->checkpoints().back().step, 6);

    // Pin the first checkpoint in the view's model: the run's checkpoint store records it.
    const long long first = model->checkpoints().front().step;
    ASSERT_TRUE(model->setData(model->index(0, CheckpointModel::PinnedColumn), Qt::Checked, Qt::CheckStateRole));
    const auto layout = project::ProjectLayout::of(test::toPath(file));
    training::CheckpointStore store(layout.checkpointsDir(run.toStdString()));
    EXPECT_EQ(store.pinnedSteps(), std::vector<long long> {first});
    list->reload();
    EXPECT_TRUE(model->checkpoints().front().pinned);

    // Delete the newest: its folder and row go, the others stay.
    const int rows = model->rowCount();
    ASSERT_TRUE(list->removeCheckpoint(6));
    EXPECT_EQ(model->rowCount(), rows - 1);
    EXPECT_FALSE(fs::exists(layout.checkpointsDir(run.toStdString()) / training::CheckpointStore::folderName(6)));
    for (const auto &checkpoint : model->checkpoints())
        EXPECT_NE(checkpoint.step, 6);
    EXPECT_TRUE(store.loadLatest().has_value());
    EXPECT_FALSE(list->removeCheckpoint(6)); // already gone: an error, reported
}
