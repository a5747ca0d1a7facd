// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/exportjob.h"

#include "util/qtconvert.h"

#include "export/exporterror.h"

#include <QThread>

namespace zistudio::ui
{

ExportJob::ExportJob(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ExportOutcome>();
}

ExportJob::~ExportJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool ExportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

bool ExportJob::start(const workflow::ExportRequest &request)
{
    if (isRunning())
        return false;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_thread = QThread::create([this, request, cancel = m_cancel] {
        ExportOutcome outcome;
        outcome.outDir = toQString(request.outDir);
        try {
            outcome.result = workflow::exportRun(
                request,
                [this](double fraction, const std::string &what) {
                    QMetaObject::invokeMethod(
                        this, [this, fraction, text = qs(what)] { emit progress(fraction, text); },
                        Qt::QueuedConnection);
                },
                cancel.get());
            outcome.ok = true;
        } catch (const fontexport::ExportCancelled &) {
            outcome.cancelled = true;
        } catch (const std::exception &e) {
            outcome.error = qs(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, outcome] { emit finished(outcome); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("export"));
    m_thread->start();
    return true;
}

void ExportJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace zistudio::ui
