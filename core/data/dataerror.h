// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

namespace zistudio::data
{

/** The error type of the data layer: a dataset spec, store or loader problem; the message names the file/setting. */
class DataError : public Error
{
public:
    using Error::Error;
};

/** Dataset::build stopped because its cancel flag was set; the previous store is left as it was. */
class BuildCancelled : public DataError
{
public:
    using DataError::DataError;
};

} // namespace zistudio::data
