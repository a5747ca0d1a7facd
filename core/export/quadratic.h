// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/outline.h"

#include <vector>

namespace zistudio::fontexport
{

/** The default cubic → quadratic tolerance, in font units (1/1000 em at upem 1000). */
constexpr double kDefaultQuadraticTolerance = 1.0;

/**
 * Approximates the cubic Bézier p0 p1 p2 p3 by a quadratic B-spline (the TrueType kind: on-curve
 * points implied halfway between consecutive off-curve points), the cu2qu way: try 1, 2, 3… equal
 * parameter pieces and take the first whose error curve (quadratic minus cubic, at equal
 * parameter) stays inside a circle of radius `tolerance`, checked by recursive subdivision. The
 * maximum distance between the two curves is therefore at most `tolerance`. Returns the off-curve
 * points q1…qn (n ≥ 1); the spline is p0, q1…qn, p3. Falls back to `maxPieces` pieces.
 */
std::vector<Point> cubicToQuadratic(
    Point p0, Point p1, Point p2, Point p3, double tolerance = kDefaultQuadraticTolerance, int maxPieces = 100);

/** A point on the cubic at parameter t (for tests and error measurement). */
Point cubicAt(Point p0, Point p1, Point p2, Point p3, double t);

/** A point on the quadratic spline p0, q…, p3 at global parameter t in [0, 1] (pieces equally spaced). */
Point quadraticSplineAt(Point p0, const std::vector<Point> &q, Point p3, double t);

} // namespace zistudio::fontexport
