// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QSettings>

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
