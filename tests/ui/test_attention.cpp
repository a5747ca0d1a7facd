// SPDX-License-Identifier: GPL-3.0-or-later
// The Attention view end to end on the offscreen platform, on a tiny trained run with three attention
// layers and two styles: a click shows one map per layer whose rows sum to 1, points and modes change
// the maps, heatmaps save as PNG, the blend slider's ends are the pure styles, a drag never queues
// more than one probe behind the one in flight, and probes of a training run go through the trainer.
#include "projectdocument.h"
#include "session/attentionprobeclient.h"
#include "session/generatorsession.h"
#include "session/trainingsession.h"
#include "test_previewsupport.h"
#include "views/attentionview.h"
#include "views/glyphcanvas.h"
#include "views/runchooser.h"

#include "common/heatmap.h"

#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

using namespace zistudio;
using namespace zistudio::ui;

namespace
{

/** A document, a training session and the view on the trained run, shown and answered once. */
struct AttentionFixture
{
    test::TrainedRun trained;
    ProjectDocument document;
    TrainingSession session;
    std::unique_ptr<AttentionView> view;

    explicit AttentionFixture(const project::Project &project = test::twoStyleAttentionProject())
        : trained(project)
    {
        QString error;
        EXPECT_TRUE(document.open(trained.file, &error)) << error.toStdString();
        view = std::make_unique<AttentionView>(&document, &session);
        view->resize(1000, 700);
    }

    /** Shows the view and waits for its first probe (it probes the first sample character by itself). */
    bool showAndWait()
    {
        QSignalSpy shown(view.get(), &AttentionView::resultShown);
        view->show();
        return QTest::qWaitFor([&] { return shown.count() > 0; }, test::kViewTimeoutMs);
    }

    /** Runs `action` and waits for the probe it sends to be drawn. */
    template<typename Action> bool probe(Action action)
    {
        QSignalSpy shown(view.get(), &AttentionView::resultShown);
        action();
        return QTest::qWaitFor([&] { return shown.count() > 0; }, test::kViewTimeoutMs);
    }
};

/** The view's picture is exactly what the one heatmap renderer draws. */
bool sameImage(const QImage &shown, const RgbaImage &expected)
{
    const QImage rgba = shown.convertToFormat(QImage::Format_RGBA8888);
    if (rgba.width() != expected.width || rgba.height() != expected.height)
        return false;
    for (int y = 0; y < rgba.height(); ++y)
        if (!std::equal(rgba.constScanLine(y), rgba.constScanLine(y) + 4 * rgba.width(),
                expected.pixels.begin() + static_cast<std::ptrdiff_t>(4) * y * expected.width))
            return false;
    return true;
}

float sum(const FloatGrid &grid)
{
    return std::accumulate(grid.values.begin(), grid.values.end(), 0.0F);
}

/** The two-style attention project as a run that trains until the test stops it, no checkpoints meanwhile. */
project::Project liveRunProject()
{
    auto project = test::twoStyleAttentionProject();
    project.training.steps = 100000;
    project.training.validateEvery = 1000;
    project.training.checkpointEvery = 1000;
    return project;
}

} // namespace

