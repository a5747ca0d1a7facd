// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/trainingpanel.h"

#include "models/runlistmodel.h"
#include "projectcontroller.h"
#include "projectdocument.h"
#include "session/runhistory.h"
#include "session/trainingsession.h"
#include "util/backgroundjob.h"
#include "util/qtconvert.h"
#include "widgets/checkpointlist.h"
#include "widgets/metricsplot.h"
#include "widgets/sampleviewer.h"
#include "widgets/trainingsettings.h"

#include "project/projectlayout.h"
#include "project/runstore.h"
#include "workflow/runs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace zistudio::ui
{

namespace
{

/// Run combo item data besides the run name (Qt::UserRole): the run's status and last step.
constexpr int kStatusRole = Qt::UserRole + 1;
constexpr int kLastStepRole = Qt::UserRole + 2;

/** A new run's name from the clock, "-2" added when a run started in the same second (core decides). */
QString newRunName(const QString &projectFile)
{
    return qs(project::newRunName(project::ProjectLayout::of(toPath(projectFile))));
}

} // namespace

TrainingPanel::TrainingPanel(
    ProjectDocument *document, ProjectController *controller, TrainingSession *session, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_controller(controller)
    , m_session(session)
    , m_plot(new MetricsPlot(this))
    , m_samples(new SampleViewer(this))
    , m_checkpoints(new CheckpointList(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createControls());
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("TrainingTabs"));
    tabs->addTab(m_plot, tr("Curves"));
    tabs->addTab(m_samples, tr("Samples"));
    tabs->addTab(m_checkpoints, tr("Checkpoints"));
    layout->addWidget(tabs, 1);

    connect(m_session, &TrainingSession::progress, this, &TrainingPanel::onProgress);
    connect(m_session, &TrainingSession::sampleReady, this,
        [this](const QImage &image, long long step, const QString &path) {
            if (m_shownRun == m_session->runName())
                m_samples->addSample(step, path, image);
        });
    connect(m_session, &TrainingSession::finished, this, &TrainingPanel::onFinished);
    connect(m_session, &TrainingSession::stateChanged, this, &TrainingPanel::updateButtons);
    connect(m_checkpoints, &CheckpointList::message, this, &TrainingPanel::message);
    connect(m_document, &ProjectDocument::projectReplaced, this, &TrainingPanel::refreshRuns);
    connect(m_document, &ProjectDocument::filePathChanged, this, &TrainingPanel::refreshRuns);
    refreshRuns();
}

QWidget *TrainingPanel::createControls()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    m_resumeBar = new QFrame(box);
    m_resumeBar->setObjectName(QStringLiteral("ResumeBar"));
    m_resumeBar->setFrameShape(QFrame::StyledPanel);
    m_resumeBar->setStyleSheet(QStringLiteral("#ResumeBar { background: rgba(255, 193, 7, 60); }"));
    auto *barLayout = new QHBoxLayout(m_resumeBar);
    m_resumeText = new QLabel(m_resumeBar);
    m_resumeText->setWordWrap(true);
    m_resumeNow = new QPushButton(tr("Resume"), m_resumeBar);
    m_startOver = new QPushButton(tr("Start Over"), m_resumeBar);
    m_startOver->setObjectName(QStringLiteral("StartOverButton"));
    m_startOver->setToolTip(tr("Train the run again from step 0; its damaged checkpoints are kept for inspection"));
    m_startOver->hide();
    auto *dismiss = new QPushButton(tr("Dismiss"), m_resumeBar);
    barLayout->addWidget(m_resumeText, 1);
    barLayout->addWidget(m_resumeNow);
    barLayout->addWidget(m_startOver);
    barLayout->addWidget(dismiss);
    m_resumeBar->hide();
    layout->addWidget(m_resumeBar);
    connect(m_resumeNow, &QPushButton::clicked, this, [this] { resumeRun(m_interrupted); });
    connect(m_startOver, &QPushButton::clicked, this, [this] { resumeRun(m_refused, true); });
    connect(dismiss, &QPushButton::clicked, m_resumeBar, &QWidget::hide);

    auto *runRow = new QHBoxLayout;
    m_runCombo = new QComboBox(box);
    m_runCombo->setObjectName(QStringLiteral("RunCombo"));
    m_runCombo->setMinimumContentsLength(18);
    runRow->addWidget(new QLabel(tr("Run:"), box));
    runRow->addWidget(m_runCombo, 1);
    layout->addLayout(runRow);
    connect(m_runCombo, &QComboBox::activated, this,
        [this](int index) { showRun(m_runCombo->itemData(index).toString()); });

    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start New Run"), box);
    m_start->setObjectName(QStringLiteral("StartButton"));
    m_resume = new QPushButton(tr("Continue…"), box);
    m_resume->setObjectName(QStringLiteral("ContinueButton"));
    m_fineTune = new QPushButton(tr("Fine-tune…"), box);
    m_fineTune->setObjectName(QStringLiteral("FineTuneButton"));
    m_pause = new QPushButton(tr("Pause"), box);
    m_pause->setCheckable(true);
    m_stop = new QPushButton(tr("Stop"), box);
    // Ctrl+R belongs to Training → Start New Run: a second owner would make it ambiguous (it would do nothing).
    m_start->setToolTip(tr("Start a new run with the project's settings (Ctrl+R)"));
    m_resume->setToolTip(tr("Resume the chosen run where it stopped, or train a finished run for more steps"));
    m_fineTune->setToolTip(tr("Start a new run from a checkpoint (the best, or one you choose) of a trained run"));
    m_stop->setToolTip(tr("Finish the current step, save an “interrupted” checkpoint and stop"));
    for (QPushButton *b : {m_start, m_resume, m_fineTune, m_pause, m_stop})
        buttons->addWidget(b);
    layout->addLayout(buttons);
    connect(m_start, &QPushButton::clicked, this, [this] { startNewRun(); });
    connect(m_resume, &QPushButton::clicked, this, &TrainingPanel::askContinue);
    connect(m_fineTune, &QPushButton::clicked, this, &TrainingPanel::askFineTune);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) { m_session->setPaused(paused); });
    connect(m_stop, &QPushButton::clicked, m_session, &TrainingSession::stop);

    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("TrainingProgress"));
    m_progress->setFormat(tr("step %v of %m"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_stats = new QLabel(box);
    m_stats->setObjectName(QStringLiteral("TrainingStats"));
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_stats);
    m_validation = new QLabel(box);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_validation);

    auto *settingsToggle = new QToolButton(box);
    settingsToggle->setText(tr("Settings"));
    settingsToggle->setCheckable(true);
    settingsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    settingsToggle->setArrowType(Qt::RightArrow);
    settingsToggle->setAutoRaise(true);
    m_settings = new TrainingSettings(m_document, box);
    m_settings->setVisible(false);
    connect(settingsToggle, &QToolButton::toggled, this, [this, settingsToggle](bool open) {
        settingsToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_settings->setVisible(open);
    });
    layout->addWidget(settingsToggle);
    layout->addWidget(m_settings);
    return box;
}

