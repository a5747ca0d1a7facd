// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"
#include "tempdir.h"
#include "testfonts.h"

#include <QString>
#include <QTest>

#include <filesystem>

namespace zistudio::test
{

/** Characters of the tiny UI test dataset: both Song and Kai GB fonts have them. */
inline constexpr const char *kUiChars
    = "永和九年岁在癸丑暮春之初会于稽山阴兰亭修禊事也群贤毕至少长咸集此地有崇峻岭茂林";

/** A project that trains in a fraction of a second per step: 32 px, ngf 8, Song → Kai, ~40 characters. */
inline project::Project tinyUiProject()
{
    auto p = project::defaultProject("ui-tiny");
    p.dataset.source = {TestFonts::songGb().string(), 0};
    p.dataset.targets = {{.kind = data::TargetSpec::Kind::Font,
        .path = TestFonts::kaiGb().string(),
        .face = 0,
        .styleId = 0,
        .name = "Kai"}};
    p.dataset.charset = {.builtin = "", .file = "", .text = kUiChars, .limit = 0, .coveredByAll = false};
    p.dataset.imageSize = 32;
    p.dataset.validationFraction = 0.2;
    p.model.imageSize = 32;
    p.model.ngf = 8;
    p.model.ndf = 8;
    p.model.embeddingNum = 4;
    p.model.embeddingDim = 16;
    p.training.batchSize = 4;
    p.training.steps = 400;
    p.training.validateEvery = 2;
    p.training.checkpointEvery = 3;
    p.training.keepLast = 3;
    p.training.seed = 7;
    p.training.device = "cpu";
    p.training.threads = 2;
    p.training.loaderThreads = 1;
    p.training.decayEverySteps = 0;
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