TEST(AttentionView, ClickShowsOneMapPerLayerWithGammas)
{
    AttentionFixture f;
    ASSERT_EQ(f.view->runChooser()->run(), f.trained.run);
    ASSERT_TRUE(f.showAndWait());
    ASSERT_TRUE(f.view->result().error.isEmpty()) << f.view->result().error.toStdString();
    EXPECT_EQ(f.view->mode(), AttentionView::Mode::StrokeMean);
    EXPECT_NE(f.view->character(), 0u);

    // A click on the source glyph probes that point: three layers, three small maps.
    GlyphCanvas *source = f.view->sourceCanvas();
    const QPointF point(0.3, 0.6);
    ASSERT_TRUE(f.probe([&] { QTest::mouseClick(source, Qt::LeftButton, {}, source->toWidget(point)); }));
    const AttentionResult &result = f.view->result();
    ASSERT_TRUE(result.error.isEmpty()) << result.error.toStdString();
    EXPECT_EQ(f.view->mode(), AttentionView::Mode::Point);
    ASSERT_EQ(result.layers.size(), 3u);
    ASSERT_EQ(f.view->layerTiles().size(), 3u);
    ASSERT_EQ(result.query.points.size(), 1u);
    EXPECT_NEAR(result.query.points[0].first, point.x(), 0.05);
    EXPECT_NEAR(result.query.points[0].second, point.y(), 0.05);
    const int sides[] = {16, 8, 8}; // enc:1, enc:2, dec:2 at 32 px
    for (std::size_t i = 0; i < result.layers.size(); ++i) {
        const auto &layer = result.layers[i];
        EXPECT_EQ(layer.width, sides[i]);
        ASSERT_EQ(layer.rows.size(), 1u);
        EXPECT_NEAR(sum(layer.rows[0]), 1.0F, 1e-3F);
        EXPECT_NEAR(sum(layer.maskMean), 1.0F, 1e-3F);
        const QString caption = f.view->layerTiles()[i]->caption();
        EXPECT_TRUE(caption.contains(QStringLiteral("γ"))) << caption.toStdString();
        EXPECT_TRUE(caption.contains(QStringLiteral("%1×%1").arg(sides[i]))) << caption.toStdString();
        EXPECT_FALSE(f.view->layerTiles()[i]->image().isNull());
    }
    EXPECT_TRUE(f.view->layerTiles()[0]->caption().startsWith(QStringLiteral("enc1")));
    EXPECT_TRUE(f.view->layerTiles()[2]->caption().startsWith(QStringLiteral("dec2")));
    EXPECT_FALSE(result.source.isNull());
    EXPECT_FALSE(result.generated.isNull());
    EXPECT_FALSE(result.target.isNull());

    // Another point of the largest map looks elsewhere; the large map draws the selected layer's row
    // for the point (a 2-step model attends almost uniformly: compare with the renderer, not by eye).
    const auto rowBefore = result.layers[0].rows[0].values;
    ASSERT_TRUE(f.probe([&] { f.view->probeAt({0.9, 0.1}); }));
    EXPECT_NE(f.view->result().layers[0].rows[0].values, rowBefore);
    QTest::mouseClick(f.view->layerTiles()[1], Qt::LeftButton);
    EXPECT_EQ(f.view->selectedLayer(), 1);
    EXPECT_TRUE(f.view->layerTiles()[1]->isSelected());
    EXPECT_FALSE(f.view->layerTiles()[0]->isSelected());
    EXPECT_EQ(f.view->largeMap()->caption(), f.view->layerTiles()[1]->caption());
    const auto &layer = f.view->result().layers[1];
    f.view->setOpacity(0.8);
    EXPECT_TRUE(
        sameImage(f.view->largeMap()->image(), renderHeatmapOverlay(f.view->result().generated, layer.rows[0], 0.8F)));
    EXPECT_FALSE(
        sameImage(f.view->largeMap()->image(), renderHeatmapOverlay(f.view->result().generated, layer.rows[0], 0.2F)));
    ASSERT_TRUE(f.view->largeMap()->marker().has_value());
    EXPECT_NEAR(f.view->largeMap()->marker()->x(), 0.9, 1e-6);

    // The stroke mean needs no new probe: every answer carries it.
    f.view->setMode(AttentionView::Mode::StrokeMean);
    EXPECT_TRUE(
        sameImage(f.view->largeMap()->image(), renderHeatmapOverlay(f.view->result().generated, layer.maskMean, 0.8F)));
    EXPECT_FALSE(f.view->largeMap()->marker().has_value());
}

