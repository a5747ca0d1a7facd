// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace zistudio::data
{

/** Why a character of the charset gave no pair. */
enum class MissingReason
{
    NotInFont,    ///< no cmap entry
    EmptyOutline, ///< an empty glyph for a non-blank character
    Repeated,     ///< tofu: the same bitmap or glyph serves too many characters
    Damaged,      ///< the font's glyph data could not be loaded
    NoImage       ///< a hand-drawn folder has no (usable) image of it
};

/** "not in font", "empty outline", "repeated (tofu)", "damaged glyph", "no image". */
const char *missingReasonName(MissingReason reason);

struct MissingChar
{
    char32_t cp = 0;
    MissingReason reason = MissingReason::NotInFont;
    bool operator==(const MissingChar &) const = default;
};

/** One target style: how many pairs it gives and which characters it lacks. */
struct StyleReport
{
    int styleId = 0;
    std::string name;
    std::string kind; ///< "font" or "images"
    std::string path;
    int pairs = 0; ///< train + validation
    int train = 0;
    int validation = 0;
    int repeated = 0;                  ///< characters dropped by the tofu filter
    std::vector<MissingChar> missing;  ///< characters the source has but this style lacks
    std::vector<std::string> problems; ///< hand-drawn files that gave no glyph: "file: reason"
};

/** What a dataset holds: counts, missing and filtered glyphs of the source and of every style. */
struct DatasetReport
{
    int imageSize = 0;
    std::string placement;   ///< "embox" or "fit"
    int charsetSize = 0;     ///< characters the dataset tried (after "covered by all" and the limit)
    int notCoveredByAll = 0; ///< characters "covered by all chosen fonts" removed before the limit
    std::string sourcePath;
    int sourceGlyphs = 0;                   ///< characters the source font renders
    int sourceRepeated = 0;                 ///< dropped by the tofu filter
    std::vector<MissingChar> sourceMissing; ///< characters without a source glyph (no pair in any style)
    std::vector<StyleReport> styles;
    int validationChars = 0;                ///< held-out characters (the same for every style)
    std::vector<std::string> pinnedMissing; ///< pinned validation characters the source cannot draw
    int trainPairs = 0;
    int validationPairs = 0;
    int images = 0; ///< stored images (sources + targets)
};

} // namespace zistudio::data
