// SPDX-License-Identifier: GPL-3.0-or-later
// The Preview view end to end on the offscreen platform, on a tiny trained run with two styles: the
// grid fills with the validation set, scores and a sortable worst-glyphs list (both models checked by
// QAbstractItemModelTester), a verdict given with a key lands in the project and survives saving and
// reopening, cancel stops a long grid, and the text preview marks a character the target font lacks.
#include "mainwindow.h"
#include "projectcontroller.h"
#include "projectdocument.h"
#include "session/textcomposer.h"
#include "session/trainingsession.h"
#include "test_previewsupport.h"
#include "views/previewmodel.h"
#include "views/previewview.h"
#include "views/runchooser.h"
#include "views/textpreviewwidget.h"
#include "views/worstglyphsproxy.h"

#include "glyphs/fontface.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <vector>

using namespace zistudio;
using namespace zistudio::ui;

namespace
{

/** Shows the view (or its window) and waits for the grid it generates by itself (the validation set). */
bool waitForGrid(PreviewView &view, const std::function<void()> &show = {})
{
    QSignalSpy done(&view, &PreviewView::gridDone);
    if (show)
        show();
    else
        view.show();
    return QTest::qWaitFor([&] { return done.count() > 0; }, test::kViewTimeoutMs);
}

PreviewRow syntheticRow(char32_t c, std::optional<double> l1)
{
    PreviewRow row;
    row.character = c;
    row.source = GrayImage(8, 8, 10);
    row.generated = {GrayImage(8, 8, 20)};
    row.targets = {l1 ? GrayImage(8, 8, 30) : GrayImage {}};
    if (l1)
        row.scores = {metrics::QualityScores {.l1 = *l1, .ssim = 1.0 - *l1}};
    else
        row.scores = {std::nullopt};
    return row;
}

} // namespace

TEST(PreviewModel, ColumnsScoresAndTheWorstGlyphsProxy)
{
    PreviewModel model;
    WorstGlyphsProxy worst;
    worst.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&worst, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.reset({{0, QStringLiteral("Kai")}});
    EXPECT_EQ(model.columnCount(), 7); // char, review, source, generated, target, L1, SSIM
    model.appendRows({syntheticRow(U'永', 0.10), syntheticRow(U'和', std::nullopt)});
    model.appendRows({syntheticRow(U'九', 0.30), syntheticRow(U'年', 0.05)});
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_EQ(model.data(model.index(0, PreviewModel::CharacterColumn)).toString(), QStringLiteral("永"));
    EXPECT_FALSE(model.data(model.index(0, model.generatedColumn(0)), Qt::DecorationRole).value<QImage>().isNull());
    EXPECT_FALSE(model.data(model.index(1, model.targetColumn(0)), Qt::DecorationRole).isValid()); // no target
    EXPECT_EQ(model.headerData(model.targetColumn(0), Qt::Horizontal).toString(), QStringLiteral("Target\nKai"));

    // The proxy keeps scored rows and the text columns, worst L1 first.
    EXPECT_EQ(worst.columnCount(), 4);
    EXPECT_EQ(worst.l1Column(), 2);
    worst.sort(worst.l1Column(), Qt::DescendingOrder);
    ASSERT_EQ(worst.rowCount(), 3);
    EXPECT_EQ(worst.data(worst.index(0, 0)).toString(), QStringLiteral("九"));
    EXPECT_EQ(worst.data(worst.index(2, 0)).toString(), QStringLiteral("年"));
    model.setReviews({{U'年', project::Review::Flagged}});
    EXPECT_EQ(worst.data(worst.index(2, 1)).toString(), QStringLiteral("flagged"));
    model.reset({});
    EXPECT_EQ(worst.rowCount(), 0);
}

