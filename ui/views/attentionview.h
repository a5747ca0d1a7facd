// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/generatortypes.h"

#include <QPointF>
#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QRadioButton;
class QSlider;

namespace zistudio::ui
{

class AttentionProbeClient;
class GlyphCanvas;
class ProjectDocument;
class RunChooser;
class TrainingSession;

/**
 * The Attention tab: where each self-attention layer of a run looks. Pick a run, a checkpoint, a
 * character and a style (or a blend of two); the view shows source | generated | target. A click or
 * a drag on a glyph probes that point: every attention layer's row for it is upsampled and laid over
 * the glyph, one small map per layer and a large one for the selected layer, each with its gate γ
 * (γ ≈ 0: the layer does nothing yet). "Stroke mean" shows the mean row over all ink positions.
 * While the run trains in this studio the probes are served by the training thread between steps and
 * follow the model; otherwise a worker thread answers from the checkpoint.
 */
class AttentionView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        Point,
        StrokeMean
    };

    AttentionView(ProjectDocument *document, TrainingSession *session, QWidget *parent = nullptr);

    RunChooser *runChooser() const { return m_runs; }
    AttentionProbeClient *client() const { return m_client; }
    const GeneratorInfo &info() const { return m_info; }
    const AttentionResult &result() const { return m_result; }

    /** Chooses the character to probe (and probes it). */
    void setCharacter(char32_t character);
    char32_t character() const { return m_character; }
    /** Probes a point (normalised 0..1) of the glyph, as a click there does; switches to Point mode. */
    void probeAt(QPointF point);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    /** Style A, style B and the share of B (0..1); B is ignored when the model has one style. */
    void setStyleMix(int styleA, int styleB, double shareOfB);
    inference::StyleMix styleMix() const;
    /** Whether the mixing controls are usable (the run has two styles or more). */
    bool canMix() const;
    void setOpacity(double opacity);
    void selectLayer(int index);
    int selectedLayer() const { return m_selected; }
    /** One small map per attention layer of the last probe. */
    const std::vector<GlyphCanvas *> &layerTiles() const { return m_tiles; }
    GlyphCanvas *largeMap() const { return m_large; }
    GlyphCanvas *sourceCanvas() const { return m_source; }
    /** Writes the selected layer's heatmap (4x the glyph size) as PNG, atomically. */
    bool saveHeatmap(const QString &path, QString *error) const;

signals:
    void message(const QString &text, bool error);
    /** A probe was answered and drawn (tests wait on this). */
    void resultShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createControls();
    void onKeyChanged(const GeneratorKey &key);
    void onLoaded(const GeneratorInfo &info);
    void onResult(const AttentionResult &result);
    void sendProbe();
    void render();
    void rebuildTiles();
    void updateMixControls();
    QImage overlay(int layer) const;
    void saveClicked();

    ProjectDocument *m_document;
    AttentionProbeClient *m_client;
    RunChooser *m_runs = nullptr;
    QComboBox *m_characters = nullptr;
    QComboBox *m_styleA = nullptr;
    QComboBox *m_styleB = nullptr;
    QSlider *m_mix = nullptr;
    QRadioButton *m_pointMode = nullptr;
    QRadioButton *m_strokeMode = nullptr;
    QComboBox *m_overlayOn = nullptr;
    QSlider *m_opacity = nullptr;
    QPushButton *m_save = nullptr;
    GlyphCanvas *m_source = nullptr;
    GlyphCanvas *m_generated = nullptr;
    GlyphCanvas *m_target = nullptr;
    GlyphCanvas *m_large = nullptr;
    QGridLayout *m_tileGrid = nullptr;
    QLabel *m_noLayers = nullptr; ///< in place of the tiles when the run has no attention layers
    QLabel *m_status = nullptr;
    std::vector<GlyphCanvas *> m_tiles;

    GeneratorKey m_key;
    GeneratorInfo m_info;
    AttentionResult m_result;
    char32_t m_character = 0;
    QPointF m_point {0.5, 0.5};
    Mode m_mode = Mode::StrokeMean;
    int m_selected = 0;
    bool m_loadRequested = false;
    bool m_updating = false;
};

} // namespace zistudio::ui
