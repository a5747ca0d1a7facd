// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core-internal: FreeType and HarfBuzz types behind FontFace. Only glyphs/*.cpp include this.
#include "glyphs/fontface.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <string>

namespace zistudio::glyphs
{

/** FontFace's private state: one FT_Library per face (FreeType objects are not thread-safe). */
struct FontFace::Impl
{
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    hb_font_t *hbFont = nullptr; ///< HarfBuzz view of `face` (BASE metrics, shaping), scale = units per em
    std::string path;
    std::string bytes; ///< the whole file: FreeType reads it from memory (outlives `face`, see ~Impl)
    FaceInfo info;

    Impl() = default;
    ~Impl();
    Impl(const Impl &) = delete;
    Impl &operator=(const Impl &) = delete;
};

namespace detail
{
/** Lets the rasterizer and the shaper reach the FreeType face of a FontFace. */
struct FaceAccess
{
    static FontFace::Impl &of(const FontFace &face) { return *face.m_impl; }
};
} // namespace detail

/** "Invalid_Outline (invalid outline), FreeType error 0x14": the name and text of an FT_Error. */
std::string freetypeErrorText(FT_Error error);

} // namespace zistudio::glyphs
