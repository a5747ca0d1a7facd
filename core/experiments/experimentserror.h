// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

namespace zistudio::experiments
{

/** A sweep or comparison cannot proceed: a bad placement list, a run trained on other terms, no runs. */
class ExperimentError : public Error
{
public:
    using Error::Error;
};

} // namespace zistudio::experiments
