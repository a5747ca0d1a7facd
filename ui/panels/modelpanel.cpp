// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/modelpanel.h"

#include "models/attentionmatrixmodel.h"
#include "projectdocument.h"
#include "util/qtconvert.h"

#include "common/computedevice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace zistudio::ui
{

namespace
{

constexpr int kMaxBatch = 4096;

template<typename Enum> void selectData(QComboBox *combo, Enum value)
{
    combo->setCurrentIndex(std::max(0, combo->findData(static_cast<int>(value))));
}

template<typename Enum> Enum currentEnum(const QComboBox *combo)
{
    return static_cast<Enum>(combo->currentData().toInt());
}

} // namespace

ModelPanel::ModelPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_attention(new AttentionMatrixModel(this))
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(createBasicsGroup());
    layout->addWidget(createAttentionGroup());
    layout->addWidget(createCostGroup());
    layout->addWidget(createDetailsGroup());
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_attention, &AttentionMatrixModel::attentionChanged, this, &ModelPanel::setAttention);
    connect(m_document, &ProjectDocument::projectReplaced, this, &ModelPanel::loadFromDocument);
    connect(m_document, &ProjectDocument::modelConfigChanged, this, &ModelPanel::loadFromDocument);
    connect(m_document, &ProjectDocument::trainingConfigChanged, this, &ModelPanel::loadFromDocument);
    loadFromDocument();
}

QWidget *ModelPanel::createBasicsGroup()
{
    auto *group = new QGroupBox(tr("Model"), this);
    auto *form = new QFormLayout(group);
    m_preset = new QComboBox(group);
    m_preset->addItem(tr("Custom"));
    m_preset->addItem(tr("cpu-64 (64 px, ngf 32)"));
    m_preset->addItem(tr("classic-256 (zi2zi)"));
    m_preset->addItem(tr("attn-256 (attention at 32×32 and 16×16)"));
    form->addRow(tr("Preset:"), m_preset);
    connect(m_preset, &QComboBox::activated, this, &ModelPanel::applyPreset);

    m_imageSize = new QComboBox(group);
    for (int size = model::kMinImageSize; size <= model::kMaxImageSize; size *= 2)
        m_imageSize->addItem(tr("%1 px").arg(size), size);
    form->addRow(tr("Image size:"), m_imageSize);
    m_device = new QComboBox(group);
    m_device->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    if (cudaAvailable())
        m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    form->addRow(tr("Device:"), m_device);
    m_batch = new QSpinBox(group);
    m_batch->setRange(1, kMaxBatch);
    form->addRow(tr("Batch size:"), m_batch);

    for (QComboBox *combo : {m_imageSize, m_device})
        connect(combo, &QComboBox::currentIndexChanged, this, &ModelPanel::storeToDocument);
    connect(m_batch, &QSpinBox::valueChanged, this, &ModelPanel::storeToDocument);
    return group;
}

QWidget *ModelPanel::createDetailsGroup()
{
    auto *group = new QGroupBox(tr("Network"), this);
    auto *form = new QFormLayout(group);
    const auto spin = [group](int min, int max, int step) {
        auto *box = new QSpinBox(group);
        box->setRange(min, max);
        box->setSingleStep(step);
        return box;
    };
    m_ngf = spin(1, 1024, 8);
    m_ndf = spin(1, 1024, 8);
    m_embeddingNum = spin(1, 1000, 1);
    m_embeddingDim = spin(1, 4096, 16);
    form->addRow(tr("Generator width (ngf):"), m_ngf);
    form->addRow(tr("Discriminator width (ndf):"), m_ndf);
    form->addRow(tr("Style embeddings:"), m_embeddingNum);
    form->addRow(tr("Embedding size:"), m_embeddingDim);

    m_norm = new QComboBox(group);
    m_norm->addItem(tr("Batch norm"), static_cast<int>(model::NormKind::Batch));
    m_norm->addItem(tr("Instance norm"), static_cast<int>(model::NormKind::Instance));
    form->addRow(tr("Normalisation:"), m_norm);
    m_upsample = new QComboBox(group);
    m_upsample->addItem(tr("Transposed convolution"), static_cast<int>(model::UpsampleKind::TransposedConv));
    m_upsample->addItem(tr("Pixel shuffle"), static_cast<int>(model::UpsampleKind::PixelShuffle));
    form->addRow(tr("Up-sampling:"), m_upsample);
    m_skip = new QComboBox(group);
    m_skip->addItem(tr("Concatenate"), static_cast<int>(model::SkipKind::Concat));
    m_skip->addItem(tr("Residual (add)"), static_cast<int>(model::SkipKind::Residual));
    form->addRow(tr("Skip connections:"), m_skip);
    m_dropout = new QDoubleSpinBox(group);
    m_dropout->setRange(0.0, 0.9);
    m_dropout->setSingleStep(0.05);
    form->addRow(tr("Decoder dropout:"), m_dropout);
    m_spectralNorm = new QCheckBox(tr("Spectral norm in the discriminator"), group);
    form->addRow(QString(), m_spectralNorm);

    for (QComboBox *combo : {m_norm, m_upsample, m_skip})
        connect(combo, &QComboBox::currentIndexChanged, this, &ModelPanel::storeToDocument);
    for (QSpinBox *box : {m_ngf, m_ndf, m_embeddingNum, m_embeddingDim})
        connect(box, &QSpinBox::valueChanged, this, &ModelPanel::storeToDocument);
    connect(m_dropout, &QDoubleSpinBox::valueChanged, this, &ModelPanel::storeToDocument);
    connect(m_spectralNorm, &QCheckBox::toggled, this, &ModelPanel::storeToDocument);
    return group;
}

