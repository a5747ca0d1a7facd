// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/exportdialog.h"

#include "projectdocument.h"
#include "session/exportjob.h"
#include "session/runhistory.h"
#include "util/backgroundjob.h"
#include "util/qtconvert.h"

#include "common/utf8.h"
#include "export/glyphtracer.h"
#include "glyphs/charsets.h"
#include "inference/generator.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace zistudio::ui
{

namespace
{

using Kind = workflow::CharacterChoice::Kind;
using fontexport::ExportFormat;

/// Side of the preview pictures (bitmap and outline), pixels.
constexpr int kPreviewSide = 160;

struct PreviewGlyph
{
    quint64 id = 0;
    GrayImage image;
    fontexport::EmBox emBox;
    QString error;
};

struct TracedGlyph
{
    quint64 id = 0;
    fontexport::Outline outline;
    QString error;
};

/** The outline drawn the way the font will show it: black on white, the em box filling the square. */
QPixmap drawOutline(const fontexport::Outline &outline, const fontexport::EmBox &box)
{
    QPixmap pixmap(kPreviewSide, kPreviewSide);
    pixmap.fill(Qt::white);
    const double scale = kPreviewSide / (box.emBoxTop - box.emBoxBottom);
    const auto map = [&](const fontexport::Point &p) { return QPointF(p.x * scale, (box.emBoxTop - p.y) * scale); };
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (const auto &contour : outline.contours) {
        path.moveTo(map(contour.start));
        for (const auto &s : contour.segments) {
            if (s.type == fontexport::Segment::Type::Cubic)
                path.cubicTo(map(s.c1), map(s.c2), map(s.end));
            else
                path.lineTo(map(s.end));
        }
        path.closeSubpath();
    }
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillPath(path, Qt::black);
    painter.setPen(QPen(QColor(220, 60, 60), 1));
    for (const auto &contour : outline.contours) // on-curve points, to judge the point count
        for (const auto &s : contour.segments)
            painter.drawRect(QRectF(map(s.end) - QPointF(1, 1), QSizeF(2, 2)));
    return pixmap;
}

} // namespace

ExportDialog::ExportDialog(ProjectDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_job(new ExportJob(this))
{
    setWindowTitle(tr("Export Glyphs"));
    setObjectName(QStringLiteral("exportDialog"));
    buildUi();
    reloadRuns();
    restoreChoices();
    updateCharacterWidgets();
    updateEnabled();
    connect(m_job, &ExportJob::progress, this, [this](double fraction, const QString &what) {
        m_progress->setValue(static_cast<int>(fraction * 1000 + 0.5));
        m_status->setText(what);
    });
    connect(m_job, &ExportJob::finished, this, &ExportDialog::showOutcome);
    requestPreviewGlyph();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::buildUi()
{
    auto *source = new QGroupBox(tr("Run"), this);
    auto *sourceForm = new QFormLayout(source);
    m_run = new QComboBox(source);
    m_run->setObjectName(QStringLiteral("run"));
    m_checkpoint = new QComboBox(source);
    m_checkpoint->setObjectName(QStringLiteral("checkpoint"));
    sourceForm->addRow(tr("Run:"), m_run);
    sourceForm->addRow(tr("Checkpoint:"), m_checkpoint);

    auto *chars = new QGroupBox(tr("Characters"), this);
    auto *charsForm = new QFormLayout(chars);
    m_characters = new QComboBox(chars);
    m_characters->setObjectName(QStringLiteral("characters"));
    m_characters->addItem(tr("The run’s characters"), static_cast<int>(Kind::RunCharset));
    m_characters->addItem(tr("The reviewed characters"), static_cast<int>(Kind::Reviewed));
    m_characters->addItem(tr("A built-in charset"), static_cast<int>(Kind::Builtin));
    m_characters->addItem(tr("A charset file"), static_cast<int>(Kind::File));
    m_characters->addItem(tr("Typed characters"), static_cast<int>(Kind::Text));
    m_charsetName = new QComboBox(chars);
    m_charsetName->setObjectName(QStringLiteral("charsetName"));
    for (const auto &name : glyphs::builtinCharsetNames())
        m_charsetName->addItem(qs(name));
    m_charactersText = new QLineEdit(chars);
    m_charactersText->setObjectName(QStringLiteral("charactersText"));
    m_browseCharset = new QPushButton(tr("Browse…"), chars);
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_charsetName);
    valueRow->addWidget(m_charactersText, 1);
    valueRow->addWidget(m_browseCharset);
    m_includeUnreviewed = new QCheckBox(tr("Also glyphs nobody has reviewed"), chars);
    m_includeUnreviewed->setObjectName(QStringLiteral("includeUnreviewed"));
    m_includeUnreviewed->setToolTip(tr("Rejected glyphs are always left out. Once some of the chosen glyphs have "
                                       "been reviewed, the unreviewed ones wait unless this is ticked."));
    charsForm->addRow(tr("Export:"), m_characters);
    charsForm->addRow(QString(), valueRow);
    charsForm->addRow(QString(), m_includeUnreviewed);

    auto *formats = new QGroupBox(tr("Formats"), this);
    auto *formatGrid = new QGridLayout(formats);
    const auto box = [formats](const QString &text, const char *name, bool on) {
        auto *check = new QCheckBox(text, formats);
        check->setObjectName(QLatin1String(name));
        check->setChecked(on);
        return check;
    };
    m_png = box(tr("PNG per glyph"), "formatPng", true);
    m_sheet = box(tr("Contact sheets"), "formatSheet", false);
    m_svg = box(tr("SVG per glyph"), "formatSvg", true);
    m_ufo = box(tr("UFO 3"), "formatUfo", true);
    m_backgrounds = box(tr("with the bitmaps as background images"), "ufoBackgrounds", false);
    m_ttf = box(tr("TrueType (.ttf)"), "formatTtf", true);
    m_otf = box(tr("OpenType CFF (.otf)"), "formatOtf", false);
    formatGrid->addWidget(m_png, 0, 0);
    formatGrid->addWidget(m_sheet, 0, 1);
    formatGrid->addWidget(m_svg, 1, 0);
    formatGrid->addWidget(m_ttf, 1, 1);
    formatGrid->addWidget(m_ufo, 2, 0);
    formatGrid->addWidget(m_otf, 2, 1);
    formatGrid->addWidget(m_backgrounds, 3, 0, 1, 2);
    m_merge = box(tr("Merge into a TrueType font:"), "merge", false);
    m_mergeFont = new QLineEdit(formats);
    m_mergeFont->setObjectName(QStringLiteral("mergeFont"));
    m_mergeFont->setToolTip(tr("Writes <font>-merged.ttf: the font with the generated glyphs it lacks added."));
    m_browseMerge = new QPushButton(tr("Browse…"), formats);
    formatGrid->addWidget(m_merge, 4, 0, 1, 2);
    auto *mergeRow = new QHBoxLayout;
    mergeRow->addWidget(m_mergeFont, 1);
    mergeRow->addWidget(m_browseMerge);
    formatGrid->addLayout(mergeRow, 5, 0, 1, 2);

    auto *names = new QGroupBox(tr("Font Names"), this);
    auto *namesForm = new QFormLayout(names);
    m_family = new QLineEdit(names);
    m_family->setObjectName(QStringLiteral("family"));
    m_style = new QLineEdit(QStringLiteral("Regular"), names);
    m_style->setObjectName(QStringLiteral("style"));
    namesForm->addRow(tr("Family:"), m_family);
    namesForm->addRow(tr("Style:"), m_style);

    auto *trace = new QGroupBox(tr("Outlines (potrace)"), this);
    auto *traceLayout = new QHBoxLayout(trace);
    auto *traceForm = new QFormLayout;
    const fontexport::TraceOptions defaults;
    m_turdsize = new QSpinBox(trace);
    m_turdsize->setObjectName(QStringLiteral("turdsize"));
    m_turdsize->setRange(0, 1000);
    m_turdsize->setValue(defaults.turdsize);
    m_turdsize->setToolTip(tr("Specks of at most this many pixels are dropped."));
    m_alphamax = new QDoubleSpinBox(trace);
    m_alphamax->setObjectName(QStringLiteral("alphamax"));
    m_alphamax->setRange(0.0, 1.3334);
    m_alphamax->setDecimals(2);
    m_alphamax->setSingleStep(0.1);
    m_alphamax->setValue(defaults.alphamax);
    m_alphamax->setToolTip(tr("Corner threshold: 0 draws a polygon, higher values round more corners."));
    m_opttolerance = new QDoubleSpinBox(trace);
    m_opttolerance->setObjectName(QStringLiteral("opttolerance"));
    m_opttolerance->setRange(0.0, 5.0);
    m_opttolerance->setDecimals(2);
    m_opttolerance->setSingleStep(0.1);
    m_opttolerance->setValue(defaults.opttolerance);
    m_opttolerance->setToolTip(tr("Curve optimisation: higher values join more curves (fewer points, less exact)."));
    m_previewChar = new QLineEdit(QStringLiteral("永"), trace);
    m_previewChar->setObjectName(QStringLiteral("previewChar"));
    m_previewChar->setMaxLength(2);
    traceForm->addRow(tr("Speck size:"), m_turdsize);
    traceForm->addRow(tr("Corners:"), m_alphamax);
    traceForm->addRow(tr("Curve tolerance:"), m_opttolerance);
    traceForm->addRow(tr("Preview character:"), m_previewChar);
    traceLayout->addLayout(traceForm);
    m_previewBitmap = new QLabel(trace);
    m_previewBitmap->setObjectName(QStringLiteral("previewBitmap"));
    m_previewOutline = new QLabel(trace);
    m_previewOutline->setObjectName(QStringLiteral("previewOutline"));
    for (QLabel *label : {m_previewBitmap, m_previewOutline}) {
        label->setFixedSize(kPreviewSide + 2, kPreviewSide + 2);
        label->setFrameShape(QFrame::Box);
        label->setAlignment(Qt::AlignCenter);
    }
    m_previewNote = new QLabel(trace);
    m_previewNote->setObjectName(QStringLiteral("previewNote"));
    m_previewNote->setWordWrap(true);
    auto *pictures = new QGridLayout;
    pictures->addWidget(new QLabel(tr("Generated bitmap"), trace), 0, 0, Qt::AlignHCenter);
    pictures->addWidget(new QLabel(tr("Traced outline"), trace), 0, 1, Qt::AlignHCenter);
    pictures->addWidget(m_previewBitmap, 1, 0);
    pictures->addWidget(m_previewOutline, 1, 1);
    pictures->addWidget(m_previewNote, 2, 0, 1, 2);
    traceLayout->addLayout(pictures);

    auto *output = new QGroupBox(tr("Output"), this);
    auto *outputLayout = new QVBoxLayout(output);
    auto *outRow = new QHBoxLayout;
    m_outDir = new QLineEdit(output);
    m_outDir->setObjectName(QStringLiteral("outDir"));
    auto *browseOut = new QPushButton(tr("Browse…"), output);
    outRow->addWidget(new QLabel(tr("Folder:"), output));
    outRow->addWidget(m_outDir, 1);
    outRow->addWidget(browseOut);
    m_progress = new QProgressBar(output);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_status = new QLabel(output);
    m_status->setObjectName(QStringLiteral("status"));
    m_summary = new QPlainTextEdit(output);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setReadOnly(true);
    m_summary->setMaximumHeight(110);
    m_summary->setPlaceholderText(tr("What the export wrote and what it left out appears here."));
    outputLayout->addLayout(outRow);
    outputLayout->addWidget(m_progress);
    outputLayout->addWidget(m_status);
    outputLayout->addWidget(m_summary);

    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_cancel = buttons->addButton(tr("Cancel Export"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_openFolder = buttons->addButton(tr("Open Folder"), QDialogButtonBox::ActionRole);
    m_openFolder->setObjectName(QStringLiteral("openFolder"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    m_export->setDefault(true);

    auto *left = new QVBoxLayout;
    left->addWidget(source);
    left->addWidget(chars);
    left->addWidget(formats);
    left->addWidget(names);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(trace);
    right->addWidget(output, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    m_retraceTimer = new QTimer(this);
    m_retraceTimer->setSingleShot(true);
    m_retraceTimer->setInterval(150); // one trace after a burst of spin-box steps
    connect(m_retraceTimer, &QTimer::timeout, this, &ExportDialog::retrace);
    for (QSpinBox *spin : {m_turdsize})
        connect(spin, &QSpinBox::valueChanged, m_retraceTimer, qOverload<>(&QTimer::start));
    for (QDoubleSpinBox *spin : {m_alphamax, m_opttolerance})
        connect(spin, &QDoubleSpinBox::valueChanged, m_retraceTimer, qOverload<>(&QTimer::start));
    connect(m_previewChar, &QLineEdit::editingFinished, this, &ExportDialog::requestPreviewGlyph);
    connect(m_run, &QComboBox::currentIndexChanged, this, [this] {
        reloadCheckpoints();
        requestPreviewGlyph();
    });
    connect(m_checkpoint, &QComboBox::currentIndexChanged, this, &ExportDialog::requestPreviewGlyph);
    connect(m_characters, &QComboBox::currentIndexChanged, this, &ExportDialog::updateCharacterWidgets);
    for (QCheckBox *check : {m_png, m_sheet, m_svg, m_ufo, m_backgrounds, m_ttf, m_otf, m_merge})
        connect(check, &QCheckBox::toggled, this, &ExportDialog::updateEnabled);
    connect(m_browseCharset, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Choose a Charset File"), m_document->folder(), tr("Text files (*.txt);;All files (*)"));
        if (!file.isEmpty())
            m_charactersText->setText(file);
    });
    connect(m_browseMerge, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Choose the Font to Merge Into"), m_document->folder(), tr("TrueType fonts (*.ttf)"));
        if (!file.isEmpty())
            m_mergeFont->setText(file);
    });
    connect(browseOut, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Export Into"), m_outDir->text().isEmpty() ? m_document->folder() : m_outDir->text());
        if (!dir.isEmpty())
            m_outDir->setText(dir);
    });
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(m_openFolder, &QPushButton::clicked, this,
        [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_outDir->text())); });
    connect(close, &QPushButton::clicked, this, &QDialog::close);
}

void ExportDialog::reloadRuns()
{
    const QSignalBlocker block(m_run);
    m_run->clear();
    QString error;
    for (const auto &record : listProjectRuns(m_document->filePath(), &error))
        m_run->addItem(qs(record.name));
    if (m_run->count() > 0)
        m_run->setCurrentIndex(m_run->count() - 1); // the newest run
    reloadCheckpoints();
}

bool ExportDialog::selectRun(const QString &run)
{
    const int index = m_run->findText(run);
    if (index < 0)
        return false;
    m_run->setCurrentIndex(index);
    return true;
}

void ExportDialog::reloadCheckpoints()
{
    const QSignalBlocker block(m_checkpoint);
    m_checkpoint->clear();
    m_checkpoint->addItem(tr("Best"), QStringLiteral("best"));
    m_checkpoint->addItem(tr("Last"), QStringLiteral("last"));
    QString error;
    for (const auto &c : listCheckpoints(m_document->filePath(), m_run->currentText(), &error))
        m_checkpoint->addItem(
            tr("Step %1").arg(c.step) + (c.isBest ? tr(" (best)") : QString()), QString::number(c.step));
    m_family->setPlaceholderText(m_document->displayName() + QLatin1Char(' ') + m_run->currentText());
}

void ExportDialog::updateCharacterWidgets()
{
    const auto kind = static_cast<Kind>(m_characters->currentData().toInt());
    m_charsetName->setVisible(kind == Kind::Builtin);
    m_charactersText->setVisible(kind == Kind::File || kind == Kind::Text);
    m_browseCharset->setVisible(kind == Kind::File);
    m_charactersText->setPlaceholderText(
        kind == Kind::File ? tr("A UTF-8 text file of characters") : tr("The characters to export, e.g. 永和九年"));
}

void ExportDialog::updateEnabled()
{
    const bool busy = m_job->isRunning();
    m_backgrounds->setEnabled(m_ufo->isChecked());
    m_mergeFont->setEnabled(m_merge->isChecked());
    m_browseMerge->setEnabled(m_merge->isChecked());
    const bool anyFormat = m_png->isChecked() || m_sheet->isChecked() || m_svg->isChecked() || m_ufo->isChecked()
        || m_ttf->isChecked() || m_otf->isChecked() || m_merge->isChecked();
    m_export->setEnabled(!busy && anyFormat && m_run->count() > 0);
    m_cancel->setEnabled(busy);
    m_openFolder->setVisible(!busy && m_exported);
}

workflow::ExportRequest ExportDialog::request() const
{
    workflow::ExportRequest r;
    r.projectFile = toPath(m_document->filePath());
    r.run = utf8(m_run->currentText());
    r.checkpoint = utf8(m_checkpoint->currentData().toString());
    r.characters.kind = static_cast<Kind>(m_characters->currentData().toInt());
    if (r.characters.kind == Kind::Builtin)
        r.characters.value = utf8(m_charsetName->currentText());
    else if (r.characters.kind == Kind::File || r.characters.kind == Kind::Text)
        r.characters.value = utf8(m_charactersText->text());
    r.includeUnreviewed = m_includeUnreviewed->isChecked();
    r.reviews = m_document->project().reviews; // what the designer sees, saved or not
    r.formats.clear();
    const std::pair<QCheckBox *, ExportFormat> formats[]
        = {{m_png, ExportFormat::Png}, {m_sheet, ExportFormat::ContactSheet}, {m_svg, ExportFormat::Svg},
            {m_ufo, ExportFormat::Ufo}, {m_ttf, ExportFormat::Ttf}, {m_otf, ExportFormat::Otf}};
    for (const auto &[check, format] : formats)
        if (check->isChecked())
            r.formats.insert(format);
    r.backgroundImages = m_ufo->isChecked() && m_backgrounds->isChecked();
    if (m_merge->isChecked())
        r.mergeInto = utf8(m_mergeFont->text());
    r.family = utf8(m_family->text().trimmed());
    r.style = m_style->text().trimmed().isEmpty() ? std::string("Regular") : utf8(m_style->text().trimmed());
    r.trace.turdsize = m_turdsize->value();
    r.trace.alphamax = m_alphamax->value();
    r.trace.opttolerance = m_opttolerance->value();
    r.outDir = toPath(m_outDir->text());
    return r;
}

bool ExportDialog::isExporting() const
{
    return m_job->isRunning();
}

void ExportDialog::startExport()
{
    if (m_job->isRunning())
        return;
    if (!m_document->hasFile()) {
        QMessageBox::information(this, tr("Export"), tr("Save the project first: runs live beside the project file."));
        return;
    }
    if (m_outDir->text().trimmed().isEmpty()) {
        m_status->setText(tr("Choose the folder to export into."));
        m_outDir->setFocus();
        return;
    }
    if (m_merge->isChecked() && m_mergeFont->text().trimmed().isEmpty()) {
        m_status->setText(tr("Choose the TrueType font to merge into."));
        m_mergeFont->setFocus();
        return;
    }
    saveChoices();
    m_exported = false;
    m_summary->clear();
    m_progress->setValue(0);
    m_status->setText(tr("Loading run %1…").arg(m_run->currentText()));
    m_job->start(request());
    updateEnabled();
}

void ExportDialog::cancelExport()
{
    m_job->cancel();
    m_status->setText(tr("Cancelling…"));
}

void ExportDialog::showOutcome(const ExportOutcome &outcome)
{
    m_exported = outcome.ok;
    if (outcome.cancelled) {
        m_progress->setValue(0);
        m_status->setText(tr("Export cancelled; the folder is as it was."));
    } else if (!outcome.ok) {
        m_status->setText(tr("Export failed."));
        m_summary->setPlainText(outcome.error);
    } else {
        const auto &r = outcome.result;
        m_progress->setValue(m_progress->maximum());
        m_status->setText(tr("Exported %1 glyphs from step %2.").arg(r.glyphsExported).arg(r.step));
        QStringList lines;
        lines << tr("%1 glyphs written, %2 with outlines, into %3:")
                     .arg(r.glyphsExported)
                     .arg(r.report.glyphsInFonts)
                     .arg(outcome.outDir);
        for (const auto &path : r.report.outputs)
            lines << QStringLiteral("  ") + toQString(path.filename());
        if (r.rejected > 0 || r.unreviewed > 0)
            lines << tr("Left out: %1 rejected, %2 not reviewed yet.").arg(r.rejected).arg(r.unreviewed);
        for (const auto &s : r.notGenerated)
            lines << tr("Skipped %1 %2: %3").arg(qs(formatCodePoint(s.cp)), charString(s.cp), qs(s.reason));
        for (const auto &s : r.report.skipped)
            lines << tr("Skipped %1 %2: %3").arg(qs(formatCodePoint(s.cp)), charString(s.cp), qs(s.reason));
        for (const auto &line : r.checkpointReport) // which checkpoint, and every damaged one skipped
            lines << tr("Note: %1").arg(qs(line));
        for (const auto &w : r.warnings)
            lines << tr("Note: %1").arg(qs(w));
        for (const auto &w : r.report.warnings)
            lines << tr("Note: %1").arg(qs(w));
        if (r.report.merge)
            lines << tr("Merged: added %1 glyphs, kept %2 the font already had.")
                         .arg(r.report.merge->added.size())
                         .arg(r.report.merge->alreadyPresent.size());
        m_summary->setPlainText(lines.join(QLatin1Char('\n')));
    }
    updateEnabled();
    emit exportFinished(outcome.ok);
}

void ExportDialog::requestPreviewGlyph()
{
    const char32_t cp = firstCodePoint(m_previewChar->text());
    if (m_run->count() == 0 || cp == 0 || !m_document->hasFile()) {
        m_previewNote->setText(m_run->count() == 0 ? tr("Train a run first: there is nothing to export yet.")
                                                   : tr("Type a character to preview."));
        return;
    }
    const quint64 id = ++m_previewRequest;
    m_previewNote->setText(tr("Generating %1…").arg(charString(cp)));
    const auto projectFile = toPath(m_document->filePath());
    const std::string run = utf8(m_run->currentText());
    const std::string checkpoint = utf8(m_checkpoint->currentData().toString());
    runInBackground<PreviewGlyph>(
        this,
        [id, projectFile, run, checkpoint, cp] {
            PreviewGlyph glyph;
            glyph.id = id;
            try {
                inference::Generator generator(projectFile, run, {checkpoint});
                const auto &config = generator.runConfig();
                const int style = config.dataset.targets.empty() ? 0 : config.dataset.targets.front().styleId;
                glyph.image = generator.generate(std::u32string(1, cp), inference::StyleMix::pure(style)).front();
                glyph.emBox = workflow::outputEmBox(config);
                if (glyph.image.isNull())
                    glyph.error = tr("The source font has no glyph for %1.").arg(charString(cp));
            } catch (const std::exception &e) {
                glyph.error = qs(e.what());
            }
            return glyph;
        },
        [this](const PreviewGlyph &glyph) {
            if (glyph.id != m_previewRequest)
                return; // a newer request is on its way
            m_previewImage = glyph.image;
            m_previewEmBox = glyph.emBox;
            if (!glyph.error.isEmpty()) {
                m_previewBitmap->clear();
                m_previewOutline->clear();
                m_previewNote->setText(glyph.error);
                emit previewUpdated();
                return;
            }
            m_previewBitmap->setPixmap(QPixmap::fromImage(
                toQImage(glyph.image)
                    .scaled(kPreviewSide, kPreviewSide, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
            retrace();
        });
}

void ExportDialog::retrace()
{
    if (m_previewImage.isNull())
        return;
    const quint64 id = ++m_traceRequest;
    fontexport::TraceOptions options;
    options.turdsize = m_turdsize->value();
    options.alphamax = m_alphamax->value();
    options.opttolerance = m_opttolerance->value();
    runInBackground<TracedGlyph>(
        this,
        [id, image = m_previewImage, box = m_previewEmBox, options] {
            TracedGlyph traced;
            traced.id = id;
            try {
                traced.outline = fontexport::traceGlyph(image, box, options);
            } catch (const std::exception &e) {
                traced.error = qs(e.what());
            }
            return traced;
        },
        [this](const TracedGlyph &traced) {
            if (traced.id != m_traceRequest)
                return;
            if (!traced.error.isEmpty()) {
                m_previewOutline->clear();
                m_previewNote->setText(traced.error);
            } else {
                m_previewOutline->setPixmap(drawOutline(traced.outline, m_previewEmBox));
                m_previewNote->setText(tr("Outline: %1 segments in %2 contours")
                                           .arg(traced.outline.segmentCount())
                                           .arg(traced.outline.contours.size()));
            }
            emit previewUpdated();
        });
}

void ExportDialog::closeEvent(QCloseEvent *event)
{
    if (m_job->isRunning()) {
        m_job->cancel(); // the destructor waits for the thread; the folder stays as it was
    }
    saveChoices();
    QDialog::closeEvent(event);
}

QString ExportDialog::settingsKey() const
{
    // One group per project file (hashed: paths contain the separators QSettings uses).
    const QByteArray hash
        = QCryptographicHash::hash(QDir::cleanPath(m_document->filePath()).toUtf8(), QCryptographicHash::Sha1);
    return QStringLiteral("export/") + QString::fromLatin1(hash.toHex().left(16));
}

void ExportDialog::saveChoices() const
{
    if (!m_document->hasFile())
        return;
    QSettings settings;
    settings.beginGroup(settingsKey());
    settings.setValue(QStringLiteral("project"), m_document->filePath());
    settings.setValue(QStringLiteral("run"), m_run->currentText());
    settings.setValue(QStringLiteral("checkpoint"), m_checkpoint->currentData());
    settings.setValue(QStringLiteral("characters"),
        QString::fromLatin1(workflow::characterChoiceKindName(static_cast<Kind>(m_characters->currentData().toInt()))));
    settings.setValue(QStringLiteral("charset"), m_charsetName->currentText());
    settings.setValue(QStringLiteral("charactersText"), m_charactersText->text());
    settings.setValue(QStringLiteral("includeUnreviewed"), m_includeUnreviewed->isChecked());
    for (QCheckBox *check : {m_png, m_sheet, m_svg, m_ufo, m_backgrounds, m_ttf, m_otf, m_merge})
        settings.setValue(check->objectName(), check->isChecked());
    settings.setValue(QStringLiteral("mergeFont"), m_mergeFont->text());
    settings.setValue(QStringLiteral("family"), m_family->text());
    settings.setValue(QStringLiteral("style"), m_style->text());
    settings.setValue(QStringLiteral("turdsize"), m_turdsize->value());
    settings.setValue(QStringLiteral("alphamax"), m_alphamax->value());
    settings.setValue(QStringLiteral("opttolerance"), m_opttolerance->value());
    settings.setValue(QStringLiteral("previewChar"), m_previewChar->text());
    settings.setValue(QStringLiteral("outDir"), m_outDir->text());
}

void ExportDialog::restoreChoices()
{
    if (!m_document->hasFile())
        return;
    QSettings settings;
    settings.beginGroup(settingsKey());
    if (settings.value(QStringLiteral("project")).toString() != m_document->filePath()) {
        m_outDir->setText(QDir(m_document->folder()).filePath(QStringLiteral("export")));
        return; // nothing remembered for this project (or a hash collision)
    }
    selectRun(settings.value(QStringLiteral("run")).toString());
    const int checkpoint = m_checkpoint->findData(settings.value(QStringLiteral("checkpoint")));
    if (checkpoint >= 0)
        m_checkpoint->setCurrentIndex(checkpoint);
    if (const auto kind
        = workflow::parseCharacterChoiceKind(utf8(settings.value(QStringLiteral("characters")).toString())))
        m_characters->setCurrentIndex(m_characters->findData(static_cast<int>(*kind)));
    m_charsetName->setCurrentText(settings.value(QStringLiteral("charset")).toString());
    m_charactersText->setText(settings.value(QStringLiteral("charactersText")).toString());
    m_includeUnreviewed->setChecked(settings.value(QStringLiteral("includeUnreviewed")).toBool());
    for (QCheckBox *check : {m_png, m_sheet, m_svg, m_ufo, m_backgrounds, m_ttf, m_otf, m_merge})
        check->setChecked(settings.value(check->objectName(), check->isChecked()).toBool());
    m_mergeFont->setText(settings.value(QStringLiteral("mergeFont")).toString());
    m_family->setText(settings.value(QStringLiteral("family")).toString());
    m_style->setText(settings.value(QStringLiteral("style"), QStringLiteral("Regular")).toString());
    m_turdsize->setValue(settings.value(QStringLiteral("turdsize"), m_turdsize->value()).toInt());
    m_alphamax->setValue(settings.value(QStringLiteral("alphamax"), m_alphamax->value()).toDouble());
    m_opttolerance->setValue(settings.value(QStringLiteral("opttolerance"), m_opttolerance->value()).toDouble());
    m_previewChar->setText(settings.value(QStringLiteral("previewChar"), m_previewChar->text()).toString());
    m_outDir->setText(settings.value(QStringLiteral("outDir")).toString());
}

} // namespace zistudio::ui
