// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "export/labelfont.h"

namespace zistudio::experiments
{

using Rgba = fontexport::Rgba;

/**
 * Minimal drawing on an RGBA image for the comparison figure (core has no Qt): rectangles, thick
 * anti-aliased lines (solid or dashed) and glyph images tinted with an ink colour. Everything clips
 * to the image.
 */
class Canvas
{
public:
    Canvas(int width, int height, Rgba background);

    RgbaImage &image() { return m_image; }
    int width() const { return m_image.width; }
    int height() const { return m_image.height; }

    void fillRect(int x, int y, int w, int h, Rgba colour);
    void frame(int x, int y, int w, int h, Rgba colour);
    /** A line `thickness` pixels wide; `dash` > 0 draws dashes and gaps of that length. */
    void line(double x0, double y0, double x1, double y1, Rgba colour, double thickness = 2.0, double dash = 0);
    /** Draws an ink-coverage glyph resampled to size x size at (x, y), ink in `colour`. */
    void glyph(const GrayImage &image, int x, int y, int size, Rgba colour);
    /** A crossed-out cell (a glyph the font lacks). */
    void missing(int x, int y, int size, Rgba colour);

private:
    void blend(int x, int y, Rgba colour, double alpha);

    RgbaImage m_image;
};

} // namespace zistudio::experiments
