// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: the charset files of resources/charsets, embedded by core/glyphs/CMakeLists.txt.
#include <string_view>

namespace zistudio::glyphs::detail
{

/** The text of resources/charsets/<file>.txt as compiled in, or an empty view when there is no such file. */
std::string_view embeddedCharsetText(std::string_view file);

} // namespace zistudio::glyphs::detail
