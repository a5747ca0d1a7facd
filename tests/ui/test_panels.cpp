// SPDX-License-Identifier: GPL-3.0-or-later
// The project, fonts, dataset and model panels driven on the offscreen platform with real fonts.
#include "demoproject.h"
#include "mainwindow.h"
#include "models/attentionmatrixmodel.h"
#include "models/missingglyphmodel.h"
#include "models/targetlistmodel.h"
#include "panels/datasetpanel.h"
#include "panels/fontspanel.h"
#include "panels/logpanel.h"
#include "panels/modelpanel.h"
#include "projectcontroller.h"
#include "projectdocument.h"
#include "session/datasetbuilder.h"
#include "uitestsupport.h"
#include "widgets/glyphgridwidget.h"

#include "common/image.h"
#include "common/imageio.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDropEvent>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QTableView>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace zistudio;
using namespace zistudio::ui;
namespace fs = std::filesystem;

namespace
{

constexpr int kTimeoutMs = 120000;

QString toQ(const fs::path &path)
{
    return QString::fromStdString(path.string());
}

} // namespace

TEST(ModelPanel, DemoProjectTogglingAttentionChangesTheCostFigures)
{
    test::TempDir dir;
    QString error;
    const QString demo = prepareDemoProject(test::demoFolder(), toQ(dir / "demo"), &error);
    ASSERT_FALSE(demo.isEmpty()) << error.toStdString();
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.projectController()->openFile(demo)) << window.logPanel()->plainText().toStdString();
    ModelPanel *panel = window.modelPanel();
    const model::CostReport before = panel->report();
    const QString figuresBefore = panel->costText();
    ASSERT_GT(before.generatorParams, 0);

    // Tick "encoder" at depth 3 in the attention matrix view, as a user would.
    auto *view = panel->findChild<QTableView *>(QStringLiteral("AttentionMatrix"));
    ASSERT_NE(view, nullptr);
    AttentionMatrixModel *matrix = panel->attentionModel();
    EXPECT_EQ(matrix->rowCount(), window.document()->modelConfig().depth());
    const QModelIndex cell = matrix->index(2, AttentionMatrixModel::EncoderColumn);
    ASSERT_TRUE(view->model()->setData(cell, Qt::Checked, Qt::CheckStateRole));
    EXPECT_TRUE(window.document()->modelConfig().attention.has(model::AttentionSide::Encoder, 3));
    EXPECT_TRUE(window.document()->isModified());
    const model::CostReport after = panel->report();
    EXPECT_GT(after.attentionParams, before.attentionParams);
    EXPECT_GT(after.trainingStepFlops, before.trainingStepFlops);
    EXPECT_GT(after.attentionMatrixBytes, before.attentionMatrixBytes);
    EXPECT_NE(panel->costText(), figuresBefore);

    // The bottleneck is a 1x1 map: attention there is degenerate and the panel says so.
    auto *warnings = panel->findChild<QLabel *>(QStringLiteral("CostWarnings"));
    ASSERT_NE(warnings, nullptr);
    EXPECT_TRUE(warnings->text().isEmpty());
    const int bottleneck = matrix->rowCount() - 1;
    ASSERT_TRUE(matrix->setData(
        matrix->index(bottleneck, AttentionMatrixModel::DecoderColumn), Qt::Checked, Qt::CheckStateRole));
    EXPECT_TRUE(warnings->text().contains(QStringLiteral("1×1"))) << warnings->text().toStdString();

    // Un-ticking returns to the first figures.
    matrix->setData(cell, Qt::Unchecked, Qt::CheckStateRole);
    matrix->setData(matrix->index(bottleneck, AttentionMatrixModel::DecoderColumn), Qt::Unchecked, Qt::CheckStateRole);
    EXPECT_EQ(panel->costText(), figuresBefore);
}