void TrainingPanel::refreshRuns()
{
    QString error;
    const std::vector<project::RunRecord> runs
        = m_document->hasFile() ? listProjectRuns(m_document->filePath(), &error) : std::vector<project::RunRecord> {};
    if (!error.isEmpty())
        emit message(tr("Cannot read the runs: %1").arg(error), true);
    const QString keep = m_shownRun;
    {
        const QSignalBlocker blocker(m_runCombo);
        m_runCombo->clear();
        for (auto it = runs.rbegin(); it != runs.rend(); ++it) { // newest first
            m_runCombo->addItem(
                tr("%1 — %2, step %3").arg(qs(it->name), RunListModel::statusText(it->status)).arg(it->lastStep),
                qs(it->name));
            m_runCombo->setItemData(m_runCombo->count() - 1, qs(it->status), kStatusRole);
            m_runCombo->setItemData(m_runCombo->count() - 1, it->lastStep, kLastStepRole);
        }
    }
    m_interrupted.clear();
    for (const project::RunRecord &run : runs) {
        const bool active = m_session->isActive() && qs(run.name) == m_session->runName();
        if ((run.status == "interrupted" || run.status == "running") && !active)
            m_interrupted = qs(run.name);
    }
    m_resumeNow->show();
    m_startOver->hide();
    if (!m_interrupted.isEmpty()) {
        m_resumeText->setText(
            tr("The run “%1” stopped before it finished. Resume it from its last checkpoint?").arg(m_interrupted));
        m_resumeBar->show();
    } else {
        m_resumeBar->hide();
    }
    const int keepIndex = m_runCombo->findData(keep);
    if (keepIndex >= 0) {
        m_runCombo->setCurrentIndex(keepIndex);
    } else if (m_session->isActive()) {
        // The run being started appears once the trainer has recorded it.
    } else if (m_runCombo->count() > 0) {
        m_runCombo->setCurrentIndex(0);
        showRun(m_runCombo->itemData(0).toString());
    } else {
        showRun(QString());
    }
    updateButtons();
}

