// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace zistudio::glyphs
{

/** What a face inside a font file is (one entry per face of a TTC/OTC collection). */
struct FaceInfo
{
    int index = 0;
    std::string family;
    std::string style;
    std::string format; ///< "TrueType" (glyf outlines) or "CFF"
    int glyphCount = 0;
    int unitsPerEm = 0;
    int ascender = 0;  ///< hhea ascender, font units
    int descender = 0; ///< hhea descender (negative), font units
    /// Ideographic em box, font units, always one em tall: the BASE table (via HarfBuzz), else OS/2
    /// sTypoAscender/Descender when they span one em, else an em centred on the ink of full-size ideographs,
    /// else the typo/hhea ascender:descender proportion.
    double emBoxTop = 0;
    double emBoxBottom = 0;
    bool hasVertical = false;        ///< vhea/vmtx present
    std::string emBoxSource;         ///< "BASE", "OS/2", "ideographs" or "hhea": where the em box came from
    int numFaces = 1;                ///< faces in the file
    bool hasEmbeddedBitmaps = false; ///< bitmap strikes exist (ignored: outlines are always used)
};

/** Largest font file ZiStudio opens. */
inline constexpr std::uintmax_t kMaxFontFileBytes = std::uintmax_t(256) << 20;

/** Lists every face of a font file. Throws FontError naming the file and the reason. */
std::vector<FaceInfo> listFaces(const std::filesystem::path &file);

namespace detail
{
struct FaceAccess;
}

/**
 * One face of an OpenType/TrueType font file (TTC/OTC: chosen by index), opened with FreeType.
 * Only sfnt fonts with TrueType or CFF outlines are accepted; anything else (empty, truncated,
 * damaged, not a font, Type 1, bitmap-only, face index out of range) throws FontError naming the
 * file and the reason. Movable, not copyable, not thread-safe: use one FontFace per thread.
 */
class FontFace
{
public:
    explicit FontFace(const std::filesystem::path &file, int faceIndex = 0);
    ~FontFace();
    FontFace(FontFace &&) noexcept;
    FontFace &operator=(FontFace &&) noexcept;
    FontFace(const FontFace &) = delete;
    FontFace &operator=(const FontFace &) = delete;

    const FaceInfo &info() const;
    const std::string &path() const;
    /** True when the cmap maps `cp` to a glyph (not .notdef). */
    bool hasGlyph(char32_t cp) const;
    /** The glyph id `cp` maps to (0 = none). */
    unsigned glyphIndex(char32_t cp) const;

private:
    friend struct detail::FaceAccess;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace zistudio::glyphs
