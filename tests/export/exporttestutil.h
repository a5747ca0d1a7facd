// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "export/embox.h"
#include "export/glyphexporter.h"
#include "export/outline.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace zistudio::test
{

/** A font's em box as the export layer takes it: glyphs::FontFace's em box, scaled to upem 1000. */
fontexport::EmBox emBoxOf(const std::filesystem::path &font);

/** Renders `cp` of `font` with THE rasterizer (glyphs::Rasterizer, em-box placement, size×size). */
GrayImage renderEmBox(const std::filesystem::path &font, char32_t cp, int size);

/** The test characters: 一 永 回 and nine more common GB2312 hanzi (plus 龘 when the font has it). */
std::u32string testCharacters(const std::filesystem::path &font);

/** Renders the characters of `font` as export input (em-box placement at `size` px). */
std::vector<fontexport::ExportGlyph> renderGlyphs(
    const std::filesystem::path &font, const std::u32string &chars, int size);

/** True when the font's cmap maps `cp`. */
bool fontHas(const std::filesystem::path &font, char32_t cp);

/** Re-renders `cp` from a font file (em-box placement, the image's size) and returns the ink IoU with `expected`. */
double rerenderIou(const std::filesystem::path &font, char32_t cp, const GrayImage &expected);

/** Fills an outline (nonzero winding, cubics flattened) into a size×size image in the em box's frame. */
GrayImage fillOutline(const fontexport::Outline &outline, int size, const fontexport::EmBox &box);

/** Intersection over union of ink (coverage ≥ 128). 1 when both are blank. */
double inkIou(const GrayImage &a, const GrayImage &b);

/** Pixels with coverage ≥ 128. */
int inkCount(const GrayImage &img);

/** Runs a shell command, returns its exit status and puts stdout+stderr into `output`. */
int runCommand(const std::string &command, std::string &output);

/** Every file under `dir` with its SHA-256 (the state a failed export must not change). */
std::map<std::string, std::string> snapshot(const std::filesystem::path &dir);

/** Quotes a string for /bin/sh. */
std::string shellQuote(const std::string &s);

/** Runs /usr/bin/python3 -c script args…; returns the exit status, stdout+stderr in `output`. */
int runPython(const std::string &script, std::string &output, const std::vector<std::string> &args = {});

} // namespace zistudio::test
