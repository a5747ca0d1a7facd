// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/generatortypes.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace zistudio::ui
{

class GeneratorWorker;

/**
 * The GUI thread's handle on a GeneratorWorker: one thread per session, the checkpoint loaded there
 * once. Calls return at once with a request id; answers come back as queued signals. cancelGrids()
 * stops every grid asked for so far between two chunks. The destructor cancels and waits for the
 * thread (one forward pass at most).
 */
class GeneratorSession : public QObject
{
    Q_OBJECT

public:
    explicit GeneratorSession(QObject *parent = nullptr);
    ~GeneratorSession() override;

    /** Loads (or keeps) the model of `key`; answers with loaded(). */
    void load(const GeneratorKey &key);
    quint64 probe(const AttentionQuery &query);
    quint64 generateGrid(const GridRequest &request);
    quint64 composeText(const TextRequest &request);
    /** Cancels every grid requested so far (they finish with cancelled = true). */
    void cancelGrids();

signals:
    void loaded(const zistudio::ui::GeneratorInfo &info);
    void probeReady(const zistudio::ui::AttentionResult &result);
    void gridRows(quint64 id, const std::vector<zistudio::ui::PreviewRow> &rows);
    void gridProgress(quint64 id, int done, int total);
    void gridFinished(quint64 id, bool cancelled, const QString &error);
    void textReady(const zistudio::ui::TextPreview &preview);

private:
    std::shared_ptr<std::atomic<quint64>> m_cancelBelow;
    QThread *m_thread;
    GeneratorWorker *m_worker;
    quint64 m_nextId = 1;
};

} // namespace zistudio::ui