TEST(ModelPanel, TheTrainingMemoryFollowsTheDevice)
{
    MainWindow window;
    ProjectDocument *document = window.document();
    ModelPanel *panel = window.modelPanel();
    model::ModelConfig config = model::cpu64();
    config.attention = model::AttentionSpec::parse("enc:1"); // 32x32: the CPU never builds its matrix
    document->setModelConfig(config);
    auto *attentionMemory = panel->findChild<QLabel *>(QStringLiteral("AttentionMemory"));
    ASSERT_NE(attentionMemory, nullptr);
    training::TrainingConfig training = document->trainingConfig();
    training.device = "cuda";
    document->setTrainingConfig(training);
    const model::CostReport gpu = panel->report();
    EXPECT_EQ(gpu.attentionMemory, model::AttentionMemory::Matrix);
    EXPECT_FALSE(attentionMemory->text().contains(QStringLiteral("not built")));
    training.device = "cpu";
    document->setTrainingConfig(training);
    const model::CostReport cpu = panel->report();
    EXPECT_EQ(cpu.attentionMemory, model::AttentionMemory::Blocked);
    EXPECT_TRUE(attentionMemory->text().contains(QStringLiteral("not built"))) << attentionMemory->text().toStdString();
    EXPECT_LT(cpu.trainingMemoryBytes, gpu.trainingMemoryBytes);
    EXPECT_EQ(cpu.attentionMatrixBytes, gpu.attentionMatrixBytes);
}

TEST(ModelPanel, BatchSizeAndImageSizeFlowIntoTheProject)
{
    MainWindow window;
    ProjectDocument *document = window.document();
    ModelPanel *panel = window.modelPanel();
    const double flops = panel->report().trainingStepFlops;
    training::TrainingConfig training = document->trainingConfig();
    training.batchSize *= 2;
    document->setTrainingConfig(training);
    EXPECT_NEAR(panel->report().trainingStepFlops, 2 * flops, flops * 1e-9);
    model::ModelConfig config = document->modelConfig();
    config.imageSize = 128;
    document->setModelConfig(config);
    EXPECT_EQ(document->dataset().imageSize, 128); // the two sizes must agree
    EXPECT_EQ(panel->attentionModel()->rowCount(), 7);
}

