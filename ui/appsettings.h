// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace zistudio::ui
{

/** A recent project as File → Open Recent and the Project panel show it. */
struct RecentProject
{
    QString path;  ///< as it was opened (absolute)
    QString label; ///< the file name; with as much of its folder as tells it from a recent project of the same name
    bool exists = true;
    QString toolTip; ///< the path, or that the file is gone
};

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
    /** recentProjects(), newest first, labelled for display: "demo.zistudio (demo)", "demo.zistudio (tmp)". */
    static QList<RecentProject> recentProjectEntries();

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    /** True until the studio has been started once (the first start opens the demo project). */
    static bool firstStart();
    static void setFirstStartDone();
};

} // namespace zistudio::ui
