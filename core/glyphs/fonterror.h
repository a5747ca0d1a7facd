// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

namespace zistudio::glyphs
{

/**
 * The error type of the glyphs layer: a font file that cannot be used (missing, empty, truncated,
 * damaged, not an sfnt font, bitmap-only...), a glyph that cannot be loaded, a charset that cannot be
 * read, or a hand-drawn image folder that cannot be scanned. The message names the file and the reason.
 */
class FontError : public Error
{
public:
    using Error::Error;
};

} // namespace zistudio::glyphs
