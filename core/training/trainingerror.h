// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

namespace zistudio::training
{

/**
 * Everything the training layer reports: bad settings, damaged checkpoints or tensor archives,
 * refused saves (non-finite weights), training that cannot continue. The message names the file
 * or setting and the problem.
 */
class TrainingError : public Error
{
public:
    using Error::Error;
};

/** A resume that would silently lose or overwrite work (damaged or missing checkpoints, an imported run). */
class ResumeRefused : public TrainingError
{
public:
    using TrainingError::TrainingError;
};

} // namespace zistudio::training
