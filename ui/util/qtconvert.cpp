// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/qtconvert.h"

#include <QLocale>

#include <array>
#include <cmath>

namespace zistudio::ui
{

QImage toQImage(const GrayImage &image)
{
    if (image.isNull())
        return {};
    QImage result(image.width, image.height, QImage::Format_Grayscale8);
    for (int y = 0; y < image.height; ++y) {
        uchar *line = result.scanLine(y);
        for (int x = 0; x < image.width; ++x)
            line[x] = static_cast<uchar>(255 - image.at(x, y)); // coverage → black ink on white
    }
    return result;
}

QString toQString(const std::filesystem::path &path)
{
    return QString::fromStdString(path.string());
}

std::filesystem::path toPath(const QString &path)
{
    return std::filesystem::path(path.toStdString());
}

QString charString(char32_t cp)
{
    const char32_t text[1] = {cp};
    return QString::fromUcs4(text, 1);
}

char32_t firstCodePoint(const QString &text)
{
    const QList<uint> ucs4 = text.toUcs4();
    return ucs4.isEmpty() ? 0 : static_cast<char32_t>(ucs4.front());
}

QString codePointName(char32_t cp)
{
    return QStringLiteral("U+%1").arg(static_cast<uint>(cp), 4, 16, QLatin1Char('0')).toUpper();
}

QString formatSi(double value, int decimals)
{
    static constexpr std::array<const char *, 5> kPrefixes = {"", " k", " M", " G", " T"};
    std::size_t prefix = 0;
    double scaled = value;
    while (std::abs(scaled) >= 1000.0 && prefix + 1 < kPrefixes.size()) {
        scaled /= 1000.0;
        ++prefix;
    }
    if (prefix == 0 && scaled == std::floor(scaled))
        return QLocale().toString(static_cast<qlonglong>(scaled));
    return QLocale().toString(scaled, 'f', decimals) + QString::fromLatin1(kPrefixes[prefix]);
}

QString formatBytes(double bytes)
{
    static constexpr std::array<const char *, 5> kUnits = {"B", "KiB", "MiB", "GiB", "TiB"};
    std::size_t unit = 0;
    while (bytes >= 1024.0 && unit + 1 < kUnits.size()) {
        bytes /= 1024.0;
        ++unit;
    }
    return QLocale().toString(bytes, 'f', unit == 0 ? 0 : 1) + QLatin1Char(' ') + QString::fromLatin1(kUnits[unit]);
}

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    const auto total = static_cast<long long>(std::llround(seconds));
    const long long h = total / 3600;
    const long long m = (total / 60) % 60;
    const long long s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace zistudio::ui
