// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "glyphs/charsets.h"

#include <string>
#include <vector>

namespace zistudio::data
{

/** A font file and the face inside it (TTC/OTC collections hold several). */
struct FontRef
{
    std::string path;
    int face = 0;
    bool operator==(const FontRef &) const = default;
};

/** One target style: a font, or a folder of hand-drawn images named by character or code point. */
struct TargetSpec
{
    enum class Kind
    {
        Font,
        ImageFolder
    };
    Kind kind = Kind::Font;
    std::string path; ///< font file or image folder
    int face = 0;     ///< for fonts
    int styleId = 0;  ///< index into the model's style embedding
    std::string name; ///< shown in the UI; defaults to the family name or folder name
    bool operator==(const TargetSpec &) const = default;
};

/** What characters a dataset uses (glyphs::resolveCharset turns it into a list). */
using CharsetSpec = glyphs::CharsetSpec;

enum class Placement
{
    EmBox,   ///< the font's ideographic em box maps onto the canvas (keeps size and position)
    FitToInk ///< crop to ink, scale the longer side to fill the canvas less a margin, centre
};

/** A dataset: source + targets + characters → source/target pairs per style, split by seed. */
struct DatasetSpec
{
    FontRef source;
    std::vector<TargetSpec> targets;
    CharsetSpec charset;
    int imageSize = 64;
    Placement placement = Placement::EmBox;
    double fitMargin = 0.08; ///< FitToInk: margin as a fraction of the canvas
    double validationFraction = 0.1;
    std::vector<std::string> validationChars; ///< pinned validation characters (UTF-8, one per entry)
    unsigned seed = 1234;                     ///< split seed
    bool filterRepeated = true;               ///< zi2zi's repeated-bitmap (tofu) filter
    bool operator==(const DatasetSpec &) const = default;
};

} // namespace zistudio::data
