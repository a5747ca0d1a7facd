// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace zistudio
{

/**
 * Base of every error core reports. The message is meant for a person: it names the file or
 * setting and the problem ("font file is not an OpenType/TrueType font: /tmp/x.ttf"). Each layer
 * derives its own type so callers can tell where a failure came from.
 */
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/** A file could not be read, written, or renamed; the message names the path and the OS reason. */
class IoError : public Error
{
public:
    using Error::Error;
};

} // namespace zistudio
