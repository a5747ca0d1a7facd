// SPDX-License-Identifier: GPL-3.0-or-later
// The font worker isolation: a font is checked by `zistudio-cli font-check` in its own process with a
// timeout and CPU/memory limits. A crash, a hang, a CPU or memory hog, or garbage output of the worker
// must give a failure message while this (studio) process keeps running. The misbehaving workers are
// font-check's hidden --test-* hooks.
#include "fontisolation/fontprobe.h"
#include "tempdir.h"
#include "testfonts.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <gtest/gtest.h>

#include <csignal>

using namespace zistudio::ui;
using zistudio::test::TempDir;
using zistudio::test::TestFonts;

namespace
{

QString qPath(const std::filesystem::path &p)
{
    return QString::fromStdString(p.string());
}

/** Runs one probe to the end and returns what it reported (finished + exactly one of succeeded/failed). */
FontProbeResult probe(const QString &font, const QStringList &hooks = {}, FontProbeLimits limits = {})
{
    FontProbe probe;
    probe.setProgram(QStringLiteral(ZISTUDIO_CLI));
    probe.setExtraArguments(hooks);
    probe.setLimits(limits);
    QSignalSpy finished(&probe, &FontProbe::finished);
    QSignalSpy succeeded(&probe, &FontProbe::succeeded);
    QSignalSpy failed(&probe, &FontProbe::failed);
    probe.start(font);
    EXPECT_TRUE(probe.isRunning() || finished.count() == 1);
    if (finished.count() == 0) {
        EXPECT_TRUE(finished.wait(60000)) << "the probe never finished";
    }
    EXPECT_FALSE(probe.isRunning());
    EXPECT_EQ(finished.count(), 1);
    if (finished.count() != 1)
        return {};
    const auto result = finished.at(0).at(0).value<FontProbeResult>();
    EXPECT_EQ(succeeded.count(), result.ok() ? 1 : 0);
    EXPECT_EQ(failed.count(), result.ok() ? 0 : 1);
    if (failed.count() == 1) {
        EXPECT_EQ(failed.at(0).at(1).toString(), result.message);
    }
    EXPECT_EQ(result.fontPath, font);
    return result;
}

} // namespace

TEST(FontProbe, AcceptsARealFontWithCoverageAndRenders)
{
    const auto result = probe(qPath(TestFonts::kaiGb()));
    ASSERT_EQ(result.outcome, FontProbeResult::Outcome::Accepted) << result.message.toStdString();
    EXPECT_TRUE(result.message.isEmpty());
    EXPECT_EQ(result.report.value(QStringLiteral("family")).toString(), QStringLiteral("AR PL KaitiM GB"));
    const QJsonObject gb
        = result.report.value(QStringLiteral("coverage")).toObject().value(QStringLiteral("gb2312")).toObject();
    EXPECT_EQ(gb.value(QStringLiteral("total")).toInt(), 6763);
    EXPECT_GT(gb.value(QStringLiteral("covered")).toInt(), 6000);
    const QJsonObject sample = result.report.value(QStringLiteral("sample")).toObject();
    EXPECT_GT(sample.value(QStringLiteral("ok")).toInt(), 32);
    EXPECT_EQ(sample.value(QStringLiteral("damaged")).toInt(), 0);
    const QJsonArray renders = result.report.value(QStringLiteral("renders")).toArray();
    ASSERT_FALSE(renders.isEmpty());
    EXPECT_EQ(renders.at(0).toObject().value(QStringLiteral("char")).toString(), QString(QChar(0x6C38)));
    const QByteArray png
        = QByteArray::fromBase64(renders.at(0).toObject().value(QStringLiteral("png")).toString().toLatin1());
    EXPECT_TRUE(png.startsWith("\x89PNG\r\n\x1a\n"));
}

TEST(FontProbe, ChecksTheChosenFaceOfACollection)
{
    FontProbe p;
    p.setProgram(QStringLiteral(ZISTUDIO_CLI));
    QSignalSpy finished(&p, &FontProbe::finished);
    p.start(qPath(TestFonts::ukaiTtc()), 2);
    ASSERT_TRUE(finished.wait(60000));
    const auto result = finished.at(0).at(0).value<FontProbeResult>();
    ASSERT_TRUE(result.ok()) << result.message.toStdString();
    EXPECT_EQ(result.face, 2);
    EXPECT_EQ(result.report.value(QStringLiteral("face")).toInt(), 2);
    EXPECT_EQ(result.report.value(QStringLiteral("numFaces")).toInt(), 4);
}

TEST(FontProbe, RejectsANonFontWithTheWorkersReason)
{
    TempDir dir;
    const auto fake = dir / "photo.ttf";
    QFile file(qPath(fake));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("\x89PNG\r\n\x1a\n0000000000000000000000000");
    file.close();
    const auto result = probe(qPath(fake));
    EXPECT_EQ(result.outcome, FontProbeResult::Outcome::Rejected);
    EXPECT_TRUE(result.message.contains(QStringLiteral("not an OpenType/TrueType font")))
        << result.message.toStdString();
    EXPECT_TRUE(result.message.contains(qPath(fake)));
    EXPECT_EQ(result.exitCode, 1);
}

