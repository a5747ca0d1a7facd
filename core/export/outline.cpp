// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/outline.h"

#include <algorithm>

namespace zistudio::fontexport
{

void Bounds::add(const Point &p)
{
    if (empty) {
        xMin = xMax = p.x;
        yMin = yMax = p.y;
        empty = false;
        return;
    }
    xMin = std::min(xMin, p.x);
    xMax = std::max(xMax, p.x);
    yMin = std::min(yMin, p.y);
    yMax = std::max(yMax, p.y);
}

Bounds Outline::controlBounds() const
{
    Bounds b;
    for (const auto &c : contours) {
        b.add(c.start);
        for (const auto &s : c.segments) {
            if (s.type == Segment::Type::Cubic) {
                b.add(s.c1);
                b.add(s.c2);
            }
            b.add(s.end);
        }
    }
    return b;
}

Outline Outline::transformed(double scale, double dx, double dy) const
{
    auto map = [&](const Point &p) { return Point {p.x * scale + dx, p.y * scale + dy}; };
    Outline out;
    out.contours.reserve(contours.size());
    for (const auto &c : contours) {
        Contour t;
        t.start = map(c.start);
        t.segments.reserve(c.segments.size());
        for (const auto &s : c.segments)
            t.segments.push_back(Segment {s.type, map(s.c1), map(s.c2), map(s.end)});
        out.contours.push_back(std::move(t));
    }
    return out;
}

std::size_t Outline::segmentCount() const
{
    std::size_t n = 0;
    for (const auto &c : contours)
        n += c.segments.size();
    return n;
}

Contour reversed(const Contour &contour)
{
    Contour r;
    r.start = contour.start;
    const auto &segs = contour.segments;
    r.segments.reserve(segs.size());
    // Segment i runs from end(i-1) to end(i); reversed, it runs from end(i) to end(i-1).
    for (std::size_t k = segs.size(); k-- > 0;) {
        const Point from = k == 0 ? contour.start : segs[k - 1].end;
        const auto &s = segs[k];
        r.segments.push_back(Segment {s.type, s.c2, s.c1, from});
    }
    return r;
}

double signedArea(const Contour &contour)
{
    double area = 0;
    Point prev = contour.start;
    auto edge = [&](const Point &p) {
        area += prev.x * p.y - p.x * prev.y;
        prev = p;
    };
    for (const auto &s : contour.segments) {
        if (s.type == Segment::Type::Cubic) {
            edge(s.c1);
            edge(s.c2);
        }
        edge(s.end);
    }
    return area / 2;
}

} // namespace zistudio::fontexport
