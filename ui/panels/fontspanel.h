// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/fontscan.h"

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;

namespace zistudio::ui
{

class GlyphGridWidget;
class ProjectDocument;
class TargetListModel;

/**
 * The Fonts dock: the source font (with a face picker for collections), the target styles (fonts or
 * folders of hand-drawn images, added by dialog or drag & drop), each one's coverage of the chosen
 * charset, the problems of image folders, and a strip of sample glyphs drawn by the one rasterizer.
 */
class FontsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FontsPanel(ProjectDocument *document, QWidget *parent = nullptr);

    TargetListModel *targetModel() const { return m_targets; }
    GlyphGridWidget *sampleGrid() const { return m_samples; }
    /** The newest scan result (for tests); its generation counts completed scans. */
    const FontScanResult &lastScan() const { return m_scan; }
    int scanGeneration() const { return m_shownGeneration; }

    /** Sets the source font (face 0 or the face picked). Returns false with a message on a bad font. */
    bool setSourceFont(const QString &path, int face = -1);
    /** Adds a font file (asking for the face of a collection) or an image folder as a new target style. */
    bool addTarget(const QString &path, int face = -1);

signals:
    void message(const QString &text, bool error);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QGroupBox *createSourceGroup();
    QGroupBox *createTargetsGroup();
    void loadFromDocument();
    void chooseSource();
    void chooseTargetFont();
    void chooseTargetFolder();
    void removeTarget();
    void changeTargetFace();
    void sourceFaceChosen(int face);
    void showSelectedProblems();
    void rescan();
    void showScan(const FontScanResult &result);
    int pickFace(const QString &path, bool allowAll);
    QString fontFilter() const;

    ProjectDocument *m_document;
    TargetListModel *m_targets;
    FontScanResult m_scan;
    int m_requestedGeneration = 0;
    int m_shownGeneration = 0;
    bool m_loading = false;

    QGroupBox *m_sourceGroup = nullptr;
    QLabel *m_sourceFile = nullptr;
    QLabel *m_sourceInfo = nullptr;
    QComboBox *m_sourceFace = nullptr;
    QTableView *m_targetView = nullptr;
    QPushButton *m_removeTarget = nullptr;
    QPushButton *m_faceButton = nullptr;
    QListWidget *m_problems = nullptr;
    QLineEdit *m_sampleText = nullptr;
    GlyphGridWidget *m_samples = nullptr;
};

} // namespace zistudio::ui
