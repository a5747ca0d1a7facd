// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphs/fontface.h"

#include "glyphs/fonterror.h"
#include "glyphs/freetypesupport.h"

#include FT_BBOX_H
#include FT_FONT_FORMATS_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ft.h>
#include <hb-ot.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>

namespace zistudio::glyphs
{

namespace
{

/// Caps that keep a hostile file from making us allocate or loop without bound.
constexpr std::uint32_t kMaxCollectionFaces = 1024;
constexpr std::uint32_t kMaxTables = 512;
constexpr long kMaxGlyphs = 65535; // the sfnt format cannot address more

struct FtErrorEntry
{
    int code;
    const char *name;
    const char *text;
};

#undef FT_ERRORDEF_
#undef FT_NOERRORDEF_
#define FT_NOERRORDEF_(e, v, s) {v, #e, s},
#define FT_ERRORDEF_(e, v, s) {v, #e, s},
constexpr FtErrorEntry kFtErrors[] = {
#include FT_ERROR_DEFINITIONS_H
};
#undef FT_ERRORDEF_
#undef FT_NOERRORDEF_

[[noreturn]] void fail(const std::string &problem, const std::string &path)
{
    throw FontError(problem + ": " + path);
}

std::uint32_t be32(const unsigned char *p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | std::uint32_t(p[3]);
}

std::uint16_t be16(const unsigned char *p)
{
    return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
}

/** Names what a non-sfnt file looks like, for a message better than "unknown format". */
std::string describeNonSfnt(const unsigned char *b, std::size_t n)
{
    const auto startsWith = [&](const char *magic) {
        const std::size_t len = std::strlen(magic);
        return n >= len && std::memcmp(b, magic, len) == 0;
    };
    if (startsWith("wOFF") || startsWith("wOF2"))
        return "WOFF web fonts are not supported (convert the file to .ttf or .otf)";
    if (startsWith("%!PS-AdobeFont") || startsWith("%!FontType1") || (n >= 2 && b[0] == 0x80 && b[1] == 0x01))
        return "PostScript Type 1 fonts are not supported (only OpenType/TrueType)";
    if (startsWith("STARTFONT") || startsWith("\1fcp"))
        return "bitmap fonts (BDF/PCF) are not supported (only OpenType/TrueType outlines)";
    if (startsWith("\x89PNG"))
        return "font file is not an OpenType/TrueType font (it is a PNG image)";
    if (startsWith("\xFF\xD8\xFF"))
        return "font file is not an OpenType/TrueType font (it is a JPEG image)";
    if (startsWith("PK\3\4"))
        return "font file is not an OpenType/TrueType font (it is a ZIP archive: unpack it first)";
    return "font file is not an OpenType/TrueType font";
}

/** Reads the whole font file (FreeType then works on memory: no mmap that a shrinking file could fault). */
std::string readFontFile(const std::filesystem::path &file)
{
    const std::string path = file.string();
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
        fail("cannot open the font file (" + ec.message() + ")", path); // a loop of symbolic links, no permission
    if (ec || !std::filesystem::exists(status))
        fail("font file does not exist", path);
    if (std::filesystem::is_directory(status))
        fail("font path is a folder, not a font file", path);
    if (!std::filesystem::is_regular_file(status))
        fail("font path is not a regular file (a device, a pipe or a socket)", path);
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec)
        fail("cannot read the size of the font file (" + ec.message() + ")", path);
    if (size == 0)
        fail("font file is empty", path);
    if (size > kMaxFontFileBytes)
        fail("font file is larger than " + std::to_string(kMaxFontFileBytes >> 20) + " MiB", path);
    std::ifstream in(file, std::ios::binary);
    if (!in)
        fail("cannot open the font file for reading (" + std::string(std::strerror(errno)) + ")", path);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (bytes.empty())
        fail("cannot read the font file", path);
    return bytes;
}

/**
 * Checks the sfnt container before FreeType sees it: magic, collection header, and that every table
 * of the chosen face lies inside the file (a truncated download fails here with a clear message).
 * Returns the number of faces in the file.
 */
int checkSfntContainer(std::string_view bytes, int faceIndex, const std::string &path)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::uint64_t size = bytes.size();
    const std::size_t headLen = std::min<std::size_t>(16, bytes.size());
    const std::uint32_t tag = size >= 4 ? be32(data) : 0;
    const bool collection = tag == 0x74746366; // 'ttcf'
    const bool sfnt = tag == 0x00010000 || tag == 0x74727565 /* 'true' */ || tag == 0x4F54544F /* 'OTTO' */;
    if (size < 12)
        fail(collection || sfnt ? "font file is truncated (" + std::to_string(size) + " bytes)"
                                : describeNonSfnt(data, headLen),
            path);
    if (tag == 0x74797031) // 'typ1'
        fail("Type 1 fonts in an sfnt wrapper are not supported (only TrueType/CFF outlines)", path);
    if (!collection && !sfnt)
        fail(describeNonSfnt(data, headLen), path);

