// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/datasetcheck.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace zistudio::ui
{

class CharsetChooser;
class DatasetBuilder;
class GlyphGridWidget;
class MissingGlyphModel;
class ProjectController;
class ProjectDocument;
struct DatasetBuildResult;

/**
 * The Dataset dock: which characters (built-in charset, custom text or file), how they are placed on
 * the canvas, the train/validation split; how many characters each style provides and which glyphs
 * are missing or filtered; building the dataset with progress on a worker thread; and a grid of the
 * built source/target pairs.
 */
class DatasetPanel : public QWidget
{
    Q_OBJECT

public:
    /** `controller` (optional) offers Save As when Build needs a saved project. */
    explicit DatasetPanel(
        ProjectDocument *document, ProjectController *controller = nullptr, QWidget *parent = nullptr);
    ~DatasetPanel() override;

    MissingGlyphModel *missingModel() const { return m_missing; }
    GlyphGridWidget *pairGrid() const { return m_pairs; }
    DatasetBuilder *builder() const { return m_builder; }
    const DatasetCheck &lastCheck() const { return m_check; }
    int checkGeneration() const { return m_shownCheck; }

    /** Builds (or reuses) the dataset of the saved project on the worker thread. */
    bool build();

signals:
    void message(const QString &text, bool error);

private:
    QWidget *createSettings();
    QWidget *createBuildGroup();
    void loadFromDocument();
    void storeToDocument();
    void recheck();
    void showCheck(const DatasetCheck &check);
    void onBuilt(const DatasetBuildResult &result);
    /** Shows the pairs of a dataset built earlier (by a run or a build), without building. */
    void showStoredDataset();

    ProjectDocument *m_document;
    ProjectController *m_controller;
    MissingGlyphModel *m_missing;
    DatasetBuilder *m_builder;
    DatasetCheck m_check;
    int m_requestedCheck = 0;
    int m_shownCheck = 0;
    bool m_loading = false;

    CharsetChooser *m_charset = nullptr;
    QComboBox *m_placement = nullptr;
    QDoubleSpinBox *m_margin = nullptr;
    QLabel *m_size = nullptr;
    QDoubleSpinBox *m_validation = nullptr;
    QLineEdit *m_pinned = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_filterRepeated = nullptr;
    QLabel *m_counts = nullptr;
    QTableView *m_missingView = nullptr;
    QPushButton *m_build = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_buildStatus = nullptr;
    GlyphGridWidget *m_pairs = nullptr;
};

} // namespace zistudio::ui
