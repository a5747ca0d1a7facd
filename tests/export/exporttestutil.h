// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "export/embox.h"
#include "export/glyphexporter.h"
#include "export/outline.h"

#include <filesystem>
#include <string>
#include <vector>

namespace zistudio::test
{

/** A font's em box as the export layer takes it (OS/2 typo ascender/descender, scaled to upem 1000). */
fontexport::EmBox emBoxOf(const std::filesystem::path &font);

/**
 * Renders `cp` of `font` with FreeType into a size×size ink-coverage image, em-box placement: x 0..em
 * of the font maps to columns 0..size, `top`..`bottom` (in units of 1000/em) to rows 0..size.
 * Test-only stand-in until glyphs::Rasterizer lands. Fails the test when the font lacks `cp`.
 */
GrayImage renderEmBox(const std::filesystem::path &font, char32_t cp, int size, const fontexport::EmBox &box);

/** The test characters: 一 永 回 and nine more common GB2312 hanzi (plus 龘 when the font has it). */
std::u32string testCharacters(const std::filesystem::path &font);

/** Renders the characters of `font` as export input (em-box placement at `size` px). */
std::vector<fontexport::ExportGlyph> renderGlyphs(
    const std::filesystem::path &font, const std::u32string &chars, int size, const fontexport::EmBox &box);

/** True when FreeType maps `cp` in `font`. */
bool fontHas(const std::filesystem::path &font, char32_t cp);

/** Re-renders `cp` from a font file and compares it with `expected`: ink IoU. */
double rerenderIou(
    const std::filesystem::path &font, char32_t cp, const GrayImage &expected, const fontexport::EmBox &box);

/** Fills an outline (nonzero winding, cubics flattened) into a size×size image in the em box's frame. */
GrayImage fillOutline(const fontexport::Outline &outline, int size, const fontexport::EmBox &box);

/** Intersection over union of ink (coverage ≥ 128). 1 when both are blank. */
double inkIou(const GrayImage &a, const GrayImage &b);

/** Pixels with coverage ≥ 128. */
int inkCount(const GrayImage &img);

/** Runs a shell command, returns its exit status and puts stdout+stderr into `output`. */
int runCommand(const std::string &command, std::string &output);

/** Quotes a string for /bin/sh. */
std::string shellQuote(const std::string &s);

/** Runs /usr/bin/python3 -c script args…; returns the exit status, stdout+stderr in `output`. */
int runPython(const std::string &script, std::string &output, const std::vector<std::string> &args = {});

} // namespace zistudio::test