    int numFaces = 1;
    std::uint64_t directory = 0;
    if (collection) {
        const std::uint32_t count = be32(data + 8);
        if (count == 0 || count > kMaxCollectionFaces)
            fail("font collection header is damaged (it claims " + std::to_string(count) + " faces)", path);
        numFaces = static_cast<int>(count);
        if (faceIndex < 0 || faceIndex >= numFaces)
            fail("face index " + std::to_string(faceIndex) + " is out of range (the collection has "
                    + std::to_string(numFaces) + (numFaces == 1 ? " face)" : " faces)"),
                path);
        if (12 + 4ull * count > size)
            fail("font file is truncated (the collection header is incomplete)", path);
        directory = be32(data + 12 + 4ull * static_cast<unsigned>(faceIndex));
    } else if (faceIndex != 0) {
        fail("face index " + std::to_string(faceIndex) + " is out of range (the file has 1 face)", path);
    }

    if (directory + 12 > size)
        fail("font file is truncated (the table directory is missing)", path);
    const unsigned char *dir = data + directory;
    const std::uint32_t version = be32(dir);
    if (version != 0x00010000 && version != 0x74727565 && version != 0x4F54544F)
        fail("font file is damaged (face " + std::to_string(faceIndex) + " has no valid sfnt header)", path);
    const std::uint16_t numTables = be16(dir + 4);
    if (numTables == 0 || numTables > kMaxTables)
        fail("font file is damaged (its table directory lists " + std::to_string(numTables) + " tables)", path);
    if (directory + 12 + 16ull * numTables > size)
        fail("font file is truncated (the table directory is incomplete)", path);
    for (std::uint16_t i = 0; i < numTables; ++i) {
        const unsigned char *r = dir + 12 + 16u * i;
        const std::uint64_t end = std::uint64_t(be32(r + 8)) + be32(r + 12);
        if (end > size) {
            std::string name(reinterpret_cast<const char *>(r), 4);
            for (char &c : name)
                if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E)
                    c = '?';
            fail("font file is truncated or damaged (table '" + name + "' ends at byte " + std::to_string(end)
                    + " but the file has " + std::to_string(size) + " bytes)",
                path);
        }
    }
    return numFaces;
}

/**
 * Vertical middle of the ink of full-size reference ideographs (国 國 永 圖 鬱 龍), font units, or nullopt when
 * the font has fewer than two of them. CJK fonts centre their ideographs in the em box.
 */
