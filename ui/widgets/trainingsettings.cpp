// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/trainingsettings.h"

#include "projectdocument.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

#include <climits>

namespace zistudio::ui
{

TrainingSettings::TrainingSettings(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_steps(new QSpinBox(this))
    , m_learningRate(new QDoubleSpinBox(this))
    , m_validateEvery(new QSpinBox(this))
    , m_checkpointEvery(new QSpinBox(this))
    , m_keepLast(new QSpinBox(this))
    , m_seed(new QSpinBox(this))
{
    m_steps->setObjectName(QStringLiteral("TrainingSteps"));
    m_steps->setRange(1, INT_MAX);
    m_steps->setSingleStep(500);
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(1e-5, 1.0);
    m_learningRate->setSingleStep(1e-4);
    m_validateEvery->setRange(1, 1000000);
    m_checkpointEvery->setRange(1, 1000000);
    m_keepLast->setRange(1, 100);
    m_seed->setRange(0, INT_MAX);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Steps:"), m_steps);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("Validate every:"), m_validateEvery);
    form->addRow(tr("Checkpoint every:"), m_checkpointEvery);
    form->addRow(tr("Keep last:"), m_keepLast);
    form->addRow(tr("Seed:"), m_seed);

    for (QSpinBox *box : {m_steps, m_validateEvery, m_checkpointEvery, m_keepLast, m_seed})
        connect(box, &QSpinBox::valueChanged, this, &TrainingSettings::storeToDocument);
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this, &TrainingSettings::storeToDocument);
    connect(m_document, &ProjectDocument::projectReplaced, this, &TrainingSettings::loadFromDocument);
    connect(m_document, &ProjectDocument::trainingConfigChanged, this, &TrainingSettings::loadFromDocument);
    loadFromDocument();
}

void TrainingSettings::loadFromDocument()
{
    m_loading = true;
    const training::TrainingConfig &config = m_document->trainingConfig();
    m_steps->setValue(static_cast<int>(std::min<long long>(config.steps, INT_MAX)));
    m_learningRate->setValue(config.learningRate);
    m_validateEvery->setValue(config.validateEvery);
    m_checkpointEvery->setValue(config.checkpointEvery);
    m_keepLast->setValue(config.keepLast);
    m_seed->setValue(static_cast<int>(std::min<unsigned>(config.seed, INT_MAX)));
    m_loading = false;
}

void TrainingSettings::storeToDocument()
{
    if (m_loading)
        return;
    training::TrainingConfig config = m_document->trainingConfig();
    config.steps = m_steps->value();
    config.learningRate = m_learningRate->value();
    config.validateEvery = m_validateEvery->value();
    config.checkpointEvery = m_checkpointEvery->value();
    config.keepLast = m_keepLast->value();
    config.seed = static_cast<unsigned>(m_seed->value());
    m_document->setTrainingConfig(config);
}

} // namespace zistudio::ui