TEST(AttentionView, SavesTheSelectedHeatmapAsPng)
{
    AttentionFixture f;
    ASSERT_TRUE(f.showAndWait());
    const QString path = QString::fromStdString((f.trained.dir / "heat.png").string());
    QString error;
    ASSERT_TRUE(f.view->saveHeatmap(path, &error)) << error.toStdString();
    const QImage saved(path);
    ASSERT_FALSE(saved.isNull());
    EXPECT_EQ(saved.width(), 4 * 32);
    // Coloured: a heatmap, not the grey glyph.
    bool coloured = false;
    for (int y = 0; y < saved.height() && !coloured; ++y)
        for (int x = 0; x < saved.width() && !coloured; ++x) {
            const QRgb p = saved.pixel(x, y);
            coloured = qRed(p) != qGreen(p) || qGreen(p) != qBlue(p);
        }
    EXPECT_TRUE(coloured);
    EXPECT_FALSE(f.view->saveHeatmap(QStringLiteral("/nonexistent-folder/heat.png"), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(AttentionView, BlendEndsAreThePureStyles)
{
    AttentionFixture f;
    ASSERT_TRUE(f.showAndWait());
    ASSERT_TRUE(f.view->canMix());
    const auto generatedWith = [&](int a, int b, double share) {
        EXPECT_TRUE(f.probe([&] { f.view->setStyleMix(a, b, share); }));
        EXPECT_TRUE(f.view->result().error.isEmpty()) << f.view->result().error.toStdString();
        return f.view->result().generated;
    };
    // The pure styles, straight from a generator of the same checkpoint.
    GeneratorSession direct;
    const auto pure = [&](int style) {
        QSignalSpy ready(&direct, &GeneratorSession::probeReady);
        AttentionQuery q {.key = f.view->runChooser()->key(),
            .character = f.view->character(),
            .style = inference::StyleMix::pure(style),
            .points = {{0.5F, 0.5F}}};
        direct.probe(q);
        EXPECT_TRUE(QTest::qWaitFor([&] { return ready.count() > 0; }, test::kViewTimeoutMs));
        return ready.isEmpty() ? GrayImage {} : ready.front().front().value<AttentionResult>().generated;
    };
    const GrayImage kai = pure(0);
    const GrayImage smiley = pure(1);
    ASSERT_FALSE(kai.isNull());
    ASSERT_NE(kai, smiley); // the two style embeddings differ
    EXPECT_EQ(generatedWith(0, 1, 0.0), kai);
    EXPECT_EQ(generatedWith(0, 1, 1.0), smiley);
    // Between the ends the two embeddings are blended half and half.
    EXPECT_FALSE(generatedWith(0, 1, 0.5).isNull());
    const auto &weights = f.view->result().query.style.weights;
    ASSERT_EQ(weights.size(), 2u);
    EXPECT_EQ(weights[0], (std::pair<int, float> {0, 0.5F}));
    EXPECT_EQ(weights[1], (std::pair<int, float> {1, 0.5F}));
}

TEST(AttentionView, ARunWithoutAttentionSaysWhyThereIsNoMap)
{
    // A run without attention layers showed an empty grey pane and "0 attention layer(s)".
    auto project = test::twoStyleAttentionProject();
    project.model.attention = model::AttentionSpec::parse("none");
    AttentionFixture f(project);
    ASSERT_TRUE(f.showAndWait());
    auto *hint = f.view->findChild<QLabel *>(QStringLiteral("NoAttentionLayers"));
    ASSERT_NE(hint, nullptr);
    EXPECT_TRUE(hint->isVisible());
    EXPECT_TRUE(hint->text().contains(QStringLiteral("no attention layers"))) << hint->text().toStdString();
    // A run with layers shows its maps, not the hint.
    AttentionFixture withLayers;
    ASSERT_TRUE(withLayers.showAndWait());
    auto *none = withLayers.view->findChild<QLabel *>(QStringLiteral("NoAttentionLayers"));
    ASSERT_NE(none, nullptr);
    EXPECT_FALSE(none->isVisible());
}

TEST(AttentionView, OneStyleDisablesBlending)
{
    auto project = test::twoStyleAttentionProject();
    project.dataset.targets.pop_back();
    AttentionFixture f(project);
    EXPECT_FALSE(f.view->canMix()); // nothing loaded yet
    ASSERT_TRUE(f.showAndWait());
    EXPECT_EQ(f.view->info().styles.size(), 1u);
    EXPECT_FALSE(f.view->canMix());
    auto *slider = f.view->findChild<QWidget *>(QStringLiteral("MixSlider"));
    ASSERT_NE(slider, nullptr);
    EXPECT_FALSE(slider->isEnabled());
    f.view->setStyleMix(0, 1, 1.0); // ignored: style 1 does not exist in this run
    EXPECT_EQ(f.view->styleMix().weights.size(), 1u);
    EXPECT_EQ(f.view->styleMix().weights[0].first, 0);
}

TEST(AttentionProbeClient, ADragKeepsOnlyTheNewestQueryWaiting)
{
    test::TrainedRun trained;
    AttentionProbeClient client(nullptr);
    QSignalSpy results(&client, &AttentionProbeClient::resultReady);
    const GeneratorKey key {.projectFile = trained.file, .run = trained.run};
    for (int i = 0; i < 6; ++i)
        client.request({.key = key,
            .character = U'永',
            .style = inference::StyleMix::pure(0),
            .points = {{0.1F * static_cast<float>(i), 0.5F}}});
    EXPECT_TRUE(client.isBusy());
    ASSERT_TRUE(QTest::qWaitFor([&] { return results.count() >= 2 && !client.isBusy(); }, test::kViewTimeoutMs));
    QTest::qWait(50);
    // The first query went at once; of the five sent while it ran only the newest was kept.
    ASSERT_EQ(results.count(), 2);
    const auto last = results.back().front().value<AttentionResult>();
    EXPECT_TRUE(last.error.isEmpty()) << last.error.toStdString();
    EXPECT_FLOAT_EQ(last.query.points[0].first, 0.5F);
    EXPECT_FALSE(last.live);
}

TEST(AttentionProbeClient, ProbesOfATrainingRunAreServedByTheTrainer)
{
    test::TempDir dir;
    const QString file = test::writeProject(dir, liveRunProject());
    TrainingSession session;
    AttentionProbeClient client(&session);
    QSignalSpy results(&client, &AttentionProbeClient::resultReady);
    QSignalSpy finished(&session, &TrainingSession::finished);
    workflow::RunRequest request;
    request.projectFile = test::toPath(file);
    request.runName = "live";
    ASSERT_TRUE(session.start(request));
    EXPECT_TRUE(client.isLive(QStringLiteral("live")));
    EXPECT_FALSE(client.isLive(QStringLiteral("other")));
    // Wait until the trainer exists (it is set up on the training thread), then probe.
    QSignalSpy progress(&session, &TrainingSession::progress);
    ASSERT_TRUE(QTest::qWaitFor([&] { return progress.count() > 0; }, test::kViewTimeoutMs));
    client.request({.key = {.projectFile = file, .run = QStringLiteral("live")},
        .character = U'永',
        .style = inference::StyleMix::pure(1),
        .points = {{0.5F, 0.5F}}});
    ASSERT_TRUE(QTest::qWaitFor([&] { return results.count() > 0; }, test::kViewTimeoutMs));
    const auto result = results.front().front().value<AttentionResult>();
    EXPECT_TRUE(result.live);
    EXPECT_TRUE(result.error.isEmpty()) << result.error.toStdString();
    EXPECT_EQ(result.layers.size(), 3u);
    EXPECT_FALSE(result.generated.isNull());
    session.stop();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() > 0; }, test::kViewTimeoutMs));
    EXPECT_FALSE(client.isLive(QStringLiteral("live")));
}

TEST(AttentionView, FollowsARunThatStartsAndProbesItLive)
{
    test::TempDir dir;
    const QString file = test::writeProject(dir, liveRunProject());
    ProjectDocument document;
    QString error;
    ASSERT_TRUE(document.open(file, &error)) << error.toStdString();
    TrainingSession session;
    AttentionView view(&document, &session);
    view.show();
    EXPECT_EQ(view.runChooser()->runCount(), 0);
    workflow::RunRequest request;
    request.projectFile = test::toPath(file);
    request.runName = "fresh";
    QSignalSpy finished(&session, &TrainingSession::finished);
    ASSERT_TRUE(session.start(request));
    // The run has no checkpoint yet: the maps come from the training thread.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return view.result().live && !view.result().layers.empty(); }, test::kViewTimeoutMs));
    EXPECT_EQ(view.runChooser()->run(), QStringLiteral("fresh"));
    EXPECT_EQ(view.layerTiles().size(), 3u);
    EXPECT_FALSE(view.result().generated.isNull());
    session.stop();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() > 0; }, test::kViewTimeoutMs));
}
