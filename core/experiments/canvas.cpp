// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiments/canvas.h"

#include <algorithm>
#include <cmath>

namespace zistudio::experiments
{

Canvas::Canvas(int width, int height, Rgba background)
{
    m_image.width = width;
    m_image.height = height;
    m_image.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    fillRect(0, 0, width, height, background);
}

void Canvas::fillRect(int x0, int y0, int w, int h, Rgba c)
{
    for (int y = std::max(0, y0); y < std::min(m_image.height, y0 + h); ++y)
        for (int x = std::max(0, x0); x < std::min(m_image.width, x0 + w); ++x) {
            auto *p = m_image.pixels.data() + (static_cast<std::size_t>(y) * m_image.width + x) * 4;
            p[0] = c.r;
            p[1] = c.g;
            p[2] = c.b;
            p[3] = c.a;
        }
}

void Canvas::frame(int x, int y, int w, int h, Rgba c)
{
    fillRect(x, y, w, 1, c);
    fillRect(x, y + h - 1, w, 1, c);
    fillRect(x, y, 1, h, c);
    fillRect(x + w - 1, y, 1, h, c);
}

void Canvas::blend(int x, int y, Rgba c, double alpha)
{
    if (x < 0 || y < 0 || x >= m_image.width || y >= m_image.height || alpha <= 0)
        return;
    alpha = std::min(1.0, alpha);
    auto *p = m_image.pixels.data() + (static_cast<std::size_t>(y) * m_image.width + x) * 4;
    auto mix = [alpha](std::uint8_t under, std::uint8_t over) {
        return static_cast<std::uint8_t>(std::lround(under + (over - under) * alpha));
    };
    p[0] = mix(p[0], c.r);
    p[1] = mix(p[1], c.g);
    p[2] = mix(p[2], c.b);
    p[3] = 255;
}

void Canvas::line(double x0, double y0, double x1, double y1, Rgba c, double thickness, double dash)
{
    // Coverage from the distance to the segment: simple, anti-aliased, good enough for a chart.
    const double dx = x1 - x0, dy = y1 - y0;
    const double length2 = dx * dx + dy * dy;
    const double half = thickness / 2.0;
    const int minX = static_cast<int>(std::floor(std::min(x0, x1) - half - 1));
    const int maxX = static_cast<int>(std::ceil(std::max(x0, x1) + half + 1));
    const int minY = static_cast<int>(std::floor(std::min(y0, y1) - half - 1));
    const int maxY = static_cast<int>(std::ceil(std::max(y0, y1) + half + 1));
    for (int y = std::max(0, minY); y <= std::min(m_image.height - 1, maxY); ++y)
        for (int x = std::max(0, minX); x <= std::min(m_image.width - 1, maxX); ++x) {
            const double px = x + 0.5 - x0, py = y + 0.5 - y0;
            const double t = length2 > 0 ? std::clamp((px * dx + py * dy) / length2, 0.0, 1.0) : 0.0;
            if (dash > 0 && std::fmod(t * std::sqrt(length2), 2 * dash) > dash)
                continue;
            const double ex = px - t * dx, ey = py - t * dy;
            const double distance = std::sqrt(ex * ex + ey * ey);
            blend(x, y, c, std::clamp(half + 0.5 - distance, 0.0, 1.0));
        }
}

void Canvas::glyph(const GrayImage &img, int x0, int y0, int size, Rgba c)
{
    if (img.isNull()) {
        missing(x0, y0, size, c);
        return;
    }
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            // Area average when shrinking, nearest pixel when enlarging.
            const int sx0 = x * img.width / size, sx1 = std::max(sx0 + 1, (x + 1) * img.width / size);
            const int sy0 = y * img.height / size, sy1 = std::max(sy0 + 1, (y + 1) * img.height / size);
            unsigned sum = 0, n = 0;
            for (int sy = sy0; sy < std::min(sy1, img.height); ++sy)
                for (int sx = sx0; sx < std::min(sx1, img.width); ++sx, ++n)
                    sum += img.at(sx, sy);
            if (n > 0 && sum > 0)
                blend(x0 + x, y0 + y, c, static_cast<double>(sum) / (255.0 * n));
        }
}

void Canvas::missing(int x, int y, int size, Rgba c)
{
    frame(x, y, size, size, c);
    line(x, y, x + size, y + size, c, 1.0);
    line(x + size, y, x, y + size, c, 1.0);
}

} // namespace zistudio::experiments
