// SPDX-License-Identifier: GPL-3.0-or-later
// The Compare tab on the offscreen platform: the runs of a real tiny sweep fill the list; checking
// them fills the table (values from the run store), the curves, the verdict and the glyph grid, on a
// worker thread; the comparison exports as CSV and PNG.
#include "common/atomicfile.h"
#include "common/imageio.h"
#include "experiments/comparisonexport.h"
#include "experiments/sweep.h"
#include "mainwindow.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "projectcontroller.h"
#include "uitestsupport.h"
#include "views/compareview.h"
#include "widgets/comparisonplot.h"
#include "widgets/comparisontable.h"
#include "widgets/glyphgridwidget.h"

#include <QApplication>
#include <QLabel>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSplitter>
#include <gtest/gtest.h>

using namespace zistudio;
using namespace zistudio::ui;

namespace
{

constexpr int kCompareTimeoutMs = 120000; // generous: the CI machines are shared

double bestL1(const QString &projectFile, const std::string &run)
{
    project::RunStore store(project::ProjectLayout::of(test::toPath(projectFile)).runStore);
    for (const auto &c : store.checkpoints(run))
        if (c.isBest)
            return c.metrics.at("val_l1");
    ADD_FAILURE() << run << " has no best checkpoint";
    return 0;
}

bool waitShown(CompareView *view, std::size_t runs)
{
    return QTest::qWaitFor(
        [&] {
            return !view->isBusy() && view->comparison().runs.size() == runs && view->table()->rowCount() == int(runs);
        },
        kCompareTimeoutMs);
}

} // namespace

