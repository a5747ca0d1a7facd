// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QSpinBox;

namespace zistudio::ui
{

class ProjectDocument;

/** The training settings a run is started with: steps, learning rate, validation and checkpoint periods. */
class TrainingSettings : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingSettings(ProjectDocument *document, QWidget *parent = nullptr);

    QSpinBox *stepsBox() const { return m_steps; }

private:
    void loadFromDocument();
    void storeToDocument();

    ProjectDocument *m_document;
    QSpinBox *m_steps;
    QDoubleSpinBox *m_learningRate;
    QSpinBox *m_validateEvery;
    QSpinBox *m_checkpointEvery;
    QSpinBox *m_keepLast;
    QSpinBox *m_seed;
    bool m_loading = false;
};

} // namespace zistudio::ui
