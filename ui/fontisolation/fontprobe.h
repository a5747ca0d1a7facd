// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

class QTimer;

namespace zistudio::ui
{

/** How long and how much the font worker may run before it is stopped (docs/reliability.md). */
struct FontProbeLimits
{
    int timeoutMs = 20000; ///< wall clock, then the worker is killed
    int cpuSeconds = 30;   ///< RLIMIT_CPU: the kernel stops a spinning worker
    /// RLIMIT_AS beyond what the worker maps once loaded (font-check --max-memory-mb): allocations beyond fail
    qint64 addressSpaceBytes = qint64(2) * 1024 * 1024 * 1024;
    qint64 maxOutputBytes = 16 * 1024 * 1024; ///< more stdout than this is invalid output
};

/** What the worker did with one font. */
struct FontProbeResult
{
    enum class Outcome
    {
        Accepted,      ///< the worker opened and rendered the font: `report` holds its JSON
        Rejected,      ///< the worker refused the font with a reason (not a font, damaged...): `message`
        Crashed,       ///< the worker died from a signal (e.g. SIGSEGV inside FreeType)
        TimedOut,      ///< the worker ran past the timeout and was killed
        InvalidOutput, ///< the worker exited but did not print the JSON report
        FailedToStart  ///< the worker program could not be started
    };
    Outcome outcome = Outcome::FailedToStart;
    QString fontPath;
    int face = 0;
    QJsonObject report; ///< `zistudio-cli font-check --json` output (Accepted, and Rejected when it gave one)
    QString message;    ///< for the user: why the font was not accepted; empty when Accepted
    int exitCode = -1;  ///< the worker's exit status, or the signal number when it crashed
    bool ok() const { return outcome == Outcome::Accepted; }
};

/**
 * Runs `zistudio-cli font-check FONT --face N --json` in a separate process, so that a font that crashes
 * or hangs FreeType (or exhausts memory) costs a worker process, not the studio. The child gets CPU and
 * address-space limits (setrlimit in QProcess's child modifier) and is killed after the timeout. Reports
 * success with the parsed JSON report or failure with a message a user can act on ("the font checker
 * crashed with signal 11 (Segmentation fault) while reading ..."). One font at a time per probe;
 * call from the GUI thread (QProcess is asynchronous: nothing blocks).
 */
class FontProbe : public QObject
{
    Q_OBJECT

public:
    explicit FontProbe(QObject *parent = nullptr);
    ~FontProbe() override;

    /** The worker program; default: defaultProgram(). */
    void setProgram(const QString &program);
    QString program() const { return m_program; }
    void setLimits(const FontProbeLimits &limits) { m_limits = limits; }
    const FontProbeLimits &limits() const { return m_limits; }
    /** Extra arguments for the worker (tests pass the hidden --test-* hooks of font-check). */
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }

    /** Starts checking `fontPath` (face `face`); emits finished() and succeeded() or failed() later. */
    void start(const QString &fontPath, int face = 0);
    bool isRunning() const;
    /** Kills a running worker; no signal is emitted for it. */
    void cancel();

    /** zistudio-cli beside the running program (also ../cli/ in a build tree), else the one on PATH. */
    static QString defaultProgram();
    /** Human-readable name of a signal: "signal 11 (Segmentation fault)". */
    static QString signalDescription(int signal);

signals:
    void finished(const zistudio::ui::FontProbeResult &result);
    void succeeded(const QString &fontPath, const QJsonObject &report);
    void failed(const QString &fontPath, const QString &message);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void onTimeout();
    void onReadyRead();
    void finish(FontProbeResult result);

    QString m_program;
    FontProbeLimits m_limits;
    QStringList m_extraArguments;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QString m_fontPath;
    int m_face = 0;
    QByteArray m_output;
    bool m_timedOut = false;
    bool m_outputTooLarge = false;
};

} // namespace zistudio::ui

Q_DECLARE_METATYPE(zistudio::ui::FontProbeResult)
