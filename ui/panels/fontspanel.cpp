// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/fontspanel.h"

#include "models/targetlistmodel.h"
#include "projectdocument.h"
#include "util/backgroundjob.h"
#include "util/qtconvert.h"
#include "widgets/glyphgridwidget.h"

#include "workflow/targets.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace zistudio::ui
{

namespace
{

constexpr int kSampleCount = 12;
constexpr int kSampleCell = 44;

bool isFontFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("ttf") || suffix == QLatin1String("otf") || suffix == QLatin1String("ttc")
        || suffix == QLatin1String("otc");
}

} // namespace

FontsPanel::FontsPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_targets(new TargetListModel(this))
{
    setAcceptDrops(true);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(createSourceGroup());
    layout->addWidget(createTargetsGroup());

    auto *samplesGroup = new QGroupBox(tr("Sample glyphs"), content);
    auto *samplesLayout = new QVBoxLayout(samplesGroup);
    m_sampleText = new QLineEdit(samplesGroup);
    m_sampleText->setPlaceholderText(tr("Characters to show (default: the first of the charset)"));
    samplesLayout->addWidget(m_sampleText);
    m_samples = new GlyphGridWidget(samplesGroup);
    m_samples->setObjectName(QStringLiteral("FontSamples"));
    m_samples->setCellSize(kSampleCell);
    samplesLayout->addWidget(m_samples);
    layout->addWidget(samplesGroup, 1);
    connect(m_sampleText, &QLineEdit::editingFinished, this, &FontsPanel::rescan);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_document, &ProjectDocument::projectReplaced, this, &FontsPanel::loadFromDocument);
    connect(m_document, &ProjectDocument::datasetChanged, this, &FontsPanel::loadFromDocument);
    connect(m_targets, &TargetListModel::targetsEdited, this, [this](const std::vector<data::TargetSpec> &targets) {
        data::DatasetSpec spec = m_document->dataset();
        spec.targets = targets;
        m_document->setDataset(spec);
    });
    loadFromDocument();
}

QGroupBox *FontsPanel::createSourceGroup()
{
    m_sourceGroup = new QGroupBox(tr("Source font (the style the network reads)"), this);
    m_sourceGroup->setObjectName(QStringLiteral("SourceGroup"));
    auto *form = new QFormLayout(m_sourceGroup);
    auto *row = new QHBoxLayout;
    m_sourceFile = new QLabel(m_sourceGroup);
    m_sourceFile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sourceFile->setMinimumWidth(80);
    m_sourceFile->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *choose = new QPushButton(tr("Choose…"), m_sourceGroup);
    connect(choose, &QPushButton::clicked, this, &FontsPanel::chooseSource);
    row->addWidget(m_sourceFile, 1);
    row->addWidget(choose);
    form->addRow(tr("File:"), row);
    m_sourceFace = new QComboBox(m_sourceGroup);
    m_sourceFace->setMinimumContentsLength(16);
    m_sourceFace->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    form->addRow(tr("Face:"), m_sourceFace);
    connect(m_sourceFace, &QComboBox::activated, this, &FontsPanel::sourceFaceChosen);
    m_sourceInfo = new QLabel(m_sourceGroup);
    m_sourceInfo->setWordWrap(true);
    form->addRow(tr("Coverage:"), m_sourceInfo);
    return m_sourceGroup;
}