TEST(PreviewView, GridFillsWithTheValidationSetAndScores)
{
    test::TrainedRun trained;
    ProjectDocument document;
    QString error;
    ASSERT_TRUE(document.open(trained.file, &error)) << error.toStdString();
    TrainingSession session;
    PreviewView view(&document, &session);
    QAbstractItemModelTester modelTester(view.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(view.worstGlyphs(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(waitForGrid(view));
    const GeneratorInfo &info = view.info();
    ASSERT_TRUE(info.error.isEmpty()) << info.error.toStdString();
    ASSERT_FALSE(info.validationChars.empty());
    ASSERT_EQ(info.styles.size(), 2u);
    PreviewModel *model = view.model();
    ASSERT_EQ(model->rowCount(), static_cast<int>(info.validationChars.size()));
    EXPECT_EQ(model->columnCount(), 3 + 2 * 2 + 2);
    for (int r = 0; r < model->rowCount(); ++r) {
        EXPECT_EQ(model->characterAt(r), info.validationChars[static_cast<std::size_t>(r)]);
        for (int s = 0; s < 2; ++s)
            EXPECT_FALSE(model->data(model->index(r, model->generatedColumn(s)), Qt::DecorationRole).isNull());
        ASSERT_TRUE(model->l1At(r).has_value()); // both fonts have every test character
        EXPECT_GT(*model->l1At(r), 0.0);
        EXPECT_LT(*model->ssimAt(r), 1.0);
    }
    // The worst list is sorted by L1, worst first.
    WorstGlyphsProxy *worst = view.worstGlyphs();
    ASSERT_EQ(worst->rowCount(), model->rowCount());
    for (int r = 1; r < worst->rowCount(); ++r)
        EXPECT_GE(worst->data(worst->index(r - 1, worst->l1Column()), PreviewModel::SortRole).toDouble(),
            worst->data(worst->index(r, worst->l1Column()), PreviewModel::SortRole).toDouble());

    // Typed characters replace the grid; a character the source lacks gives an empty generated cell.
    QSignalSpy done(&view, &PreviewView::gridDone);
    view.generate(U"永\U000F0000");
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() > 0; }, test::kViewTimeoutMs));
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_FALSE(model->data(model->index(0, model->generatedColumn(0)), Qt::DecorationRole).isNull());
    EXPECT_TRUE(model->data(model->index(1, model->generatedColumn(0)), Qt::DecorationRole).isNull());
    EXPECT_FALSE(model->l1At(1).has_value());
    EXPECT_EQ(worst->rowCount(), 1);

    // A new project has no runs: the previous project's glyphs leave the grid.
    document.newProject();
    EXPECT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 0; }, test::kViewTimeoutMs));
}

TEST(PreviewView, EveryColumnFitsAtTheDefaultWindowSize)
{
    // At the first window size the grid showed no Target column and clipped Source and L1: with one
    // style, as the demo project has (its style named after the font, 64 px glyphs), every column of
    // the grid but the verdicts must be whole inside its view, without scrolling (more styles scroll
    // sideways), and the worst list must show each glyph and its L1.
    auto oneStyle = test::twoStyleAttentionProject();
    oneStyle.dataset.targets.pop_back();
    oneStyle.dataset.targets.front().name = "AR PL KaitiM GB";  // as the demo names its style: the font's family
    oneStyle.model.imageSize = oneStyle.dataset.imageSize = 64; // and its glyph size
    test::TrainedRun trained(oneStyle);
    MainWindow window;
    ASSERT_TRUE(window.projectController()->openFile(trained.file));
    ASSERT_TRUE(window.raisePanel(QStringLiteral("preview")));
    ASSERT_TRUE(waitForGrid(*window.previewView(), [&] { window.show(); }));
    QCoreApplication::processEvents();
    if (const QByteArray shots = qgetenv("ZISTUDIO_SCREENSHOT_DIR"); !shots.isEmpty())
        window.grab().save(QString::fromUtf8(shots) + QStringLiteral("/preview-default-size.png"));
    const PreviewModel *model = window.previewView()->model();
    EXPECT_EQ(model->headerData(model->targetColumn(0), Qt::Horizontal).toString(),
        QStringLiteral("Target\nAR PL Kai\u2026"));
    EXPECT_EQ(model->headerData(model->targetColumn(0), Qt::Horizontal, Qt::ToolTipRole).toString(),
        QStringLiteral("Target\nAR PL KaitiM GB"));
    auto *worst = window.findChild<QTableView *>(QStringLiteral("WorstGlyphs"));
    ASSERT_NE(worst, nullptr);
    // Every column of the grid but the verdicts (shown last, they may scroll); the character and its L1
    // (the sort key) in the worst list.
    std::vector<int> gridColumns;
    for (int c = 0; c < model->columnCount(); ++c)
        if (c != PreviewModel::ReviewColumn)
            gridColumns.push_back(c);
    const std::vector<std::pair<QTableView *, std::vector<int>>> checks
        = {{window.previewView()->grid(), gridColumns}, {worst, {0, window.previewView()->worstGlyphs()->l1Column()}}};
    for (const auto &[table, only] : checks) {
        const QHeaderView *header = table->horizontalHeader();
        ASSERT_GT(header->count(), 0);
        for (int c = 0; c < header->count(); ++c) {
            if (!only.empty() && std::find(only.begin(), only.end(), c) == only.end())
                continue;
            const QString name = table->model()->headerData(c, Qt::Horizontal).toString();
            EXPECT_GE(header->sectionViewportPosition(c), 0)
                << table->objectName().toStdString() << " " << name.toStdString();
            EXPECT_LE(header->sectionViewportPosition(c) + header->sectionSize(c), table->viewport()->width())
                << table->objectName().toStdString() << ": column " << name.toStdString() << " ("
                << header->sectionSize(c) << " px) ends at "
                << header->sectionViewportPosition(c) + header->sectionSize(c) << " in a view "
                << table->viewport()->width() << " px wide, window " << window.width() << " x " << window.height();
        }
    }
}