TEST(CompareView, FillsWithTheRunsOfASweepAndExports)
{
    test::TempDir dir;
    auto p = test::tinyUiProject();
    p.training.validateEvery = 2;
    p.training.checkpointEvery = 2;
    const QString file = test::writeProject(dir, p);
    std::atomic<bool> cancel {false};
    const auto sweep = experiments::runSweep(experiments::SweepOptions {.projectFile = test::toPath(file),
                                                 .attention = {"none", "enc:2"},
                                                 .steps = 3,
                                                 .prefix = "ui",
                                                 .repeats = {{"none", std::nullopt}},
                                                 .progressIntervalMs = 0},
        {}, cancel);
    ASSERT_EQ(sweep.failed, 0);

    MainWindow window;
    window.show();
    ASSERT_TRUE(window.projectController()->openFile(file));
    ASSERT_TRUE(window.raisePanel(QStringLiteral("compare")));
    CompareView *view = window.compareView();
    ASSERT_NE(view, nullptr);
    const QStringList runs {QStringLiteral("ui-none"), QStringLiteral("ui-enc2"), QStringLiteral("ui-none-s8")};
    EXPECT_EQ(view->runNames(), runs);

    view->setCheckedRuns(runs);
    ASSERT_TRUE(waitShown(view, 3)) << view->verdictText().toStdString();
    const auto &c = view->comparison();
    ComparisonTable *table = view->table();
    int starred = 0;
    for (int row = 0; row < 3; ++row) {
        EXPECT_EQ(table->item(row, ComparisonTable::RunColumn)->text(), runs[row]);
        EXPECT_EQ(table->item(row, ComparisonTable::L1Column)->text(),
            QString::number(bestL1(file, runs[row].toStdString()), 'f', 4));
        if (!table->item(row, ComparisonTable::BestColumn)->text().isEmpty()) {
            ++starred;
            EXPECT_EQ(table->item(row, ComparisonTable::RunColumn)->text().toStdString(), c.verdict.best);
        }
    }
    EXPECT_EQ(starred, 1);
    EXPECT_TRUE(table->item(1, ComparisonTable::GammaColumn)->text().startsWith(QStringLiteral("enc:2=")))
        << table->item(1, ComparisonTable::GammaColumn)->text().toStdString();
    EXPECT_EQ(view->curveCount(), 4);            // three runs and the baseline
    EXPECT_EQ(view->glyphGrid()->rowCount(), 5); // source, three runs, target
    EXPECT_GT(view->glyphGrid()->columnCount(), 0);
    EXPECT_EQ(view->glyphGrid()->rows()[2].label, QStringLiteral("ui-enc2"));
    EXPECT_TRUE(view->verdictText().contains(QStringLiteral("ui-none"))) << view->verdictText().toStdString();
    EXPECT_TRUE(view->verdictText().contains(QStringLiteral("2"))) << view->verdictText().toStdString();
    // Only none was trained twice: its seed spread stands in for enc:2's noise, and the verdict says why.
    EXPECT_FALSE(c.verdict.noiseFromPair);
    EXPECT_EQ(c.verdict.noisePlacement, "none");
    EXPECT_TRUE(view->verdictText().contains(QStringLiteral("enc:2 has one seed")))
        << view->verdictText().toStdString();
    if (const QByteArray shots = qgetenv("ZISTUDIO_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QTest::qWait(300); // the queued replot
        window.grab().save(QString::fromUtf8(shots) + QStringLiteral("/compare-test.png"));
    }

    QString error;
    const QString csv = QString::fromStdString((dir / "compare.csv").string());
    const QString png = QString::fromStdString((dir / "compare.png").string());
    ASSERT_TRUE(view->exportCsv(csv, &error)) << error.toStdString();
    ASSERT_TRUE(view->exportFigure(png, &error)) << error.toStdString();
    const std::string text = readFile(test::toPath(csv));
    for (const auto &run : runs)
        EXPECT_NE(text.find(run.toStdString()), std::string::npos) << run.toStdString();
    EXPECT_GT(readLuminanceImage(test::toPath(png)).width, 0);
    EXPECT_FALSE(view->exportCsv(QString::fromStdString((dir / "missing" / "x.csv").string()), &error));
    EXPECT_FALSE(error.isEmpty());

    // Unchecking a run compares the rest again: no repeat left, so the noise is unknown.
    view->setCheckedRuns({runs[0], runs[1]});
    ASSERT_TRUE(waitShown(view, 2));
    EXPECT_EQ(view->comparison().verdict.standing, experiments::Standing::NoiseUnknown);
    EXPECT_EQ(view->curveCount(), 3);

    // A saved study opens without its project: another project (no runs) is open meanwhile.
    view->setCheckedRuns(runs);
    ASSERT_TRUE(waitShown(view, 3));
    const QString study = QString::fromStdString((dir / "ui.study.json").string());
    experiments::writeComparisonJson(test::toPath(study), view->comparison());
    const auto saved = view->comparison().verdict;
    test::TempDir other;
    ASSERT_TRUE(window.projectController()->openFile(test::writeProject(other, test::tinyUiProject())));
    ASSERT_TRUE(QTest::qWaitFor([&] { return view->runNames().isEmpty(); }, kCompareTimeoutMs));
    view->openStudy(study);
    ASSERT_TRUE(QTest::qWaitFor([&] { return view->isStudyOpen() && !view->isBusy(); }, kCompareTimeoutMs));
    EXPECT_EQ(view->runNames(), runs);
    EXPECT_EQ(view->checkedRuns(), runs);
    EXPECT_EQ(view->table()->rowCount(), 3);
    EXPECT_EQ(view->curveCount(), 4);
    EXPECT_EQ(view->glyphGrid()->rowCount(), 5);
    EXPECT_EQ(view->comparison().verdict.summary(), saved.summary());
    EXPECT_TRUE(view->verdictText().contains(QString::fromStdString(saved.bestPlacement)));
    // Where the content is narrow the table and the glyph grid scroll sideways; the verdict wraps to what is
    // visible.
    auto *splitter = view->findChild<QSplitter *>();
    ASSERT_NE(splitter, nullptr);
    splitter->setSizes({splitter->width() - 300, 300}); // wider than the plot's minimum, narrower than the grid
    QApplication::processEvents();
    const auto *verdict = view->findChild<QLabel *>(QStringLiteral("CompareVerdict"));
    const auto *content = view->findChild<QScrollArea *>(QStringLiteral("CompareContent"));
    ASSERT_NE(verdict, nullptr);
    ASSERT_NE(content, nullptr);
    const auto *glyphs = view->findChild<QScrollArea *>(QStringLiteral("CompareGlyphs"));
    ASSERT_NE(glyphs, nullptr);
    ASSERT_GT(view->glyphGrid()->width(), glyphs->viewport()->width()) << "the grid should be wider than the view here";
    // Its right edge is the scroll area's (scroll bar included), not the content's far beyond it.
    EXPECT_LE(
        verdict->mapTo(view, QPoint(verdict->width(), 0)).x(), content->mapTo(view, QPoint(content->width(), 0)).x());
    EXPECT_GE(verdict->height(), verdict->heightForWidth(verdict->width()));
    // Only the glyph grid is wider than the view: the curves fit the visible width.
    const auto *plot = view->findChild<ComparisonPlot *>();
    ASSERT_NE(plot, nullptr);
    EXPECT_LE(plot->mapTo(view, QPoint(plot->width(), 0)).x(), content->mapTo(view, QPoint(content->width(), 0)).x());
    view->setCheckedRuns({runs[0], runs[1]});
    ASSERT_TRUE(waitShown(view, 2));
    EXPECT_EQ(view->comparison().verdict.standing, experiments::Standing::NoiseUnknown);
    EXPECT_EQ(view->glyphGrid()->rowCount(), 4);
    view->closeStudy();
    EXPECT_FALSE(view->isStudyOpen());
    EXPECT_TRUE(view->runNames().isEmpty()); // the open project's runs: none
    view->openStudy(QString::fromStdString((dir / "missing.json").string()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !view->isBusy(); }, kCompareTimeoutMs));
    EXPECT_FALSE(view->isStudyOpen());
}

