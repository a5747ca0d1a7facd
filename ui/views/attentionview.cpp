// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/attentionview.h"

#include "projectdocument.h"
#include "session/attentionprobeclient.h"
#include "session/generatorsession.h"
#include "util/qtconvert.h"
#include "views/glyphcanvas.h"
#include "views/runchooser.h"

#include "common/heatmap.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace zistudio::ui
{

namespace
{

constexpr int kTileColumns = 2;
/** Side of a small per-layer map, and of the source / generated / target pictures. */
constexpr int kTileSide = 120;
constexpr int kGlyphSide = 150;
constexpr int kSaveScale = 4;
constexpr int kDefaultOpacity = 60;
/** Probed when the run offers no characters yet (in every CJK character set). */
constexpr char32_t kDefaultCharacter = U'永';
/** |γ| below this: the layer adds (almost) nothing to its input yet. */
constexpr float kUnusedGamma = 1e-3F;

QString layerName(const model::AttentionSite &site)
{
    return (site.side == model::AttentionSide::Encoder ? QStringLiteral("enc") : QStringLiteral("dec"))
        + QString::number(site.depth);
}

QImage toQImage(const RgbaImage &image)
{
    QImage out(image.width, image.height, QImage::Format_RGBA8888);
    for (int y = 0; y < image.height; ++y)
        std::copy_n(image.pixels.data() + static_cast<std::size_t>(y) * image.width * 4,
            static_cast<std::size_t>(image.width) * 4, out.scanLine(y));
    return out;
}

} // namespace

AttentionView::AttentionView(ProjectDocument *document, TrainingSession *session, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_client(new AttentionProbeClient(session, this))
{
    setObjectName(QStringLiteral("AttentionView"));
    m_runs = new RunChooser(document, session, this);
    m_source = new GlyphCanvas(this);
    m_generated = new GlyphCanvas(this);
    m_target = new GlyphCanvas(this);
    m_large = new GlyphCanvas(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (GlyphCanvas *canvas : {m_source, m_generated, m_large}) {
        canvas->setPickable(true);
        connect(canvas, &GlyphCanvas::pointPicked, this, &AttentionView::probeAt);
    }
    m_large->setMinimumSize(240, 260);
    m_large->setToolTip(tr("Click or drag on the glyph: where the selected layer looks from that point."));

    // Left: the glyph three ways above the selected layer's large map; right: one small map per layer.
    for (GlyphCanvas *canvas : {m_source, m_generated, m_target})
        canvas->setMaximumSize(kGlyphSide, kGlyphSide + fontMetrics().height() + 4);
    auto *glyphs = new QHBoxLayout;
    glyphs->addStretch(1);
    glyphs->addWidget(m_source);
    glyphs->addWidget(m_generated);
    glyphs->addWidget(m_target);
    glyphs->addStretch(1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(glyphs);
    leftLayout->addWidget(m_large, 1);

    auto *tiles = new QWidget(this);
    m_tileGrid = new QGridLayout(tiles);
    m_tileGrid->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_noLayers = new QLabel(tiles);
    m_noLayers->setObjectName(QStringLiteral("NoAttentionLayers"));
    m_noLayers->setWordWrap(true);
    m_noLayers->setMaximumWidth(kTileColumns * (kTileSide + 8));
    m_noLayers->hide();
    m_tileGrid->addWidget(m_noLayers, 0, 0, 1, kTileColumns);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(tiles);
    scroll->setMinimumWidth(kTileColumns * (kTileSide + 8) + 24);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createControls());
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_runs, &RunChooser::keyChanged, this, &AttentionView::onKeyChanged);
    connect(m_client->generator(), &GeneratorSession::loaded, this, &AttentionView::onLoaded);
    connect(m_client, &AttentionProbeClient::resultReady, this, &AttentionView::onResult);
    m_key = m_runs->key();
    updateMixControls();
    m_status->setText(m_key.isValid() ? tr("Loading…") : tr("Train a run to see where its attention layers look."));
}

QWidget *AttentionView::createControls()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);

    m_characters = new QComboBox(box);
    m_characters->setObjectName(QStringLiteral("CharacterCombo"));
    m_characters->setEditable(true);
    m_characters->setInsertPolicy(QComboBox::NoInsert);
    m_characters->setMinimumContentsLength(6);
    m_characters->setToolTip(tr("Type a character, or pick one of the run's sample or validation characters."));
    auto *characterLabel = new QLabel(tr("C&haracter:"), box);
    characterLabel->setBuddy(m_characters);
    connect(m_characters, &QComboBox::textActivated, this, [this](const QString &text) {
        if (const char32_t c = firstCodePoint(text.trimmed()))
            setCharacter(c);
    });
    connect(m_characters->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (const char32_t c = firstCodePoint(m_characters->currentText().trimmed()))
            setCharacter(c);
    });

    m_styleA = new QComboBox(box);
    m_styleB = new QComboBox(box);
    m_mix = new QSlider(Qt::Horizontal, box);
    m_mix->setRange(0, 100);
    m_mix->setObjectName(QStringLiteral("MixSlider"));
    auto *styleLabel = new QLabel(tr("St&yle:"), box);
    styleLabel->setBuddy(m_styleA);
    const auto restyle = [this] {
        if (!m_updating)
            sendProbe();
    };
    connect(m_styleA, &QComboBox::currentIndexChanged, this, restyle);
    connect(m_styleB, &QComboBox::currentIndexChanged, this, restyle);
    connect(m_mix, &QSlider::valueChanged, this, restyle);

    m_pointMode = new QRadioButton(tr("&Point"), box);
    m_strokeMode = new QRadioButton(tr("&Stroke mean"), box);
    m_pointMode->setToolTip(tr("Where the clicked position looks"));
    m_strokeMode->setToolTip(tr("The mean over every ink position of the glyph"));
    auto *modes = new QButtonGroup(box);
    modes->addButton(m_pointMode);
    modes->addButton(m_strokeMode);
    m_strokeMode->setChecked(true);
    connect(
        m_pointMode, &QRadioButton::toggled, this, [this](bool on) { setMode(on ? Mode::Point : Mode::StrokeMean); });

    m_overlayOn = new QComboBox(box);
    m_overlayOn->addItem(tr("over the generated glyph"));
    m_overlayOn->addItem(tr("over the source glyph"));
    connect(m_overlayOn, &QComboBox::currentIndexChanged, this, &AttentionView::render);
    m_opacity = new QSlider(Qt::Horizontal, box);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(kDefaultOpacity);
    m_opacity->setMinimumWidth(80);
    m_opacity->setToolTip(tr("Heatmap opacity"));
    connect(m_opacity, &QSlider::valueChanged, this, &AttentionView::render);
    m_save = new QPushButton(tr("Save PNG…"), box);
    m_save->setToolTip(tr("Save the selected layer's heatmap as a PNG image"));
    connect(m_save, &QPushButton::clicked, this, &AttentionView::saveClicked);

    // Three short rows (which run; which glyph and style; how to show it) rather than two long ones, so
    // the central area leaves the docks beside it room at a laptop's width.
    auto *which = new QHBoxLayout;
    which->addWidget(m_runs);
    which->addStretch(1);
    which->addWidget(m_save);
    auto *what = new QHBoxLayout;
    what->addWidget(characterLabel);
    what->addWidget(m_characters);
    what->addSpacing(12);
    what->addWidget(styleLabel);
    what->addWidget(m_styleA);
    m_mix->setMaximumWidth(220);
    what->addWidget(m_mix, 1);
    what->addWidget(m_styleB);
    what->addStretch(1);
    auto *how = new QHBoxLayout;
    how->addWidget(m_pointMode);
    how->addWidget(m_strokeMode);
    how->addSpacing(12);
    how->addWidget(new QLabel(tr("Heat:"), box));
    how->addWidget(m_overlayOn);
    how->addSpacing(12);
    how->addWidget(new QLabel(tr("Opacity:"), box));
    how->addWidget(m_opacity);
    how->addStretch(1);
    grid->addLayout(which, 0, 0);
    grid->addLayout(what, 1, 0);
    grid->addLayout(how, 2, 0);
    return box;
}