std::optional<double> ideographInkMiddle(FT_Face face)
{
    constexpr char32_t kReference[] = {U'\u56FD', U'\u570B', U'\u6C38', U'\u5716', U'\u9B31', U'\u9F8D'};
    FT_Pos yMin = 0;
    FT_Pos yMax = 0;
    int found = 0;
    for (char32_t cp : kReference) {
        const FT_UInt gid = FT_Get_Char_Index(face, cp);
        if (gid == 0 || FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP | FT_LOAD_NO_HINTING) != 0
            || face->glyph->format != FT_GLYPH_FORMAT_OUTLINE || face->glyph->outline.n_points == 0)
            continue;
        FT_BBox box;
        if (FT_Outline_Get_BBox(&face->glyph->outline, &box) != 0 || box.yMax <= box.yMin)
            continue;
        yMin = found == 0 ? box.yMin : std::min(yMin, box.yMin);
        yMax = found == 0 ? box.yMax : std::max(yMax, box.yMax);
        ++found;
    }
    if (found < 2)
        return std::nullopt;
    return (static_cast<double>(yMin) + static_cast<double>(yMax)) / 2.0;
}

/**
 * The ideographic em box, always exactly one em tall:
 * 1. the BASE table's ideographic em-box baselines (read by HarfBuzz);
 * 2. OS/2 sTypoAscender/Descender when they span exactly one em (the CJK convention, e.g. 880/-120);
 * 3. an em centred on the ink of full-size ideographs (fonts whose typo metrics are line metrics);
 * 4. the typo (or hhea) ascender:descender proportion, for fonts without ideographs.
 */
void computeEmBox(FT_Face face, hb_font_t *font, FaceInfo &info)
{
    const double upem = face->units_per_EM;
    const hb_tag_t scripts[] = {HB_TAG('h', 'a', 'n', 'i'), HB_OT_TAG_DEFAULT_SCRIPT};
    hb_position_t top = 0;
    hb_position_t bottom = 0;
    bool hasTop = false;
    bool hasBottom = false;
    for (hb_tag_t script : scripts) {
        hasTop = hasTop
            || hb_ot_layout_get_baseline(font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT, HB_DIRECTION_LTR,
                script, HB_OT_TAG_DEFAULT_LANGUAGE, &top);
        hasBottom = hasBottom
            || hb_ot_layout_get_baseline(font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT, HB_DIRECTION_LTR,
                script, HB_OT_TAG_DEFAULT_LANGUAGE, &bottom);
    }
    if (hasTop || hasBottom) {
        info.emBoxBottom = hasBottom ? bottom : top - upem;
        info.emBoxTop = info.emBoxBottom + upem;
        info.emBoxSource = "BASE";
        return;
    }
    double ascender = face->ascender;
    double descender = face->descender;
    info.emBoxSource = "hhea";
    const auto *os2 = static_cast<const TT_OS2 *>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
    if (os2 && os2->version != 0xFFFF && os2->sTypoAscender > os2->sTypoDescender) {
        ascender = os2->sTypoAscender;
        descender = os2->sTypoDescender;
        info.emBoxSource = "OS/2";
        if (std::abs(ascender - descender - upem) <= 1.0) {
            info.emBoxTop = ascender;
            info.emBoxBottom = ascender - upem;
            return;
        }
    }
    if (const auto middle = ideographInkMiddle(face)) {
        info.emBoxTop = *middle + upem / 2.0;
        info.emBoxBottom = *middle - upem / 2.0;
        info.emBoxSource = "ideographs";
        return;
    }
    if (ascender <= descender) {
        ascender = 0.88 * upem; // the convention of Noto CJK and most recent CJK fonts
        descender = ascender - upem;
    }
    info.emBoxTop = upem * ascender / (ascender - descender);
    info.emBoxBottom = info.emBoxTop - upem;
}

std::string ftString(const char *s)
{
    return s ? std::string(s) : std::string();
}

} // namespace

std::string freetypeErrorText(FT_Error error)
{
    const int base = FT_ERROR_BASE(error);
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(base));
    for (const auto &e : kFtErrors)
        if (e.code == base)
            return std::string(e.name) + " (" + e.text + "), FreeType error " + hex;
    return std::string("FreeType error ") + hex;
}