TEST(CompareView, AProjectWithoutRunsShowsTheHint)
{
    test::TempDir dir;
    const QString file = test::writeProject(dir, test::tinyUiProject());
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.projectController()->openFile(file));
    CompareView *view = window.compareView();
    EXPECT_TRUE(view->runNames().isEmpty());
    view->compareNow();
    EXPECT_EQ(view->table()->rowCount(), 0);
    EXPECT_EQ(view->curveCount(), 0);
    EXPECT_EQ(view->glyphGrid()->rowCount(), 0);
}

TEST(CompareView, LongRunNamesSharingAPrefixStayDistinct)
{
    const QStringList runs {QStringLiteral("attention-placement-sweep-enc2-seed42"),
        QStringLiteral("attention-placement-sweep-enc3-seed42"), QStringLiteral("attention-placement-sweep-none")};
    const QStringList labels = CompareView::distinctRunLabels(runs);
    EXPECT_EQ(labels,
        (QStringList {QStringLiteral("…enc2-seed42"), QStringLiteral("…enc3-seed42"), QStringLiteral("…none")}));
    const QStringList shortNames {QStringLiteral("ui-none"), QStringLiteral("ui-enc2")};
    EXPECT_EQ(CompareView::distinctRunLabels(shortNames), shortNames);

    GlyphGridWidget grid; // as drawn, the shortened labels stay distinct; the full names were not
    QList<GlyphGridWidget::Row> rows;
    for (const QString &label : labels)
        rows << GlyphGridWidget::Row {label, {QImage()}};
    for (const QString &run : runs)
        rows << GlyphGridWidget::Row {run, {QImage()}};
    grid.setContent({QStringLiteral("x")}, rows);
    EXPECT_NE(grid.drawnLabel(0), grid.drawnLabel(1));
    EXPECT_EQ(grid.drawnLabel(3), grid.drawnLabel(4)) << grid.drawnLabel(3).toStdString(); // why it was needed
}

TEST(ComparisonPlot, ANarrowPlotPutsItsLegendUnderTheCurves)
{
    // The attention study in the Compare tab at the default window size: four long run names beside a 300 px
    // plot left the curves about 70 px, and the step labels ran into each other ("0100020003000").
    experiments::Comparison comparison;
    for (const char *name : {"study-none", "study-enc5", "study-dec2-dec3", "study-enc2-enc3-dec2-dec3"}) {
        experiments::RunSummary run;
        run.name = name;
        run.attention = name;
        run.baselineL1 = 0.26;
        for (long long step = 250; step <= 3000; step += 250)
            run.valL1Curve.push_back({step, 0.1 + 10.0 / static_cast<double>(step)});
        comparison.runs.push_back(run);
    }
    ComparisonPlot plot;
    plot.setComparison(comparison);
    plot.resize(300, 400);
    plot.show();
    QCoreApplication::processEvents();
    EXPECT_FALSE(plot.legendBeside());
    EXPECT_GE(plot.curveWidth(), 200);
    EXPECT_GE(plot.minimumSizeHint().height(), 220 + 4 * 15); // the curves keep their height above the legend
    EXPECT_LE(plot.tickCount(Qt::Horizontal), 3);
    // Wide enough, the legend goes back beside the curves, which keep most of the width.
    plot.resize(1000, 400);
    QCoreApplication::processEvents();
    EXPECT_TRUE(plot.legendBeside());
    EXPECT_GE(plot.curveWidth(), 600);
    EXPECT_GT(plot.tickCount(Qt::Horizontal), 3);
}

TEST(ComparisonPlot, FewerTicksOnASmallPlotSoLabelsDoNotOverlap)
{
    ComparisonPlot plot;
    plot.resize(700, 400);
    plot.show();
    QCoreApplication::processEvents();
    const int wideX = plot.tickCount(Qt::Horizontal);
    const int tallY = plot.tickCount(Qt::Vertical);
    plot.resize(200, 100);
    QCoreApplication::processEvents();
    EXPECT_LT(plot.tickCount(Qt::Horizontal), wideX);
    EXPECT_LT(plot.tickCount(Qt::Vertical), tallY);
    EXPECT_LE(plot.tickCount(Qt::Vertical) * 45, plot.height()); // one label per 45 px at most
}