TEST(ProjectDocument, SavesOpensAndPromptsForUnsavedChanges)
{
    test::TempDir dir;
    MainWindow window;
    ProjectDocument *document = window.document();
    ProjectController *controller = window.projectController();
    document->setDataset(test::tinyUiProject().dataset);
    EXPECT_TRUE(document->isModified());
    QString error;
    const QString file = toQ(dir / "p.zistudio");
    ASSERT_TRUE(document->saveAs(file, &error)) << error.toStdString();
    EXPECT_FALSE(document->isModified());
    EXPECT_TRUE(fs::exists(dir / "p.zistudio"));

    document->setName(QStringLiteral("Renamed"));
    controller->setPromptAnswer(QMessageBox::Cancel);
    EXPECT_FALSE(controller->maybeSave());
    controller->setPromptAnswer(QMessageBox::Save);
    EXPECT_TRUE(controller->maybeSave());
    EXPECT_EQ(project::loadProject(dir / "p.zistudio").name, "Renamed");

    // A damaged file is refused with its name in the message; the open project stays.
    std::ofstream(dir / "bad.zistudio") << "{ not json";
    EXPECT_FALSE(controller->openFile(toQ(dir / "bad.zistudio")));
    EXPECT_EQ(document->filePath(), file);
    EXPECT_TRUE(window.logPanel()->plainText().contains(QStringLiteral("bad.zistudio")));

    // Saving where no file can be written (the "folder" is a file) fails, says why, and loses nothing.
    std::ofstream(dir / "plain") << "a file, not a folder";
    document->setName(QStringLiteral("Again"));
    EXPECT_FALSE(document->saveAs(toQ(dir / "plain" / "p.zistudio"), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(document->isModified());
    EXPECT_EQ(document->filePath(), file);
    EXPECT_EQ(project::loadProject(dir / "p.zistudio").name, "Renamed");
}

TEST(FontsPanel, ShowsCoverageSamplesFacesAndImageFolderProblems)
{
    test::TempDir dir;
    const QString file = test::writeProject(dir, test::tinyUiProject());
    MainWindow window;
    ASSERT_TRUE(window.projectController()->openFile(file));
    FontsPanel *panel = window.fontsPanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->lastScan().source.covered >= 0; }, kTimeoutMs));
    const FontScanResult &scan = panel->lastScan();
    EXPECT_EQ(scan.source.total, static_cast<int>(QString::fromUtf8(test::kUiChars).toUcs4().size()));
    EXPECT_EQ(scan.source.covered, scan.source.total);
    EXPECT_TRUE(scan.source.title.contains(QStringLiteral("AR PL"))) << scan.source.title.toStdString();
    EXPECT_EQ(panel->targetModel()->status(0).covered, scan.source.total);
    // The sample strip: source and Kai rows, every glyph drawn by the rasterizer.
    ASSERT_EQ(panel->sampleGrid()->rowCount(), 2);
    for (const GlyphGridWidget::Row &row : panel->sampleGrid()->rows()) {
        ASSERT_FALSE(row.cells.isEmpty());
        for (const QImage &cell : row.cells)
            EXPECT_FALSE(cell.isNull());
    }

    // A collection: face 2 of UKai becomes a new style with its own name.
    const int generation = panel->scanGeneration();
    ASSERT_TRUE(panel->addTarget(toQ(test::TestFonts::ukaiTtc()), 2));
    ASSERT_EQ(window.document()->dataset().targets.size(), 2u);
    const data::TargetSpec &ukai = window.document()->dataset().targets[1];
    EXPECT_EQ(ukai.face, 2);
    EXPECT_EQ(ukai.styleId, 1);
    EXPECT_FALSE(ukai.name.empty());

    // A folder of hand-drawn glyphs with one good image and two bad files: the problems are listed.
    fs::create_directory(dir / "drawn");
    GrayImage ink(48, 48, 0);
    for (int y = 10; y < 38; ++y)
        for (int x = 20; x < 28; ++x)
            ink.at(x, y) = 255;
    writeGrayPng(dir / "drawn" / "永.png", ink);
    std::ofstream(dir / "drawn" / "和.png") << "not a png";
    writeGrayPng(dir / "drawn" / "hello.png", ink);
    ASSERT_TRUE(panel->addTarget(toQ(dir / "drawn")));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return panel->scanGeneration() > generation && panel->targetModel()->rowCount() == 3
                && panel->targetModel()->status(2).covered >= 0;
        },
        kTimeoutMs));
    const TargetStatus &drawn = panel->targetModel()->status(2);
    EXPECT_EQ(drawn.covered, 1);
    EXPECT_EQ(drawn.problems.size(), 2) << drawn.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(panel->targetModel()->status(1).error.isEmpty());

    // A file that is not a font is refused with a clear message.
    std::ofstream(dir / "fake.ttf") << "not a font";
    EXPECT_FALSE(panel->addTarget(toQ(dir / "fake.ttf")));
    EXPECT_TRUE(window.logPanel()->plainText().contains(QStringLiteral("fake.ttf")));
    EXPECT_EQ(window.document()->dataset().targets.size(), 3u);
}

TEST(DatasetPanel, CountsMissingGlyphsAndBuildsPairsOnAWorkerThread)
{
    test::TempDir dir;
    project::Project project = test::tinyUiProject();
    project.dataset.charset.text += "한"; // Hangul: neither GB font has it
    const QString file = test::writeProject(dir, project);
    MainWindow window;
    ASSERT_TRUE(window.projectController()->openFile(file));
    DatasetPanel *panel = window.datasetPanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->lastCheck().charsetSize > 0; }, kTimeoutMs));
    const int chars = static_cast<int>(QString::fromUtf8(test::kUiChars).toUcs4().size()) + 1;
    EXPECT_EQ(panel->lastCheck().charsetSize, chars);
    EXPECT_EQ(panel->lastCheck().sourceCovered, chars - 1);
    bool hangulMissing = false;
    for (const MissingGlyph &glyph : panel->missingModel()->glyphs())
        hangulMissing = hangulMissing || glyph.cp == U'한';
    EXPECT_TRUE(hangulMissing);

    // "Only characters every chosen font has" leaves 한 out and says so; the project keeps the choice.
    auto *coveredByAll = panel->findChild<QCheckBox *>(QStringLiteral("CharsetCoveredByAll"));
    ASSERT_NE(coveredByAll, nullptr);
    coveredByAll->setChecked(true);
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->lastCheck().notCoveredByAll == 1; }, kTimeoutMs));
    EXPECT_EQ(panel->lastCheck().charsetSize, chars - 1);
    EXPECT_TRUE(panel->missingModel()->glyphs().isEmpty());
    EXPECT_TRUE(window.document()->dataset().charset.coveredByAll);
    coveredByAll->setChecked(false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->lastCheck().notCoveredByAll == 0; }, kTimeoutMs));

    QSignalSpy finished(panel->builder(), &DatasetBuilder::finished);
    ASSERT_TRUE(panel->build());
    EXPECT_TRUE(panel->builder()->isRunning());
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() > 0; }, kTimeoutMs));
    const auto result = finished.front().front().value<DatasetBuildResult>();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_FALSE(result.summary.isEmpty());
    ASSERT_EQ(panel->pairGrid()->rowCount(), 2); // source row + Kai row
    EXPECT_GT(panel->pairGrid()->columnCount(), 0);
    for (const GlyphGridWidget::Row &row : panel->pairGrid()->rows())
        for (const QImage &cell : row.cells)
            EXPECT_EQ(cell.width(), 32);
    EXPECT_TRUE(fs::exists(dir / "cache" / "dataset" / "index.json"));
}

