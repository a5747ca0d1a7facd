// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace zistudio
{

/**
 * `text` made safe to print on a terminal or in a log: valid UTF-8 is kept, but control characters
 * (C0, DEL, C1: ESC, CR, LF, BEL, the CSI that starts a title or colour sequence...) and the bidi
 * overrides that reorder what a reader sees are written as escapes ("\n", "\x1b", "\u{202e}"), and
 * bytes that are not UTF-8 as "\xNN". Every string printed from a file (names in a shared model, a
 * project, a font) goes through this, so a crafted file cannot drive the user's terminal.
 */
std::string printable(std::string_view text);

} // namespace zistudio