void TrainingPanel::showRun(const QString &run)
{
    m_shownRun = run;
    const int index = m_runCombo->findData(run);
    if (index >= 0)
        m_runCombo->setCurrentIndex(index);
    m_plot->clear();
    m_samples->clear();
    m_checkpoints->showRun(m_document->filePath(), run);
    m_checkpoints->setTraining(m_session->isActive() && m_session->runName() == run);
    m_progress->setTextVisible(!run.isEmpty());
    if (run.isEmpty() || !m_document->hasFile()) {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_stats->setText(m_document->hasFile() ? tr("No runs yet: press Start New Run.") : QString());
        m_validation->clear();
        return;
    }
    const int generation = ++m_historyGeneration;
    const QString file = m_document->filePath();
    runInBackground<RunHistory>(
        this, [file, run] { return loadRunHistory(file, run); },
        [this, generation](const RunHistory &history) {
            if (generation == m_historyGeneration)
                applyHistory(history);
        });
}

void TrainingPanel::applyHistory(const RunHistory &history)
{
    if (!history.error.isEmpty())
        emit message(tr("Cannot read the run “%1”: %2").arg(history.run, history.error), true);
    for (const auto &[name, points] : history.metrics) {
        QVector<double> steps;
        QVector<double> values;
        for (const project::MetricPoint &p : points) {
            steps << static_cast<double>(p.step);
            values << p.value;
        }
        const bool validation = name.rfind("val_", 0) == 0 || name.rfind("baseline_", 0) == 0;
        if (validation || name.rfind("loss_", 0) == 0)
            m_plot->setSeries(validation ? MetricsPlot::Chart::Validation : MetricsPlot::Chart::Losses,
                metricLabel(name), steps, values);
    }
    QList<QPair<long long, QString>> samples;
    for (const project::SampleRecord &s : history.samples)
        samples.append({s.step, qs(s.path)});
    m_samples->setSamples(samples);
    if (history.record && !m_session->isActive()) {
        const long long total
            = history.record->status == "completed" ? history.record->lastStep : m_document->trainingConfig().steps;
        m_progress->setRange(0, static_cast<int>(std::clamp<long long>(total, 1, INT_MAX)));
        m_progress->setValue(static_cast<int>(std::min<long long>(history.record->lastStep, m_progress->maximum())));
        m_stats->setText(tr("Run “%1”: %2 at step %3")
                             .arg(history.run, RunListModel::statusText(history.record->status))
                             .arg(history.record->lastStep));
    }
}

bool TrainingPanel::ensureSaved()
{
    if (!m_document->hasFile() || m_document->isModified()) {
        emit message(tr("Saving the project before training."), false);
        if (!m_controller->save())
            return false;
    }
    return true;
}

