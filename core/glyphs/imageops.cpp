// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphs/imageops.h"

#include <algorithm>
#include <cmath>

namespace zistudio::glyphs
{

namespace
{

/** Bilinear sample at continuous pixel coordinates (pixel centres at integer + 0.5); paper outside. */
double sampleBilinear(const GrayImage &img, double x, double y)
{
    const double fx = x - 0.5;
    const double fy = y - 0.5;
    const int ix = static_cast<int>(std::floor(fx));
    const int iy = static_cast<int>(std::floor(fy));
    const double tx = fx - ix;
    const double ty = fy - iy;
    const auto at = [&img](int px, int py) -> double {
        if (px < 0 || py < 0 || px >= img.width || py >= img.height)
            return 0.0;
        return img.at(px, py);
    };
    const double top = at(ix, iy) * (1 - tx) + at(ix + 1, iy) * tx;
    const double bottom = at(ix, iy + 1) * (1 - tx) + at(ix + 1, iy + 1) * tx;
    return top * (1 - ty) + bottom * ty;
}

} // namespace

PixelRect inkBounds(const GrayImage &image, int threshold)
{
    PixelRect r {image.width, image.height, 0, 0};
    bool any = false;
    for (int y = 0; y < image.height; ++y) {
        const std::uint8_t *row = image.pixels.data() + static_cast<std::size_t>(y) * image.width;
        for (int x = 0; x < image.width; ++x) {
            if (row[x] > threshold) {
                any = true;
                r.x0 = std::min(r.x0, x);
                r.x1 = std::max(r.x1, x + 1);
                r.y0 = std::min(r.y0, y);
                r.y1 = std::max(r.y1, y + 1);
            }
        }
    }
    return any ? r : PixelRect {};
}

GrayImage fitToCanvas(const GrayImage &image, const PixelRect &crop, int size, double margin)
{
    GrayImage out(size, size);
    if (crop.empty())
        return out;
    const double w = crop.width();
    const double h = crop.height();
    const double scale = size * (1.0 - 2.0 * margin) / std::max(w, h);
    const double ox = (size - w * scale) / 2.0;
    const double oy = (size - h * scale) / 2.0;
    // Shrinking: n x n bilinear samples per output pixel, so every source pixel contributes.
    const int n = std::clamp(static_cast<int>(std::ceil(1.0 / scale)), 1, 16);
    const double step = 1.0 / (scale * n);
    for (int dy = 0; dy < size; ++dy) {
        for (int dx = 0; dx < size; ++dx) {
            const double sx0 = crop.x0 + (dx - ox) / scale;
            const double sy0 = crop.y0 + (dy - oy) / scale;
            double sum = 0.0;
            for (int j = 0; j < n; ++j)
                for (int i = 0; i < n; ++i)
                    sum += sampleBilinear(image, sx0 + (i + 0.5) * step, sy0 + (j + 0.5) * step);
            out.at(dx, dy) = static_cast<std::uint8_t>(std::clamp(std::lround(sum / (n * n)), 0L, 255L));
        }
    }
    return out;
}

void blitMax(GrayImage &canvas, const GrayImage &glyph, int x, int y)
{
    for (int gy = 0; gy < glyph.height; ++gy) {
        const int cy = y + gy;
        if (cy < 0 || cy >= canvas.height)
            continue;
        for (int gx = 0; gx < glyph.width; ++gx) {
            const int cx = x + gx;
            if (cx >= 0 && cx < canvas.width)
                canvas.at(cx, cy) = std::max(canvas.at(cx, cy), glyph.at(gx, gy));
        }
    }
}

} // namespace zistudio::glyphs
