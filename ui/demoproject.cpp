// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoproject.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace zistudio::ui
{

namespace
{

const QString kDemoFile = QStringLiteral("demo.zistudio");

} // namespace

QString findDemoFolder(const QStringList &candidates)
{
    for (const QString &folder : candidates) {
        if (!folder.isEmpty() && QFileInfo::exists(QDir(folder).filePath(kDemoFile)))
            return QDir(folder).absolutePath();
    }
    return {};
}

QString prepareDemoProject(const QString &demoFolder, const QString &workFolder, QString *error)
{
    const QDir source(demoFolder);
    const QDir target(workFolder);
    const QString projectFile = target.filePath(kDemoFile);
    if (QFileInfo::exists(projectFile))
        return projectFile;
    if (!QFileInfo::exists(source.filePath(kDemoFile))) {
        if (error)
            *error = QCoreApplication::translate("DemoProject", "%1 is missing").arg(source.filePath(kDemoFile));
        return {};
    }
    if (!QDir().mkpath(workFolder)) {
        if (error)
            *error = QCoreApplication::translate("DemoProject", "cannot create the folder %1").arg(workFolder);
        return {};
    }
    QDirIterator it(demoFolder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    // The project file last: a copy interrupted half way has no demo.zistudio and is redone next time.
    std::stable_partition(files.begin(), files.end(), [](const QString &f) { return !f.endsWith(kDemoFile); });
    for (const QString &file : files) {
        const QString relative = source.relativeFilePath(file);
        const QString destination = target.filePath(relative);
        QDir().mkpath(QFileInfo(destination).absolutePath());
        QFile::remove(destination);
        if (!QFile::copy(file, destination)) {
            if (error)
                *error = QCoreApplication::translate("DemoProject", "cannot copy %1 to %2").arg(file, destination);
            return {};
        }
        QFile::setPermissions(destination, QFile::permissions(destination) | QFile::WriteOwner);
    }
    return projectFile;
}

QString defaultDemoWorkFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo"));
}

} // namespace zistudio::ui
