// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"
#include "tempdir.h"
#include "testfonts.h"
#include "tinyproject.h"

#include <QString>
#include <QTest>

#include <filesystem>

namespace zistudio::test
{

/** Characters of the tiny UI test dataset: both Song and Kai GB fonts have them. */
inline constexpr const char *kUiChars
    = "永和九年岁在癸丑暮春之初会于稽山阴兰亭修禊事也群贤毕至少长咸集此地有崇峻岭茂林";

/**
 * The shared tiny project (tests/support/tinyproject.h) with ~40 characters, 400 steps, frequent
 * validation and checkpoints and 2 threads: a run that is still going while a UI test looks at it.
 */
inline project::Project tinyUiProject()
{
    auto p = tinyProject();
    p.name = "ui-tiny";
    p.dataset.charset.text = kUiChars;
    p.training.steps = 400;
    p.training.validateEvery = 2;
    p.training.checkpointEvery = 3;
    p.training.threads = 2;
    return p;
}

/** Writes `project` as <dir>/<name>.zistudio and returns the path as a QString. */
inline QString writeProject(const TempDir &dir, const project::Project &project, const char *name = "tiny")
{
    const std::filesystem::path file = dir / (std::string(name) + ".zistudio");
    project::saveProject(project, file);
    return QString::fromStdString(file.string());
}

inline std::filesystem::path toPath(const QString &path)
{
    return std::filesystem::path(path.toStdString());
}

/** The demo project shipped in the source tree. */
inline QString demoFolder()
{
    return QStringLiteral(ZISTUDIO_SOURCE_DIR "/resources/demo");
}

} // namespace zistudio::test
