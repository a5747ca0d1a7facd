// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/generatorsession.h"

#include "session/generatorworker.h"

#include <QMetaObject>
#include <QThread>

namespace zistudio::ui
{

GeneratorSession::GeneratorSession(QObject *parent)
    : QObject(parent)
    , m_cancelBelow(std::make_shared<std::atomic<quint64>>(0))
    , m_thread(new QThread(this))
    , m_worker(new GeneratorWorker(m_cancelBelow))
{
    m_thread->setObjectName(QStringLiteral("GeneratorThread"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &GeneratorWorker::loaded, this, &GeneratorSession::loaded, Qt::QueuedConnection);
    connect(m_worker, &GeneratorWorker::probeReady, this, &GeneratorSession::probeReady, Qt::QueuedConnection);
    connect(m_worker, &GeneratorWorker::gridRows, this, &GeneratorSession::gridRows, Qt::QueuedConnection);
    connect(m_worker, &GeneratorWorker::gridProgress, this, &GeneratorSession::gridProgress, Qt::QueuedConnection);
    connect(m_worker, &GeneratorWorker::gridFinished, this, &GeneratorSession::gridFinished, Qt::QueuedConnection);
    connect(m_worker, &GeneratorWorker::textReady, this, &GeneratorSession::textReady, Qt::QueuedConnection);
    m_thread->start();
}

GeneratorSession::~GeneratorSession()
{
    cancelGrids();
    m_thread->quit();
    m_thread->wait();
}

void GeneratorSession::load(const GeneratorKey &key)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, key] { worker->load(key); }, Qt::QueuedConnection);
}

quint64 GeneratorSession::probe(const AttentionQuery &query)
{
    const quint64 id = m_nextId++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, query] { worker->probe(id, query); }, Qt::QueuedConnection);
    return id;
}

quint64 GeneratorSession::generateGrid(const GridRequest &request)
{
    const quint64 id = m_nextId++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, request] { worker->generateGrid(id, request); }, Qt::QueuedConnection);
    return id;
}

quint64 GeneratorSession::composeText(const TextRequest &request)
{
    const quint64 id = m_nextId++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, request] { worker->composeText(id, request); }, Qt::QueuedConnection);
    return id;
}

void GeneratorSession::cancelGrids()
{
    m_cancelBelow->store(m_nextId);
}

} // namespace zistudio::ui
