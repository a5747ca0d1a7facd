// SPDX-License-Identifier: GPL-3.0-or-later
// Every item model of the studio under QAbstractItemModelTester, through resets and edits.
#include "models/attentionmatrixmodel.h"
#include "models/checkpointmodel.h"
#include "models/missingglyphmodel.h"
#include "models/runlistmodel.h"
#include "models/targetlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace zistudio;
using namespace zistudio::ui;

namespace
{

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

} // namespace

TEST(AttentionMatrixModel, RowsFollowTheDepthAndTogglesEmitTheNewSpec)
{
    AttentionMatrixModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    model.setReport(model::estimateCost(model::cpu64(), 4));
    EXPECT_EQ(model.rowCount(), 6); // 64 px: depths 1..6
    EXPECT_EQ(model.index(0, AttentionMatrixModel::ResolutionColumn).data().toString(), QStringLiteral("32×32"));

    QSignalSpy spy(&model, &AttentionMatrixModel::attentionChanged);
    const QModelIndex enc3 = model.index(2, AttentionMatrixModel::EncoderColumn);
    EXPECT_TRUE(model.flags(enc3).testFlag(Qt::ItemIsUserCheckable));
    EXPECT_FALSE(model.flags(model.index(2, AttentionMatrixModel::DepthColumn)).testFlag(Qt::ItemIsUserCheckable));
    ASSERT_TRUE(model.setData(enc3, Qt::Checked, Qt::CheckStateRole));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.front().front().value<model::AttentionSpec>().toString(), "enc:3");
    EXPECT_EQ(enc3.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    ASSERT_TRUE(model.setData(model.index(3, AttentionMatrixModel::DecoderColumn), Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(model.attention().toString(), "enc:3,dec:4");
    ASSERT_TRUE(model.setData(enc3, Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_EQ(model.attention().toString(), "dec:4");
    EXPECT_FALSE(
        model.setData(model.index(0, AttentionMatrixModel::ResolutionColumn), Qt::Checked, Qt::CheckStateRole));

    model::ModelConfig big = model::classic256();
    big.attention = model::AttentionSpec::parse("enc:2");
    model.setReport(model::estimateCost(big, 4)); // 256 px: 8 rows, a reset
    EXPECT_EQ(model.rowCount(), 8);
    EXPECT_FALSE(model.index(1, AttentionMatrixModel::MemoryColumn).data().toString().isEmpty());
    EXPECT_TRUE(model.index(2, AttentionMatrixModel::MemoryColumn).data().toString().isEmpty());
}

TEST(TargetListModel, ShowsCoverageAndRenamesTargets)
{
    TargetListModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    std::vector<data::TargetSpec> targets {
        {.kind = data::TargetSpec::Kind::Font, .path = "/fonts/kai.ttf", .face = 0, .styleId = 0, .name = "Kai"},
        {.kind = data::TargetSpec::Kind::ImageFolder, .path = "/drawn", .face = 0, .styleId = 3, .name = "Mine"}};
    model.setTargets(targets);
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(1, TargetListModel::StyleColumn).data().toInt(), 3);
    EXPECT_EQ(model.index(0, TargetListModel::CoverageColumn).data().toString(), QStringLiteral("…"));
    model.setStatuses({{.covered = 90, .total = 100, .error = {}, .problems = {}},
        {.covered = 2, .total = 100, .error = {}, .problems = {QStringLiteral("x.png: unnamed")}}});
    EXPECT_EQ(model.index(0, TargetListModel::CoverageColumn).data().toString(), QStringLiteral("90 / 100"));
    EXPECT_TRUE(model.index(1, TargetListModel::CoverageColumn).data().toString().contains(QStringLiteral("1")));
    EXPECT_TRUE(model.index(1, TargetListModel::CoverageColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("unnamed")));

    QSignalSpy spy(&model, &TargetListModel::targetsEdited);
    EXPECT_TRUE(model.setData(model.index(0, TargetListModel::NameColumn), QStringLiteral("Kaiti")));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(model.targets()[0].name, "Kaiti");
    EXPECT_FALSE(model.setData(model.index(0, TargetListModel::NameColumn), QStringLiteral("  ")));
    EXPECT_FALSE(model.setData(model.index(0, TargetListModel::FileColumn), QStringLiteral("x")));
    targets.pop_back();
    model.setTargets(targets);
    EXPECT_EQ(model.rowCount(), 1);
}

TEST(RunListModel, ListsRunsWithTranslatedStatus)
{
    RunListModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    model.setRuns({{.name = "a",
                       .created = "2024-05-01T10:00:00Z",
                       .status = "completed",
                       .configJson = {},
                       .attention = "none",
                       .seed = 1,
                       .versions = {},
                       .parent = {},
                       .lastStep = 300},
        {.name = "b",
            .created = {},
            .status = "interrupted",
            .configJson = {},
            .attention = "enc:3",
            .seed = 1,
            .versions = {},
            .parent = {},
            .lastStep = 20}});
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.rowOf(QStringLiteral("b")), 1);
    EXPECT_EQ(model.rowOf(QStringLiteral("zzz")), -1);
    EXPECT_EQ(model.index(1, RunListModel::StatusColumn).data().toString(), QStringLiteral("interrupted"));
    EXPECT_EQ(model.index(0, RunListModel::StepColumn).data().toLongLong(), 300);
    model.setRuns({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(CheckpointModel, MarksTheBestAndTogglesPins)
{
    CheckpointModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    model.setCheckpoints({{.step = 100,
                              .path = "/r/step-000100",
                              .kind = "regular",
                              .isBest = false,
                              .pinned = false,
                              .metrics = {{"val_l1", 0.2}}},
        {.step = 200,
            .path = "/r/step-000200",
            .kind = "interrupted",
            .isBest = true,
            .pinned = false,
            .metrics = {{"val_l1", 0.1}, {"val_ssim", 0.5}}}});
    EXPECT_EQ(model.bestRow(), 1);
    EXPECT_EQ(model.index(1, CheckpointModel::BestColumn).data().toString(), QStringLiteral("★"));
    EXPECT_TRUE(model.index(0, CheckpointModel::BestColumn).data().toString().isEmpty());
    EXPECT_TRUE(model.index(0, CheckpointModel::ValSsimColumn).data().isNull());
    QSignalSpy spy(&model, &CheckpointModel::pinToggled);
    EXPECT_TRUE(model.setData(model.index(0, CheckpointModel::PinnedColumn), Qt::Checked, Qt::CheckStateRole));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.front().at(0).toLongLong(), 100);
    EXPECT_TRUE(spy.front().at(1).toBool());
    EXPECT_FALSE(model.setData(model.index(0, CheckpointModel::StepColumn), Qt::Checked, Qt::CheckStateRole));
}

TEST(MissingGlyphModel, ShowsCharacterCodeStyleAndReason)
{
    MissingGlyphModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    model.setGlyphs({{U'永', QStringLiteral("Kai"), QStringLiteral("not in font")},
        {U'\U00020B9F', QStringLiteral("Source"), QStringLiteral("repeated (tofu)")}});
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, MissingGlyphModel::CharColumn).data().toString(), QStringLiteral("永"));
    EXPECT_EQ(model.index(0, MissingGlyphModel::CodeColumn).data().toString(), QStringLiteral("U+6C38"));
    EXPECT_EQ(model.index(1, MissingGlyphModel::CodeColumn).data().toString(), QStringLiteral("U+20B9F"));
    EXPECT_EQ(model.index(1, MissingGlyphModel::ReasonColumn).data().toString(), QStringLiteral("repeated (tofu)"));
}
