// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

namespace zistudio::fontexport
{

/**
 * Any failure of the export layer: a bad glyph image, an output folder that cannot be written, a
 * target font that cannot be merged into. The message names the file or setting and the problem.
 */
class ExportError : public Error
{
public:
    using Error::Error;
};

/** The export was cancelled through its cancel flag; nothing of it was left in the output folder. */
class ExportCancelled : public ExportError
{
public:
    using ExportError::ExportError;
};

} // namespace zistudio::fontexport
