// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/compareview.h"

#include "experiments/comparisonexport.h"
#include "experiments/figure.h"
#include "experiments/study.h"
#include "projectdocument.h"
#include "session/runhistory.h"
#include "session/trainingsession.h"
#include "util/backgroundjob.h"
#include "util/qtconvert.h"
#include "widgets/comparisonplot.h"
#include "widgets/comparisontable.h"
#include "widgets/glyphgridwidget.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace zistudio::ui
{

namespace
{

constexpr int kDebounceMs = 300;
constexpr int kGridChars = 8;
constexpr std::size_t kAutoCheckRuns = 8; ///< a project with at most this many runs starts with all checked

QString number(double v)
{
    return std::isfinite(v) ? QString::number(v, 'f', 4) : QStringLiteral("–");
}

/** A run in the list: its name, placement and steps done. */
QString runItemText(const std::string &name, const std::string &attention, long long lastStep)
{
    return QStringLiteral("%1  (%2, %3)").arg(qs(name), qs(attention), QString::number(lastStep));
}

/** What the worker thread hands back: the comparison or why there is none. */
struct CompareJob
{
    experiments::Comparison comparison;
    QString error;
    int generation = 0;
};

/// Shared run-name prefixes shorter than this stay in the glyph grid's row labels.
constexpr qsizetype kMinSharedPrefix = 6;

} // namespace

CompareView::CompareView(ProjectDocument *document, TrainingSession *session, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_runList(new QListWidget(this))
    , m_refresh(new QPushButton(this))
    , m_chars(new QLineEdit(this))
    , m_table(new ComparisonTable(this))
    , m_verdict(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_plot(new ComparisonPlot(this))
    , m_grid(new GlyphGridWidget(this))
    , m_exportCsv(new QPushButton(this))
    , m_exportFigure(new QPushButton(this))
    , m_study(new QPushButton(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("CompareView"));
    m_runList->setObjectName(QStringLiteral("CompareRuns"));
    m_verdict->setObjectName(QStringLiteral("CompareVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setWordWrap(true);
    m_grid->setCellSize(48);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_runList, 1);
    leftLayout->addWidget(m_refresh);
    leftLayout->addWidget(m_chars);
    leftLayout->addWidget(m_exportCsv);
    leftLayout->addWidget(m_exportFigure);
    leftLayout->addWidget(m_study);

    // The hint and the verdict stay outside the scrolled content: they wrap to the width the user sees.
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_table);
    contentLayout->addWidget(m_plot, 1);
    // The glyph grid scrolls sideways on its own, so the table and the curves (and the plot's legend) get the
    // width the user sees rather than the grid's.
    auto *glyphs = new QScrollArea(this);
    glyphs->setObjectName(QStringLiteral("CompareGlyphs"));
    glyphs->setFrameShape(QFrame::NoFrame);
    glyphs->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    glyphs->setWidget(m_grid);
    contentLayout->addWidget(glyphs);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("CompareContent"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_hint);
    rightLayout->addWidget(m_verdict);
    rightLayout->addWidget(scroll, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 800});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_runList, &QListWidget::itemChanged, this, [this] { scheduleCompare(); });
    connect(m_refresh, &QPushButton::clicked, this, &CompareView::refreshRuns);
    connect(m_chars, &QLineEdit::editingFinished, this, [this] { scheduleCompare(); });
    connect(m_debounce, &QTimer::timeout, this, &CompareView::compareNow);
    connect(m_exportCsv, &QPushButton::clicked, this, &CompareView::chooseCsv);
    connect(m_exportFigure, &QPushButton::clicked, this, &CompareView::chooseFigure);
    connect(m_study, &QPushButton::clicked, this, [this] {
        if (isStudyOpen())
            closeStudy();
        else
            chooseStudy();
    });
    // Another project (or the same one saved elsewhere, beside other runs): start over.
    auto restart = [this] {
        if (isStudyOpen()) {
            closeStudy(); // starts over with the new project's runs
            return;
        }
        {
            const QSignalBlocker blocker(m_runList);
            m_runList->clear();
        }
        ++m_generation; // a comparison still running belongs to the old project
        m_comparison = {};
        showComparison();
        refreshRuns();
    };
    connect(m_document, &ProjectDocument::projectReplaced, this, restart);
    connect(m_document, &ProjectDocument::filePathChanged, this, restart);
    if (session)
        connect(session, &TrainingSession::finished, this, [this] { refreshRuns(); });
    retranslate();
    refreshRuns();
}

void CompareView::retranslate()
{
    m_refresh->setText(tr("Refresh"));
    m_chars->setPlaceholderText(tr("Glyph grid characters (empty: held-out ones)"));
    m_exportCsv->setText(tr("Export CSV…"));
    m_exportFigure->setText(tr("Export PNG…"));
    m_study->setText(isStudyOpen() ? tr("Close Study") : tr("Open Study…"));
    m_study->setToolTip(tr("Show a saved study (zistudio-cli compare --save) without its project or checkpoints"));
    m_hint->setText(isStudyOpen()
            ? tr("Study %1: saved results, checkpoints not needed. Check runs to compare them.").arg(m_studyPath)
            : tr("Check two runs or more to compare them. Train one run per attention placement on equal "
                 "terms with: zistudio-cli sweep --project FILE --attention \"none;enc:3\" --seeds 2"));
    if (!m_comparison.runs.empty())
        showComparison();
}

void CompareView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CompareView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshRuns(); // runs may have been added by a sweep in a terminal meanwhile
}

