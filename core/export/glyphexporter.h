// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "export/contactsheet.h"
#include "export/embox.h"
#include "export/fontmerge.h"
#include "export/glyphtracer.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace zistudio::fontexport
{

/** One generated glyph to export: its code point and its ink-coverage image (square, em-box placement). */
struct ExportGlyph
{
    char32_t cp = 0;
    GrayImage image;      ///< S×S, covering the em box exactly (see EmBox)
    bool flagged = false; ///< needs a designer's look: UFO public.markColor, red frame on sheets
};

/** What to write. */
enum class ExportFormat
{
    Png,          ///< png/uniXXXX.png, one per glyph
    ContactSheet, ///< contact-sheets/sheet-NNN.png
    Svg,          ///< svg/uniXXXX.svg, one per glyph
    Ufo,          ///< <PostScriptName>.ufo (UFO 3)
    Ttf,          ///< <PostScriptName>.ttf (TrueType outlines)
    Otf           ///< <PostScriptName>.otf (CFF outlines)
};

/** "png", "contact-sheet", "svg", "ufo", "ttf", "otf". */
const char *exportFormatName(ExportFormat format);

/** Parses "png,svg,ufo,ttf" (also "sheet"/"contact-sheet"); throws ExportError naming an unknown entry. */
std::set<ExportFormat> parseExportFormats(std::string_view list);

/** Everything that shapes an export. */
struct ExportOptions
{
    std::set<ExportFormat> formats {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Ufo, ExportFormat::Ttf};
    std::string family = "ZiStudio Generated";
    std::string style = "Regular";
    EmBox emBox;
    TraceOptions trace;
    bool backgroundImages = false;               ///< UFO: each glyph's image as a background in images/
    std::map<std::string, std::string> metadata; ///< run, checkpoint, settings: UFO lib, PNG text chunks
    std::string mergeInto; ///< a TrueType font to add the glyphs it lacks to: <stem>-merged.ttf ("" = none)
    ContactSheetOptions sheet;
    double quadraticTolerance = kDefaultQuadraticTolerance; ///< TTF/merge cubic → quadratic, font units
    int threads = 2;                                        ///< tracing/writing threads
    int versionMajor = 1;
    int versionMinor = 0;
    /** Replace files in the output folder that ZiStudio did not write (or that were edited since). The user's
     * other files are kept whatever this says (StagingFolder). */
    bool overwrite = false;
};

/** A glyph left out (of everything, or of the outline formats), and why. */
struct SkippedGlyph
{
    char32_t cp = 0;
    std::string reason;
};

/** What an export did. */
struct ExportReport
{
    std::vector<std::filesystem::path> outputs; ///< files and folders now in the output folder
    std::size_t filesWritten = 0;               ///< every file, those inside folders included
    int glyphsTraced = 0;                       ///< glyphs that went through potrace
    int glyphsInFonts = 0;                      ///< glyphs with an outline (SVG/UFO/TTF/OTF), .notdef excluded
    std::vector<SkippedGlyph> skipped;
    std::optional<MergeReport> merge;
    std::vector<std::string> warnings;
    double elapsedSeconds = 0;
    double glyphSeconds = 0;  ///< tracing and per-glyph files (PNG, SVG, .glif), on the worker threads
    double fontSeconds = 0;   ///< UFO plists, TTF, OTF, merge, contact sheets
    double commitSeconds = 0; ///< syncing the staged files to disk and moving them into place
};

/** Progress: `done` of `total` steps (one per glyph, plus a last step for the fonts and the final move). */
using ExportProgress = std::function<void(int done, int total)>;

/**
 * Exports generated glyphs into `outDir` (which must exist): PNG, contact sheets, SVG, UFO 3,
 * TTF, OTF and/or a merged copy of a TrueType font, as `options` says. Glyphs are traced and
 * written on `options.threads` threads; `progress` is called on the calling thread. Everything is
 * written into a staging folder inside `outDir` and moved into place at the end (StagingFolder),
 * so a failure or a cancel leaves the previous export untouched. Glyphs with an invalid or repeated
 * code point or an unusable image are skipped; blank images get a PNG but no outline; both are
 * listed with their reason. Throws ExportCancelled when `cancel` becomes true (also when set from
 * `progress`), ExportError for a missing or read-only folder, bad options, a full disk, or a target
 * font that cannot be merged.
 *
 * An export never removes a file it did not write and never replaces a good export with an empty
 * one: with no usable glyph it throws ExportError before touching `outDir`; files of the same name
 * that the last export did not write stop it unless `options.overwrite` (see StagingFolder).
 *
 * Layout of `outDir` (each entry replaces the last export's files of that name; `.zistudio-export.json`
 * lists what the exports wrote):
 *   png/uni6C38.png          ink black on white, one per glyph (u20000.png beyond the BMP)
 *   svg/uni6C38.svg          one path in font units, em-box viewBox
 *   contact-sheets/sheet-001.png
 *   <PostScriptName>.ufo/    e.g. ZiStudioGenerated-Regular.ufo (UFO 3)
 *   <PostScriptName>.ttf / .otf
 *   <target stem>-merged.ttf when mergeInto is set
 */
ExportReport exportGlyphSet(const std::vector<ExportGlyph> &glyphs, const ExportOptions &options,
    const std::filesystem::path &outDir, const ExportProgress &progress = {},
    const std::atomic<bool> *cancel = nullptr);

} // namespace zistudio::fontexport
