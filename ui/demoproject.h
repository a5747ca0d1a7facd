// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace zistudio::ui
{

/**
 * Where the demo project ships: the source tree's resources/demo (when running from a build folder)
 * or the installed share/zistudio/demo. Returns the first folder that holds demo.zistudio, or "".
 */
QString findDemoFolder(const QStringList &candidates);

/**
 * The demo is read-only where it is installed, and training writes runs beside the project file, so
 * the studio works on a copy: copies `demoFolder` into `workFolder` (once; an existing copy is kept
 * with its runs) and returns the copied demo.zistudio, or "" with `error` set.
 */
QString prepareDemoProject(const QString &demoFolder, const QString &workFolder, QString *error);

/** The per-user folder the demo copy lives in (AppDataLocation/demo). */
QString defaultDemoWorkFolder();

} // namespace zistudio::ui