void AttentionView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadRequested && m_key.isValid()) {
        m_loadRequested = true;
        m_client->generator()->load(m_key);
    }
}

void AttentionView::onKeyChanged(const GeneratorKey &key)
{
    m_key = key;
    m_loadRequested = false;
    if (!key.isValid()) {
        m_info = {};
        m_status->setText(tr("Train a run to see where its attention layers look."));
        return;
    }
    // Load now when visible; a hidden tab loads when it is first shown.
    if (isVisible()) {
        m_loadRequested = true;
        m_status->setText(tr("Loading %1…").arg(key.run));
        m_client->generator()->load(key);
    }
}

void AttentionView::onLoaded(const GeneratorInfo &info)
{
    if (!(info.key == m_key))
        return; // an older choice
    m_info = info;
    m_updating = true;
    const auto fillStyles = [&](QComboBox *combo, int preferred) {
        const int previous = combo->currentData().isValid() ? combo->currentData().toInt() : preferred;
        combo->clear();
        for (const auto &s : info.styles)
            combo->addItem(s.name, s.id);
        const int index = combo->findData(previous);
        combo->setCurrentIndex(index >= 0 ? index : std::min(combo->count() - 1, preferred));
    };
    fillStyles(m_styleA, 0);
    fillStyles(m_styleB, 1);
    const QString typed = m_characters->currentText();
    m_characters->clear();
    std::u32string seen;
    for (const auto *list : {&info.probeChars, &info.validationChars})
        for (const char32_t c : *list)
            if (seen.find(c) == std::u32string::npos) {
                seen.push_back(c);
                m_characters->addItem(charString(c));
            }
    m_updating = false;
    updateMixControls();
    if (!info.error.isEmpty() && !m_client->isLive(m_key.run)) {
        m_status->setText(info.error);
        emit message(tr("Attention: %1").arg(info.error), true);
        return;
    }
    for (qsizetype i = 0; i < info.checkpointReport.size(); ++i) // which checkpoint, and every damaged one skipped
        emit message(tr("Attention: %1").arg(info.checkpointReport[i]), i > 0);
    if (!m_character)
        m_character = !seen.empty() ? seen.front() : firstCodePoint(typed);
    if (!m_character)
        m_character = kDefaultCharacter; // a run without a checkpoint yet, probed live
    m_characters->setEditText(charString(m_character));
    if (info.attention.empty())
        m_status->setText(tr("Run “%1” has no attention layers: switch some on in the Model panel and train a "
                             "new run.")
                              .arg(m_key.run));
    sendProbe();
}