QGroupBox *FontsPanel::createTargetsGroup()
{
    auto *group = new QGroupBox(tr("Target styles (what the network learns to draw)"), this);
    auto *layout = new QVBoxLayout(group);
    m_targetView = new QTableView(group);
    m_targetView->setObjectName(QStringLiteral("TargetList"));
    m_targetView->setModel(m_targets);
    m_targetView->verticalHeader()->hide();
    m_targetView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_targetView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_targetView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_targetView->horizontalHeader()->setStretchLastSection(true);
    m_targetView->setMinimumHeight(110);
    m_targetView->setMinimumWidth(180); // scrolls inside rather than widening the dock
    layout->addWidget(m_targetView);

    // Two rows of buttons: adding, then acting on the selected style (one row would widen the dock).
    auto *buttons = new QGridLayout;
    auto *addFont = new QPushButton(tr("Add Font…"), group);
    auto *addFolder = new QPushButton(tr("Add Image Folder…"), group);
    m_faceButton = new QPushButton(tr("Face…"), group);
    m_removeTarget = new QPushButton(tr("Remove"), group);
    buttons->addWidget(addFont, 0, 0);
    buttons->addWidget(addFolder, 0, 1);
    buttons->addWidget(m_faceButton, 1, 0);
    buttons->addWidget(m_removeTarget, 1, 1);
    buttons->setColumnStretch(2, 1);
    layout->addLayout(buttons);
    auto *hint = new QLabel(tr("Tip: drop font files or image folders here; a font dropped on the source box "
                               "becomes the source."),
        group);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    layout->addWidget(hint);
    m_problems = new QListWidget(group);
    m_problems->setObjectName(QStringLiteral("TargetProblems"));
    m_problems->setMaximumHeight(90);
    m_problems->hide();
    layout->addWidget(m_problems);

    connect(addFont, &QPushButton::clicked, this, &FontsPanel::chooseTargetFont);
    connect(addFolder, &QPushButton::clicked, this, &FontsPanel::chooseTargetFolder);
    connect(m_faceButton, &QPushButton::clicked, this, &FontsPanel::changeTargetFace);
    connect(m_removeTarget, &QPushButton::clicked, this, &FontsPanel::removeTarget);
    connect(m_targetView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &FontsPanel::showSelectedProblems);
    return group;
}

QString FontsPanel::fontFilter() const
{
    return tr("Fonts (*.ttf *.otf *.ttc *.otc *.TTF *.OTF *.TTC *.OTC);;All files (*)");
}

void FontsPanel::loadFromDocument()
{
    m_loading = true;
    const data::DatasetSpec &spec = m_document->dataset();
    m_sourceFile->setText(spec.source.path.empty() ? tr("(none)") : QFileInfo(qs(spec.source.path)).fileName());
    m_sourceFile->setToolTip(qs(spec.source.path));
    m_targets->setTargets(spec.targets);
    m_loading = false;
    showSelectedProblems();
    rescan();
}

void FontsPanel::rescan()
{
    const int generation = ++m_requestedGeneration;
    const data::DatasetSpec spec = m_document->dataset();
    const QString sampleText = m_sampleText->text();
    runInBackground<FontScanResult>(
        this, [spec, sampleText] { return scanFonts(spec, sampleText, kSampleCount); },
        [this, generation](const FontScanResult &result) {
            if (generation == m_requestedGeneration) // drop results of superseded scans
                showScan(result);
        });
}

void FontsPanel::showScan(const FontScanResult &result)
{
    m_scan = result;
    m_shownGeneration = m_requestedGeneration;
    const SourceScan &source = result.source;
    {
        const QSignalBlocker blocker(m_sourceFace);
        m_sourceFace->clear();
        m_sourceFace->addItems(source.faceNames);
        m_sourceFace->setCurrentIndex(m_document->dataset().source.face);
        m_sourceFace->setEnabled(source.faceNames.size() > 1);
    }
    if (!source.error.isEmpty())
        m_sourceInfo->setText(source.error);
    else if (!result.charsetError.isEmpty())
        m_sourceInfo->setText(tr("%1 — charset: %2").arg(source.title, result.charsetError));
    else
        m_sourceInfo->setText(
            tr("%1 — covers %2 of %3 characters").arg(source.title).arg(source.covered).arg(source.total));
    m_targets->setStatuses(result.targets);
    showSelectedProblems();

    QList<GlyphGridWidget::Row> rows;
    for (int i = 0; i < result.samples.size(); ++i)
        rows.append({result.rowLabels.value(i), result.samples[i]});
    m_samples->setContent(result.sampleCaptions, rows);
}

void FontsPanel::showSelectedProblems()
{
    m_problems->clear();
    const QModelIndexList selected = m_targetView->selectionModel()->selectedRows();
    const int row = selected.isEmpty() ? -1 : selected.front().row();
    m_removeTarget->setEnabled(row >= 0);
    const bool isFont
        = row >= 0 && m_targets->targets()[static_cast<std::size_t>(row)].kind == data::TargetSpec::Kind::Font;
    m_faceButton->setEnabled(isFont);
    if (row < 0) {
        m_problems->hide();
        return;
    }
    const TargetStatus &status = m_targets->status(row);
    if (!status.error.isEmpty())
        m_problems->addItem(status.error);
    m_problems->addItems(status.problems);
    m_problems->setVisible(m_problems->count() > 0);
}