bool TrainingPanel::startNewRun(long long steps)
{
    if (m_session->isActive() || !ensureSaved())
        return false;
    workflow::RunRequest request;
    request.projectFile = toPath(m_document->filePath());
    request.runName = utf8(newRunName(m_document->filePath()));
    request.steps = steps;
    return startRequest(request);
}

bool TrainingPanel::resumeRun(const QString &run, bool startOver)
{
    return continueRun(run, 0, startOver); // 0: the run's own total
}

bool TrainingPanel::continueRun(const QString &run, long long totalSteps, bool startOver)
{
    if (run.isEmpty() || m_session->isActive() || !ensureSaved())
        return false;
    workflow::RunRequest request;
    request.projectFile = toPath(m_document->filePath());
    request.runName = utf8(run);
    request.resume = true;
    request.startOver = startOver; // only ever from the Start Over button, after a refused resume
    request.steps = totalSteps;
    m_resumeBar->hide();
    return startRequest(request);
}

bool TrainingPanel::startFineTune(
    const QString &fromRun, bool freezeEncoder, const std::vector<int> &styles, long long steps, long long fromStep)
{
    if (fromRun.isEmpty() || m_session->isActive() || !ensureSaved())
        return false;
    workflow::RunRequest request;
    request.projectFile = toPath(m_document->filePath());
    request.runName = utf8(newRunName(m_document->filePath()));
    request.steps = steps;
    request.fineTuneFrom = utf8(fromRun);
    request.fineTuneStep = fromStep;
    request.freezeEncoder = freezeEncoder;
    request.fineTuneStyles = styles;
    return startRequest(request);
}

void TrainingPanel::askContinue()
{
    const int index = m_runCombo->currentIndex();
    if (index < 0)
        return;
    const QString run = m_runCombo->itemData(index).toString();
    if (m_runCombo->itemData(index, kStatusRole).toString() != QLatin1String("completed")) {
        resumeRun(run);
        return;
    }
    const long long last = m_runCombo->itemData(index, kLastStepRole).toLongLong();
    bool ok = false;
    const int total = QInputDialog::getInt(this, tr("Continue Run"),
        tr("The run “%1” finished at step %2.\nTrain it on up to step:").arg(run).arg(last),
        static_cast<int>(std::min<long long>(INT_MAX, last + m_document->trainingConfig().steps)),
        static_cast<int>(std::min<long long>(INT_MAX - 1, last + 1)), INT_MAX, 100, &ok);
    if (ok)
        continueRun(run, total);
}

