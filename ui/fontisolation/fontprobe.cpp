// SPDX-License-Identifier: GPL-3.0-or-later
#include "fontisolation/fontprobe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
#include <cstring>
#include <sys/resource.h>

namespace zistudio::ui
{

namespace
{

const QString kWorkerName = QStringLiteral("zistudio-cli");
/// stderr kept for the message of a worker that exits without JSON.
constexpr qint64 kMaxErrorBytes = 64 * 1024;

/** The last "zistudio-cli: error: ..." line of the worker's stderr, without the prefix. */
QString workerError(const QByteArray &stderrBytes)
{
    const QString text = QString::fromUtf8(stderrBytes).trimmed();
    const QString prefix = QStringLiteral("zistudio-cli: error: ");
    const qsizetype at = text.lastIndexOf(prefix);
    if (at < 0)
        return {};
    return text.mid(at + prefix.size()).section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace

FontProbe::FontProbe(QObject *parent)
    : QObject(parent)
    , m_program(defaultProgram())
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<zistudio::ui::FontProbeResult>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &FontProbe::onTimeout);
}

FontProbe::~FontProbe()
{
    cancel();
}

void FontProbe::setProgram(const QString &program)
{
    m_program = program;
}

QString FontProbe::defaultProgram()
{
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate : {dir + QLatin1Char('/') + kWorkerName,
             dir + QStringLiteral("/../cli/") + kWorkerName, dir + QStringLiteral("/../app/cli/") + kWorkerName}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return QDir::cleanPath(info.absoluteFilePath());
    }
    const QString onPath = QStandardPaths::findExecutable(kWorkerName);
    return onPath.isEmpty() ? kWorkerName : onPath;
}

QString FontProbe::signalDescription(int signal)
{
    const char *name = ::strsignal(signal);
    return name ? QStringLiteral("signal %1 (%2)").arg(signal).arg(QString::fromLocal8Bit(name))
                : QStringLiteral("signal %1").arg(signal);
}

bool FontProbe::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void FontProbe::cancel()
{
    m_timer->stop();
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(2000); // reap it: a SIGKILLed process exits at once
    }
    process->deleteLater();
}

void FontProbe::start(const QString &fontPath, int face)
{
    cancel();
    m_fontPath = fontPath;
    m_face = face;
    m_output.clear();
    m_timedOut = false;
    m_outputTooLarge = false;

    m_process = new QProcess(this);
    m_process->setProgram(m_program);
    QStringList arguments {QStringLiteral("font-check"), fontPath, QStringLiteral("--face"), QString::number(face),
        QStringLiteral("--json")};
    // The worker caps its own address space once loaded (its libraries may map gigabytes: a CUDA
    // LibTorch build); RLIMIT_AS set here, before exec, would stop the dynamic loader instead.
    if (m_limits.addressSpaceBytes > 0)
        arguments << QStringLiteral("--max-memory-mb") << QString::number(m_limits.addressSpaceBytes >> 20);
    m_process->setArguments(arguments + m_extraArguments);
    m_process->setStandardInputFile(QProcess::nullDevice());
    const rlim_t cpu = m_limits.cpuSeconds > 0 ? static_cast<rlim_t>(m_limits.cpuSeconds) : RLIM_INFINITY;
    // Runs in the child between fork and exec: only async-signal-safe calls (setrlimit is one).
    m_process->setChildProcessModifier([cpu] {
        // Soft CPU limit: SIGXCPU; one second later the hard limit sends SIGKILL.
        const rlimit cpuLimit {cpu, cpu == RLIM_INFINITY ? RLIM_INFINITY : cpu + 1};
        ::setrlimit(RLIMIT_CPU, &cpuLimit);
        const rlimit noCore {0, 0}; // a crashing worker must not litter the disk with core files
        ::setrlimit(RLIMIT_CORE, &noCore);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &FontProbe::onReadyRead);
    connect(m_process, &QProcess::finished, this, &FontProbe::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &FontProbe::onErrorOccurred);
    if (m_limits.timeoutMs > 0)
        m_timer->start(m_limits.timeoutMs);
    m_process->start();
}

void FontProbe::onReadyRead()
{
    if (!m_process)
        return;
    const QByteArray chunk = m_process->readAllStandardOutput();
    if (m_output.size() + chunk.size() > m_limits.maxOutputBytes) {
        m_outputTooLarge = true;
        m_process->kill();
        return;
    }
    m_output += chunk;
}

void FontProbe::onTimeout()
{
    if (!isRunning())
        return;
    m_timedOut = true;
    m_process->kill();
}

void FontProbe::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !m_process)
        return; // crashes and kills also arrive through finished()
    FontProbeResult result;
    result.outcome = FontProbeResult::Outcome::FailedToStart;
    result.message = tr("cannot start the font checker %1: %2").arg(m_program, m_process->errorString());
    finish(std::move(result));
}

