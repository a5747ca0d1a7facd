// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporttestutil.h"

#include "common/hashing.h"
#include "runshell.h"

#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sys/wait.h>
#include <vector>

namespace zistudio::test
{

fontexport::EmBox emBoxOf(const std::filesystem::path &font)
{
    const glyphs::FontFace face(font);
    const auto &info = face.info();
    return fontexport::emBoxFromFont(info.unitsPerEm, info.emBoxTop, info.emBoxBottom);
}

GrayImage renderEmBox(const std::filesystem::path &font, char32_t cp, int size)
{
    const glyphs::FontFace face(font);
    const glyphs::Rasterizer rasterizer(
        face, glyphs::RasterOptions {.size = size, .placement = glyphs::Placement::EmBox});
    return rasterizer.render(cp);
}

bool fontHas(const std::filesystem::path &font, char32_t cp)
{
    return glyphs::FontFace(font).hasGlyph(cp);
}

std::u32string testCharacters(const std::filesystem::path &font)
{
    std::u32string chars = U"一永回中书法风龙学爱艺郁";
    if (fontHas(font, U'龘'))
        chars += U'龘';
    return chars;
}

std::vector<fontexport::ExportGlyph> renderGlyphs(
    const std::filesystem::path &font, const std::u32string &chars, int size)
{
    const glyphs::FontFace face(font);
    const glyphs::Rasterizer rasterizer(
        face, glyphs::RasterOptions {.size = size, .placement = glyphs::Placement::EmBox});
    std::vector<fontexport::ExportGlyph> out;
    for (const char32_t cp : chars)
        out.push_back(fontexport::ExportGlyph {cp, rasterizer.render(cp), false});
    return out;
}

double rerenderIou(const std::filesystem::path &font, char32_t cp, const GrayImage &expected)
{
    return inkIou(renderEmBox(font, cp, expected.width), expected);
}

GrayImage fillOutline(const fontexport::Outline &outline, int size, const fontexport::EmBox &box)
{
    using fontexport::Point;
    struct Edge
    {
        double x0, y0, x1, y1;
    };
    std::vector<Edge> edges;
    const double sx = size / (box.emBoxTop - box.emBoxBottom); // square pixels, like the rasterizer
    const double sy = sx;
    auto px = [&](const Point &p) { return Point {p.x * sx, (box.emBoxTop - p.y) * sy}; };
    for (const auto &c : outline.contours) {
        Point prev = px(c.start);
        for (const auto &s : c.segments) {
            const Point e = px(s.end);
            if (s.type == fontexport::Segment::Type::Line) {
                edges.push_back(Edge {prev.x, prev.y, e.x, e.y});
                prev = e;
                continue;
            }
            const Point p0 = prev, c1 = px(s.c1), c2 = px(s.c2);
            constexpr int kSteps = 16;
            for (int i = 1; i <= kSteps; ++i) {
                const double t = static_cast<double>(i) / kSteps, u = 1 - t;
                const Point p {u * u * u * p0.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * e.x,
                    u * u * u * p0.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * e.y};
                edges.push_back(Edge {prev.x, prev.y, p.x, p.y});
                prev = p;
            }
        }
    }
    GrayImage img(size, size);
    std::vector<std::pair<double, int>> xs;
    for (int y = 0; y < size; ++y) {
        const double cy = y + 0.5;
        xs.clear();
        for (const auto &e : edges) {
            if ((e.y0 <= cy) == (e.y1 <= cy))
                continue;
            const double x = e.x0 + (cy - e.y0) / (e.y1 - e.y0) * (e.x1 - e.x0);
            xs.emplace_back(x, e.y1 > e.y0 ? 1 : -1);
        }
        std::sort(xs.begin(), xs.end());
        int winding = 0;
        for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
            winding += xs[i].second;
            if (winding == 0)
                continue;
            for (int x = std::max(0, static_cast<int>(std::ceil(xs[i].first - 0.5)));
                 x < size && x + 0.5 < xs[i + 1].first; ++x)
                img.at(x, y) = 255;
        }
    }
    return img;
}

double inkIou(const GrayImage &a, const GrayImage &b)
{
    if (a.width != b.width || a.height != b.height) {
        ADD_FAILURE() << "images differ in size";
        return 0;
    }
    long inter = 0, uni = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) {
        const bool pa = a.pixels[i] >= 128, pb = b.pixels[i] >= 128;
        inter += pa && pb;
        uni += pa || pb;
    }
    return uni == 0 ? 1.0 : static_cast<double>(inter) / static_cast<double>(uni);
}

int inkCount(const GrayImage &img)
{
    return static_cast<int>(
        std::count_if(img.pixels.begin(), img.pixels.end(), [](std::uint8_t v) { return v >= 128; }));
}

std::string shellQuote(const std::string &s)
{
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

int runCommand(const std::string &command, std::string &output)
{
    const auto result = runShell(command + " 2>&1");
    output = result.output;
    return result.exitCode;
}

int runPython(const std::string &script, std::string &output, const std::vector<std::string> &args)
{
    std::string cmd = "/usr/bin/python3 -c " + shellQuote(script);
    for (const auto &a : args)
        cmd += " " + shellQuote(a);
    return runCommand(cmd, output);
}

std::map<std::string, std::string> snapshot(const std::filesystem::path &dir)
{
    std::map<std::string, std::string> files;
    for (const auto &e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file())
            files[std::filesystem::relative(e.path(), dir).string()] = sha256File(e.path());
    return files;
}

} // namespace zistudio::test
