// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "export/fontinfo.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace zistudio::fontexport
{

/**
 * The GLIF (format 2) text of one glyph: <advance width height>, <unicode>, an optional background
 * <image> (bottom-left corner of the image at (0, emBoxBottom), scaled so the image covers the em
 * box), the outline as UFO points (cubic "curve"/"line", cyclic, no "move"), and a lib with
 * public.markColor for flagged glyphs and public.verticalOrigin = emBoxTop.
 * `imageFileName` is empty for none; `imageSide` is the image's size in pixels.
 */
std::string buildGlif(
    const FontGlyph &glyph, const EmBox &emBox, const std::string &imageFileName = {}, int imageSide = 0);

/**
 * Writes a UFO 3 font folder natively: metainfo.plist, fontinfo.plist, layercontents.plist,
 * glyphs/contents.plist, one .glif per glyph, lib.plist (public.glyphOrder and the metadata as the
 * com.zistudio.export dict) and, optionally, PNG backgrounds in images/. Glyph files can be written
 * from several threads at once (distinct glyphs); finish() writes the plists. The folder is new
 * and written in place without per-file fsync: create it inside a StagingFolder, whose commit()
 * makes it durable and replaces an older UFO atomically.
 */
class UfoWriter
{
public:
    /**
     * Creates `ufoDir` (with glyphs/ and, when `withImages`, images/). `glyphOrder` lists every
     * glyph name that will be written, in font order; file names are fixed here. Throws
     * ExportError when the folder exists or cannot be created.
     */
    UfoWriter(std::filesystem::path ufoDir, FontInfo info, std::vector<std::string> glyphOrder, bool withImages);

    /** The .glif file name of a glyph in glyphOrder ("uni6C_38.glif"). */
    const std::string &glifFileName(const std::string &glyphName) const;

    /** Writes glyphs/<file>.glif (and images/<file>.png when `background` is given). Thread-safe. */
    void writeGlyph(const FontGlyph &glyph, const GrayImage *background = nullptr) const;

    /**
     * Writes the plists; call once after the glyphs have been written. Only glyphs that were
     * written appear in contents.plist and public.glyphOrder (in glyphOrder's order).
     */
    void finish() const;

    const std::filesystem::path &path() const { return m_dir; }

private:
    std::filesystem::path m_dir;
    FontInfo m_info;
    std::vector<std::string> m_order;
    std::map<std::string, std::string> m_files;
    bool m_withImages;
    mutable std::mutex m_mutex;
    mutable std::set<std::string> m_written;
};

/** fontinfo.plist text for the font (names, metrics, OS/2 and vhea values for CJK). */
std::string buildFontInfoPlist(const FontInfo &info);

} // namespace zistudio::fontexport