void AttentionView::updateMixControls()
{
    const bool mix = canMix();
    m_styleB->setEnabled(mix);
    m_mix->setEnabled(mix);
    const QString why = mix ? tr("Blend the two styles: left is pure style A, right pure style B.")
                            : tr("This run learns one style: there is nothing to blend.");
    m_mix->setToolTip(why);
    m_styleB->setToolTip(why);
}

bool AttentionView::canMix() const
{
    return m_info.styles.size() >= 2;
}

inference::StyleMix AttentionView::styleMix() const
{
    const int a = m_styleA->currentIndex() >= 0 ? m_styleA->currentData().toInt() : 0;
    if (!canMix() || m_mix->value() == 0)
        return inference::StyleMix::pure(a);
    const int b = m_styleB->currentData().toInt();
    const float share = static_cast<float>(m_mix->value()) / 100.0F;
    if (a == b)
        return inference::StyleMix::pure(a);
    if (share >= 1.0F)
        return inference::StyleMix::pure(b);
    return {{{a, 1.0F - share}, {b, share}}};
}

void AttentionView::setStyleMix(int styleA, int styleB, double shareOfB)
{
    m_updating = true;
    m_styleA->setCurrentIndex(std::max(0, m_styleA->findData(styleA)));
    m_styleB->setCurrentIndex(std::max(0, m_styleB->findData(styleB)));
    m_mix->setValue(static_cast<int>(std::lround(std::clamp(shareOfB, 0.0, 1.0) * 100)));
    m_updating = false;
    sendProbe();
}

