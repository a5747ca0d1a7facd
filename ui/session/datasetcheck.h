// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/datasetspec.h"
#include "models/missingglyphmodel.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace zistudio::ui
{

/** A quick look at a dataset before it is built: how many characters each style can provide. */
struct DatasetCheck
{
    int charsetSize = 0;
    int sourceCovered = 0;
    int notCoveredByAll = 0;     ///< left out by "covered by all chosen fonts"
    QStringList styleLines;      ///< one summary line per style ("Kai: 998 of 1000")
    QList<MissingGlyph> missing; ///< characters a font lacks (cmap), per style
    QString error;               ///< the charset or a font could not be read
};

/**
 * Resolves the charset and counts, for the source font and every target font, the characters its
 * cmap lacks (core's glyphs::coveredChars). Image folders and the tofu filter are only known after a
 * build. Never throws. Runs on a pool thread.
 */
DatasetCheck checkDataset(const data::DatasetSpec &spec);

} // namespace zistudio::ui
