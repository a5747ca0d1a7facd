// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace zistudio::fontexport
{

/** A point in font units, y up, origin at the baseline (the font's own frame). */
struct Point
{
    double x = 0;
    double y = 0;
    bool operator==(const Point &) const = default;
};

/** One segment of a closed contour; it starts where the previous segment ended. */
struct Segment
{
    enum class Type
    {
        Line, ///< straight line to `end`
        Cubic ///< cubic Bézier with control points `c1`, `c2`, ending at `end`
    };
    Type type = Type::Line;
    Point c1; ///< first control point (cubic only)
    Point c2; ///< second control point (cubic only)
    Point end;
    bool operator==(const Segment &) const = default;
};

/** A closed contour: `start`, then segments; the last segment ends at `start`. */
struct Contour
{
    Point start;
    std::vector<Segment> segments;
    bool operator==(const Contour &) const = default;
};

/** Axis-aligned bounds of control points (on- and off-curve). `empty` when there are no points. */
struct Bounds
{
    double xMin = 0;
    double yMin = 0;
    double xMax = 0;
    double yMax = 0;
    bool empty = true;
    void add(const Point &p);
};

/**
 * A glyph outline in font units made of lines and cubic curves. Orientation is potrace's: outer
 * contours counter-clockwise, holes clockwise (y up) — the PostScript/CFF/UFO convention; TrueType
 * writers reverse it.
 */
struct Outline
{
    std::vector<Contour> contours;

    bool isEmpty() const { return contours.empty(); }
    /** Bounds of all points, control points included. */
    Bounds controlBounds() const;
    /** The outline scaled by `scale` about the origin, then moved by (dx, dy). */
    Outline transformed(double scale, double dx = 0, double dy = 0) const;
    /** Number of segments over all contours. */
    std::size_t segmentCount() const;
    bool operator==(const Outline &) const = default;
};

/** The same contour traversed the other way round (same start point). */
Contour reversed(const Contour &contour);

/** Signed area of the contour's control polygon (positive = counter-clockwise in y-up). */
double signedArea(const Contour &contour);

} // namespace zistudio::fontexport
