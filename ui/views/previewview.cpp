// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/previewview.h"

#include "projectdocument.h"
#include "session/generatorsession.h"
#include "session/trainingsession.h"
#include "util/qtconvert.h"
#include "views/previewmodel.h"
#include "views/runchooser.h"
#include "views/textpreviewwidget.h"
#include "views/worstglyphsproxy.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace zistudio::ui
{

namespace
{

/// The worst-glyphs list never takes more than this from the grid beside it.
constexpr int kMaxWorstListWidth = 320;

/** Characters generated when the run's dataset store is gone and nothing was typed. */
constexpr const char32_t *kFallbackChars = U"永和九年岁在癸丑暮春之初会于会稽山阴之兰亭";

} // namespace

PreviewView::PreviewView(ProjectDocument *document, TrainingSession *session, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_training(session)
    , m_session(new GeneratorSession(this))
    , m_runs(new RunChooser(document, session, this))
    , m_model(new PreviewModel(this))
    , m_worst(new WorstGlyphsProxy(this))
{
    setObjectName(QStringLiteral("PreviewView"));
    m_worst->setSourceModel(m_model);
    m_text = new TextPreviewWidget(m_session, this);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("PreviewPages"));
    m_pages->addTab(createGlyphsPage(), tr("Glyphs"));
    m_pages->addTab(m_text, tr("Text"));

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);

    connect(m_runs, &RunChooser::keyChanged, this, &PreviewView::onKeyChanged);
    connect(m_session, &GeneratorSession::loaded, this, &PreviewView::onLoaded);
    connect(m_session, &GeneratorSession::gridRows, this, [this](quint64 id, const std::vector<PreviewRow> &rows) {
        if (id != m_gridId)
            return;
        m_model->appendRows(rows);
        // The worst list shows its score columns whole; the splitter gives the rest to the grid.
        const int needed = m_worstList->horizontalHeader()->length()
            + m_worstList->verticalScrollBar()->sizeHint().width() + 2 * m_worstList->frameWidth();
        m_worstList->setMinimumWidth(std::min(needed, kMaxWorstListWidth));
    });
    connect(m_session, &GeneratorSession::gridProgress, this, [this](quint64 id, int done, int total) {
        if (id != m_gridId)
            return;
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(m_session, &GeneratorSession::gridFinished, this, &PreviewView::onGridFinished);
    connect(m_document, &ProjectDocument::reviewsChanged, this, &PreviewView::syncReviews);
    connect(m_document, &ProjectDocument::projectReplaced, this, &PreviewView::syncReviews);
    m_key = m_runs->key();
    syncReviews();
    m_status->setText(m_key.isValid() ? QString() : tr("Train a run to preview its glyphs."));
}

QWidget *PreviewView::createGlyphsPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("GlyphsPage"));
    m_validationSet = new QRadioButton(tr("&Validation set"), page);
    m_typed = new QRadioButton(tr("T&yped:"), page);
    m_validationSet->setToolTip(tr("The characters the run never trained on"));
    auto *group = new QButtonGroup(page);
    group->addButton(m_validationSet);
    group->addButton(m_typed);
    m_validationSet->setChecked(true);
    m_typedChars = new QLineEdit(page);
    m_typedChars->setPlaceholderText(tr("characters to preview"));
    connect(m_typedChars, &QLineEdit::textEdited, this, [this] { m_typed->setChecked(true); });
    connect(m_typedChars, &QLineEdit::returnPressed, this, [this] { generate(); });
    m_generate = new QPushButton(tr("&Generate"), page);
    m_cancel = new QPushButton(tr("Cancel"), page);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(page);
    m_progress->setMaximumWidth(200);
    m_progress->setValue(0);
    connect(m_generate, &QPushButton::clicked, this, [this] { generate(); });
    connect(m_cancel, &QPushButton::clicked, this, &PreviewView::cancel);

    // Two rows: which run, then which glyphs (one long row would widen the central area past the docks).
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runs);
    runRow->addStretch(1);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_validationSet);
    controls->addWidget(m_typed);
    controls->addWidget(m_typedChars, 1);
    controls->addWidget(m_generate);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress);

    m_grid = new QTableView(page);
    m_grid->setObjectName(QStringLiteral("PreviewGrid"));
    m_grid->setModel(m_model);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->verticalHeader()->hide();
    m_grid->setIconSize(QSize(128, 128));

    m_worstList = new QTableView(page);
    m_worstList->setObjectName(QStringLiteral("WorstGlyphs"));
    m_worstList->setModel(m_worst);
    m_worstList->setSortingEnabled(true);
    m_worstList->sortByColumn(m_worst->l1Column(), Qt::DescendingOrder);
    m_worstList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_worstList->verticalHeader()->hide();
    m_worstList->setMinimumWidth(100);
    // Shown as Char, L1, SSIM, Review: on a narrow side the glyph and its score stay in view.
    m_worstList->horizontalHeader()->moveSection(1, m_worst->columnCount() - 1);
    m_worstList->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_worstList->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PreviewView::worstSelected);

    // Verdicts: buttons and single-key shortcuts while the page has the focus.
    auto *review = new QHBoxLayout; // one row under the grid and the list
    struct Verdict
    {
        QString text;
        Qt::Key key;
        std::optional<project::Review> review;
        QString tip;
    };
    const Verdict verdicts[] = {
        {tr("Accept"), Qt::Key_A, project::Review::Accepted, tr("Accept the selected glyphs (A)")},
        {tr("Reject"), Qt::Key_R, project::Review::Rejected,
            tr("Reject the selected glyphs: export leaves them out (R)")},
        {tr("Flag"), Qt::Key_F, project::Review::Flagged, tr("Flag the selected glyphs for another look (F)")},
        {tr("Clear"), Qt::Key_Backspace, std::nullopt, tr("Forget the verdict on the selected glyphs (Backspace)")},
    };
    for (const Verdict &v : verdicts) {
        auto *action = new QAction(v.text, page);
        action->setShortcut(QKeySequence(v.key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(v.tip);
        connect(action, &QAction::triggered, this, [this, verdict = v.review] { reviewSelection(verdict); });
        page->addAction(action);
        auto *button = new QPushButton(QStringLiteral("%1 (%2)").arg(v.text, QKeySequence(v.key).toString()), page);
        button->setToolTip(v.tip);
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        review->addWidget(button);
    }

    auto *side = new QWidget(page);
    side->setMinimumWidth(120); // not the list's size hint: fitColumns() decides how much it gets
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *worstLabel = new QLabel(tr("Worst glyphs (click a header to sort):"), side);
    worstLabel->setWordWrap(true); // never what sets the side list's width
    sideLayout->addWidget(worstLabel);
    sideLayout->addWidget(m_worstList, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    m_splitter = splitter;
    splitter->addWidget(m_grid);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    connect(splitter, &QSplitter::splitterMoved, this, [this] { m_splitterMoved = true; });

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(runRow);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    layout->addLayout(review); // under both: the side list stays narrow, the grid keeps its columns
    return page;
}

void PreviewView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadRequested && m_key.isValid()) {
        m_loadRequested = true;
        m_session->load(m_key);
    }
}

