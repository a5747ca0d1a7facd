// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/datasetbuilder.h"

#include "util/qtconvert.h"

#include "data/dataerror.h"
#include "data/dataset.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>

#include <map>

namespace zistudio::ui
{

namespace
{

QString reasonText(data::MissingReason reason)
{
    switch (reason) {
    case data::MissingReason::NotInFont:
        return QCoreApplication::translate("DatasetBuilder", "not in font");
    case data::MissingReason::EmptyOutline:
        return QCoreApplication::translate("DatasetBuilder", "empty outline");
    case data::MissingReason::Repeated:
        return QCoreApplication::translate("DatasetBuilder", "repeated (tofu)");
    case data::MissingReason::Damaged:
        return QCoreApplication::translate("DatasetBuilder", "damaged glyph");
    case data::MissingReason::NoImage:
        return QCoreApplication::translate("DatasetBuilder", "no image");
    }
    return {};
}

void describe(const data::Dataset &dataset, int pairColumns, DatasetBuildResult &result)
{
    const data::DatasetReport &report = dataset.report();
    const QString source = QCoreApplication::translate("DatasetBuilder", "Source");
    result.summary << QCoreApplication::translate(
        "DatasetBuilder", "%1 training pairs, %2 validation pairs (%3 held-out characters), %4 images%5")
                          .arg(report.trainPairs)
                          .arg(report.validationPairs)
                          .arg(report.validationChars)
                          .arg(report.images)
                          .arg(dataset.reusedStore()
                                  ? QCoreApplication::translate("DatasetBuilder", " — unchanged, reused")
                                  : QString());
    result.summary << QCoreApplication::translate("DatasetBuilder", "%1: %2 of %3 characters, %4 repeated")
                          .arg(source)
                          .arg(report.sourceGlyphs)
                          .arg(report.charsetSize)
                          .arg(report.sourceRepeated);
    for (const data::MissingChar &m : report.sourceMissing)
        result.missing.append({m.cp, source, reasonText(m.reason)});
    std::map<int, QString> names;
    for (const data::StyleReport &style : report.styles) {
        names[style.styleId] = qs(style.name);
        result.summary << QCoreApplication::translate(
            "DatasetBuilder", "%1: %2 pairs (%3 train, %4 validation), %5 missing, %6 repeated, %7 problem files")
                              .arg(qs(style.name))
                              .arg(style.pairs)
                              .arg(style.train)
                              .arg(style.validation)
                              .arg(style.missing.size())
                              .arg(style.repeated)
                              .arg(style.problems.size());
        for (const data::MissingChar &m : style.missing)
            result.missing.append({m.cp, qs(style.name), reasonText(m.reason)});
        for (const std::string &problem : style.problems)
            result.missing.append({0, qs(style.name), qs(problem)});
    }

    // The pair grid: the first characters of the training set, source above each style's target.
    std::vector<char32_t> chars;
    std::map<std::pair<int, char32_t>, int> targetOf;
    std::map<char32_t, int> sourceOf;
    for (const data::Sample &sample : dataset.trainSamples()) {
        if (!sourceOf.count(sample.cp)) {
            if (static_cast<int>(chars.size()) < pairColumns)
                chars.push_back(sample.cp);
            sourceOf[sample.cp] = sample.sourceIndex;
        }
        targetOf[{sample.styleId, sample.cp}] = sample.targetIndex;
    }
    for (const char32_t cp : chars)
        result.pairCaptions << charString(cp);
    GlyphGridWidget::Row sourceRow {source, {}};
    for (const char32_t cp : chars)
        sourceRow.cells << toQImage(dataset.image(sourceOf[cp]));
    result.pairRows << sourceRow;
    for (const int style : dataset.styleIds()) {
        GlyphGridWidget::Row row {names.count(style) ? names[style] : QString::number(style), {}};
        for (const char32_t cp : chars) {
            const auto it = targetOf.find({style, cp});
            row.cells << (it == targetOf.end() ? QImage() : toQImage(dataset.image(it->second)));
        }
        result.pairRows << row;
    }
}

} // namespace

DatasetBuildResult describeStore(
    const QString &storeDir, const data::DatasetSpec &current, int pairColumns, bool *stale)
{
    DatasetBuildResult result;
    try {
        const data::Dataset dataset = data::Dataset::open(toPath(storeDir));
        describe(dataset, pairColumns, result);
        if (stale)
            *stale = !(dataset.spec() == current);
        result.ok = true;
    } catch (const std::exception &e) {
        result.error = qs(e.what());
    }
    return result;
}

DatasetBuilder::DatasetBuilder(QObject *parent)
    : QObject(parent)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
    , m_thread(new QThread(this))
    , m_worker(new DatasetBuildWorker(m_cancel))
{
    m_thread->setObjectName(QStringLiteral("DatasetThread"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DatasetBuildWorker::progress, this, &DatasetBuilder::progress, Qt::QueuedConnection);
    connect(
        m_worker, &DatasetBuildWorker::finished, this,
        [this](const DatasetBuildResult &result) {
            m_running = false;
            emit finished(result);
        },
        Qt::QueuedConnection);
    m_thread->start();
}

DatasetBuilder::~DatasetBuilder()
{
    *m_cancel = true;
    m_thread->quit();
    m_thread->wait();
}

bool DatasetBuilder::start(const data::DatasetSpec &spec, const QString &storeDir, int pairColumns)
{
    if (m_running)
        return false;
    m_running = true;
    *m_cancel = false;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, spec, storeDir, pairColumns] { worker->build(spec, storeDir, pairColumns); },
        Qt::QueuedConnection);
    return true;
}

void DatasetBuilder::cancel()
{
    *m_cancel = true;
}

DatasetBuildWorker::DatasetBuildWorker(std::shared_ptr<std::atomic<bool>> cancel)
    : m_cancel(std::move(cancel))
{ }

void DatasetBuildWorker::build(const data::DatasetSpec &spec, const QString &storeDir, int pairColumns)
{
    DatasetBuildResult result;
    try {
        int lastPercent = -1;
        const data::Dataset dataset = data::Dataset::build(
            spec, toPath(storeDir),
            [this, &lastPercent](int done, int total) {
                const int percent = total > 0 ? static_cast<int>(100LL * done / total) : 0;
                if (percent != lastPercent) { // at most 100 signals per build
                    lastPercent = percent;
                    emit progress(done, total);
                }
            },
            m_cancel.get());
        describe(dataset, pairColumns, result);
        result.ok = true;
    } catch (const data::BuildCancelled &) {
        result.cancelled = true;
    } catch (const std::exception &e) {
        result.error = qs(e.what());
    }
    emit finished(result);
}

} // namespace zistudio::ui