QWidget *ModelPanel::createAttentionGroup()
{
    auto *group = new QGroupBox(tr("Self-attention per depth"), this);
    auto *layout = new QVBoxLayout(group);
    auto *hint = new QLabel(tr("Tick a side to add a self-attention layer after that depth. A new layer starts "
                               "as an identity (γ = 0), so it can be added to a trained model."),
        group);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_matrix = new QTableView(group);
    m_matrix->setObjectName(QStringLiteral("AttentionMatrix"));
    m_matrix->setModel(m_attention);
    m_matrix->verticalHeader()->hide();
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrix->horizontalHeader()->setStretchLastSection(true);
    m_matrix->setSelectionMode(QAbstractItemView::NoSelection);
    m_matrix->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_matrix);
    m_spec = new QLabel(group);
    m_spec->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_spec);
    return group;
}

QWidget *ModelPanel::createCostGroup()
{
    auto *group = new QGroupBox(tr("Cost (from the cost model)"), this);
    auto *form = new QFormLayout(group);
    const auto value = [group] {
        auto *label = new QLabel(group);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_generatorParams = value();
    m_discriminatorParams = value();
    m_attentionParams = value();
    m_forwardFlops = value();
    m_stepFlops = value();
    m_attentionMemory = value();
    m_attentionMemory->setObjectName(QStringLiteral("AttentionMemory"));
    m_attentionMemory->setWordWrap(true);
    m_trainingMemory = value();
    form->addRow(tr("Generator parameters:"), m_generatorParams);
    form->addRow(tr("Discriminator parameters:"), m_discriminatorParams);
    form->addRow(tr("Attention parameters:"), m_attentionParams);
    form->addRow(tr("Generator FLOPs per image:"), m_forwardFlops);
    form->addRow(tr("FLOPs per training step:"), m_stepFlops);
    form->addRow(tr("Attention matrices:"), m_attentionMemory);
    form->addRow(tr("Training memory (estimate):"), m_trainingMemory);
    m_warnings = new QLabel(group);
    m_warnings->setObjectName(QStringLiteral("CostWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #d9480f;"));
    form->addRow(m_warnings);
    return group;
}

void ModelPanel::loadFromDocument()
{
    m_loading = true;
    const model::ModelConfig &config = m_document->modelConfig();
    const training::TrainingConfig &training = m_document->trainingConfig();
    m_imageSize->setCurrentIndex(std::max(0, m_imageSize->findData(config.imageSize)));
    m_ngf->setValue(config.ngf);
    m_ndf->setValue(config.ndf);
    m_embeddingNum->setValue(config.embeddingNum);
    m_embeddingDim->setValue(config.embeddingDim);
    selectData(m_norm, config.norm);
    selectData(m_upsample, config.upsample);
    selectData(m_skip, config.skip);
    m_dropout->setValue(config.dropout);
    m_spectralNorm->setChecked(config.spectralNorm);
    const QString device
        = qs(training.device).startsWith(QStringLiteral("cuda")) ? QStringLiteral("cuda") : qs(training.device);
    m_device->setCurrentIndex(std::max(0, m_device->findData(device)));
    m_batch->setValue(training.batchSize);
    const model::ModelConfig presets[] = {model::cpu64(), model::classic256(), model::attn256()};
    int preset = 0;
    for (int i = 0; i < 3; ++i) {
        if (presets[i] == config)
            preset = i + 1;
    }
    m_preset->setCurrentIndex(preset);
    m_loading = false;
    updateCost();
}

model::ModelConfig ModelPanel::configFromWidgets() const
{
    model::ModelConfig config = m_document->modelConfig();
    config.imageSize = m_imageSize->currentData().toInt();
    config.ngf = m_ngf->value();
    config.ndf = m_ndf->value();
    config.embeddingNum = m_embeddingNum->value();
    config.embeddingDim = m_embeddingDim->value();
    config.norm = currentEnum<model::NormKind>(m_norm);
    config.upsample = currentEnum<model::UpsampleKind>(m_upsample);
    config.skip = currentEnum<model::SkipKind>(m_skip);
    config.dropout = m_dropout->value();
    config.spectralNorm = m_spectralNorm->isChecked();
    config.attention = m_attention->attention();
    // Attention sites deeper than the new depth would make the configuration invalid: drop them.
    const int depth = std::countr_zero(static_cast<unsigned>(config.imageSize));
    auto &sites = config.attention.sites;
    sites.erase(
        std::remove_if(sites.begin(), sites.end(), [depth](const auto &s) { return s.depth > depth; }), sites.end());
    return config;
}

void ModelPanel::storeToDocument()
{
    if (m_loading)
        return;
    m_document->setModelConfig(configFromWidgets());
    training::TrainingConfig training = m_document->trainingConfig();
    training.batchSize = m_batch->value();
    training.device = utf8(m_device->currentData().toString());
    m_document->setTrainingConfig(training);
}

void ModelPanel::applyPreset(int index)
{
    if (index <= 0)
        return;
    const model::ModelConfig presets[] = {model::cpu64(), model::classic256(), model::attn256()};
    m_document->setModelConfig(presets[index - 1]);
}

void ModelPanel::setAttention(const model::AttentionSpec &attention)
{
    model::ModelConfig config = m_document->modelConfig();
    config.attention = attention;
    m_document->setModelConfig(config);
    updateCost(); // the document may be unchanged (e.g. the same spec): refresh anyway
}

void ModelPanel::updateCost()
{
    model::ModelConfig config = m_document->modelConfig();
    try {
        const auto &training = m_document->trainingConfig();
        m_report
            = model::estimateCost(config, std::max(1, training.batchSize), model::attentionMemoryOn(training.device));
    } catch (const std::exception &e) {
        m_warnings->setText(tr("This configuration is not valid: %1").arg(qs(e.what())));
        return;
    }
    m_attention->setReport(m_report);
    // Every depth visible without scrolling: the table is as tall as its rows.
    m_matrix->setFixedHeight(m_matrix->horizontalHeader()->sizeHint().height() + 2 * m_matrix->frameWidth()
        + m_attention->rowCount() * m_matrix->verticalHeader()->defaultSectionSize());
    m_spec->setText(tr("Placement: %1").arg(qs(config.attention.toString())));
    m_generatorParams->setText(formatSi(static_cast<double>(m_report.generatorParams)));
    m_discriminatorParams->setText(formatSi(static_cast<double>(m_report.discriminatorParams)));
    m_attentionParams->setText(formatSi(static_cast<double>(m_report.attentionParams)));
    m_forwardFlops->setText(formatSi(m_report.generatorFlops));
    m_stepFlops->setText(formatSi(m_report.trainingStepFlops));
    const bool blocked = std::any_of(m_report.attention.begin(), m_report.attention.end(),
        [](const model::AttentionCost &cost) { return cost.blocked; });
    const QString matrices = formatBytes(static_cast<double>(m_report.attentionMatrixBytes));
    m_attentionMemory->setText(blocked ? tr("%1, not built on the CPU").arg(matrices) : matrices);
    m_attentionMemory->setToolTip(blocked
            ? tr("On the CPU, attention over 256 positions or more is computed a block of rows at a time: those "
                 "matrices are never built, and the training memory estimate leaves them out.")
            : QString());
    m_trainingMemory->setText(formatBytes(static_cast<double>(m_report.trainingMemoryBytes)));

    QStringList warnings;
    for (const model::AttentionCost &cost : m_report.attention) {
        const QString side = cost.site.side == model::AttentionSide::Encoder ? tr("encoder") : tr("decoder");
        if (cost.degenerate)
            warnings << tr("The %1 layer at depth %2 sits on a 1×1 map: it has nothing to attend to.")
                            .arg(side)
                            .arg(cost.site.depth);
        if (model::overMatrixBudget(cost))
            warnings << tr("The %1 layer at depth %2 needs %3 for its attention matrix at batch %4.")
                            .arg(side)
                            .arg(cost.site.depth)
                            .arg(formatBytes(static_cast<double>(cost.matrixBytes)))
                            .arg(m_report.batchSize);
    }
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
    emit costChanged();
}

QString ModelPanel::costText() const
{
    return QStringList {m_generatorParams->text(), m_discriminatorParams->text(), m_attentionParams->text(),
        m_forwardFlops->text(), m_stepFlops->text(), m_attentionMemory->text(), m_trainingMemory->text()}
        .join(QLatin1Char('\n'));
}

} // namespace zistudio::ui
