// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experiments/comparison.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace zistudio::ui
{

class ComparisonPlot;
class ComparisonTable;
class GlyphGridWidget;
class ProjectDocument;
class TrainingSession;

/**
 * The Compare tab: runs of the project side by side, the question being which attention placement
 * is best on equal terms. Check runs in the list (a sweep's runs: `zistudio-cli sweep`); the view
 * shows the table (best validation L1/SSIM, baseline, parameters, step time, memory, γ per layer),
 * the verdict (the best run, its margin over the runner-up, and whether the margin exceeds the
 * run-to-run noise of repeated placements), the validation L1 curves overlaid, and a glyph grid of
 * the same held-out characters drawn by each run's best checkpoint. Loading checkpoints and
 * generating runs on a worker thread. The comparison exports as CSV and as the PNG figure.
 *
 * **Open Study…** shows a saved study instead (comparisons written by `zistudio-cli compare --save`,
 * e.g. docs/attention-study/song-kai.study.json): its runs, verdict, curves and glyphs come from the file, so
 * it opens without the project or its checkpoints; checking runs in the list decides anew among them.
 */
class CompareView : public QWidget
{
    Q_OBJECT

public:
    CompareView(ProjectDocument *document, TrainingSession *session, QWidget *parent = nullptr);

    /**
     * Reloads the run list from the project's run store, keeping the checked runs that still exist. A
     * project's first list (up to 8 runs, e.g. one sweep) starts with every run checked.
     */
    void refreshRuns();
    QStringList runNames() const;
    QStringList checkedRuns() const;
    /** Checks exactly these runs and compares them (after a short pause, like a click does). */
    void setCheckedRuns(const QStringList &runs);
    /** Characters of the glyph grid ("" = the first held-out characters of the dataset). */
    void setGridCharacters(const QString &text);
    /** Starts comparing the checked runs now, on a worker thread. */
    void compareNow();
    bool isBusy() const { return m_busy; }

    /** Loads a saved study (a comparison JSON file, or a folder of them) on a worker thread and shows it. */
    void openStudy(const QString &path);
    /** Leaves the study and shows the project's runs again. */
    void closeStudy();
    bool isStudyOpen() const { return !m_studyPath.isEmpty(); }

    const experiments::Comparison &comparison() const { return m_comparison; }
    ComparisonTable *table() const { return m_table; }
    GlyphGridWidget *glyphGrid() const { return m_grid; }
    /** Curves on the plot (one per run with a validation series, plus the baseline). */
    int curveCount() const;
    /**
     * Row labels for the glyph grid: run names without the long prefix they all share ("…enc2-s42"),
     * so names cut to the label column stay distinct; names as they are when the shared part is short.
     */
    static QStringList distinctRunLabels(const QStringList &runs);
    QString verdictText() const;

    /** Writes the table as CSV / the figure as PNG (atomically); false with `error` set on failure. */
    bool exportCsv(const QString &path, QString *error) const;
    bool exportFigure(const QString &path, QString *error) const;

signals:
    void message(const QString &text, bool error);
    /** A comparison finished and is shown (tests wait on this). */
    void comparisonShown();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleCompare();
    void showComparison();
    void fillGrid();
    void retranslate();
    void updateButtons();
    void chooseCsv();
    void chooseFigure();
    void chooseStudy();
    void fillRunList(const QList<std::pair<QString, QString>> &runs, const QStringList &checked);

    ProjectDocument *m_document;
    QListWidget *m_runList;
    QPushButton *m_refresh;
    QLineEdit *m_chars;
    ComparisonTable *m_table;
    QLabel *m_verdict;
    QLabel *m_hint;
    ComparisonPlot *m_plot;
    GlyphGridWidget *m_grid;
    QPushButton *m_exportCsv;
    QPushButton *m_exportFigure;
    QPushButton *m_study;
    QString m_studyPath;                ///< the open study ("" = the project's runs)
    experiments::Comparison m_studyAll; ///< every run of the open study
    QTimer *m_debounce;
    experiments::Comparison m_comparison;
    bool m_busy = false;
    bool m_pending = false;
    int m_generation = 0;
};

} // namespace zistudio::ui