/** The Fonts panel with its drop handler reachable (sendEvent needs a platform drag manager). */
class DropTarget : public FontsPanel
{
public:
    using FontsPanel::dropEvent;
    using FontsPanel::FontsPanel;
};

TEST(FontsPanel, DropOnTheSourceBoxSetsTheSourceElsewhereAddsTargets)
{
    test::TempDir dir;
    ProjectDocument document;
    document.setDataset(test::tinyUiProject().dataset);
    DropTarget panel(&document);
    panel.resize(520, 900);
    panel.show();
    QApplication::processEvents();
    auto *source = panel.findChild<QGroupBox *>(QStringLiteral("SourceGroup"));
    ASSERT_NE(source, nullptr);
    const auto drop = [&panel](const QPoint &where, const QList<QUrl> &urls) {
        QMimeData mime;
        mime.setUrls(urls);
        QDropEvent event(QPointF(where), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        panel.dropEvent(&event);
    };
    drop(source->mapTo(&panel, source->rect().center()), {QUrl::fromLocalFile(toQ(test::TestFonts::kaiGb()))});
    EXPECT_EQ(document.dataset().source.path, test::TestFonts::kaiGb().string());
    EXPECT_EQ(document.dataset().targets.size(), 1u);

    fs::create_directory(dir / "drawn");
    drop(QPoint(panel.width() / 2, panel.height() - 20),
        {QUrl::fromLocalFile(toQ(test::TestFonts::smiley())), QUrl::fromLocalFile(toQ(dir / "drawn"))});
    ASSERT_EQ(document.dataset().targets.size(), 3u);
    EXPECT_EQ(document.dataset().targets[1].path, test::TestFonts::smiley().string());
    EXPECT_EQ(document.dataset().targets[1].styleId, 1);
    EXPECT_EQ(document.dataset().targets[2].kind, data::TargetSpec::Kind::ImageFolder);
    EXPECT_EQ(document.dataset().targets[2].name, "drawn");
    EXPECT_EQ(document.dataset().source.path, test::TestFonts::kaiGb().string()); // unchanged
}

TEST(DemoProject, IsCopiedOnceAndKeepsItsRuns)
{
    test::TempDir dir;
    QString error;
    const QString work = toQ(dir / "work");
    const QString copy = prepareDemoProject(test::demoFolder(), work, &error);
    ASSERT_FALSE(copy.isEmpty()) << error.toStdString();
    EXPECT_TRUE(copy.startsWith(work));
    const project::Project demo = project::loadProject(test::toPath(copy));
    EXPECT_FALSE(demo.dataset.targets.empty());
    std::ofstream(dir / "work" / "runs.sqlite") << "a run store"; // something the studio wrote
    EXPECT_EQ(prepareDemoProject(test::demoFolder(), work, &error), copy);
    EXPECT_TRUE(fs::exists(dir / "work" / "runs.sqlite"));
    EXPECT_TRUE(prepareDemoProject(toQ(dir / "nowhere"), toQ(dir / "w2"), &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("demo.zistudio"))) << error.toStdString();
    EXPECT_EQ(findDemoFolder({toQ(dir / "nowhere"), test::demoFolder()}), QDir(test::demoFolder()).absolutePath());
}
