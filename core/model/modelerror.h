// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

namespace zistudio::model
{

/**
 * A model configuration, attention spec, or set of weights is unusable. The message names the
 * setting or parameter and the problem ("attention enc:9 is deeper than the UNet (depth 6 at 64 px)").
 */
class ModelError : public Error
{
public:
    using Error::Error;
};

} // namespace zistudio::model
