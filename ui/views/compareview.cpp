// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/compareview.h"

#include "experiments/comparisonexport.h"
#include "experiments/figure.h"
#include "projectdocument.h"
#include "session/runhistory.h"
#include "session/trainingsession.h"
#include "util/backgroundjob.h"
#include "util/qtconvert.h"
#include "widgets/glyphgridwidget.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>
#include <map>

namespace zistudio::ui
{

namespace
{

constexpr int kDebounceMs = 300;
constexpr int kGridChars = 8;
constexpr std::size_t kAutoCheckRuns = 8; ///< a project with at most this many runs starts with all checked

enum Column
{
    BestColumn,
    RunColumn,
    AttentionColumn,
    SeedColumn,
    StepsColumn,
    BestStepColumn,
    L1Column,
    SsimColumn,
    ParamsColumn,
    StepTimeColumn,
    RssColumn,
    MemoryColumn,
    GammaColumn,
    ColumnCount
};

/** What the worker thread hands back: the comparison or why there is none. */
struct CompareJob
{
    experiments::Comparison comparison;
    QString error;
    int generation = 0;
};

QString number(double v, int decimals = 4)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QColor placementColor(std::size_t index)
{
    const auto c = experiments::placementColour(index);
    return QColor(c.r, c.g, c.b);
}

} // namespace

CompareView::CompareView(ProjectDocument *document, TrainingSession *session, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_runList(new QListWidget(this))
    , m_refresh(new QPushButton(this))
    , m_chars(new QLineEdit(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_verdict(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_grid(new GlyphGridWidget(this))
    , m_exportCsv(new QPushButton(this))
    , m_exportFigure(new QPushButton(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("CompareView"));
    m_runList->setObjectName(QStringLiteral("CompareRuns"));
    m_table->setObjectName(QStringLiteral("CompareTable"));
    m_plot->setObjectName(QStringLiteral("ComparePlot"));
    m_verdict->setObjectName(QStringLiteral("CompareVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setWordWrap(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(120);
    m_plot->setMinimumHeight(220);
    m_plot->legend->setVisible(true);
    m_plot->plotLayout()->addElement(0, 1, m_plot->legend);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
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

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_hint);
    contentLayout->addWidget(m_table);
    contentLayout->addWidget(m_verdict);
    contentLayout->addWidget(m_plot, 1);
    contentLayout->addWidget(m_grid);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
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
    // Another project (or the same one saved elsewhere, beside other runs): start over.
    auto restart = [this] {
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
    m_table->setHorizontalHeaderLabels(
        {QString(), tr("Run"), tr("Attention"), tr("Seed"), tr("Steps"), tr("Best step"), tr("Val L1"), tr("Val SSIM"),
            tr("G params"), tr("Step time"), tr("Peak RSS"), tr("Est. memory"), QStringLiteral("γ")});
    m_hint->setText(tr("Check two runs or more to compare them. Train one run per attention placement on equal "
                       "terms with: zistudio-cli sweep --project FILE --attention \"none;enc:3\" --repeat none"));
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(tr("validation L1"));
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
    const QSignalBlocker blocker(m_runList);
    // A project's first look: compare every run when there are few (a sweep), else let the user choose.
    const bool checkAll = m_runList->count() == 0 && checked.isEmpty() && runs.size() <= kAutoCheckRuns;
    m_runList->clear();
    for (const auto &r : runs) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  (%2, %3)").arg(qs(r.name), qs(r.attention), QString::number(r.lastStep)), m_runList);
        item->setData(Qt::UserRole, qs(r.name));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(checkAll || checked.contains(qs(r.name)) ? Qt::Checked : Qt::Unchecked);
    }
    scheduleCompare();
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
    fillTable();
    fillPlot();
    fillGrid();
    m_hint->setVisible(m_comparison.runs.size() < 2);
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
        text = tr("%1 (%2) is best: %3 %4 vs %5 for %6 (%7), margin %8.")
                   .arg(qs(v.best), qs(v.bestPlacement), qs(v.metric), number(v.bestValue), number(v.runnerUpValue),
                       qs(v.runnerUp), qs(v.runnerUpPlacement), number(v.margin));
        text += QLatin1Char(' ');
        if (v.standing == experiments::Standing::NoiseUnknown)
            text += tr("Noise unknown: no placement was trained twice (add a repeat with another seed).");
        else if (v.standing == experiments::Standing::ExceedsNoise)
            text += tr("Run-to-run noise %1 (%2, %3 seeds): the margin exceeds the noise.")
                        .arg(number(v.noise), qs(v.noisePlacement))
                        .arg(v.noiseRuns);
        else
            text += tr("Run-to-run noise %1 (%2, %3 seeds): the margin is within the noise, so the ranking may be "
                       "chance.")
                        .arg(number(v.noise), qs(v.noisePlacement))
                        .arg(v.noiseRuns);
        break;
    }
    for (const auto &w : m_comparison.warnings)
        text += QStringLiteral("\n") + tr("Warning: %1").arg(qs(w));
    m_verdict->setText(text);
    updateButtons();
    emit comparisonShown();
}

void CompareView::fillTable()
{
    const auto &runs = m_comparison.runs;
    m_table->setRowCount(static_cast<int>(runs.size()));
    for (int row = 0; row < static_cast<int>(runs.size()); ++row) {
        const auto &s = runs[static_cast<std::size_t>(row)];
        const bool best = s.name == m_comparison.verdict.best;
        QString gammas;
        for (const auto &g : s.gammas)
            gammas += (gammas.isEmpty() ? QString() : QStringLiteral("  ")) + qs(g.site) + QLatin1Char('=')
                + QString::number(g.gamma, 'f', 4);
        const QStringList cells {best ? QStringLiteral("★") : QString(), qs(s.name), qs(s.attention),
            QString::number(s.seed), QStringLiteral("%1/%2").arg(s.lastStep).arg(s.steps),
            s.bestStep >= 0 ? QString::number(s.bestStep) : QStringLiteral("–"), number(s.valL1), number(s.valSsim),
            formatSi(static_cast<double>(s.generatorParams)),
            std::isfinite(s.stepSeconds) ? QStringLiteral("%1 s").arg(s.stepSeconds, 0, 'f', 2) : QStringLiteral("–"),
            std::isfinite(s.peakRssBytes) ? formatBytes(s.peakRssBytes) : QStringLiteral("–"),
            formatBytes(static_cast<double>(s.estimatedMemoryBytes)), gammas.isEmpty() ? QStringLiteral("–") : gammas};
        for (int col = 0; col < ColumnCount; ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (best) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            QStringList notes;
            if (!s.note.empty())
                notes << qs(s.note);
            for (const auto &d : s.termDifferences)
                notes << qs(d);
            item->setToolTip(notes.join(QLatin1Char('\n')));
            m_table->setItem(row, col, item);
        }
    }
}

void CompareView::fillPlot()
{
    m_plot->clearGraphs();
    std::map<std::string, std::size_t> placements;
    std::map<std::string, int> seen;
    double baseline = NAN;
    for (const auto &s : m_comparison.runs) {
        const auto [it, fresh] = placements.try_emplace(s.attention, placements.size());
        QPen pen(placementColor(it->second));
        pen.setWidthF(2);
        if (seen[s.attention]++ > 0)
            pen.setStyle(Qt::DashLine); // a repeat of a placement: same colour, dashed
        if (std::isnan(baseline) && std::isfinite(s.baselineL1))
            baseline = s.baselineL1;
        const auto curve = experiments::plottedValidationL1(s); // without the untrained step 0, like the figure
        if (curve.empty())
            continue;
        auto *graph = m_plot->addGraph();
        graph->setName(qs(s.name));
        graph->setPen(pen);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
        QVector<double> steps, values;
        for (const auto &p : curve) {
            steps << static_cast<double>(p.step);
            values << p.value;
        }
        graph->setData(steps, values, true);
    }
    if (std::isfinite(baseline) && m_plot->graphCount() > 0) {
        double maxStep = 0;
        for (const auto &s : m_comparison.runs)
            for (const auto &p : s.valL1Curve)
                maxStep = std::max(maxStep, static_cast<double>(p.step));
        auto *graph = m_plot->addGraph();
        graph->setName(tr("baseline"));
        QPen pen(QColor(150, 150, 150));
        pen.setStyle(Qt::DashLine);
        graph->setPen(pen);
        graph->setData(QVector<double> {0, maxStep}, QVector<double> {baseline, baseline}, true);
    }
    m_plot->rescaleAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CompareView::fillGrid()
{
    const auto &g = m_comparison.glyphs;
    QStringList captions;
    for (const char32_t cp : g.chars)
        captions << charString(cp);
    QList<GlyphGridWidget::Row> rows;
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
        GlyphGridWidget::Row row;
        const std::string &label = g.rowLabels[r];
        row.label = label == "source" ? tr("source") : label == "target" ? tr("target") : qs(label);
        for (const auto &img : g.rows[r])
            row.cells << (img.isNull() ? QImage() : toQImage(img));
        rows << row;
    }
    if (rows.isEmpty())
        m_grid->clear();
    else
        m_grid->setContent(captions, rows);
}

int CompareView::curveCount() const
{
    return m_plot->graphCount();
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
