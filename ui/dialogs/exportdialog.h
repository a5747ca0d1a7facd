// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "export/embox.h"
#include "workflow/exportrun.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace zistudio::ui
{

class ExportJob;
class ProjectDocument;
struct ExportOutcome;

/**
 * File → Export…: a run's generated glyphs as PNG, contact sheets, SVG, UFO, TTF or OTF, optionally
 * merged into the target font. The choices (run and checkpoint, characters, formats, names, potrace
 * settings) make one workflow::ExportRequest, and the export runs workflow::exportRun — the call
 * behind `zistudio-cli export` — on an ExportJob thread with progress and cancel. Beside the choices,
 * one generated glyph and its traced outline preview the potrace settings. The last choices are
 * remembered per project file.
 */
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(ProjectDocument *document, QWidget *parent = nullptr);
    ~ExportDialog() override;

    /** The request the current choices make (what Export would run). */
    workflow::ExportRequest request() const;
    /** Chooses a run (and reloads its checkpoints); false when the project has no such run. */
    bool selectRun(const QString &run);
    bool isExporting() const;

public slots:
    /** Starts the export (after checking the choices); the outcome arrives as exportFinished(). */
    void startExport();
    void cancelExport();

signals:
    void exportFinished(bool ok);
    /** A new preview image pair is on screen (tests wait for it). */
    void previewUpdated();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void reloadRuns();
    void reloadCheckpoints();
    void updateCharacterWidgets();
    void updateEnabled();
    void requestPreviewGlyph();
    void retrace();
    void showOutcome(const ExportOutcome &outcome);
    void restoreChoices();
    void saveChoices() const;
    QString settingsKey() const;

    ProjectDocument *m_document;
    ExportJob *m_job;
    QComboBox *m_run = nullptr;
    QComboBox *m_checkpoint = nullptr;
    QComboBox *m_characters = nullptr;
    QComboBox *m_charsetName = nullptr;
    QLineEdit *m_charactersText = nullptr;
    QPushButton *m_browseCharset = nullptr;
    QCheckBox *m_includeUnreviewed = nullptr;
    QCheckBox *m_png = nullptr;
    QCheckBox *m_sheet = nullptr;
    QCheckBox *m_svg = nullptr;
    QCheckBox *m_ufo = nullptr;
    QCheckBox *m_backgrounds = nullptr;
    QCheckBox *m_ttf = nullptr;
    QCheckBox *m_otf = nullptr;
    QCheckBox *m_merge = nullptr;
    QLineEdit *m_mergeFont = nullptr;
    QPushButton *m_browseMerge = nullptr;
    QLineEdit *m_family = nullptr;
    QLineEdit *m_style = nullptr;
    QSpinBox *m_turdsize = nullptr;
    QDoubleSpinBox *m_alphamax = nullptr;
    QDoubleSpinBox *m_opttolerance = nullptr;
    QLineEdit *m_previewChar = nullptr;
    QLabel *m_previewBitmap = nullptr;
    QLabel *m_previewOutline = nullptr;
    QLabel *m_previewNote = nullptr;
    QLineEdit *m_outDir = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_openFolder = nullptr;
    QTimer *m_retraceTimer = nullptr;

    GrayImage m_previewImage; ///< the generated preview glyph (null until one arrives)
    fontexport::EmBox m_previewEmBox;
    quint64 m_previewRequest = 0;
    quint64 m_traceRequest = 0;
    bool m_exported = false; ///< the last export succeeded: its folder can be opened
};

} // namespace zistudio::ui