void AttentionView::setCharacter(char32_t character)
{
    if (!character)
        return;
    m_character = character;
    m_characters->setEditText(charString(character));
    sendProbe();
}

void AttentionView::probeAt(QPointF point)
{
    m_point = {std::clamp(point.x(), 0.0, 1.0), std::clamp(point.y(), 0.0, 1.0)};
    if (m_mode != Mode::Point) {
        m_updating = true;
        m_pointMode->setChecked(true);
        m_updating = false;
        m_mode = Mode::Point;
    }
    sendProbe();
}

void AttentionView::setMode(Mode mode)
{
    if (m_updating)
        return;
    m_mode = mode;
    (mode == Mode::Point ? m_pointMode : m_strokeMode)->setChecked(true);
    render(); // every probe carries both the point rows and the stroke mean
}

void AttentionView::setOpacity(double opacity)
{
    m_opacity->setValue(static_cast<int>(std::lround(std::clamp(opacity, 0.0, 1.0) * 100)));
}

void AttentionView::selectLayer(int index)
{
    if (index < 0 || index >= static_cast<int>(m_tiles.size()))
        return;
    m_selected = index;
    render();
}

void AttentionView::sendProbe()
{
    if (m_updating || !m_key.isValid() || !m_character)
        return;
    if (m_info.key == m_key && !m_info.error.isEmpty() && !m_client->isLive(m_key.run))
        return;
    AttentionQuery query;
    query.key = m_key;
    query.character = m_character;
    query.style = styleMix();
    query.points = {{static_cast<float>(m_point.x()), static_cast<float>(m_point.y())}};
    m_client->request(query);
}

void AttentionView::onResult(const AttentionResult &result)
{
    if (!(result.query.key == m_key))
        return;
    if (!result.error.isEmpty()) {
        m_status->setText(result.error);
        emit resultShown();
        return;
    }
    m_result = result;
    rebuildTiles();
    render();
    QStringList parts;
    parts << (result.live ? tr("live from the training run, step %1").arg(result.step)
                          : tr("checkpoint step %1").arg(result.step));
    parts << tr("%1 attention layer(s)").arg(result.layers.size());
    parts << tr("probe %1 ms").arg(result.milliseconds, 0, 'f', 0);
    if (result.query.style.weights.size() > 1)
        parts << tr("heatmaps of the dominant style");
    m_status->setText(parts.join(QStringLiteral(" · ")));
    emit resultShown();
}

void AttentionView::rebuildTiles()
{
    const std::size_t n = m_result.layers.size();
    // An empty grey pane told nothing: say why there is no map.
    m_noLayers->setText(tr("This run has no attention layers (its placement is “none”), so there is no map to"
                           " show; the glyphs on the left are still its own. Runs trained with attention layers"
                           " (Model panel → Self-attention per depth) show here where each layer looks."));
    m_noLayers->setVisible(n == 0);
    while (m_tiles.size() > n) {
        delete m_tiles.back();
        m_tiles.pop_back();
    }
    while (m_tiles.size() < n) {
        auto *tile = new GlyphCanvas(m_tileGrid->parentWidget());
        tile->setMinimumSize(kTileSide, kTileSide + tile->fontMetrics().height() + 4);
        const int index = static_cast<int>(m_tiles.size());
        connect(tile, &GlyphCanvas::clicked, this, [this, index] { selectLayer(index); });
        m_tileGrid->addWidget(tile, index / kTileColumns, index % kTileColumns);
        m_tiles.push_back(tile);
    }
    if (m_selected >= static_cast<int>(n))
        m_selected = 0;
}