TEST(PreviewView, CancelStopsALongGrid)
{
    test::TrainedRun trained;
    ProjectDocument document;
    QString error;
    ASSERT_TRUE(document.open(trained.file, &error)) << error.toStdString();
    PreviewView view(&document, nullptr);
    ASSERT_TRUE(waitForGrid(view));
    std::u32string many;
    for (char32_t c = 0x4E00; c < 0x4E00 + 200; ++c)
        many.push_back(c);
    QSignalSpy done(&view, &PreviewView::gridDone);
    view.generate(many);
    EXPECT_TRUE(view.isGenerating());
    view.cancel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() > 0; }, test::kViewTimeoutMs));
    EXPECT_FALSE(view.isGenerating());
    EXPECT_LT(view.model()->rowCount(), 200);
}

TEST(PreviewView, ReviewWithAKeyIsSavedInTheProject)
{
    test::TrainedRun trained;
    char32_t reviewed = 0;
    {
        MainWindow window;
        ASSERT_TRUE(window.projectController()->openFile(trained.file));
        PreviewView *view = window.previewView();
        ASSERT_TRUE(window.raisePanel(QStringLiteral("preview")));
        ASSERT_TRUE(waitForGrid(*view, [&] { window.show(); }));
        ASSERT_GT(view->model()->rowCount(), 0);
        reviewed = view->model()->characterAt(0);
        ASSERT_TRUE(view->selectCharacter(reviewed));
        EXPECT_FALSE(window.document()->isModified());
        view->grid()->setFocus();
        QTest::keyClick(view->grid(), Qt::Key_R);
        ASSERT_EQ(window.document()->project().reviews.count(reviewed), 1u);
        EXPECT_EQ(window.document()->project().reviews.at(reviewed), project::Review::Rejected);
        EXPECT_TRUE(window.document()->isModified());
        EXPECT_EQ(view->model()->data(view->model()->index(0, PreviewModel::ReviewColumn)).toString(),
            QStringLiteral("rejected"));
        QTest::keyClick(view->grid(), Qt::Key_F);
        EXPECT_EQ(window.document()->project().reviews.at(reviewed), project::Review::Flagged);
        QString error;
        ASSERT_TRUE(window.document()->save(&error)) << error.toStdString();
    }
    // The verdict is in the file, and a new window shows it.
    const auto saved = project::loadProject(test::toPath(trained.file));
    ASSERT_EQ(saved.reviews.count(reviewed), 1u);
    EXPECT_EQ(saved.reviews.at(reviewed), project::Review::Flagged);
    MainWindow window;
    ASSERT_TRUE(window.projectController()->openFile(trained.file));
    window.raisePanel(QStringLiteral("preview"));
    ASSERT_TRUE(waitForGrid(*window.previewView(), [&] { window.show(); }));
    PreviewModel *model = window.previewView()->model();
    const int row = model->rowOf(reviewed);
    ASSERT_GE(row, 0);
    EXPECT_EQ(model->data(model->index(row, PreviewModel::ReviewColumn)).toString(), QStringLiteral("flagged"));
    // Clearing forgets it.
    ASSERT_TRUE(window.previewView()->selectCharacter(reviewed));
    window.previewView()->reviewSelection(std::nullopt);
    EXPECT_EQ(window.document()->project().reviews.count(reviewed), 0u);
}

