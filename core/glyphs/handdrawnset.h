// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "glyphs/rasterizer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace zistudio::glyphs
{

/** A file of a hand-drawn folder that gave no glyph, and why (unreadable, unnamed, empty, duplicate...). */
struct HandDrawnProblem
{
    std::filesystem::path file;
    std::string reason;
};

/** One hand-drawn glyph: its character, its file and the placed ink-coverage image. */
struct HandDrawnGlyph
{
    char32_t cp = 0;
    std::filesystem::path file;
    GrayImage image;     ///< options.size x options.size, ink coverage, placed by the fit-to-ink policy
    bool darkInk = true; ///< polarity found in the scan: dark ink on light paper (or the reverse)
};

/**
 * A folder of hand-drawn glyph images, the targets of a style the designer draws by hand. Files are named by
 * the character (`永.png`) or the code point (`uni6C38.png`, `U+6C38.png`, `u20B9F.png`); PNG, JPEG and BMP
 * (any case of .png/.jpg/.jpeg/.bmp). Each image is read as luminance, its polarity detected (dark ink on
 * light paper or light on dark, from the paper colour of the border), paper noise cleaned, cropped to the
 * ink and placed like a font glyph with the fit-to-ink policy (options.size, options.fitMargin; a scan has no
 * em box). Files that give no glyph are listed in problems() with the reason, never skipped silently
 * (hidden files such as .DS_Store excepted).
 */
class HandDrawnSet
{
public:
    /** Scans and reads the folder. Throws FontError when it is missing or cannot be listed. */
    static HandDrawnSet load(const std::filesystem::path &folder, const RasterOptions &options);

    /**
     * A content hash of the folder: names and bytes of the image files (not their dates), so a dataset knows
     * when to render again. Throws FontError when the folder cannot be listed.
     */
    static std::string folderHash(const std::filesystem::path &folder);

    /** Ink coverage from a luminance scan: polarity detection and paper cleaning. Empty ink gives all zeros. */
    static GrayImage inkFromLuminance(const GrayImage &luminance, bool *darkInk = nullptr);

    const std::filesystem::path &folder() const { return m_folder; }
    /** The glyphs, sorted by code point. */
    const std::vector<HandDrawnGlyph> &glyphs() const { return m_glyphs; }
    /** The glyph of `cp`, or nullptr. */
    const HandDrawnGlyph *find(char32_t cp) const;
    const std::vector<HandDrawnProblem> &problems() const { return m_problems; }

private:
    std::filesystem::path m_folder;
    std::vector<HandDrawnGlyph> m_glyphs;
    std::vector<HandDrawnProblem> m_problems;
};

} // namespace zistudio::glyphs
