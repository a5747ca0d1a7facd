// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/datasetpanel.h"

#include "models/missingglyphmodel.h"
#include "projectcontroller.h"
#include "projectdocument.h"
#include "session/datasetbuilder.h"
#include "util/backgroundjob.h"
#include "util/qtconvert.h"
#include "widgets/charsetchooser.h"
#include "widgets/glyphgridwidget.h"

#include "project/projectlayout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <climits>

namespace zistudio::ui
{

namespace
{

constexpr int kPairColumns = 10;
constexpr int kPairCell = 40;

} // namespace

DatasetPanel::DatasetPanel(ProjectDocument *document, ProjectController *controller, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_controller(controller)
    , m_missing(new MissingGlyphModel(this))
    , m_builder(new DatasetBuilder(this))
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(createSettings());

    auto *coverage = new QGroupBox(tr("Coverage"), content);
    auto *coverageLayout = new QVBoxLayout(coverage);
    m_counts = new QLabel(coverage);
    m_counts->setObjectName(QStringLiteral("DatasetCounts"));
    m_counts->setWordWrap(true);
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    coverageLayout->addWidget(m_counts);
    m_missingView = new QTableView(coverage);
    m_missingView->setObjectName(QStringLiteral("MissingGlyphs"));
    m_missingView->setModel(m_missing);
    m_missingView->verticalHeader()->hide();
    m_missingView->horizontalHeader()->setStretchLastSection(true);
    m_missingView->setMinimumHeight(100);
    m_missingView->setMinimumWidth(180); // narrower than its columns' hint: it scrolls, the dock does not
    m_missingView->setMaximumHeight(160);
    coverageLayout->addWidget(m_missingView);
    layout->addWidget(coverage);
    layout->addWidget(createBuildGroup(), 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_document, &ProjectDocument::projectReplaced, this, &DatasetPanel::loadFromDocument);
    connect(m_document, &ProjectDocument::projectReplaced, this, &DatasetPanel::showStoredDataset);
    connect(m_document, &ProjectDocument::datasetChanged, this, &DatasetPanel::loadFromDocument);
    connect(m_builder, &DatasetBuilder::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
    });
    connect(m_builder, &DatasetBuilder::finished, this, &DatasetPanel::onBuilt);
    loadFromDocument();
}

DatasetPanel::~DatasetPanel() = default;

QWidget *DatasetPanel::createSettings()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *chars = new QGroupBox(tr("Characters"), box);
    auto *charsLayout = new QVBoxLayout(chars);
    m_charset = new CharsetChooser(chars);
    charsLayout->addWidget(m_charset);
    layout->addWidget(chars);
    connect(m_charset, &CharsetChooser::specEdited, this, &DatasetPanel::storeToDocument);

    auto *render = new QGroupBox(tr("Glyph images"), box);
    auto *renderForm = new QFormLayout(render);
    m_size = new QLabel(render);
    renderForm->addRow(tr("Size:"), m_size);
    m_placement = new QComboBox(render);
    m_placement->setMinimumContentsLength(16);
    m_placement->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_placement->addItem(tr("Em box (keeps size and position)"), static_cast<int>(data::Placement::EmBox));
    m_placement->addItem(tr("Fit to ink (centred, scaled)"), static_cast<int>(data::Placement::FitToInk));
    renderForm->addRow(tr("Placement:"), m_placement);
    m_margin = new QDoubleSpinBox(render);
    m_margin->setRange(0.0, 0.45);
    m_margin->setSingleStep(0.01);
    renderForm->addRow(tr("Fit margin:"), m_margin);
    layout->addWidget(render);

    auto *split = new QGroupBox(tr("Validation split"), box);
    auto *splitForm = new QFormLayout(split);
    m_validation = new QDoubleSpinBox(split);
    m_validation->setRange(0.0, 50.0);
    m_validation->setSuffix(QStringLiteral(" %"));
    m_validation->setDecimals(1);
    splitForm->addRow(tr("Held out:"), m_validation);
    m_pinned = new QLineEdit(split);
    m_pinned->setPlaceholderText(tr("Characters always held out, e.g. 永東國"));
    splitForm->addRow(tr("Always validate:"), m_pinned);
    m_seed = new QSpinBox(split);
    m_seed->setRange(0, INT_MAX);
    splitForm->addRow(tr("Split seed:"), m_seed);
    m_filterRepeated = new QCheckBox(tr("Drop tofu (repeated bitmaps)"), split);
    m_filterRepeated->setToolTip(tr("Leave out glyphs whose bitmap or glyph serves many characters: the "
                                    "placeholder boxes some fonts draw for characters they do not have."));
    splitForm->addRow(m_filterRepeated);
    layout->addWidget(split);

    connect(m_placement, &QComboBox::currentIndexChanged, this, &DatasetPanel::storeToDocument);
    connect(m_margin, &QDoubleSpinBox::valueChanged, this, &DatasetPanel::storeToDocument);
    connect(m_validation, &QDoubleSpinBox::valueChanged, this, &DatasetPanel::storeToDocument);
    connect(m_pinned, &QLineEdit::editingFinished, this, &DatasetPanel::storeToDocument);
    connect(m_seed, &QSpinBox::valueChanged, this, &DatasetPanel::storeToDocument);
    connect(m_filterRepeated, &QCheckBox::toggled, this, &DatasetPanel::storeToDocument);
    return box;
}