void TrainingPanel::askFineTune()
{
    if (m_runCombo->count() == 0)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Fine-tune From a Run"));
    auto *form = new QFormLayout(&dialog);
    auto *from = new QComboBox(&dialog);
    for (int i = 0; i < m_runCombo->count(); ++i)
        from->addItem(m_runCombo->itemData(i).toString());
    from->setCurrentIndex(std::max(0, m_runCombo->currentIndex()));
    auto *checkpoint = new QComboBox(&dialog);
    checkpoint->setObjectName(QStringLiteral("FineTuneCheckpoint"));
    const auto listCheckpoints = [this, from, checkpoint] {
        checkpoint->clear();
        checkpoint->addItem(tr("The best"), 0LL);
        try { // the complete checkpoints in the run's folder, newest last
            for (const auto &info :
                workflow::openRunCheckpoints(toPath(m_document->filePath()), utf8(from->currentText())).list())
                checkpoint->addItem(tr("Step %1").arg(info.step), QVariant::fromValue(info.step));
        } catch (const Error &e) {
            emit message(tr("Cannot list the checkpoints of “%1”: %2").arg(from->currentText(), qs(e.what())), true);
        }
    };
    listCheckpoints();
    connect(from, &QComboBox::currentIndexChanged, &dialog, listCheckpoints);
    const training::TrainingConfig &settings = m_document->trainingConfig();
    auto *freeze = new QCheckBox(tr("Freeze the encoder (train the decoder and the style embedding)"), &dialog);
    freeze->setChecked(settings.freezeEncoder);
    auto *styles = new QLineEdit(&dialog);
    QStringList ids;
    for (int id : settings.fineTuneStyles)
        ids << QString::number(id);
    styles->setText(ids.join(QStringLiteral(", ")));
    styles->setPlaceholderText(tr("all styles"));
    styles->setToolTip(tr("Style ids, separated by commas: only these styles' examples are trained"));
    auto *steps = new QSpinBox(&dialog);
    steps->setRange(1, INT_MAX);
    steps->setValue(static_cast<int>(std::min<long long>(INT_MAX, settings.steps)));
    form->addRow(tr("Start from the run:"), from);
    form->addRow(tr("Checkpoint:"), checkpoint);
    form->addRow(QString(), freeze);
    form->addRow(tr("Train only styles:"), styles);
    form->addRow(tr("Steps:"), steps);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start Fine-tuning"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    std::vector<int> chosen;
    for (const QString &part : styles->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int id = part.trimmed().toInt(&ok);
        if (!ok || id < 0) {
            emit message(tr("“%1” is not a style id: use numbers separated by commas.").arg(part.trimmed()), true);
            return;
        }
        chosen.push_back(id);
    }
    startFineTune(
        from->currentText(), freeze->isChecked(), chosen, steps->value(), checkpoint->currentData().toLongLong());
}

bool TrainingPanel::startRequest(workflow::RunRequest request)
{
    const QString run = qs(request.runName);
    if (!m_session->start(request))
        return false;
    if (request.resume && request.steps > 0)
        emit message(tr("Continuing the run “%1” up to step %2").arg(run).arg(request.steps), false);
    else if (!request.fineTuneFrom.empty())
        emit message(tr("Starting the run “%1”, fine-tuned from “%2”").arg(run, qs(request.fineTuneFrom)), false);
    else
        emit message(
            request.resume ? tr("Resuming the run “%1”").arg(run) : tr("Starting the run “%1”").arg(run), false);
    m_shownRun = run;
    m_plot->clear();
    m_samples->clear();
    m_checkpoints->showRun(m_document->filePath(), run);
    m_checkpoints->setTraining(true);
    if (request.resume)
        showRun(run); // earlier curves and samples, then live points continue them
    m_progress->setTextVisible(true);
    m_stats->setText(tr("Preparing the dataset and the networks…"));
    m_validation->clear();
    return true;
}