FontFace::Impl::~Impl()
{
    if (hbFont)
        hb_font_destroy(hbFont);
    if (face)
        FT_Done_Face(face);
    if (library)
        FT_Done_FreeType(library);
}

FontFace::FontFace(const std::filesystem::path &file, int faceIndex)
    : m_impl(std::make_unique<Impl>())
{
    Impl &d = *m_impl;
    d.path = file.string();
    if (d.path.empty())
        throw FontError("no font file given");
    d.bytes = readFontFile(file);
    const int numFaces = checkSfntContainer(d.bytes, faceIndex, d.path);

    if (FT_Error err = FT_Init_FreeType(&d.library))
        fail("cannot initialise FreeType (" + freetypeErrorText(err) + ")", d.path);
    if (FT_Error err = FT_New_Memory_Face(d.library, reinterpret_cast<const FT_Byte *>(d.bytes.data()),
            static_cast<FT_Long>(d.bytes.size()), faceIndex, &d.face)) {
        d.face = nullptr;
        fail("cannot open the font (" + freetypeErrorText(err) + ")", d.path);
    }
    FT_Face f = d.face;
    const std::string format = ftString(FT_Get_Font_Format(f));
    if (!FT_IS_SFNT(f))
        fail("font file is not an OpenType/TrueType font (FreeType reads it as " + format + ")", d.path);
    if (!FT_IS_SCALABLE(f))
        fail("font has no outlines (bitmap-only fonts are not supported)", d.path);
    if (format != "TrueType" && format != "CFF")
        fail("font outlines of type '" + format + "' are not supported (only TrueType or CFF)", d.path);
    if (f->num_glyphs <= 0 || f->num_glyphs > kMaxGlyphs)
        fail("font file is damaged (it claims " + std::to_string(f->num_glyphs) + " glyphs)", d.path);
    if (f->units_per_EM < 16 || f->units_per_EM > 16384)
        fail("font file is damaged (units per em is " + std::to_string(f->units_per_EM) + ", expected 16..16384)",
            d.path);
    if (!f->charmap || f->charmap->encoding != FT_ENCODING_UNICODE) {
        if (FT_Select_Charmap(f, FT_ENCODING_UNICODE) != 0)
            fail("font has no Unicode character map (cmap)", d.path);
    }

    hb_face_t *hbFace = hb_ft_face_create_referenced(f);
    d.hbFont = hb_font_create(hbFace);
    hb_face_destroy(hbFace);

    FaceInfo &info = d.info;
    info.index = faceIndex;
    info.numFaces = numFaces;
    info.family = ftString(f->family_name);
    info.style = ftString(f->style_name);
    info.format = format;
    info.glyphCount = static_cast<int>(f->num_glyphs);
    info.unitsPerEm = f->units_per_EM;
    info.ascender = f->ascender;
    info.descender = f->descender;
    info.hasVertical = FT_HAS_VERTICAL(f);
    info.hasEmbeddedBitmaps = f->num_fixed_sizes > 0;
    computeEmBox(f, d.hbFont, info);
}

FontFace::~FontFace() = default;
FontFace::FontFace(FontFace &&) noexcept = default;
FontFace &FontFace::operator=(FontFace &&) noexcept = default;

const FaceInfo &FontFace::info() const
{
    return m_impl->info;
}

const std::string &FontFace::path() const
{
    return m_impl->path;
}

unsigned FontFace::glyphIndex(char32_t cp) const
{
    return FT_Get_Char_Index(m_impl->face, cp);
}

bool FontFace::hasGlyph(char32_t cp) const
{
    return glyphIndex(cp) != 0;
}

std::vector<FaceInfo> listFaces(const std::filesystem::path &file)
{
    FontFace first(file, 0);
    std::vector<FaceInfo> faces {first.info()};
    for (int i = 1; i < first.info().numFaces; ++i)
        faces.push_back(FontFace(file, i).info());
    return faces;
}

} // namespace zistudio::glyphs
