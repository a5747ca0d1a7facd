// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/quadratic.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace zistudio::fontexport
{

namespace
{

struct V
{
    double x = 0;
    double y = 0;
};
V operator+(V a, V b)
{
    return {a.x + b.x, a.y + b.y};
}
V operator-(V a, V b)
{
    return {a.x - b.x, a.y - b.y};
}
V operator*(V a, double s)
{
    return {a.x * s, a.y * s};
}
double length(V a)
{
    return std::hypot(a.x, a.y);
}
V v(Point p)
{
    return {p.x, p.y};
}
Point pt(V a)
{
    return {a.x, a.y};
}

struct Cubic
{
    V p0, p1, p2, p3;
};

/**
 * True when the cubic "error curve" p0..p3 stays within `tol` of the origin: both inner control
 * points inside proves it (convex hull); otherwise split at t = 0.5 and check both halves.
 */
bool fitsInside(V p0, V p1, V p2, V p3, double tol, int depth = 0)
{
    if (length(p1) <= tol && length(p2) <= tol)
        return true;
    const V mid = (p0 + (p1 + p2) * 3 + p3) * 0.125;
    if (length(mid) > tol)
        return false;
    if (depth > 16)
        return true; // sub-pieces far below a font unit
    const V d3 = (p3 + p2 - p1 - p0) * 0.125;
    return fitsInside(p0, (p0 + p1) * 0.5, mid - d3, mid, tol, depth + 1)
        && fitsInside(mid, mid + d3, (p2 + p3) * 0.5, p3, tol, depth + 1);
}

/** The piece [t0, t0+dt] of a cubic, from its polynomial form. */
Cubic subCubic(const Cubic &c, double t0, double dt)
{
    const V a = c.p3 - c.p2 * 3 + c.p1 * 3 - c.p0;
    const V b = (c.p2 - c.p1 * 2 + c.p0) * 3;
    const V cc = (c.p1 - c.p0) * 3;
    const V d = c.p0;
    const V a1 = a * (dt * dt * dt);
    const V b1 = (a * (3 * t0) + b) * (dt * dt);
    const V c1 = (b * (2 * t0) + cc + a * (3 * t0 * t0)) * dt;
    const V d1 = a * (t0 * t0 * t0) + b * (t0 * t0) + cc * t0 + d;
    Cubic out;
    out.p0 = d1;
    out.p1 = c1 * (1.0 / 3) + d1;
    out.p2 = (b1 + c1) * (1.0 / 3) + out.p1;
    out.p3 = a1 + d1 + c1 + b1;
    return out;
}

/** Where the tangent lines at both ends meet (the single quadratic control point), if they do. */
std::optional<V> tangentIntersection(const Cubic &c)
{
    const V ab = c.p1 - c.p0;
    const V cd = c.p3 - c.p2;
    const V perp {-ab.y, ab.x};
    const double denom = perp.x * cd.x + perp.y * cd.y;
    if (std::abs(denom) < 1e-12)
        return std::nullopt;
    const V ac = c.p0 - c.p2;
    const double h = (perp.x * ac.x + perp.y * ac.y) / denom;
    return c.p2 + cd * h;
}

std::optional<std::vector<V>> approxSingle(const Cubic &c, double tol)
{
    const auto q1 = tangentIntersection(c);
    if (!q1)
        return std::nullopt;
    // The quadratic p0 q1 p3 as a cubic, compared control point by control point.
    const V c1 = c.p0 + (*q1 - c.p0) * (2.0 / 3);
    const V c2 = c.p3 + (*q1 - c.p3) * (2.0 / 3);
    if (!fitsInside({0, 0}, c1 - c.p1, c2 - c.p2, {0, 0}, tol))
        return std::nullopt;
    return std::vector<V> {*q1};
}

/** The control point of the quadratic for a piece, blended along the spline (cu2qu's choice). */
V pieceControl(double t, const Cubic &p)
{
    const V a = p.p0 + (p.p1 - p.p0) * 1.5;
    const V b = p.p3 + (p.p2 - p.p3) * 1.5;
    return a + (b - a) * t;
}

std::optional<std::vector<V>> approxSpline(const Cubic &c, int n, double tol)
{
    if (n == 1)
        return approxSingle(c, tol);
    std::vector<Cubic> pieces;
    pieces.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        pieces.push_back(subCubic(c, static_cast<double>(i) / n, 1.0 / n));
    std::vector<V> q;
    q.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        q.push_back(pieceControl(static_cast<double>(i) / (n - 1), pieces[static_cast<std::size_t>(i)]));
    V d1 {0, 0};
    V q2 = c.p0;
    for (int i = 0; i < n; ++i) {
        const Cubic &piece = pieces[static_cast<std::size_t>(i)];
        const V q0 = q2;
        const V q1 = q[static_cast<std::size_t>(i)];
        q2 = i + 1 < n ? (q1 + q[static_cast<std::size_t>(i) + 1]) * 0.5 : c.p3;
        const V d0 = d1;
        d1 = q2 - piece.p3;
        if (length(d1) > tol
            || !fitsInside(d0, q0 + (q1 - q0) * (2.0 / 3) - piece.p1, q2 + (q1 - q2) * (2.0 / 3) - piece.p2, d1, tol))
            return std::nullopt;
    }
    return q;
}

} // namespace

std::vector<Point> cubicToQuadratic(Point p0, Point p1, Point p2, Point p3, double tolerance, int maxPieces)
{
    const Cubic c {v(p0), v(p1), v(p2), v(p3)};
    maxPieces = std::max(maxPieces, 1);
    for (int n = 1; n <= maxPieces; ++n) {
        if (auto q = approxSpline(c, n, tolerance)) {
            std::vector<Point> out;
            out.reserve(q->size());
            for (const auto &p : *q)
                out.push_back(pt(p));
            return out;
        }
    }
    // Not reached for sane tolerances: use the finest spline without the check.
    std::vector<Point> out;
    for (int i = 0; i < maxPieces; ++i) {
        const Cubic piece = subCubic(c, static_cast<double>(i) / maxPieces, 1.0 / maxPieces);
        out.push_back(pt(pieceControl(maxPieces == 1 ? 0.5 : static_cast<double>(i) / (maxPieces - 1), piece)));
    }
    return out;
}

Point cubicAt(Point p0, Point p1, Point p2, Point p3, double t)
{
    const double u = 1 - t;
    const double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return {a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y};
}

Point quadraticSplineAt(Point p0, const std::vector<Point> &q, Point p3, double t)
{
    const auto n = static_cast<int>(q.size());
    const int i = std::min(static_cast<int>(t * n), n - 1);
    const double u = t * n - i;
    const auto at = [&](int k) { return q[static_cast<std::size_t>(k)]; };
    const Point a = i == 0 ? p0 : Point {(at(i - 1).x + at(i).x) / 2, (at(i - 1).y + at(i).y) / 2};
    const Point b = at(i);
    const Point c = i == n - 1 ? p3 : Point {(at(i).x + at(i + 1).x) / 2, (at(i).y + at(i + 1).y) / 2};
    const double w0 = (1 - u) * (1 - u), w1 = 2 * (1 - u) * u, w2 = u * u;
    return {w0 * a.x + w1 * b.x + w2 * c.x, w0 * a.y + w1 * b.y + w2 * c.y};
}

} // namespace zistudio::fontexport
