// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSettings>

#include <algorithm>

namespace zistudio::ui
{

namespace
{

constexpr int kMaxRecentProjects = 8;

} // namespace

QString AppSettings::language()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

bool AppSettings::darkPalette()
{
    return QSettings().value(QStringLiteral("ui/darkPalette"), false).toBool();
}

void AppSettings::setDarkPalette(bool dark)
{
    QSettings().setValue(QStringLiteral("ui/darkPalette"), dark);
}

QStringList AppSettings::recentProjects()
{
    return QSettings().value(QStringLiteral("project/recent")).toStringList();
}

void AppSettings::addRecentProject(const QString &path)
{
    QStringList recent = recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentProjects)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("project/recent"), recent);
}

QList<RecentProject> AppSettings::recentProjectEntries()
{
    const QStringList paths = recentProjects();
    QHash<QString, int> sameName;
    for (const QString &path : paths)
        ++sameName[QFileInfo(path).fileName()];
    QList<RecentProject> entries;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        RecentProject entry {.path = path, .label = info.fileName(), .exists = info.exists(), .toolTip = path};
        if (sameName.value(info.fileName()) > 1) {
            // The fewest trailing folders that no other recent project of this name shares.
            const QStringList folders = QDir::fromNativeSeparators(info.path()).split(u'/', Qt::SkipEmptyParts);
            QString suffix;
            for (qsizetype n = 1; n <= folders.size(); ++n) {
                suffix = folders.mid(folders.size() - n).join(u'/');
                const bool shared = std::any_of(paths.begin(), paths.end(), [&](const QString &other) {
                    const QFileInfo o(other);
                    return other != path && o.fileName() == info.fileName()
                        && (QDir::fromNativeSeparators(o.path()) + u'/').endsWith(u'/' + suffix + u'/');
                });
                if (!shared)
                    break;
            }
            entry.label = QCoreApplication::translate("AppSettings", "%1 (%2)").arg(info.fileName(), suffix);
        }
        if (!entry.exists)
            entry.toolTip = QCoreApplication::translate("AppSettings", "Not found: %1").arg(path);
        entries.append(entry);
    }
    return entries;
}

QByteArray AppSettings::windowGeometry()
{
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState()
{
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), geometry);
    settings.setValue(QStringLiteral("window/state"), state);
}

bool AppSettings::firstStart()
{
    return !QSettings().value(QStringLiteral("app/started"), false).toBool();
}

void AppSettings::setFirstStartDone()
{
    QSettings().setValue(QStringLiteral("app/started"), true);
}

} // namespace zistudio::ui