QImage AttentionView::overlay(int layer) const
{
    const auto &probe = m_result.layers[static_cast<std::size_t>(layer)];
    const GrayImage &glyph
        = m_overlayOn->currentIndex() == 1 || m_result.generated.isNull() ? m_result.source : m_result.generated;
    const FloatGrid &grid
        = m_mode == Mode::Point ? (probe.rows.empty() ? probe.maskMean : probe.rows.front()) : probe.maskMean;
    if (grid.values.empty() || glyph.isNull())
        return toQImage(glyph);
    return toQImage(renderHeatmapOverlay(glyph, grid, static_cast<float>(m_opacity->value()) / 100.0F));
}

void AttentionView::render()
{
    m_source->setImage(toQImage(m_result.source));
    m_generated->setImage(toQImage(m_result.generated));
    m_target->setImage(toQImage(m_result.target));
    m_source->setCaption(tr("source"));
    m_generated->setCaption(tr("generated"));
    m_target->setCaption(m_result.target.isNull() ? tr("target: none") : tr("target"));
    const std::optional<QPointF> marker = m_mode == Mode::Point ? std::optional<QPointF>(m_point) : std::nullopt;
    for (GlyphCanvas *c : {m_source, m_generated, m_large})
        c->setMarker(marker);
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        const auto &probe = m_result.layers[i];
        QString caption = tr("%1 · %2×%3 · γ %4")
                              .arg(layerName(probe.site))
                              .arg(probe.width)
                              .arg(probe.height)
                              .arg(static_cast<double>(probe.gamma), 0, 'g', 2);
        if (probe.degenerate)
            caption += QStringLiteral(" · ") + tr("1 position");
        else if (std::abs(probe.gamma) < kUnusedGamma)
            caption += QStringLiteral(" · ") + tr("unused");
        m_tiles[i]->setImage(overlay(static_cast<int>(i)));
        m_tiles[i]->setCaption(caption);
        m_tiles[i]->setSelected(static_cast<int>(i) == m_selected);
        m_tiles[i]->setToolTip(probe.degenerate        ? tr("A 1×1 map: one position, nothing to attend to.")
                : std::abs(probe.gamma) < kUnusedGamma ? tr("γ ≈ 0: this layer adds (almost) nothing to its input yet.")
                                                       : tr("γ scales what the layer adds to its input."));
    }
    if (m_tiles.empty()) {
        m_large->setImage(toQImage(m_result.generated));
        m_large->setCaption(QString());
    } else {
        m_large->setImage(overlay(m_selected));
        m_large->setCaption(m_tiles[static_cast<std::size_t>(m_selected)]->caption());
    }
    m_save->setEnabled(!m_tiles.empty());
}

bool AttentionView::saveHeatmap(const QString &path, QString *error) const
{
    if (m_result.layers.empty()) {
        if (error)
            *error = tr("there is no heatmap to save yet");
        return false;
    }
    const QImage image = overlay(m_selected);
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly)
        && image.scaled(image.size() * kSaveScale, Qt::KeepAspectRatio, Qt::SmoothTransformation).save(&file, "PNG")
        && file.commit();
    if (!ok && error)
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
    return ok;
}

void AttentionView::saveClicked()
{
    if (m_result.layers.empty())
        return;
    const auto &probe = m_result.layers[static_cast<std::size_t>(m_selected)];
    const QString name
        = QStringLiteral("%1-%2-%3.png")
              .arg(codePointName(m_result.query.character).remove(QLatin1Char('+')), layerName(probe.site),
                  m_mode == Mode::Point ? QStringLiteral("point") : QStringLiteral("strokes"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Heatmap"), QDir(m_document->folder()).filePath(name), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (saveHeatmap(path, &error))
        emit message(tr("Saved the heatmap to %1").arg(path), false);
    else
        emit message(tr("Could not save the heatmap: %1").arg(error), true);
}

} // namespace zistudio::ui
