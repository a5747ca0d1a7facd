// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"
#include "session/generatortypes.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSplitter;
class QTabWidget;
class QTableView;

namespace zistudio::ui
{

class GeneratorSession;
class PreviewModel;
class ProjectDocument;
class RunChooser;
class TextPreviewWidget;
class TrainingSession;
class WorstGlyphsProxy;

/**
 * The Preview tab. "Glyphs": a grid of characters (the run's validation set, or typed ones) with the
 * source glyph, the generated glyph per style and each style's own glyph where it has one, L1 and
 * SSIM against it, and a sortable list of the worst glyphs. Accept / Reject / Flag (A / R / F) store
 * a verdict per character in the project, which export honours. "Text": a typed sentence set in the
 * target font above the same sentence composed of generated glyphs. Generation runs on a worker
 * thread with progress and cancel.
 */
class PreviewView : public QWidget
{
    Q_OBJECT

public:
    PreviewView(ProjectDocument *document, TrainingSession *session, QWidget *parent = nullptr);

    RunChooser *runChooser() const { return m_runs; }
    PreviewModel *model() const { return m_model; }
    WorstGlyphsProxy *worstGlyphs() const { return m_worst; }
    QTableView *grid() const { return m_grid; }
    QTableView *worstList() const { return m_worstList; }
    TextPreviewWidget *textPreview() const { return m_text; }
    const GeneratorInfo &info() const { return m_info; }
    bool isGenerating() const { return m_gridId != 0; }

    /** Generates the grid for these characters (empty: the run's validation set). */
    void generate(const std::u32string &characters = {});
    void cancel();
    /** Reviews the selected characters of the grid (none: forgets their verdict). */
    void reviewSelection(std::optional<project::Review> review);
    /** Selects a character's row in the grid (false when it is not there). */
    bool selectCharacter(char32_t character);
    /** Shows the Glyphs (0) or Text (1) page. */
    void showPage(int page);

signals:
    void message(const QString &text, bool error);
    /** The grid finished generating (or was cancelled, or failed). */
    void gridDone();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createGlyphsPage();
    void onKeyChanged(const GeneratorKey &key);
    void onLoaded(const GeneratorInfo &info);
    void onGridFinished(quint64 id, bool cancelled, const QString &error);
    void syncReviews();
    void worstSelected();
    /** Fits the columns to the glyphs and scores, then gives the grid the width it needs (the side list the rest). */
    void fitColumns();

    ProjectDocument *m_document;
    TrainingSession *m_training;
    GeneratorSession *m_session;
    RunChooser *m_runs;
    PreviewModel *m_model;
    WorstGlyphsProxy *m_worst;
    QTabWidget *m_pages = nullptr;
    QTableView *m_grid = nullptr;
    QTableView *m_worstList = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_splitterMoved = false; ///< by the user: fitColumns() keeps their choice
    TextPreviewWidget *m_text = nullptr;
    QRadioButton *m_validationSet = nullptr;
    QRadioButton *m_typed = nullptr;
    QLineEdit *m_typedChars = nullptr;
    QPushButton *m_generate = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;

    GeneratorKey m_key;
    GeneratorInfo m_info;
    quint64 m_gridId = 0;
    bool m_loadRequested = false;
    bool m_generateWhenLoaded = true;
};

} // namespace zistudio::ui
