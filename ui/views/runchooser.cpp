// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/runchooser.h"

#include "projectdocument.h"
#include "session/runhistory.h"
#include "session/trainingsession.h"
#include "util/qtconvert.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace zistudio::ui
{

RunChooser::RunChooser(ProjectDocument *document, TrainingSession *session, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_session(session)
    , m_runs(new QComboBox(this))
    , m_checkpoints(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *runLabel = new QLabel(tr("&Run:"), this);
    runLabel->setBuddy(m_runs);
    auto *checkpointLabel = new QLabel(tr("Chec&kpoint:"), this);
    checkpointLabel->setBuddy(m_checkpoints);
    m_runs->setObjectName(QStringLiteral("RunCombo"));
    m_runs->setMinimumContentsLength(14);
    m_runs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_checkpoints->setObjectName(QStringLiteral("CheckpointCombo"));
    m_checkpoints->setToolTip(tr("Best: the checkpoint with the best validation score. Last: the newest one."));
    layout->addWidget(runLabel);
    layout->addWidget(m_runs);
    layout->addWidget(checkpointLabel);
    layout->addWidget(m_checkpoints);

    connect(m_runs, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        fillCheckpoints();
        emitKey();
    });
    connect(m_checkpoints, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            emitKey();
    });
    connect(m_document, &ProjectDocument::projectReplaced, this, &RunChooser::refresh);
    connect(m_document, &ProjectDocument::filePathChanged, this, &RunChooser::refresh);
    if (m_session) {
        connect(m_session, &TrainingSession::stateChanged, this, &RunChooser::refresh);
        // A new run enters the run store on the training thread, after the session started.
        connect(m_session, &TrainingSession::progress, this, [this](const training::ProgressRecord &record) {
            const QString run = m_session->runName();
            if (m_runs->findText(run) < 0) {
                refresh();
                setRun(run); // follow a run that has just started: its maps are live
            } else if (!record.checkpoint.empty() && run == m_runs->currentText()) {
                ++m_generation; // a new checkpoint of the chosen run: "best" and "last" may have moved
                fillCheckpoints();
                emitKey();
            }
        });
        connect(m_session, &TrainingSession::finished, this, [this] {
            ++m_generation; // new checkpoints: "best" and "last" may have moved
            refresh();
        });
    }
    refresh();
}

GeneratorKey RunChooser::key() const
{
    if (!m_document->hasFile() || m_runs->currentIndex() < 0)
        return {};
    return {.projectFile = m_document->filePath(),
        .run = m_runs->currentText(),
        .checkpoint = m_checkpoints->currentData().toString(),
        .generation = m_generation};
}

QString RunChooser::run() const
{
    return m_runs->currentText();
}

int RunChooser::runCount() const
{
    return m_runs->count();
}

bool RunChooser::setRun(const QString &run)
{
    const int index = m_runs->findText(run);
    if (index < 0)
        return false;
    m_runs->setCurrentIndex(index);
    return true;
}

void RunChooser::setCheckpoint(const QString &checkpoint)
{
    const int index = m_checkpoints->findData(checkpoint);
    if (index >= 0)
        m_checkpoints->setCurrentIndex(index);
}

void RunChooser::refresh()
{
    const QString previous = m_runs->currentText();
    std::vector<project::RunRecord> runs;
    if (m_document->hasFile())
        runs = listProjectRuns(m_document->filePath(), nullptr);
    m_filling = true;
    m_runs->clear();
    for (const auto &r : runs)
        m_runs->addItem(qs(r.name));
    // Keep the choice; else the run training now; else the newest.
    int index = m_runs->findText(previous);
    if (index < 0 && m_session && m_session->isActive())
        index = m_runs->findText(m_session->runName());
    if (index < 0)
        index = m_runs->count() - 1;
    m_runs->setCurrentIndex(index);
    m_filling = false;
    fillCheckpoints();
    emitKey();
}

void RunChooser::fillCheckpoints()
{
    const QString previous = m_checkpoints->currentData().toString();
    m_filling = true;
    m_checkpoints->clear();
    m_checkpoints->addItem(tr("Best"), QStringLiteral("best"));
    m_checkpoints->addItem(tr("Last"), QStringLiteral("last"));
    if (m_document->hasFile() && m_runs->currentIndex() >= 0)
        for (const auto &c : listCheckpoints(m_document->filePath(), m_runs->currentText(), nullptr))
            m_checkpoints->addItem(tr("Step %1").arg(c.step), QString::number(c.step));
    const int index = m_checkpoints->findData(previous.isEmpty() ? QStringLiteral("best") : previous);
    m_checkpoints->setCurrentIndex(index < 0 ? 0 : index);
    m_filling = false;
}

void RunChooser::emitKey()
{
    const GeneratorKey now = key();
    if (now == m_emitted)
        return;
    m_emitted = now;
    emit keyChanged(now);
}

} // namespace zistudio::ui