TEST(TextPreview, MarksACharacterTheTargetFontLacks)
{
    test::TrainedRun trained;
    ProjectDocument document;
    QString error;
    ASSERT_TRUE(document.open(trained.file, &error)) << error.toStdString();
    PreviewView view(&document, nullptr);
    TextPreviewWidget *text = view.textPreview();
    QSignalSpy shown(text, &TextPreviewWidget::shown);
    view.showPage(1);
    ASSERT_TRUE(waitForGrid(view));
    ASSERT_TRUE(QTest::qWaitFor([&] { return shown.count() > 0; }, test::kViewTimeoutMs)); // the default sentence
    // Smiley Sans (style 1) lacks ★; the Song source has it, so the model draws it.
    shown.clear();
    text->setStyle(1);
    text->showText(QStringLiteral("永★和"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return shown.count() > 0 && text->preview().text == QStringLiteral("永★和"); }, test::kViewTimeoutMs));
    const TextPreview &p = text->preview();
    ASSERT_TRUE(p.error.isEmpty()) << p.error.toStdString();
    ASSERT_EQ(p.cells.size(), 3u);
    EXPECT_EQ(p.cells[1].character, U'★');
    EXPECT_TRUE(p.cells[0].inTarget);
    EXPECT_FALSE(p.cells[1].inTarget);
    EXPECT_TRUE(p.cells[2].inTarget);
    for (const auto &c : p.cells)
        EXPECT_TRUE(c.generated);
    EXPECT_LT(p.cells[0].x, p.cells[1].x);
    EXPECT_FALSE(p.targetLine.isNull());
    EXPECT_EQ(p.generatedLine.height, 32);
    // The marked cell is tinted in the drawn line (orange under the ink); the others stay grey.
    const QImage drawn = text->generatedImage();
    const double scale = static_cast<double>(drawn.height()) / p.generatedLine.height;
    const auto tinted = [&](const TextCell &c) {
        int count = 0;
        for (int y = 0; y < drawn.height(); ++y)
            // Inside the cell: the smooth scaling blends the columns at its edges with the neighbours.
            for (int x = static_cast<int>(c.x * scale) + 2; x < static_cast<int>((c.x + c.width) * scale) - 2; ++x) {
                const QColor pixel = drawn.pixelColor(x, y);
                count += pixel.red() > pixel.blue() + 8 ? 1 : 0;
            }
        return count;
    };
    EXPECT_GT(tinted(p.cells[1]), 0);
    EXPECT_EQ(tinted(p.cells[0]), 0);

    // In the Kai style (style 0) ★ exists: nothing is marked.
    shown.clear();
    text->setStyle(0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shown.count() > 0; }, test::kViewTimeoutMs));
    for (const auto &c : text->preview().cells)
        EXPECT_TRUE(c.inTarget);
    EXPECT_FALSE(text->noteText().contains(QStringLiteral("only the model"))) << text->noteText().toStdString();

    // A character neither the target nor the source has: the model drew nothing, and the note says so.
    shown.clear();
    text->showText(QStringLiteral("永\U000F0000"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return shown.count() > 0 && text->preview().cells.size() == 2; }, test::kViewTimeoutMs));
    EXPECT_FALSE(text->preview().cells[1].generated);
    EXPECT_FALSE(text->noteText().contains(QStringLiteral("only the model"))) << text->noteText().toStdString();
    EXPECT_TRUE(text->noteText().contains(QStringLiteral("Not drawn"))) << text->noteText().toStdString();
}

TEST(TextComposer, PlacesGlyphsAtShapedAdvances)
{
    const glyphs::FontFace song(test::TestFonts::songGb());
    int asked = 0;
    const auto preview = composeText(
        song, "永 永A", 32,
        [&](char32_t c) {
            ++asked;
            return c == U' ' ? GrayImage {} : GrayImage(32, 32, 255);
        },
        [](char32_t c) { return c != U'A'; });
    ASSERT_EQ(preview.cells.size(), 4u);
    EXPECT_EQ(asked, 3); // each distinct character once
    EXPECT_EQ(preview.cells[0].x, 0);
    EXPECT_EQ(preview.cells[0].width, 32); // a full em
    EXPECT_FALSE(preview.cells[1].generated);
    EXPECT_TRUE(preview.cells[2].generated);
    EXPECT_EQ(preview.cells[2].x, preview.cells[1].x + preview.cells[1].width);
    EXPECT_FALSE(preview.cells[3].inTarget);
    EXPECT_EQ(preview.generatedLine.at(preview.cells[2].x + 2, 16), 255);
    EXPECT_EQ(preview.generatedLine.at(preview.cells[1].x + 1, 16), 0); // the space stays paper
}
