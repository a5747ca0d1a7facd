// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/labelfont.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <array>

namespace zistudio::fontexport
{

namespace
{

constexpr int kPixelCols = 5;
constexpr int kPixelRows = 7;

/** 5×7 glyphs, one byte per row, bit 4 = leftmost column. */
struct PixelGlyph
{
    char ch;
    std::array<std::uint8_t, kPixelRows> rows;
};

constexpr PixelGlyph kPixelFont[]
    = {{'0', {0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E}}, {'1', {0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E}},
        {'2', {0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F}}, {'3', {0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E}},
        {'4', {0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02}}, {'5', {0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E}},
        {'6', {0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E}}, {'7', {0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08}},
        {'8', {0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E}}, {'9', {0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C}},
        {'A', {0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}}, {'B', {0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E}},
        {'C', {0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E}}, {'D', {0x1C, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1C}},
        {'E', {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F}}, {'F', {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10}},
        {'G', {0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F}}, {'H', {0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}},
        {'I', {0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E}}, {'J', {0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C}},
        {'K', {0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11}}, {'L', {0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F}},
        {'M', {0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11}}, {'N', {0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11}},
        {'O', {0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}}, {'P', {0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10}},
        {'Q', {0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D}}, {'R', {0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11}},
        {'S', {0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E}}, {'T', {0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04}},
        {'U', {0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}}, {'V', {0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04}},
        {'W', {0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A}}, {'X', {0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11}},
        {'Y', {0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04}}, {'Z', {0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F}},
        {'+', {0x00, 0x04, 0x04, 0x1F, 0x04, 0x04, 0x00}}, {'-', {0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00}},
        {'.', {0x00, 0x00, 0x00, 0x00, 0x00, 0x0C, 0x0C}}, {':', {0x00, 0x0C, 0x0C, 0x00, 0x0C, 0x0C, 0x00}},
        {'/', {0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x00}}, {' ', {0, 0, 0, 0, 0, 0, 0}}};

const PixelGlyph *pixelGlyph(char c)
{
    if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
    for (const auto &g : kPixelFont)
        if (g.ch == c)
            return &g;
    return nullptr;
}

void blend(RgbaImage &img, int x, int y, Rgba c, unsigned coverage)
{
    if (x < 0 || y < 0 || x >= img.width || y >= img.height || coverage == 0)
        return;
    auto *p = img.pixels.data() + (static_cast<std::size_t>(y) * img.width + x) * 4;
    const unsigned a = coverage * c.a / 255;
    p[0] = static_cast<std::uint8_t>((c.r * a + p[0] * (255 - a)) / 255);
    p[1] = static_cast<std::uint8_t>((c.g * a + p[1] * (255 - a)) / 255);
    p[2] = static_cast<std::uint8_t>((c.b * a + p[2] * (255 - a)) / 255);
    p[3] = static_cast<std::uint8_t>(std::max<unsigned>(p[3], a));
}

} // namespace

struct LabelFont::Impl
{
    FT_Library lib = nullptr;
    FT_Face face = nullptr;
    int pixelHeight = 7;
    int scale = 1; ///< pixel font magnification
    ~Impl()
    {
        if (face)
            FT_Done_Face(face);
        if (lib)
            FT_Done_FreeType(lib);
    }
};

std::filesystem::path LabelFont::defaultFontFile()
{
    return "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
}

LabelFont::LabelFont(int pixelHeight, const std::filesystem::path &fontFile)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->pixelHeight = std::max(5, pixelHeight);
    m_impl->scale = std::max(1, m_impl->pixelHeight / kPixelRows);
    const auto file = fontFile.empty() ? defaultFontFile() : fontFile;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return;
    if (FT_Init_FreeType(&m_impl->lib) != 0)
        return;
    // Cap height of DejaVu Sans Mono is about 0.73 em.
    const int ppem = std::max(6, static_cast<int>(m_impl->pixelHeight / 0.73));
    if (FT_New_Face(m_impl->lib, file.c_str(), 0, &m_impl->face) != 0
        || FT_Set_Pixel_Sizes(m_impl->face, 0, ppem) != 0) {
        if (m_impl->face)
            FT_Done_Face(m_impl->face);
        m_impl->face = nullptr;
    }
}

LabelFont::~LabelFont() = default;

bool LabelFont::usesFreeType() const
{
    return m_impl->face != nullptr;
}

int LabelFont::width(std::string_view text) const
{
    if (!m_impl->face)
        return static_cast<int>(text.size()) * (kPixelCols + 1) * m_impl->scale;
    int w = 0;
    for (const char c : text)
        if (FT_Load_Char(m_impl->face, static_cast<unsigned char>(c), FT_LOAD_NO_BITMAP) == 0)
            w += static_cast<int>(m_impl->face->glyph->advance.x >> 6);
    return w;
}

void LabelFont::draw(RgbaImage &image, int x, int baselineY, std::string_view text, Rgba colour) const
{
    if (!m_impl->face) {
        const int s = m_impl->scale;
        for (const char c : text) {
            if (const PixelGlyph *g = pixelGlyph(c)) {
                for (int r = 0; r < kPixelRows; ++r)
                    for (int col = 0; col < kPixelCols; ++col)
                        if (g->rows[static_cast<std::size_t>(r)] & (0x10 >> col))
                            for (int dy = 0; dy < s; ++dy)
                                for (int dx = 0; dx < s; ++dx)
                                    blend(image, x + col * s + dx, baselineY - (kPixelRows - r) * s + dy, colour, 255);
            }
            x += (kPixelCols + 1) * s;
        }
        return;
    }
    FT_Face face = m_impl->face;
    for (const char c : text) {
        if (FT_Load_Char(face, static_cast<unsigned char>(c), FT_LOAD_RENDER | FT_LOAD_NO_BITMAP) != 0)
            continue;
        const FT_Bitmap &bm = face->glyph->bitmap;
        for (unsigned r = 0; r < bm.rows; ++r) {
            const unsigned char *row = bm.buffer + static_cast<long>(r) * bm.pitch;
            for (unsigned col = 0; col < bm.width; ++col)
                blend(image, x + face->glyph->bitmap_left + static_cast<int>(col),
                    baselineY - face->glyph->bitmap_top + static_cast<int>(r), colour, row[col]);
        }
        x += static_cast<int>(face->glyph->advance.x >> 6);
    }
}

} // namespace zistudio::fontexport