void PreviewView::showPage(int page)
{
    m_pages->setCurrentIndex(page);
}

void PreviewView::onKeyChanged(const GeneratorKey &key)
{
    cancel(); // a grid of the previous model would only delay the new one
    m_key = key;
    m_loadRequested = false;
    if (!key.isValid()) {
        m_info = {};
        m_model->reset({}); // a new project: no glyphs of the previous project's run stay on screen
        m_text->setModel(key, {});
        m_status->setText(tr("Train a run to preview its glyphs."));
        return;
    }
    if (isVisible()) {
        m_loadRequested = true;
        m_session->load(key);
    }
}

void PreviewView::onLoaded(const GeneratorInfo &info)
{
    if (!(info.key == m_key))
        return;
    m_info = info;
    if (!info.error.isEmpty()) {
        m_status->setText(info.error);
        // A run that has just started has no checkpoint yet: not an error worth a red line in the log.
        if (!m_training || !m_training->isActive() || m_training->runName() != info.key.run)
            emit message(tr("Preview: %1").arg(info.error), true);
        return;
    }
    for (qsizetype i = 0; i < info.checkpointReport.size(); ++i) // which checkpoint, and every damaged one skipped
        emit message(tr("Preview: %1").arg(info.checkpointReport[i]), i > 0);
    m_status->setText(tr("Run “%1”, checkpoint step %2 · %3").arg(info.key.run).arg(info.step).arg(info.device));
    m_text->setModel(info.key, info.styles);
    if (m_generateWhenLoaded || m_model->rowCount() > 0)
        generate();
}