QWidget *DatasetPanel::createBuildGroup()
{
    auto *group = new QGroupBox(tr("Build"), this);
    auto *layout = new QVBoxLayout(group);
    auto *row = new QHBoxLayout;
    m_build = new QPushButton(tr("Build Dataset"), group);
    m_build->setToolTip(tr("Render every source/target pair (reused when nothing changed)"));
    m_cancel = new QPushButton(tr("Cancel"), group);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(group);
    m_progress->setObjectName(QStringLiteral("DatasetProgress"));
    m_progress->setValue(0);
    row->addWidget(m_build);
    row->addWidget(m_cancel);
    row->addWidget(m_progress, 1);
    layout->addLayout(row);
    m_buildStatus = new QLabel(group);
    m_buildStatus->setWordWrap(true);
    m_buildStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_buildStatus);
    m_pairs = new GlyphGridWidget(group);
    m_pairs->setObjectName(QStringLiteral("PairGrid"));
    m_pairs->setCellSize(kPairCell);
    layout->addWidget(m_pairs);
    layout->addStretch(1);
    connect(m_build, &QPushButton::clicked, this, &DatasetPanel::build);
    connect(m_cancel, &QPushButton::clicked, m_builder, &DatasetBuilder::cancel);
    return group;
}

void DatasetPanel::loadFromDocument()
{
    m_loading = true;
    const data::DatasetSpec &spec = m_document->dataset();
    m_charset->setSpec(spec.charset);
    m_size->setText(tr("%1 × %1 px (set by the model)").arg(spec.imageSize));
    m_placement->setCurrentIndex(std::max(0, m_placement->findData(static_cast<int>(spec.placement))));
    m_margin->setValue(spec.fitMargin);
    m_margin->setEnabled(spec.placement == data::Placement::FitToInk);
    m_validation->setValue(spec.validationFraction * 100.0);
    QString pinned;
    for (const std::string &c : spec.validationChars)
        pinned += qs(c);
    m_pinned->setText(pinned);
    m_seed->setValue(static_cast<int>(std::min<unsigned>(spec.seed, INT_MAX)));
    m_filterRepeated->setChecked(spec.filterRepeated);
    m_loading = false;
    recheck();
}