void FontProbe::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_process)
        return;
    onReadyRead();
    const QByteArray errors = m_process->readAllStandardError().right(kMaxErrorBytes);
    FontProbeResult result;
    result.exitCode = exitCode;
    const QString seconds = QString::number(m_limits.timeoutMs / 1000.0, 'g', 3);
    if (m_timedOut) {
        result.outcome = FontProbeResult::Outcome::TimedOut;
        result.message = tr("the font checker did not finish within %1 s and was stopped: the font may be built to "
                            "hang font software")
                             .arg(seconds);
    } else if (m_outputTooLarge) {
        result.outcome = FontProbeResult::Outcome::InvalidOutput;
        result.message = tr("the font checker printed more than %1 bytes and was stopped").arg(m_limits.maxOutputBytes);
    } else if (status == QProcess::CrashExit) {
        result.outcome = FontProbeResult::Outcome::Crashed;
        const bool cpu = exitCode == SIGXCPU || (exitCode == SIGKILL && m_limits.cpuSeconds > 0);
        result.message
            = tr("the font checker crashed with %1 while reading the font%2")
                  .arg(signalDescription(exitCode),
                      cpu ? tr(" (it may have run out of its %1 s of CPU time)").arg(m_limits.cpuSeconds) : QString());
    } else {
        QJsonParseError parseError {};
        const QJsonDocument doc = QJsonDocument::fromJson(m_output, &parseError);
        const QJsonObject report = doc.object();
        if (exitCode == 0 && doc.isObject() && report.value(QStringLiteral("ok")).toBool()) {
            result.outcome = FontProbeResult::Outcome::Accepted;
            result.report = report;
        } else if (exitCode == 1 && doc.isObject() && report.value(QStringLiteral("error")).isString()) {
            result.outcome = FontProbeResult::Outcome::Rejected;
            result.report = report;
            result.message = report.value(QStringLiteral("error")).toString();
        } else if (exitCode == 1 && !workerError(errors).isEmpty()) {
            result.outcome = FontProbeResult::Outcome::Rejected;
            const QString why = workerError(errors);
            result.message = why.contains(QStringLiteral("bad_alloc"))
                ? tr("the font checker ran out of memory (limit %1 MiB) while reading the font")
                      .arg(m_limits.addressSpaceBytes >> 20)
                : why;
        } else {
            result.outcome = FontProbeResult::Outcome::InvalidOutput;
            result.message = tr("the font checker exited with status %1 without a valid report%2")
                                 .arg(exitCode)
                                 .arg(parseError.error != QJsonParseError::NoError
                                         ? QStringLiteral(" (%1)").arg(parseError.errorString())
                                         : QString());
        }
    }
    finish(std::move(result));
}

void FontProbe::finish(FontProbeResult result)
{
    m_timer->stop();
    result.fontPath = m_fontPath;
    result.face = m_face;
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    emit finished(result);
    if (result.ok())
        emit succeeded(result.fontPath, result.report);
    else
        emit failed(result.fontPath, result.message);
}

} // namespace zistudio::ui
