// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/costmodel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableView;

namespace zistudio::ui
{

class AttentionMatrixModel;
class ProjectDocument;

/**
 * The Model dock: every ModelConfig option, the attention matrix (one row per depth, one toggle per
 * side) and, updated live from the cost model, parameters, FLOPs per training step and memory, with
 * warnings for degenerate or over-budget attention placements; also the device and the batch size.
 */
class ModelPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ModelPanel(ProjectDocument *document, QWidget *parent = nullptr);

    AttentionMatrixModel *attentionModel() const { return m_attention; }
    /** The cost report shown (for tests and the status bar). */
    const model::CostReport &report() const { return m_report; }
    /** The cost figures as shown, one per line (for tests). */
    QString costText() const;

signals:
    void costChanged();

private:
    QWidget *createBasicsGroup();
    QWidget *createDetailsGroup();
    QWidget *createAttentionGroup();
    QWidget *createCostGroup();
    void loadFromDocument();
    void storeToDocument();
    void applyPreset(int index);
    void setAttention(const model::AttentionSpec &attention);
    void updateCost();
    model::ModelConfig configFromWidgets() const;

    ProjectDocument *m_document;
    AttentionMatrixModel *m_attention;
    model::CostReport m_report;
    bool m_loading = false;

    QComboBox *m_preset = nullptr;
    QComboBox *m_imageSize = nullptr;
    QSpinBox *m_ngf = nullptr;
    QSpinBox *m_ndf = nullptr;
    QSpinBox *m_embeddingNum = nullptr;
    QSpinBox *m_embeddingDim = nullptr;
    QComboBox *m_norm = nullptr;
    QComboBox *m_upsample = nullptr;
    QComboBox *m_skip = nullptr;
    QDoubleSpinBox *m_dropout = nullptr;
    QCheckBox *m_spectralNorm = nullptr;
    QTableView *m_matrix = nullptr;
    QLabel *m_spec = nullptr;
    QComboBox *m_device = nullptr;
    QSpinBox *m_batch = nullptr;
    QLabel *m_generatorParams = nullptr;
    QLabel *m_discriminatorParams = nullptr;
    QLabel *m_attentionParams = nullptr;
    QLabel *m_forwardFlops = nullptr;
    QLabel *m_stepFlops = nullptr;
    QLabel *m_attentionMemory = nullptr;
    QLabel *m_trainingMemory = nullptr;
    QLabel *m_warnings = nullptr;
};

} // namespace zistudio::ui
