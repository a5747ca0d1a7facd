// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

namespace zistudio::inference
{

/** Generation cannot proceed: unknown run or checkpoint, bad style mix, unreadable font. */
class InferenceError : public Error
{
public:
    using Error::Error;
};

} // namespace zistudio::inference
