// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

#include <QImage>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <string>

namespace zistudio::ui
{

/** A core ink-coverage image as a QImage drawn the conventional way: black ink on white paper. */
QImage toQImage(const GrayImage &image);

/** std::string (UTF-8) ↔ QString. */
inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}
inline std::string utf8(const QString &text)
{
    return text.toStdString();
}

/** Paths: filesystem::path ↔ QString (UTF-8 on Linux). */
QString toQString(const std::filesystem::path &path);
std::filesystem::path toPath(const QString &path);

/** One character (a code point) as a QString, and the first code point of a QString (0 when empty). */
QString charString(char32_t cp);
char32_t firstCodePoint(const QString &text);

/** "U+6C38" */
QString codePointName(char32_t cp);

/** 1234567 → "1.23 M", 1.5e12 → "1.50 T": counts and FLOPs with an SI prefix. */
QString formatSi(double value, int decimals = 2);
/** 3 << 20 → "3.0 MiB". */
QString formatBytes(double bytes);
/** 3725 s → "1:02:05". */
QString formatDuration(double seconds);

} // namespace zistudio::ui