void CompareView::refreshRuns()
{
    if (isStudyOpen())
        return; // the study's runs stay until it is closed
    const QStringList checked = checkedRuns();
    QString error;
    const auto runs
        = m_document->hasFile() ? listProjectRuns(m_document->filePath(), &error) : std::vector<project::RunRecord> {};
    if (!error.isEmpty())
        emit message(error, true);
    if (runNames() == [&] {
            QStringList names;
            for (const auto &r : runs)
                names << qs(r.name);
            return names;
        }())
        return; // unchanged: keep the checks and the shown comparison
    // A project's first look: compare every run when there are few (a sweep), else let the user choose.
    const bool checkAll = m_runList->count() == 0 && checked.isEmpty() && runs.size() <= kAutoCheckRuns;
    QList<std::pair<QString, QString>> items;
    QStringList toCheck;
    for (const auto &r : runs) {
        items.append({qs(r.name), runItemText(r.name, r.attention, r.lastStep)});
        if (checkAll || checked.contains(qs(r.name)))
            toCheck << qs(r.name);
    }
    fillRunList(items, toCheck);
    scheduleCompare();
}

void CompareView::fillRunList(const QList<std::pair<QString, QString>> &runs, const QStringList &checked)
{
    const QSignalBlocker blocker(m_runList);
    m_runList->clear();
    for (const auto &[name, text] : runs) {
        auto *item = new QListWidgetItem(text, m_runList);
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
}

void CompareView::openStudy(const QString &path)
{
    const auto file = toPath(path);
    const int generation = ++m_generation;
    m_busy = true;
    updateButtons();
    m_verdict->setText(tr("Reading the study…"));
    runInBackground<CompareJob>(
        this,
        [file, generation] {
            CompareJob job;
            job.generation = generation;
            try {
                job.comparison = experiments::loadStudy({file});
            } catch (const std::exception &e) {
                job.error = QString::fromUtf8(e.what());
            }
            return job;
        },
        [this, path](const CompareJob &job) {
            m_busy = false;
            if (job.generation != m_generation) {
                updateButtons();
                return;
            }
            if (!job.error.isEmpty()) {
                emit message(tr("Cannot open the study: %1").arg(job.error), true);
                showComparison();
                return;
            }
            m_studyPath = path;
            m_studyAll = job.comparison;
            QList<std::pair<QString, QString>> items;
            QStringList names;
            for (const auto &r : m_studyAll.runs) {
                items.append({qs(r.name), runItemText(r.name, r.attention, r.lastStep)});
                names << qs(r.name);
            }
            fillRunList(items, names);
            m_comparison = m_studyAll;
            m_chars->setEnabled(false); // the study's glyphs are saved pictures
            m_refresh->setEnabled(false);
            retranslate();
            showComparison();
        });
}

void CompareView::closeStudy()
{
    m_studyPath.clear();
    m_studyAll = {};
    m_comparison = {};
    ++m_generation;
    m_chars->setEnabled(true);
    m_refresh->setEnabled(true);
    {
        const QSignalBlocker blocker(m_runList);
        m_runList->clear();
    }
    retranslate();
    showComparison();
    refreshRuns();
}

void CompareView::chooseStudy()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open Study"), m_document->folder(), tr("Saved comparisons (*.json)"));
    if (!path.isEmpty())
        openStudy(path);
}

QStringList CompareView::runNames() const
{
    QStringList names;
    for (int i = 0; i < m_runList->count(); ++i)
        names << m_runList->item(i)->data(Qt::UserRole).toString();
    return names;
}

QStringList CompareView::checkedRuns() const
{
    QStringList names;
    for (int i = 0; i < m_runList->count(); ++i)
        if (m_runList->item(i)->checkState() == Qt::Checked)
            names << m_runList->item(i)->data(Qt::UserRole).toString();
    return names;
}

