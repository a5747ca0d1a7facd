// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/projectpanel.h"

#include "appsettings.h"
#include "models/runlistmodel.h"
#include "projectcontroller.h"
#include "projectdocument.h"
#include "util/qtconvert.h"

#include "project/projectlayout.h"

#include <QAction>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <filesystem>

namespace zistudio::ui
{

namespace
{

QToolButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

ProjectPanel::ProjectPanel(ProjectDocument *document, ProjectController *controller, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_controller(controller)
    , m_runs(new RunListModel(this))
    , m_name(new QLineEdit(this))
    , m_file(new QLabel(this))
    , m_state(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_recent(new QListWidget(this))
    , m_runView(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    for (QAction *action :
        {controller->newAction(), controller->openAction(), controller->saveAction(), controller->saveAsAction()})
        buttons->addWidget(actionButton(action, this));
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    m_file->setWordWrap(true);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("File:"), m_file);
    form->addRow(tr("State:"), m_state);
    layout->addLayout(form);

    auto *summaryGroup = new QGroupBox(tr("Summary"), this);
    auto *summaryLayout = new QVBoxLayout(summaryGroup);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summaryLayout->addWidget(m_summary);
    layout->addWidget(summaryGroup);

    auto *runsGroup = new QGroupBox(tr("Runs"), this);
    auto *runsLayout = new QVBoxLayout(runsGroup);
    m_runView->setObjectName(QStringLiteral("RunList"));
    m_runView->setModel(m_runs);
    m_runView->verticalHeader()->hide();
    m_runView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runView->horizontalHeader()->setStretchLastSection(true);
    runsLayout->addWidget(m_runView);
    layout->addWidget(runsGroup, 1);

    auto *recentGroup = new QGroupBox(tr("Recent Projects"), this);
    auto *recentLayout = new QVBoxLayout(recentGroup);
    m_recent->setMaximumHeight(110);
    recentLayout->addWidget(m_recent);
    layout->addWidget(recentGroup);

    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (!m_name->text().trimmed().isEmpty())
            m_document->setName(m_name->text().trimmed());
    });
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (m_controller->maybeSave())
            m_controller->openFile(item->data(Qt::UserRole).toString());
    });
    connect(m_runView, &QTableView::activated, this,
        [this](const QModelIndex &index) { emit runActivated(index.data(Qt::UserRole).toString()); });
    connect(
        m_runView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
            if (index.isValid())
                emit runActivated(index.data(Qt::UserRole).toString());
        });
    connect(m_document, &ProjectDocument::projectReplaced, this, &ProjectPanel::loadFromDocument);
    connect(m_document, &ProjectDocument::datasetChanged, this, &ProjectPanel::updateSummary);
    connect(m_document, &ProjectDocument::modelConfigChanged, this, &ProjectPanel::updateSummary);
    connect(m_document, &ProjectDocument::trainingConfigChanged, this, &ProjectPanel::updateSummary);
    connect(m_document, &ProjectDocument::modifiedChanged, this, &ProjectPanel::updateState);
    connect(m_document, &ProjectDocument::filePathChanged, this, &ProjectPanel::updateState);
    connect(m_controller, &ProjectController::projectOpened, this, &ProjectPanel::updateRecent);
    connect(m_document, &ProjectDocument::filePathChanged, this, &ProjectPanel::refreshRuns);
    loadFromDocument();
}

void ProjectPanel::loadFromDocument()
{
    m_name->setText(m_document->displayName());
    updateState();
    updateSummary();
    updateRecent();
    refreshRuns();
}

void ProjectPanel::updateState()
{
    m_file->setText(m_document->hasFile() ? m_document->filePath() : tr("(not saved yet)"));
    m_state->setText(m_document->isModified() ? tr("unsaved changes") : tr("saved"));
}

void ProjectPanel::updateSummary()
{
    const data::DatasetSpec &dataset = m_document->dataset();
    const model::ModelConfig &model = m_document->modelConfig();
    const training::TrainingConfig &training = m_document->trainingConfig();
    QString charset = qs(dataset.charset.builtin);
    if (!dataset.charset.file.empty())
        charset
            += (charset.isEmpty() ? QString() : QStringLiteral(" + ")) + QFileInfo(qs(dataset.charset.file)).fileName();
    if (!dataset.charset.text.empty())
        charset += (charset.isEmpty() ? QString() : QStringLiteral(" + ")) + tr("custom text");
    if (dataset.charset.limit > 0)
        charset += tr(" (first %1)").arg(dataset.charset.limit);
    const QStringList lines = {
        tr("Source: %1").arg(dataset.source.path.empty() ? tr("none") : QFileInfo(qs(dataset.source.path)).fileName()),
        tr("Target styles: %1").arg(dataset.targets.size()),
        tr("Characters: %1").arg(charset.isEmpty() ? tr("none") : charset),
        tr("Model: %1 px, ngf %2, attention %3")
            .arg(model.imageSize)
            .arg(model.ngf)
            .arg(qs(model.attention.toString())),
        tr("Training: %1 steps, batch %2, learning rate %3")
            .arg(training.steps)
            .arg(training.batchSize)
            .arg(training.learningRate),
    };
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

void ProjectPanel::updateRecent()
{
    m_recent->clear();
    for (const RecentProject &recent : AppSettings::recentProjectEntries()) {
        auto *item = new QListWidgetItem(recent.label, m_recent);
        item->setToolTip(recent.toolTip);
        item->setData(Qt::UserRole, recent.path);
        if (!recent.exists)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
}

void ProjectPanel::refreshRuns()
{
    std::vector<project::RunRecord> runs;
    if (m_document->hasFile()) {
        const auto layout = project::ProjectLayout::of(toPath(m_document->filePath()));
        try {
            runs = project::openRunStore(layout).listRuns();
        } catch (const std::exception &e) {
            emit message(tr("Cannot read the runs: %1").arg(qs(e.what())), true);
        }
    }
    m_runs->setRuns(runs);
}

} // namespace zistudio::ui
