// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Torch-free: the CLI (zistudio-cli export) and the studio (File → Export…) both call exportRun.

#include "export/glyphexporter.h"
#include "project/project.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace zistudio::workflow
{

/** Which characters an export asks for. */
struct CharacterChoice
{
    enum class Kind
    {
        RunCharset, ///< the characters the run was trained on (its dataset's charset)
        Reviewed,   ///< every character with a review in the project (rejected ones are then left out)
        Builtin,    ///< a built-in charset: `value` is its name ("gb2312", ...)
        File,       ///< a UTF-8 charset file: `value` is its path
        Text        ///< typed characters: `value` is the text
    };
    Kind kind = Kind::RunCharset;
    std::string value;
    bool operator==(const CharacterChoice &) const = default;
};

/** "run", "reviewed", "builtin", "file", "text" (the names settings files use). */
const char *characterChoiceKindName(CharacterChoice::Kind kind);
/** The inverse of characterChoiceKindName; nullopt for anything else. */
std::optional<CharacterChoice::Kind> parseCharacterChoiceKind(std::string_view name);

/** Everything one export of a run's glyphs needs. Defaults are the CLI's. */
struct ExportRequest
{
    std::filesystem::path projectFile;
    std::string run;
    std::string checkpoint = "best"; ///< "best", "last" or a step number
    CharacterChoice characters;
    int styleId = -1;               ///< the style to draw (-1 = the run's first target)
    bool includeUnreviewed = false; ///< ship glyphs nobody reviewed even when others were reviewed
    /// the reviews to apply (the studio's open document, saved or not); nullopt = the project file's
    std::optional<std::map<char32_t, project::Review>> reviews {};
    std::set<fontexport::ExportFormat> formats {fontexport::ExportFormat::Png, fontexport::ExportFormat::Svg,
        fontexport::ExportFormat::Ufo, fontexport::ExportFormat::Ttf};
    bool backgroundImages = false; ///< UFO: each glyph's bitmap behind its outline
    std::string mergeInto;         ///< a TrueType font to add the glyphs it lacks to ("" = none)
    std::string family;            ///< "" = "<project name> <run>"
    std::string style = "Regular";
    fontexport::TraceOptions trace;
    std::string device = "auto";
    std::filesystem::path outDir;
    /// replace files in `outDir` that no export wrote (or that were edited since); the user's other files are kept
    /// either way (fontexport::StagingFolder)
    bool overwrite = false;
};

/** The glyphs an export ships after the designer's reviews, and what the reviews left out. */
struct ExportSelection
{
    std::u32string chars;
    std::vector<bool> flagged; ///< per entry of `chars`: shipped, but marked for a designer's look
    int rejected = 0;          ///< left out: rejected
    int unreviewed = 0;        ///< left out: not reviewed while others were
};

/**
 * The review policy of every export: rejected glyphs never ship; once any requested glyph has been
 * reviewed, unreviewed ones wait (unless `includeUnreviewed`); flagged ones ship marked.
 */
ExportSelection selectForExport(
    const std::vector<char32_t> &requested, const std::map<char32_t, project::Review> &reviews, bool includeUnreviewed);

/**
 * The characters `choice` names: for RunCharset the run's own charset (`runConfig`), for Reviewed
 * the reviewed characters of `live` (the project as it is now). Throws Error when the choice names none.
 */
std::vector<char32_t> chooseCharacters(
    const CharacterChoice &choice, const project::Project &runConfig, const project::Project &live);

/**
 * The em box of an exported font: the first target font's ideographic em box (so generated glyphs
 * line up with the target's own), else the source font's.
 */
fontexport::EmBox outputEmBox(const project::Project &config);

/** What exportRun did. */
struct ExportRunResult
{
    fontexport::ExportReport report;
    std::size_t glyphsExported = 0; ///< glyphs handed to the writers (generated ones)
    long long step = 0;             ///< of the checkpoint used
    std::string checkpointPath;
    int rejected = 0;                                   ///< left out by the reviews
    int unreviewed = 0;                                 ///< left out: not reviewed yet
    std::vector<fontexport::SkippedGlyph> notGenerated; ///< the source font lacks them
    /// which checkpoint was used and why, then each damaged one skipped (inference::Generator::checkpointReport):
    /// every caller shows these, so no fallback is silent
    std::vector<std::string> checkpointReport;
    std::vector<std::string> warnings; ///< about the run (placement)
};

/** Progress: `fraction` 0..1 of the whole export and a short line saying what it does. */
using ExportRunProgress = std::function<void(double fraction, const std::string &what)>;

/**
 * Exports a run's generated glyphs: loads the checkpoint, chooses the characters, applies the
 * review policy (`request.reviews`, else the project file's, else the run's snapshot), generates them in batches
 * and writes the formats into `request.outDir` (created when missing) with fontexport::exportGlyphSet, which
 * never removes or replaces a file no export wrote unless `request.overwrite`.
 * `progress` is called on the calling thread. Throws fontexport::ExportCancelled when `cancel`
 * becomes true, Error (with a message a user can act on) for everything else.
 */
ExportRunResult exportRun(
    const ExportRequest &request, const ExportRunProgress &progress = {}, const std::atomic<bool> *cancel = nullptr);

} // namespace zistudio::workflow
