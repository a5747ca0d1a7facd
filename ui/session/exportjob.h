// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/exportrun.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace zistudio::ui
{

/** How an export ended: the workflow's result, or why there is none. */
struct ExportOutcome
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    workflow::ExportRunResult result;
    QString outDir;
};

/**
 * Runs workflow::exportRun (the same call as zistudio-cli export) on its own thread. Progress and the
 * outcome come back as queued signals carrying plain values; cancel() sets the workflow's cancel flag
 * (it stops between glyphs and leaves the output folder as it was). The destructor cancels and waits.
 */
class ExportJob : public QObject
{
    Q_OBJECT

public:
    explicit ExportJob(QObject *parent = nullptr);
    ~ExportJob() override;

    bool isRunning() const;
    /** Starts an export; false when one is already running. */
    bool start(const workflow::ExportRequest &request);
    void cancel();

signals:
    void progress(double fraction, const QString &what);
    void finished(const zistudio::ui::ExportOutcome &outcome);

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThread *m_thread = nullptr;
};

} // namespace zistudio::ui

Q_DECLARE_METATYPE(zistudio::ui::ExportOutcome)