void DatasetPanel::storeToDocument()
{
    if (m_loading)
        return;
    data::DatasetSpec spec = m_document->dataset();
    spec.charset = m_charset->spec();
    spec.placement = static_cast<data::Placement>(m_placement->currentData().toInt());
    spec.fitMargin = m_margin->value();
    spec.validationFraction = m_validation->value() / 100.0;
    spec.validationChars.clear();
    for (const uint cp : m_pinned->text().toUcs4()) {
        if (!QChar::isSpace(static_cast<char32_t>(cp)))
            spec.validationChars.push_back(utf8(charString(static_cast<char32_t>(cp))));
    }
    spec.seed = static_cast<unsigned>(m_seed->value());
    spec.filterRepeated = m_filterRepeated->isChecked();
    m_document->setDataset(spec);
}

void DatasetPanel::recheck()
{
    const int generation = ++m_requestedCheck;
    const data::DatasetSpec spec = m_document->dataset();
    runInBackground<DatasetCheck>(
        this, [spec] { return checkDataset(spec); },
        [this, generation](const DatasetCheck &check) {
            if (generation == m_requestedCheck)
                showCheck(check);
        });
}

void DatasetPanel::showCheck(const DatasetCheck &check)
{
    m_check = check;
    m_shownCheck = m_requestedCheck;
    QStringList lines;
    if (!check.error.isEmpty())
        lines << check.error;
    lines << check.styleLines;
    m_counts->setText(lines.join(QLatin1Char('\n')));
    m_missing->setGlyphs(check.missing);
}

void DatasetPanel::showStoredDataset()
{
    m_pairs->clear();
    m_buildStatus->clear();
    if (!m_document->hasFile())
        return;
    const QString store = toQString(project::ProjectLayout::of(toPath(m_document->filePath())).datasetStore);
    if (!QFileInfo::exists(store + QStringLiteral("/index.json")))
        return;
    const data::DatasetSpec spec = m_document->dataset();
    struct Stored
    {
        DatasetBuildResult result;
        bool stale = false;
    };
    runInBackground<Stored>(
        this,
        [store, spec] {
            Stored stored;
            stored.result = describeStore(store, spec, kPairColumns, &stored.stale);
            return stored;
        },
        [this](const Stored &stored) {
            if (m_builder->isRunning() || !stored.result.ok)
                return;
            QStringList lines = stored.result.summary;
            if (stored.stale)
                lines.prepend(tr("Built for earlier settings: build again to use the current ones."));
            m_buildStatus->setText(lines.join(QLatin1Char('\n')));
            m_pairs->setContent(stored.result.pairCaptions, stored.result.pairRows);
        });
}

bool DatasetPanel::build()
{
    if (m_builder->isRunning())
        return false;
    if (!m_document->hasFile()) {
        emit message(tr("The dataset is stored beside the project file: save the project first."), false);
        if (!m_controller || !m_controller->saveAs() || !m_document->hasFile()) {
            emit message(tr("Save the project first: the dataset is stored beside it."), true);
            return false;
        }
    }
    const auto layout = project::ProjectLayout::of(toPath(m_document->filePath()));
    if (!m_builder->start(m_document->dataset(), toQString(layout.datasetStore), kPairColumns))
        return false;
    m_build->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setRange(0, 0);
    m_buildStatus->setText(tr("Building…"));
    emit message(tr("Building the dataset in %1").arg(toQString(layout.datasetStore)), false);
    return true;
}

void DatasetPanel::onBuilt(const DatasetBuildResult &result)
{
    m_build->setEnabled(true);
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(result.ok ? 1 : 0);
    if (result.cancelled) {
        m_buildStatus->setText(tr("Cancelled."));
        emit message(tr("Dataset build cancelled."), false);
        return;
    }
    if (!result.ok) {
        m_buildStatus->setText(result.error);
        emit message(tr("The dataset could not be built: %1").arg(result.error), true);
        return;
    }
    m_buildStatus->setText(result.summary.join(QLatin1Char('\n')));
    m_missing->setGlyphs(result.missing);
    m_pairs->setContent(result.pairCaptions, result.pairRows);
    emit message(tr("Dataset ready: %1").arg(result.summary.value(0)), false);
}

} // namespace zistudio::ui
