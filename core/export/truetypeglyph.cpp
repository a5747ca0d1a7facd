// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/truetypeglyph.h"

#include "export/bytebuffer.h"
#include "export/exporterror.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace zistudio::fontexport
{

namespace
{

constexpr std::uint8_t kOnCurve = 0x01;
constexpr std::uint8_t kXShort = 0x02;
constexpr std::uint8_t kYShort = 0x04;
constexpr std::uint8_t kRepeat = 0x08;
constexpr std::uint8_t kXSameOrPositive = 0x10;
constexpr std::uint8_t kYSameOrPositive = 0x20;
constexpr int kMaxPoints = 65535;

struct TtPoint
{
    int x = 0;
    int y = 0;
    bool on = true;
};

int roundCoord(double v)
{
    const double r = std::round(v);
    if (!(r >= std::numeric_limits<std::int16_t>::min() && r <= std::numeric_limits<std::int16_t>::max()))
        throw ExportError("glyph coordinate " + std::to_string(v) + " is outside the TrueType 16-bit range");
    return static_cast<int>(r);
}

TtPoint ttPoint(const Point &p, bool on)
{
    return {roundCoord(p.x), roundCoord(p.y), on};
}

/** The TrueType points of one contour (already in TrueType direction), closing point not repeated. */
std::vector<TtPoint> contourPoints(const Contour &c, double tolerance)
{
    std::vector<TtPoint> pts;
    pts.push_back(ttPoint(c.start, true));
    Point cur = c.start;
    for (const auto &s : c.segments) {
        if (s.type == Segment::Type::Cubic) {
            for (const auto &q : cubicToQuadratic(cur, s.c1, s.c2, s.end, tolerance))
                pts.push_back(ttPoint(q, false));
        }
        pts.push_back(ttPoint(s.end, true));
        cur = s.end;
    }
    // The last segment returns to the start point: drop the repeat.
    if (pts.size() > 1 && pts.back().on && pts.back().x == pts.front().x && pts.back().y == pts.front().y)
        pts.pop_back();
    // Rounding can make neighbouring on-curve points coincide: drop those zero-length lines.
    std::vector<TtPoint> out;
    out.reserve(pts.size());
    for (const auto &p : pts) {
        if (!out.empty() && p.on && out.back().on && p.x == out.back().x && p.y == out.back().y)
            continue;
        out.push_back(p);
    }
    if (out.size() > 1 && out.back().on && out.front().on && out.back().x == out.front().x
        && out.back().y == out.front().y)
        out.pop_back();
    return out;
}

} // namespace

TrueTypeGlyph compileTrueTypeGlyph(const Outline &outline, double tolerance)
{
    std::vector<std::vector<TtPoint>> contours;
    std::size_t total = 0;
    for (const auto &c : outline.contours) {
        auto pts = contourPoints(reversed(c), tolerance);
        if (pts.size() < 3)
            continue; // a line or a point encloses nothing
        total += pts.size();
        contours.push_back(std::move(pts));
    }
    TrueTypeGlyph g;
    if (contours.empty())
        return g;
    if (total > static_cast<std::size_t>(kMaxPoints))
        throw ExportError("glyph has " + std::to_string(total) + " points; TrueType allows at most 65535");

    g.xMin = g.yMin = std::numeric_limits<int>::max();
    g.xMax = g.yMax = std::numeric_limits<int>::min();
    for (const auto &c : contours) {
        for (const auto &p : c) {
            g.xMin = std::min(g.xMin, p.x);
            g.yMin = std::min(g.yMin, p.y);
            g.xMax = std::max(g.xMax, p.x);
            g.yMax = std::max(g.yMax, p.y);
        }
    }
    g.numPoints = static_cast<int>(total);
    g.numContours = static_cast<int>(contours.size());

    ByteWriter w;
    w.i16(g.numContours);
    w.i16(g.xMin);
    w.i16(g.yMin);
    w.i16(g.xMax);
    w.i16(g.yMax);
    int end = -1;
    for (const auto &c : contours) {
        end += static_cast<int>(c.size());
        w.u16(static_cast<std::uint32_t>(end));
    }
    w.u16(0); // no instructions

    std::vector<std::uint8_t> flags;
    ByteWriter xs, ys;
    flags.reserve(total);
    int px = 0, py = 0;
    for (const auto &c : contours) {
        for (const auto &p : c) {
            std::uint8_t f = p.on ? kOnCurve : 0;
            const int dx = p.x - px, dy = p.y - py;
            if (dx == 0) {
                f |= kXSameOrPositive;
            } else if (dx > -256 && dx < 256) {
                f |= kXShort | (dx > 0 ? kXSameOrPositive : 0);
                xs.u8(static_cast<std::uint32_t>(std::abs(dx)));
            } else {
                xs.i16(dx);
            }
            if (dy == 0) {
                f |= kYSameOrPositive;
            } else if (dy > -256 && dy < 256) {
                f |= kYShort | (dy > 0 ? kYSameOrPositive : 0);
                ys.u8(static_cast<std::uint32_t>(std::abs(dy)));
            } else {
                ys.i16(dy);
            }
            flags.push_back(f);
            px = p.x;
            py = p.y;
        }
    }
    for (std::size_t i = 0; i < flags.size();) {
        std::size_t run = 1;
        while (i + run < flags.size() && flags[i + run] == flags[i] && run < 256)
            ++run;
        if (run > 1) {
            w.u8(flags[i] | kRepeat);
            w.u8(static_cast<std::uint32_t>(run - 1));
        } else {
            w.u8(flags[i]);
        }
        i += run;
    }
    w.bytes(xs.data());
    w.bytes(ys.data());
    g.data = w.take();
    return g;
}

} // namespace zistudio::fontexport