TEST(FontProbe, ACrashingWorkerIsReportedWithItsSignal)
{
    const auto result = probe(qPath(TestFonts::kaiGb()), {QStringLiteral("--test-crash")});
    EXPECT_EQ(result.outcome, FontProbeResult::Outcome::Crashed);
    EXPECT_EQ(result.exitCode, SIGSEGV);
    EXPECT_TRUE(result.message.contains(QStringLiteral("crashed with signal %1").arg(SIGSEGV)))
        << result.message.toStdString();
}

TEST(FontProbe, AHangingWorkerIsStoppedAtTheTimeout)
{
    FontProbeLimits limits;
    limits.timeoutMs = 1000;
    const auto result = probe(qPath(TestFonts::kaiGb()), {QStringLiteral("--test-hang")}, limits);
    EXPECT_EQ(result.outcome, FontProbeResult::Outcome::TimedOut);
    EXPECT_TRUE(result.message.contains(QStringLiteral("did not finish within 1 s"))) << result.message.toStdString();
}

TEST(FontProbe, ASpinningWorkerIsStoppedByTheCpuLimit)
{
    FontProbeLimits limits;
    limits.cpuSeconds = 1;
    limits.timeoutMs = 60000; // the CPU limit, not the timeout, must stop it
    const auto result = probe(qPath(TestFonts::kaiGb()), {QStringLiteral("--test-spin")}, limits);
    EXPECT_EQ(result.outcome, FontProbeResult::Outcome::Crashed);
    EXPECT_TRUE(result.exitCode == SIGXCPU || result.exitCode == SIGKILL) << result.exitCode;
    EXPECT_TRUE(result.message.contains(QStringLiteral("CPU time"))) << result.message.toStdString();
}

TEST(FontProbe, AMemoryHungryWorkerIsStoppedByTheAddressSpaceLimit)
{
    const auto result = probe(qPath(TestFonts::kaiGb()), {QStringLiteral("--test-alloc")});
    EXPECT_EQ(result.outcome, FontProbeResult::Outcome::Rejected);
    EXPECT_TRUE(result.message.contains(QStringLiteral("out of memory (limit 2048 MiB)")))
        << result.message.toStdString();
}

TEST(FontProbe, GarbageOutputIsInvalid)
{
    const auto result = probe(qPath(TestFonts::kaiGb()), {QStringLiteral("--test-garbage")});
    EXPECT_EQ(result.outcome, FontProbeResult::Outcome::InvalidOutput);
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.message.contains(QStringLiteral("without a valid report"))) << result.message.toStdString();
}

TEST(FontProbe, AMissingWorkerFailsToStart)
{
    FontProbe p;
    p.setProgram(QStringLiteral("/nonexistent/zistudio-cli"));
    QSignalSpy failed(&p, &FontProbe::failed);
    p.start(qPath(TestFonts::kaiGb()));
    ASSERT_TRUE(failed.count() == 1 || failed.wait(10000));
    EXPECT_TRUE(failed.at(0).at(1).toString().contains(QStringLiteral("cannot start the font checker")));
}

TEST(FontProbe, TheSameProbeWorksAgainAfterAFailure)
{
    FontProbe p;
    p.setProgram(QStringLiteral(ZISTUDIO_CLI));
    QSignalSpy finished(&p, &FontProbe::finished);
    p.setExtraArguments({QStringLiteral("--test-crash")});
    p.start(qPath(TestFonts::kaiGb()));
    ASSERT_TRUE(finished.wait(60000));
    p.setExtraArguments({});
    p.start(qPath(TestFonts::dejavu()));
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_EQ(finished.count(), 2);
    EXPECT_FALSE(finished.at(0).at(0).value<FontProbeResult>().ok());
    const auto second = finished.at(1).at(0).value<FontProbeResult>();
    EXPECT_TRUE(second.ok()) << second.message.toStdString();
    EXPECT_EQ(second.report.value(QStringLiteral("family")).toString(), QStringLiteral("DejaVu Sans"));
}

TEST(FontProbe, CancelStopsTheWorkerWithoutASignal)
{
    FontProbe p;
    p.setProgram(QStringLiteral(ZISTUDIO_CLI));
    p.setExtraArguments({QStringLiteral("--test-hang")});
    QSignalSpy finished(&p, &FontProbe::finished);
    p.start(qPath(TestFonts::kaiGb()));
    EXPECT_TRUE(p.isRunning());
    p.cancel();
    EXPECT_FALSE(p.isRunning());
    EXPECT_FALSE(finished.wait(300));
}
