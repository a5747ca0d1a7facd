// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/embox.h"
#include "export/outline.h"

#include <string>

namespace zistudio::fontexport
{

/**
 * One glyph as a standalone SVG document: a single nonzero-filled path, viewBox in font units
 * covering the square em box ("0 0 emHeight emHeight"), y flipped so that SVG y 0 is emBoxTop. Files are
 * named like the glyph, e.g. uni6C38.svg (glyphNameFor). FontForge's importOutlines and Inkscape
 * read them as they are.
 */
std::string outlineToSvg(const Outline &outline, const EmBox &emBox, const std::string &title = {});

/** The SVG path data ("M… L… C… Z") of an outline, y flipped about emBoxTop. */
std::string svgPathData(const Outline &outline, const EmBox &emBox);

} // namespace zistudio::fontexport