void CompareView::setCheckedRuns(const QStringList &runs)
{
    {
        const QSignalBlocker blocker(m_runList);
        for (int i = 0; i < m_runList->count(); ++i) {
            auto *item = m_runList->item(i);
            item->setCheckState(runs.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
    }
    scheduleCompare();
}

void CompareView::setGridCharacters(const QString &text)
{
    m_chars->setText(text);
    scheduleCompare();
}

void CompareView::scheduleCompare()
{
    m_debounce->start();
}

void CompareView::compareNow()
{
    m_debounce->stop();
    const QStringList runs = checkedRuns();
    if (m_busy) {
        m_pending = true; // compare again with the newest choice when this one is done
        return;
    }
    if (isStudyOpen()) {
        std::vector<std::string> keep;
        for (const auto &r : runs)
            keep.push_back(utf8(r));
        m_comparison = experiments::selectRuns(m_studyAll, keep); // saved values only: quick
        showComparison();
        return;
    }
    if (runs.isEmpty() || !m_document->hasFile()) {
        m_comparison = {};
        showComparison();
        return;
    }
    m_busy = true;
    updateButtons();
    m_verdict->setText(tr("Comparing…"));
    std::vector<std::string> names;
    for (const auto &r : runs)
        names.push_back(utf8(r));
    const auto file = toPath(m_document->filePath());
    std::u32string chars;
    for (const char32_t cp : m_chars->text().toUcs4())
        if (cp > ' ')
            chars.push_back(cp);
    const int generation = ++m_generation;
    runInBackground<CompareJob>(
        this,
        [file, names, chars, generation] {
            CompareJob job;
            job.generation = generation;
            try {
                experiments::CompareOptions options;
                options.glyphChars = chars;
                if (chars.empty()) {
                    try {
                        options.glyphChars = experiments::defaultComparisonChars(file, kGridChars);
                    } catch (const std::exception &) {
                        // No dataset built yet: the table and the curves without a glyph grid.
                    }
                }
                job.comparison = experiments::compareRuns(file, names, options);
            } catch (const std::exception &e) {
                job.error = QString::fromUtf8(e.what());
            }
            return job;
        },
        [this](const CompareJob &job) {
            m_busy = false;
            if (job.generation == m_generation) {
                if (job.error.isEmpty())
                    m_comparison = job.comparison;
                else {
                    m_comparison = {};
                    emit message(tr("Cannot compare: %1").arg(job.error), true);
                }
                showComparison();
            }
            if (m_pending) {
                m_pending = false;
                compareNow();
            }
        });
}

void CompareView::showComparison()
{
    m_table->setComparison(m_comparison);
    m_plot->setComparison(m_comparison);
    fillGrid();
    m_hint->setVisible(m_comparison.runs.size() < 2 || isStudyOpen());
    const auto &v = m_comparison.verdict;
    QString text;
    switch (v.standing) {
    case experiments::Standing::NoScores:
        text = m_comparison.runs.empty() ? QString() : tr("No run has a validated checkpoint yet.");
        break;
    case experiments::Standing::SinglePlacement:
        text = tr("Every scored run has the same placement: nothing to compare it with.");
        break;
    default:
        if (v.byPlacement && (v.bestRuns > 1 || v.runnerUpRuns > 1))
            text = tr("%1 is best: mean %2 %3 over %4 runs (best run %5) vs %6 for %7 over %8 runs (best run %9).")
                       .arg(qs(v.bestPlacement), qs(v.metric), number(v.bestValue))
                       .arg(v.bestRuns)
                       .arg(qs(v.best), number(v.runnerUpValue), qs(v.runnerUpPlacement))
                       .arg(v.runnerUpRuns)
                       .arg(qs(v.runnerUp))
                + QLatin1Char(' ') + tr("Margin %1.").arg(number(v.margin));
        else
            text = tr("%1 (%2) is best: %3 %4 vs %5 for %6 (%7), margin %8.")
                       .arg(qs(v.best), qs(v.bestPlacement), qs(v.metric), number(v.bestValue), number(v.runnerUpValue),
                           qs(v.runnerUp), qs(v.runnerUpPlacement), number(v.margin));
        text += QLatin1Char(' ');
        if (v.standing == experiments::Standing::NoiseUnknown) {
            text += tr("Noise unknown: no placement was trained twice (add a repeat with another seed).");
            break;
        }
        const QStringList single = [&] {
            QStringList names;
            for (const auto &placement : v.singleSeededPlacements())
                names << qs(placement);
            return names;
        }();
        if (v.noiseFromPair)
            text += tr("Run-to-run noise %1 (%2, %3 seeds: the wider seed spread of the two).")
                        .arg(number(v.noise), qs(v.noisePlacement))
                        .arg(v.noiseRuns);
        else
            text += tr("Run-to-run noise %1 (%2, %3 seeds: the widest of any placement, as %4).")
                        .arg(number(v.noise), qs(v.noisePlacement))
                        .arg(v.noiseRuns)
                        .arg(single.size() == 2 ? tr("%1 and %2 have one seed each").arg(single[0], single[1])
                                                : tr("%1 has one seed").arg(single.value(0)));
        text += QLatin1Char(' ')
            + (v.standing == experiments::Standing::ExceedsNoise
                    ? tr("The margin exceeds the noise.")
                    : tr("The margin is within the noise, so the ranking may be chance."));
        break;
    }
    for (const auto &w : m_comparison.warnings)
        text += QStringLiteral("\n") + tr("Warning: %1").arg(qs(w));
    m_verdict->setText(text);
    updateButtons();
    emit comparisonShown();
}

QStringList CompareView::distinctRunLabels(const QStringList &runs)
{
    if (runs.size() < 2)
        return runs;
    qsizetype common = runs.front().size();
    for (const QString &run : runs) {
        qsizetype i = 0;
        while (i < common && i < run.size() && run[i] == runs.front()[i])
            ++i;
        common = i;
    }
    // Cut at a separator, so "sweep-enc2" and "sweep-enc3" become "…enc2" and "…enc3", not "…2" and "…3".
    const QString prefix = runs.front().left(common);
    qsizetype cut = -1;
    for (const QChar separator : {QLatin1Char('-'), QLatin1Char('_'), QLatin1Char('.'), QLatin1Char(' ')})
        cut = std::max(cut, prefix.lastIndexOf(separator));
    if (cut + 1 < kMinSharedPrefix)
        return runs; // "ui-none", "ui-enc2": short enough as they are
    QStringList labels;
    for (const QString &run : runs)
        labels << QStringLiteral("…") + run.mid(cut + 1);
    return labels;
}

void CompareView::fillGrid()
{
    const auto &g = m_comparison.glyphs;
    QStringList captions;
    for (const char32_t cp : g.chars)
        captions << charString(cp);
    QStringList runs;
    for (const std::string &label : g.rowLabels)
        if (label != "source" && label != "target")
            runs << qs(label);
    const QStringList shortRuns = distinctRunLabels(runs);
    QList<GlyphGridWidget::Row> rows;
    QStringList toolTips;
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
        GlyphGridWidget::Row row;
        const std::string &label = g.rowLabels[r];
        row.label = label == "source" ? tr("source") : label == "target" ? tr("target") : qs(label);
        toolTips << row.label;
        if (const qsizetype i = runs.indexOf(row.label); i >= 0)
            row.label = shortRuns[i];
        for (const auto &img : g.rows[r])
            row.cells << (img.isNull() ? QImage() : toQImage(img));
        rows << row;
    }
    if (rows.isEmpty())
        m_grid->clear();
    else
        m_grid->setContent(captions, rows);
    m_grid->setRowToolTips(toolTips); // the full run names
    m_grid->adjustSize();
    if (auto *glyphs = findChild<QScrollArea *>(QStringLiteral("CompareGlyphs")))
        glyphs->setFixedHeight(m_grid->height() + glyphs->horizontalScrollBar()->sizeHint().height());
}

int CompareView::curveCount() const
{
    return m_plot->curveCount();
}

QString CompareView::verdictText() const
{
    return m_verdict->text();
}

void CompareView::updateButtons()
{
    const bool ready = !m_busy && !m_comparison.runs.empty();
    m_exportCsv->setEnabled(ready);
    m_exportFigure->setEnabled(ready);
    m_study->setEnabled(!m_busy);
}

bool CompareView::exportCsv(const QString &path, QString *error) const
{
    try {
        experiments::writeComparisonCsv(toPath(path), m_comparison);
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool CompareView::exportFigure(const QString &path, QString *error) const
{
    try {
        experiments::writeComparisonFigure(toPath(path), m_comparison);
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

void CompareView::chooseCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Comparison as CSV"), m_document->folder(), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCsv(path, &error))
        emit message(tr("Saved %1").arg(path), false);
    else
        emit message(error, true);
}

void CompareView::chooseFigure()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Comparison Figure"), m_document->folder(), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportFigure(path, &error))
        emit message(tr("Saved %1").arg(path), false);
    else
        emit message(error, true);
}

} // namespace zistudio::ui
