// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/datasetspec.h"
#include "models/missingglyphmodel.h"
#include "widgets/glyphgridwidget.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace zistudio::ui
{

/** What a dataset build produced, as plain values for the GUI thread. */
struct DatasetBuildResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    QStringList summary;                  ///< one line per style and the totals
    QList<MissingGlyph> missing;          ///< missing and filtered glyphs with their reasons
    QStringList pairCaptions;             ///< the characters of the pair grid
    QList<GlyphGridWidget::Row> pairRows; ///< source row, then one row per style
};

class DatasetBuildWorker;

/**
 * Opens an existing dataset store (data::Dataset::open) and describes it like a build would; `ok` is
 * false with `error` set when there is none or it is damaged, and `stale` tells whether it was built
 * for other settings than `current`. Never throws. Runs on a pool thread.
 */
DatasetBuildResult describeStore(
    const QString &storeDir, const data::DatasetSpec &current, int pairColumns, bool *stale);

/**
 * Builds a project's dataset with core (data::Dataset::build: renders every pair with the one
 * rasterizer, reuses the store when nothing changed) on a worker QThread, reporting progress through
 * queued signals; cancel() sets an atomic flag the builder checks between glyphs.
 */
class DatasetBuilder : public QObject
{
    Q_OBJECT

public:
    explicit DatasetBuilder(QObject *parent = nullptr);
    ~DatasetBuilder() override;

    bool isRunning() const { return m_running; }
    /** Starts a build into `storeDir`; returns false while one runs. */
    bool start(const data::DatasetSpec &spec, const QString &storeDir, int pairColumns);
    void cancel();

signals:
    void progress(int done, int total);
    void finished(const zistudio::ui::DatasetBuildResult &result);

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThread *m_thread;
    DatasetBuildWorker *m_worker;
    bool m_running = false;
};

/** Lives on the builder's thread. */
class DatasetBuildWorker : public QObject
{
    Q_OBJECT

public:
    explicit DatasetBuildWorker(std::shared_ptr<std::atomic<bool>> cancel);
    void build(const data::DatasetSpec &spec, const QString &storeDir, int pairColumns);

signals:
    void progress(int done, int total);
    void finished(const zistudio::ui::DatasetBuildResult &result);

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace zistudio::ui
