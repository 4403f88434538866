// Small plane-geometry helpers for the genogram (segments, crossings, rectangles).
#pragma once
#include "core/scene/scene.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace genochron::genogram::geom {

inline constexpr double kEps = 1e-6;

inline double cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }
inline bool samePoint(Point a, Point b, double tol = 0.01) { return std::abs(a.x - b.x) <= tol && std::abs(a.y - b.y) <= tol; }

enum class Meet { None, Cross, Touch, Overlap };

// How two segments meet: Cross = their interiors cross at one point; Touch = they meet
// at an end of either (a T or an L); Overlap = collinear with a shared stretch of length.
inline Meet meet(Point a, Point b, Point c, Point d) {
    if (std::max(a.x, b.x) < std::min(c.x, d.x) - 0.01 || std::max(c.x, d.x) < std::min(a.x, b.x) - 0.01 ||
        std::max(a.y, b.y) < std::min(c.y, d.y) - 0.01 || std::max(c.y, d.y) < std::min(a.y, b.y) - 0.01)
        return Meet::None;
    const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    const double la = std::hypot(b.x - a.x, b.y - a.y), lc = std::hypot(d.x - c.x, d.y - c.y);
    const double tolA = 0.01 * std::max(la, 1e-9), tolC = 0.01 * std::max(lc, 1e-9);
    if (std::abs(d1) <= tolC && std::abs(d2) <= tolC && std::abs(d3) <= tolA && std::abs(d4) <= tolA) {
        // Collinear: project onto the longer direction and measure the shared stretch.
        bool useX = std::abs(b.x - a.x) + std::abs(d.x - c.x) >= std::abs(b.y - a.y) + std::abs(d.y - c.y);
        double a0 = useX ? a.x : a.y, a1 = useX ? b.x : b.y, c0 = useX ? c.x : c.y, c1 = useX ? d.x : d.y;
        if (a0 > a1) std::swap(a0, a1);
        if (c0 > c1) std::swap(c0, c1);
        double shared = std::min(a1, c1) - std::max(a0, c0);
        if (shared > 0.5) return Meet::Overlap;
        return shared >= -0.01 ? Meet::Touch : Meet::None;
    }
    // Proper crossing: strictly opposite sides, both ways, away from the ends.
    auto strictly = [](double u, double v, double tol) { return (u > tol && v < -tol) || (u < -tol && v > tol); };
    if (strictly(d1, d2, tolC) && strictly(d3, d4, tolA)) return Meet::Cross;
    auto onOrNear = [](double u, double tol) { return std::abs(u) <= tol; };
    if ((onOrNear(d1, tolC) || onOrNear(d2, tolC) || onOrNear(d3, tolA) || onOrNear(d4, tolA)) &&
        ((d1 <= tolC && d2 >= -tolC) || (d1 >= -tolC && d2 <= tolC)) &&
        ((d3 <= tolA && d4 >= -tolA) || (d3 >= -tolA && d4 <= tolA)))
        return Meet::Touch;
    return Meet::None;
}

// Does the segment pass through the rectangle (or start or end inside it)?
inline bool segmentHitsRect(Point a, Point b, const Rect& r) {
    if (r.contains(a) || r.contains(b)) return true;
    Point c[4] = {{r.x, r.y}, {r.right(), r.y}, {r.right(), r.bottom()}, {r.x, r.bottom()}};
    for (int i = 0; i < 4; ++i)
        if (meet(a, b, c[i], c[(i + 1) % 4]) != Meet::None) return true;
    return false;
}

// Where a relation polyline crosses the family segment c-d away from its ends: counted by
// the side the relation's points lie on, so a crossing at a vertex of the relation counts once.
inline int relationCrossings(const std::vector<Point>& pts, Point c, Point d) {
    const double len = std::hypot(d.x - c.x, d.y - c.y);
    if (len < 0.01) return 0;
    auto side = [&](Point p) {
        double v = cross(c, d, p) / len;   // signed distance from the line c-d
        return v > 0.05 ? 1 : v < -0.05 ? -1 : 0;
    };
    int n = 0, last = 0;
    Point lastP{}, onLine{};
    bool touched = false;   // points on the line since the last one off it
    for (std::size_t i = 0; i < pts.size(); ++i) {
        // Running along the family line counts as a crossing too (it hides it).
        if (i > 0 && meet(pts[i - 1], pts[i], c, d) == Meet::Overlap) ++n;
        int s = side(pts[i]);
        if (s == 0) {
            if (!touched) onLine = pts[i];
            touched = true;
            continue;
        }
        if (last != 0 && s != last) {
            // Where the relation meets the line (a vertex on it, or between two points), as a
            // fraction along c-d.
            Point m = onLine;
            if (!touched) {
                double da = cross(c, d, lastP), db = cross(c, d, pts[i]);
                double t = da / (da - db);
                m = {lastP.x + t * (pts[i].x - lastP.x), lastP.y + t * (pts[i].y - lastP.y)};
            }
            double u = ((m.x - c.x) * (d.x - c.x) + (m.y - c.y) * (d.y - c.y)) / (len * len);
            if (u > 0.01 && u < 0.99) ++n;
        }
        last = s;
        lastP = pts[i];
        touched = false;
    }
    return n;
}

}  // namespace genochron::genogram::geom
