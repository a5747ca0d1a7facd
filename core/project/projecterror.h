// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

namespace zistudio::project
{

/**
 * A project file or run store problem a user can act on. The message names the file and the field
 * ("project /x/demo.zistudio: dataset.imageSize: must be 32, 64, 128, 256 or 512 (got 100)").
 */
class ProjectError : public Error
{
public:
    using Error::Error;
};

} // namespace zistudio::project
