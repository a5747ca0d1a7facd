// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace zistudio::ui
{

/** Typed access to the studio's QSettings (one place for keys and defaults). */
class AppSettings
{
public:
    /** "" = follow the system locale; else a locale name such as "zh_TW", "zh_CN", "ja", "en". */
    static QString language();
    static void setLanguage(const QString &language);

    static bool darkPalette();
    static void setDarkPalette(bool dark);

    static QStringList recentProjects();
    static void addRecentProject(const QString &path);

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    /** True until the studio has been started once (the first start opens the demo project). */
    static bool firstStart();
    static void setFirstStartDone();
};

} // namespace zistudio::ui