void TrainingPanel::onProgress(const training::ProgressRecord &record)
{
    if (m_runCombo->findData(m_session->runName()) < 0) {
        refreshRuns();
        emit runsChanged();
    }
    if (record.event == "dataset") {
        m_stats->setText(tr("Preparing the dataset: %1").arg(qs(record.message)));
        return;
    }
    if (!record.message.empty())
        emit message(
            qs(record.message), record.event == "rollback" || record.event == "skipped" || record.event == "warning");
    if (m_shownRun != m_session->runName())
        return;
    if (const int item = m_runCombo->findData(m_session->runName()); item >= 0 && record.step > 0)
        m_runCombo->setItemText(item,
            tr("%1 — %2, step %3")
                .arg(m_session->runName(), RunListModel::statusText("running"))
                .arg(record.step)); // the store's step lags until the next validation
    const int total = static_cast<int>(std::min<long long>(std::max<long long>(1, record.totalSteps), INT_MAX));
    m_progress->setRange(0, total);
    m_progress->setValue(static_cast<int>(std::min<long long>(record.step, total)));
    m_stats->setText(
        tr("Epoch %1 · %2 images/s · ETA %3 · memory %4 · lr %5%6")
            .arg(record.epoch)
            .arg(record.imagesPerSecond, 0, 'f', 1)
            .arg(formatDuration(record.etaSeconds), formatBytes(record.residentBytes))
            .arg(record.learningRate, 0, 'g', 3)
            .arg((record.deviceBytes > 0 ? tr(" · GPU memory %1").arg(formatBytes(record.deviceBytes)) : QString())
                + (record.skippedSteps > 0 ? tr(" · %1 steps skipped").arg(record.skippedSteps) : QString())));
    const auto step = static_cast<double>(record.step);
    for (const auto &[name, value] : record.losses)
        m_plot->addPoint(MetricsPlot::Chart::Losses, metricLabel("loss_" + name), step, value);
    if (record.validated) {
        m_plot->addPoint(MetricsPlot::Chart::Validation, metricLabel("val_l1"), step, record.valL1);
        m_plot->addPoint(MetricsPlot::Chart::Validation, metricLabel("val_ssim"), step, record.valSsim);
        m_plot->addPoint(MetricsPlot::Chart::Validation, metricLabel("baseline_l1"), step, record.baselineL1);
        m_plot->addPoint(MetricsPlot::Chart::Validation, metricLabel("baseline_ssim"), step, record.baselineSsim);
        m_validation->setText(tr("Validation at step %1: L1 %2 (baseline %3) · SSIM %4 (baseline %5)")
                                  .arg(record.step)
                                  .arg(record.valL1, 0, 'f', 4)
                                  .arg(record.baselineL1, 0, 'f', 4)
                                  .arg(record.valSsim, 0, 'f', 4)
                                  .arg(record.baselineSsim, 0, 'f', 4));
    }
    if (!record.checkpoint.empty())
        m_checkpoints->reload();
}

void TrainingPanel::onFinished(const training::RunResult &result)
{
    const QString run = m_session->runName();
    switch (result.outcome) {
    case training::RunOutcome::Completed:
        emit message(tr("The run “%1” finished at step %2.").arg(run).arg(result.step), false);
        break;
    case training::RunOutcome::Cancelled:
        emit message(tr("The run “%1” stopped at step %2; it can be resumed.").arg(run).arg(result.step), false);
        break;
    case training::RunOutcome::Failed:
        emit message(tr("The run “%1” failed: %2").arg(run, qs(result.message)), true);
        break;
    }
    m_checkpoints->setTraining(false);
    m_checkpoints->reload();
    refreshRuns();
    if (result.outcome == training::RunOutcome::Cancelled)
        m_resumeBar->hide(); // the user stopped it on purpose
    if (result.outcome == training::RunOutcome::Failed && result.canStartOver) {
        // Nothing usable to resume from: offer to start over, never do it unasked.
        m_refused = run;
        m_resumeText->setText(tr("The run “%1” cannot be resumed: none of its checkpoints is usable (see the log). "
                                 "Start it over from step 0? Its damaged checkpoints are kept for inspection.")
                                  .arg(run));
        m_resumeNow->hide();
        m_startOver->show();
        m_resumeBar->show();
    }
    emit runsChanged();
}

void TrainingPanel::updateButtons()
{
    const TrainingSession::State state = m_session->state();
    const bool idle = state == TrainingSession::State::Idle;
    m_start->setEnabled(idle);
    m_resume->setEnabled(idle && m_runCombo->count() > 0);
    m_fineTune->setEnabled(idle && m_runCombo->count() > 0);
    m_runCombo->setEnabled(idle);
    m_pause->setEnabled(state == TrainingSession::State::Running || state == TrainingSession::State::Paused);
    {
        const QSignalBlocker blocker(m_pause);
        m_pause->setChecked(state == TrainingSession::State::Paused);
    }
    m_pause->setText(state == TrainingSession::State::Paused ? tr("Continue") : tr("Pause"));
    m_stop->setEnabled(state == TrainingSession::State::Running || state == TrainingSession::State::Paused);
    if (state == TrainingSession::State::Stopping)
        m_stats->setText(tr("Stopping after this step and saving a checkpoint…"));
}

} // namespace zistudio::ui