void PreviewView::generate(const std::u32string &characters)
{
    if (!m_key.isValid())
        return;
    if (!(m_info.key == m_key) || !m_info.error.isEmpty()) {
        // Not loaded yet: generate as soon as it is.
        m_generateWhenLoaded = true;
        if (!m_loadRequested) {
            m_loadRequested = true;
            m_session->load(m_key);
        }
        return;
    }
    m_generateWhenLoaded = false;
    std::u32string chars = characters;
    if (chars.empty() && m_typed->isChecked())
        chars = std::u32string(m_typedChars->text().toStdU32String());
    if (chars.empty())
        chars = !m_info.validationChars.empty() ? m_info.validationChars
            : !m_info.probeChars.empty()        ? m_info.probeChars
                                                : std::u32string(kFallbackChars);
    // Each character once, in the order given.
    std::u32string distinct;
    std::set<char32_t> seen;
    for (const char32_t c : chars)
        if (c > 0x20 && seen.insert(c).second)
            distinct.push_back(c);
    if (m_gridId != 0)
        m_session->cancelGrids();
    std::vector<int> styles;
    for (const auto &s : m_info.styles)
        styles.push_back(s.id);
    m_model->reset(m_info.styles);
    m_gridId = m_session->generateGrid({.key = m_key, .characters = distinct, .styles = styles});
    m_progress->setMaximum(static_cast<int>(distinct.size()));
    m_progress->setValue(0);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Generating %1 glyph(s)…").arg(distinct.size()));
}

void PreviewView::cancel()
{
    if (m_gridId != 0)
        m_session->cancelGrids();
}

void PreviewView::onGridFinished(quint64 id, bool cancelled, const QString &error)
{
    if (id != m_gridId)
        return;
    m_gridId = 0;
    m_cancel->setEnabled(false);
    if (!error.isEmpty()) {
        m_status->setText(error);
        emit message(tr("Preview: %1").arg(error), true);
    } else {
        int scored = 0;
        double l1 = 0;
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (const auto v = m_model->l1At(r)) {
                l1 += *v;
                ++scored;
            }
        QString text = cancelled ? tr("Cancelled after %1 glyph(s).").arg(m_model->rowCount())
                                 : tr("%1 glyph(s) from checkpoint step %2.").arg(m_model->rowCount()).arg(m_info.step);
        if (scored > 0)
            text += QLatin1Char(' ')
                + tr("Mean L1 %1 over %2 glyph(s) with a target.").arg(l1 / scored, 0, 'f', 4).arg(scored);
        m_status->setText(text);
    }
    m_worstList->sortByColumn(m_worst->l1Column(), m_worst->sortOrder());
    fitColumns();
    emit gridDone();
}

void PreviewView::fitColumns()
{
    // The verdict column last (a model reset restores the order): on a narrow grid the glyphs and their
    // scores stay in view, the verdicts scroll.
    QHeaderView *gridHeader = m_grid->horizontalHeader();
    if (const int visual = gridHeader->visualIndex(PreviewModel::ReviewColumn); visual >= 0)
        gridHeader->moveSection(visual, gridHeader->count() - 1);
    // Scores arrive after the rows: sections sized to contents are not recomputed on dataChanged.
    gridHeader->resizeSections(QHeaderView::ResizeToContents);
    m_worstList->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
    if (m_splitterMoved || m_splitter->width() <= 0)
        return;
    const int gridNeeds = m_grid->horizontalHeader()->length() + m_grid->verticalScrollBar()->sizeHint().width()
        + 2 * m_grid->frameWidth();
    const int total = m_splitter->width() - m_splitter->handleWidth();
    // The side list needs at least each glyph and its L1 (the sort key); Review and SSIM may scroll.
    const QHeaderView *worst = m_worstList->horizontalHeader();
    const int l1 = m_worst->l1Column();
    const int sideNeeds = worst->sectionPosition(l1) + worst->sectionSize(l1)
        + m_worstList->verticalScrollBar()->sizeHint().width() + 2 * m_worstList->frameWidth();
    const int grid = std::clamp(gridNeeds, total / 2, std::max(total / 2, total - sideNeeds));
    m_splitter->setSizes({grid, total - grid});
}

void PreviewView::syncReviews()
{
    m_model->setReviews(m_document->project().reviews);
}

bool PreviewView::selectCharacter(char32_t character)
{
    const int row = m_model->rowOf(character);
    if (row < 0)
        return false;
    m_grid->selectRow(row);
    m_grid->scrollTo(m_model->index(row, 0));
    return true;
}

void PreviewView::worstSelected()
{
    const QModelIndexList rows = m_worstList->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    QItemSelection selection;
    for (const QModelIndex &index : rows) {
        const int row = m_worst->mapToSource(index).row();
        selection.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
    }
    m_grid->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_grid->scrollTo(m_model->index(m_worst->mapToSource(rows.front()).row(), 0));
}

void PreviewView::reviewSelection(std::optional<project::Review> review)
{
    const QModelIndexList rows = m_grid->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_status->setText(tr("Select glyphs in the grid or the list first."));
        return;
    }
    for (const QModelIndex &index : rows)
        m_document->setReview(m_model->characterAt(index.row()), review);
    const QString what = review ? PreviewModel::reviewText(*review) : tr("not reviewed");
    m_status->setText(tr("%1 glyph(s) marked %2 (saved with the project).").arg(rows.size()).arg(what));
}

} // namespace zistudio::ui
