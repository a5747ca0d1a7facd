// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;

namespace zistudio::ui
{

class CheckpointList;
class MetricsPlot;
class ProjectController;
class ProjectDocument;
class SampleViewer;
class TrainingSession;
class TrainingSettings;
struct RunHistory;

/**
 * The Training dock: start / pause / resume / stop, progress, images/s, ETA and memory; live curves of
 * every loss and of validation L1/SSIM against the baseline; the sample grid with a step slider; the
 * checkpoint list. Offers to resume a run that was interrupted. Training itself runs in a
 * TrainingSession on its own thread.
 */
class TrainingPanel : public QWidget
{
    Q_OBJECT

public:
    TrainingPanel(
        ProjectDocument *document, ProjectController *controller, TrainingSession *session, QWidget *parent = nullptr);

    MetricsPlot *plot() const { return m_plot; }
    SampleViewer *samples() const { return m_samples; }
    CheckpointList *checkpoints() const { return m_checkpoints; }
    /** The run shown (the training one while training). */
    QString shownRun() const { return m_shownRun; }
    /** The run offered for resuming, or "" when none was interrupted. */
    QString interruptedRun() const { return m_interrupted; }
    /** The run whose resume was refused (no usable checkpoint) and that the bar offers to start over, or "". */
    QString refusedRun() const { return m_refused; }

    /** Starts a new run of the current project (saving it first). Returns false when it could not start. */
    bool startNewRun(long long steps = 0);
    /** Continues `run` from its newest complete checkpoint. */
    bool resumeRun(const QString &run, bool startOver = false);
    /**
     * Trains `run` further: continues it from its newest checkpoint with its total raised to
     * `totalSteps` (a finished run trains on; its settings file records the new total; 0 = as it was).
     * `startOver` trains it again from step 0 when every checkpoint is damaged or gone (the Start Over button).
     */
    bool continueRun(const QString &run, long long totalSteps, bool startOver = false);
    /**
     * Starts a new run initialised from a checkpoint of `fromRun` (`fromStep`, 0 = its best), optionally
     * with the encoder frozen and only `styles` trained (empty = all); `steps` 0 = the project's.
     */
    bool startFineTune(const QString &fromRun, bool freezeEncoder, const std::vector<int> &styles, long long steps = 0,
        long long fromStep = 0);
    /** Shows a run's curves, samples and checkpoints (from the run store). */
    void showRun(const QString &run);
    /** Re-reads the runs; shows the resume bar when one was interrupted. */
    void refreshRuns();

signals:
    void message(const QString &text, bool error);
    /** A run started, finished or changed state (the run list should refresh). */
    void runsChanged();

private:
    QWidget *createControls();
    void onProgress(const training::ProgressRecord &record);
    void onFinished(const training::RunResult &result);
    void updateButtons();
    void applyHistory(const RunHistory &history);
    bool ensureSaved();
    /** Continue…: resumes a stopped run, or asks how far to train a finished one. */
    void askContinue();
    /** Fine-tune…: asks for the run to start from and the fine-tuning options. */
    void askFineTune();
    bool startRequest(workflow::RunRequest request);

    ProjectDocument *m_document;
    ProjectController *m_controller;
    TrainingSession *m_session;
    QString m_shownRun;
    QString m_interrupted;
    QString m_refused; ///< a run whose resume was refused (every checkpoint damaged or gone): it can start over
    QPushButton *m_resumeNow = nullptr;
    QPushButton *m_startOver = nullptr;
    int m_historyGeneration = 0;

    QFrame *m_resumeBar = nullptr;
    QLabel *m_resumeText = nullptr;
    QComboBox *m_runCombo = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_fineTune = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_stop = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stats = nullptr;
    QLabel *m_validation = nullptr;
    TrainingSettings *m_settings = nullptr;
    MetricsPlot *m_plot = nullptr;
    SampleViewer *m_samples = nullptr;
    CheckpointList *m_checkpoints = nullptr;
};

} // namespace zistudio::ui
