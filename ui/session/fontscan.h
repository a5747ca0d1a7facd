// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/datasetspec.h"
#include "models/targetlistmodel.h"

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace zistudio::ui
{

/** What the Fonts panel shows about the source font: its faces, coverage and sample glyphs. */
struct SourceScan
{
    QString title;         ///< "AR PL SungtiL GB Regular"
    QStringList faceNames; ///< one per face in the file (a TTC has several)
    int covered = -1;
    int total = 0;
    QString error;
};

/** The result of scanning a dataset's fonts: coverage of the charset and a strip of sample glyphs. */
struct FontScanResult
{
    SourceScan source;
    std::vector<TargetStatus> targets;
    QStringList sampleCaptions;    ///< the sample characters
    QList<QList<QImage>> samples;  ///< row 0: source, then one row per target (null = missing)
    QStringList rowLabels;         ///< "Source", then the targets' names
    QString charsetError;          ///< the charset could not be resolved
    std::vector<char32_t> charset; ///< the resolved characters
};

/**
 * Opens every font of `spec` with core (glyphs::FontFace), counts how many characters of its charset
 * each covers, lists the problems of hand-drawn image folders, and renders the first `sampleCount`
 * characters (or `sampleText` when not empty) with the one rasterizer. Never throws: problems are
 * reported in the result. Runs on a pool thread.
 */
FontScanResult scanFonts(const data::DatasetSpec &spec, const QString &sampleText, int sampleCount);

/** Face names of a font file ("Family Style"), or an error message in `error`. */
QStringList fontFaceNames(const QString &path, QString *error);

} // namespace zistudio::ui