int FontsPanel::pickFace(const QString &path, bool allowAll)
{
    QString error;
    const QStringList faces = fontFaceNames(path, &error);
    if (!error.isEmpty()) {
        emit message(error, true);
        return -2;
    }
    if (faces.size() <= 1)
        return 0;
    QStringList items;
    for (int i = 0; i < faces.size(); ++i)
        items << tr("%1: %2").arg(i).arg(faces[i]);
    if (allowAll)
        items << tr("All %1 faces, one style each").arg(faces.size());
    bool ok = false;
    const QString item = QInputDialog::getItem(
        this, tr("Choose a Face"), tr("%1 holds several faces:").arg(QFileInfo(path).fileName()), items, 0, false, &ok);
    if (!ok)
        return -2;
    const int index = static_cast<int>(items.indexOf(item));
    return index == faces.size() ? -1 : index;
}

bool FontsPanel::setSourceFont(const QString &path, int face)
{
    if (face < 0)
        face = pickFace(path, false);
    if (face < 0)
        return false;
    data::DatasetSpec spec = m_document->dataset();
    spec.source = {utf8(path), face};
    m_document->setDataset(spec);
    emit message(tr("Source font: %1").arg(path), false);
    return true;
}

bool FontsPanel::addTarget(const QString &path, int face)
{
    data::DatasetSpec spec = m_document->dataset();
    const QFileInfo info(path);
    if (!info.isDir()) {
        QString error;
        const QStringList faces = fontFaceNames(path, &error);
        if (!error.isEmpty()) {
            emit message(error, true);
            return false;
        }
        if (face < 0 || face >= faces.size()) {
            face = faces.size() > 1 ? pickFace(path, true) : 0;
            if (face == -2)
                return false;
        }
    }
    try {
        workflow::addTargets(spec, toPath(info.absoluteFilePath()), face); // face -1: every face of a collection
    } catch (const std::exception &e) {
        emit message(qs(e.what()), true);
        return false;
    }
    m_document->setDataset(spec);
    emit message(tr("Target added: %1").arg(path), false);
    return true;
}

void FontsPanel::chooseSource()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Choose the Source Font"), m_document->folder(), fontFilter());
    if (!path.isEmpty())
        setSourceFont(path);
}

void FontsPanel::chooseTargetFont()
{
    const QStringList paths
        = QFileDialog::getOpenFileNames(this, tr("Add Target Fonts"), m_document->folder(), fontFilter());
    for (const QString &path : paths)
        addTarget(path);
}

void FontsPanel::chooseTargetFolder()
{
    const QString path
        = QFileDialog::getExistingDirectory(this, tr("Add a Folder of Drawn Glyphs"), m_document->folder());
    if (!path.isEmpty())
        addTarget(path);
}

void FontsPanel::removeTarget()
{
    const QModelIndexList selected = m_targetView->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    data::DatasetSpec spec = m_document->dataset();
    spec.targets.erase(spec.targets.begin() + selected.front().row());
    m_document->setDataset(spec);
}

void FontsPanel::changeTargetFace()
{
    const QModelIndexList selected = m_targetView->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    data::DatasetSpec spec = m_document->dataset();
    data::TargetSpec &target = spec.targets[static_cast<std::size_t>(selected.front().row())];
    const int face = pickFace(qs(target.path), false);
    if (face < 0)
        return;
    target.face = face;
    const QStringList faces = fontFaceNames(qs(target.path), nullptr);
    target.name = utf8(faces.value(face, qs(target.name)));
    m_document->setDataset(spec);
}

void FontsPanel::sourceFaceChosen(int face)
{
    data::DatasetSpec spec = m_document->dataset();
    if (spec.source.face == face)
        return;
    spec.source.face = face;
    m_document->setDataset(spec);
}

void FontsPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void FontsPanel::dropEvent(QDropEvent *event)
{
    const QPoint where = m_sourceGroup->mapFrom(this, event->position().toPoint());
    const bool onSource = m_sourceGroup->rect().contains(where);
    for (const QUrl &url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (onSource && isFontFile(path))
            setSourceFont(path);
        else if (QFileInfo(path).isDir() || isFontFile(path))
            addTarget(path);
        else
            emit message(tr("Not a font file or a folder: %1").arg(path), true);
    }
    event->acceptProposedAction();
}

} // namespace zistudio::ui
