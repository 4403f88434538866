// Household outlines that hold their members only. Each member's cell (symbol, years,
// name) is a rectangle; members side by side on a row with nobody else between share a
// band; bands are joined by corridors (straight down, or an elbow or a U through the gap
// between rows) that touch no one else's cell. The outline is the boundary of the union
// of those rectangles: rectilinear, bending around non-members, so it cannot take anyone
// in. Parts that no corridor can join are drawn as separate outlines of one household.
#include "core/figures/genogram/genogram_geometry.hpp"
#include "core/figures/genogram/genogram_households.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace genochron::genogram {

namespace {

constexpr double kCorridorPt = 12;   // width of a corridor between two parts of a household
constexpr double kClearPt = 3;       // an outline keeps this far from anyone else's cell
constexpr double kMarginPt = 4;      // outline outside its members' cells (more for nested households)
constexpr double kNestStepPt = 4;
constexpr double kLabelPt = 7;

bool overlaps(const Date* from, const Date* to, const Date& at) {
    if (from && from->known() && from->earliestDay() > at.latestDay()) return false;
    if (to && to->known() && to->latestDay() < at.earliestDay()) return false;
    return true;
}

// A person's cell: the symbol with its outline, years and name slot.
Rect cellOf(const PersonBox& p) {
    Rect r = p.box.inflated(2);
    if (p.bornBox.w > 0) r = r.united(p.bornBox);
    if (p.diedBox.w > 0) r = r.united(p.diedBox);
    r = r.united(p.nameSlot);
    // Years take their slot whether written or not, so outlines do not depend on what is known.
    r = r.united({p.centre().x - 20, p.box.y - kYearSlotHPt, 40, kYearSlotHPt});
    return r;
}

struct Piece {
    Rect r;
    int row = 0;
};

// The boundary of a union of rectangles, as closed loops of corners (region on the left
// when y is down... the orientation does not matter for drawing).
std::vector<std::vector<Point>> outlineOf(const std::vector<Rect>& rects) {
    std::vector<double> xs, ys;
    for (auto& r : rects) {
        xs.insert(xs.end(), {r.x, r.right()});
        ys.insert(ys.end(), {r.y, r.bottom()});
    }
    auto uniq = [](std::vector<double>& v) {
        std::sort(v.begin(), v.end());
        std::vector<double> out;
        for (double d : v)
            if (out.empty() || d - out.back() > 0.01) out.push_back(d);
        v = out;
    };
    uniq(xs);
    uniq(ys);
    const int nx = int(xs.size()) - 1, ny = int(ys.size()) - 1;
    if (nx <= 0 || ny <= 0) return {};
    std::vector<char> in(std::size_t(nx) * std::size_t(ny), 0);
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            Point c{(xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2};
            for (auto& r : rects)
                if (c.x > r.x && c.x < r.right() && c.y > r.y && c.y < r.bottom()) {
                    in[std::size_t(j) * nx + i] = 1;
                    break;
                }
        }
    auto cov = [&](int i, int j) { return i >= 0 && j >= 0 && i < nx && j < ny && in[std::size_t(j) * nx + i]; };
    // Directed boundary edges on grid vertices, the region on the right of travel (y down:
    // clockwise on screen). Vertex (i, j) = (xs[i], ys[j]).
    using V = std::pair<int, int>;
    std::multimap<V, V> next;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            if (!cov(i, j)) continue;
            if (!cov(i, j - 1)) next.emplace(V{i, j}, V{i + 1, j});           // top, left to right
            if (!cov(i + 1, j)) next.emplace(V{i + 1, j}, V{i + 1, j + 1});   // right, downwards
            if (!cov(i, j + 1)) next.emplace(V{i + 1, j + 1}, V{i, j + 1});   // bottom, right to left
            if (!cov(i - 1, j)) next.emplace(V{i, j + 1}, V{i, j});           // left, upwards
        }
    std::vector<std::vector<Point>> loops;
    while (!next.empty()) {
        auto it = next.begin();
        const V start = it->first;
        std::vector<V> vs{start};
        V cur = it->second, prev = start;
        next.erase(it);
        int guard = 0;
        while (!(cur == start) && guard++ < 100000) {
            vs.push_back(cur);
            auto range = next.equal_range(cur);
            if (range.first == range.second) break;
            // Where two corners touch, turn right (keep to this loop's own region).
            auto pick = range.first;
            if (std::distance(range.first, range.second) > 1) {
                const int dx = cur.first - prev.first, dy = cur.second - prev.second;
                for (auto c = range.first; c != range.second; ++c) {
                    const int ex = c->second.first - cur.first, ey = c->second.second - cur.second;
                    if (dx * ey - dy * ex > 0) pick = c;   // a right turn on screen (y down)
                }
            }
            prev = cur;
            cur = pick->second;
            next.erase(pick);
        }
        // Corners only: drop vertices where the direction does not change.
        std::vector<Point> pts;
        const std::size_t n = vs.size();
        for (std::size_t k = 0; k < n; ++k) {
            const V& a = vs[(k + n - 1) % n];
            const V& b = vs[k];
            const V& c = vs[(k + 1) % n];
            const int d1x = b.first - a.first, d1y = b.second - a.second, d2x = c.first - b.first, d2y = c.second - b.second;
            if (d1x * d2y - d1y * d2x != 0) pts.push_back({xs[b.first], ys[b.second]});
        }
        if (pts.size() >= 4) loops.push_back(std::move(pts));
    }
    return loops;
}

// Where the household's name goes: just inside or outside a horizontal edge of its
// outline, at the spot the fewest lines, people and other labels pass through.
Rect labelSpot(const std::string& text, const HouseholdShape& h, const Layout& l, const std::vector<Rect>& taken) {
    const TextExtent e = measureText(text, kLabelPt, FontWeight::Normal, true);
    struct Spot {
        Rect box;
        double bias;
    };
    std::vector<Spot> spots;
    for (auto& loop : h.loops) {
        const std::size_t n = loop.size();
        for (std::size_t k = 0; k < n; ++k) {
            Point a = loop[k], b = loop[(k + 1) % n];
            if (std::abs(a.y - b.y) > 0.01) continue;
            const double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x);
            const double y = a.y;
            const bool fits = x1 - x0 >= e.widthPt + 12;
            // The region's side of this edge: test a point just above it.
            Point probe{(x0 + x1) / 2, y - 1};
            bool regionAbove = false;
            for (auto& lp : h.loops) {
                bool inside = false;
                for (std::size_t i = 0, j = lp.size() - 1; i < lp.size(); j = i++)
                    if ((lp[i].y > probe.y) != (lp[j].y > probe.y) &&
                        probe.x < (lp[j].x - lp[i].x) * (probe.y - lp[i].y) / (lp[j].y - lp[i].y) + lp[i].x)
                        inside = !inside;
                if (inside) regionAbove = !regionAbove;
            }
            const double inY = regionAbove ? y - 2 - e.heightPt : y + 2;
            const double outY = regionAbove ? y + 2 : y - 2 - e.heightPt;
            if (fits)
                for (double x : {x0 + 6, x1 - 6 - e.widthPt}) {
                    spots.push_back({{x, inY, e.widthPt, e.heightPt}, regionAbove ? 0.0 : 0.5});
                    spots.push_back({{x, outY, e.widthPt, e.heightPt}, 1.0});
                }
            // Outside, centred on the edge, however narrow the household.
            spots.push_back({{(x0 + x1) / 2 - e.widthPt / 2, outY, e.widthPt, e.heightPt}, 1.5});
        }
    }
    // Beside a vertical edge, outside, at its middle (a narrow household).
    for (auto& loop : h.loops)
        for (std::size_t k = 0; k < loop.size(); ++k) {
            Point a = loop[k], b = loop[(k + 1) % loop.size()];
            if (std::abs(a.x - b.x) > 0.01 || std::abs(a.y - b.y) < e.heightPt + 6) continue;
            const double my = (a.y + b.y) / 2 - e.heightPt / 2;
            spots.push_back({{a.x + 3, my, e.widthPt, e.heightPt}, 2.0});
            spots.push_back({{a.x - 3 - e.widthPt, my, e.widthPt, e.heightPt}, 2.0});
        }
    double best = 1e18;
    Rect chosen;
    for (const auto& sp : spots) {
        const Rect r = sp.box.inflated(1);
        double cost = sp.bias;
        for (const auto& ln : l.lines)
            for (std::size_t i = 0; i + 1 < ln.points.size(); ++i)
                if (geom::segmentHitsRect(ln.points[i], ln.points[i + 1], r)) {
                    cost += ln.kind == LineKind::Relation ? 10 : 6;
                    break;
                }
        for (const auto& p : l.people) {
            if (p.box.inflated(2).intersects(r)) cost += 50;
            else if (p.nameSlot.intersects(r)) cost += 40;   // read as that person's label
            if ((p.bornBox.w > 0 && p.bornBox.intersects(r)) || (p.diedBox.w > 0 && p.diedBox.intersects(r))) cost += 40;
        }
        for (const auto& u : l.unions)
            if (u.labelBox.w > 0 && u.labelBox.intersects(r)) cost += 20;
        for (const auto& t : taken)
            if (t.intersects(r)) cost += 20;
        for (auto& loop : h.loops)
            for (std::size_t k = 0; k < loop.size(); ++k)
                if (geom::segmentHitsRect(loop[k], loop[(k + 1) % loop.size()], sp.box)) {
                    cost += 30;
                    break;
                }
        if (cost < best - 1e-9) {
            best = cost;
            chosen = sp.box;
        }
    }
    return chosen;
}

}  // namespace

std::optional<Date> householdDate(const Case& c) {
    if (c.info.referenceDate && c.info.referenceDate->known()) return c.info.referenceDate;
    if (c.info.scopeTo && c.info.scopeTo->known()) return c.info.scopeTo;
    std::optional<Date> latest;
    for (auto& h : c.households)
        for (auto* d : {h.from ? &*h.from : nullptr, h.to ? &*h.to : nullptr})
            if (d && d->known() && (!latest || *latest < *d)) latest = *d;
    return latest;
}

void placeHouseholds(const Case& c, Layout& l) {
    const std::optional<Date> at = householdDate(c);
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < l.people.size(); ++i) index[l.people[i].id] = int(i);
    std::vector<Rect> cells;
    for (auto& p : l.people) cells.push_back(cellOf(p));
    // Rows by the symbols' centre height.
    std::vector<double> rowY;
    for (auto& p : l.people) {
        double y = p.centre().y;
        if (std::none_of(rowY.begin(), rowY.end(), [&](double r) { return std::abs(r - y) < 1; })) rowY.push_back(y);
    }
    std::sort(rowY.begin(), rowY.end());
    auto rowOf = [&](const PersonBox& p) {
        return int(std::find_if(rowY.begin(), rowY.end(), [&](double r) { return std::abs(r - p.centre().y) < 1; }) -
                   rowY.begin());
    };
    std::vector<double> rowTop(rowY.size(), 1e18), rowBottom(rowY.size(), -1e18);
    for (std::size_t i = 0; i < l.people.size(); ++i) {
        int r = rowOf(l.people[i]);
        rowTop[r] = std::min(rowTop[r], cells[i].y);
        rowBottom[r] = std::max(rowBottom[r], cells[i].bottom());
    }

    std::vector<std::vector<Rect>> drawnRects;
    std::vector<Rect> labelBoxes;
    for (auto& h : c.households) {
        if (at && !overlaps(h.from ? &*h.from : nullptr, h.to ? &*h.to : nullptr, *at)) continue;
        std::set<int> members;
        for (auto& m : h.members)
            if (auto it = index.find(m); it != index.end()) members.insert(it->second);
        if (members.empty()) continue;
        std::vector<Rect> others;   // everyone else's cell, with the clearance an outline keeps
        for (std::size_t i = 0; i < l.people.size(); ++i)
            if (!members.count(int(i))) others.push_back(cells[i].inflated(kClearPt));
        auto free = [&](const Rect& r) {
            return std::none_of(others.begin(), others.end(), [&](const Rect& o) { return o.intersects(r); });
        };

        // Bands: members side by side on a row with nobody else between.
        std::vector<int> ms(members.begin(), members.end());
        std::sort(ms.begin(), ms.end(), [&](int a, int b) {
            int ra = rowOf(l.people[a]), rb = rowOf(l.people[b]);
            return ra != rb ? ra < rb : l.people[a].centre().x < l.people[b].centre().x;
        });
        std::vector<Piece> pieces;
        for (int m : ms) {
            const int row = rowOf(l.people[m]);
            if (!pieces.empty() && pieces.back().row == row) {
                Rect joined = pieces.back().r.united(cells[m]);
                if (free(joined)) {
                    pieces.back().r = joined;
                    continue;
                }
            }
            pieces.push_back({cells[m], row});
        }

        // Corridors joining the bands, cheapest first, never through anyone else's cell.
        struct Corridor {
            int a, b;
            std::vector<Rect> rects;
            double cost;
        };
        std::vector<Corridor> cands;
        const double w = kCorridorPt;
        auto slots = [&](const Rect& r, double towards) {   // x of a corridor's left edge within a band
            std::vector<double> xs{r.x + 4, r.right() - 4 - w, r.x + r.w / 2 - w / 2,
                                   std::clamp(towards - w / 2, r.x + 4, r.right() - 4 - w)};
            return xs;
        };
        for (std::size_t i = 0; i < pieces.size(); ++i)
            for (std::size_t j = i + 1; j < pieces.size(); ++j) {
                const Piece& P = pieces[i];
                const Piece& Q = pieces[j];   // Q's row >= P's row (pieces are sorted)
                auto add = [&](std::vector<Rect> rs) {
                    double cost = 0;
                    for (auto& r : rs) {
                        if (r.w < 0.5 || r.h < 0.5) continue;
                        if (!free(r)) return;
                        cost += r.w + r.h;
                        // Keep clear of households drawn before, where it can.
                        for (auto& d : drawnRects)
                            for (auto& o : d)
                                if (o.inflated(kMarginPt + 2).intersects(r)) cost += 150;
                    }
                    cost += 0.5 * double(rs.size());
                    cands.push_back({int(i), int(j), std::move(rs), cost});
                };
                if (P.row != Q.row) {
                    // Straight down where the bands overlap.
                    const double o0 = std::max(P.r.x, Q.r.x), o1 = std::min(P.r.right(), Q.r.right());
                    if (o1 - o0 >= w + 8) {
                        const double cw = std::min(o1 - o0 - 8, 30.0), cx = (o0 + o1) / 2;
                        add({{cx - cw / 2, P.r.bottom() - 1, cw, Q.r.y - P.r.bottom() + 2}});
                    }
                    // Elbows: across just under P's row, or just over Q's row.
                    for (double xp : slots(P.r, Q.r.x + Q.r.w / 2))
                        for (double xq : slots(Q.r, P.r.x + P.r.w / 2)) {
                            const double lo = std::min(xp, xq), hi = std::max(xp, xq) + w;
                            const double y1 = rowBottom[P.row] + kClearPt + 1;
                            add({{xp, P.r.bottom() - 1, w, y1 + w - P.r.bottom() + 1},
                                 {lo, y1, hi - lo, w},
                                 {xq, y1, w, Q.r.y - y1 + 1}});
                            const double y2 = rowTop[Q.row] - kClearPt - 1 - w;
                            add({{xp, P.r.bottom() - 1, w, y2 - P.r.bottom() + 1},
                                 {lo, y2, hi - lo, w},
                                 {xq, y2, w, Q.r.y - y2 + 1}});
                        }
                } else {
                    // The same row, someone between: a U under (or over) them.
                    for (double xp : slots(P.r, Q.r.x))
                        for (double xq : slots(Q.r, P.r.right())) {
                            const double lo = std::min(xp, xq), hi = std::max(xp, xq) + w;
                            const double yb = rowBottom[P.row] + kClearPt + 1;
                            add({{xp, P.r.bottom() - 1, w, yb + w - P.r.bottom() + 1},
                                 {lo, yb, hi - lo, w},
                                 {xq, Q.r.bottom() - 1, w, yb + w - Q.r.bottom() + 1}});
                            const double yt = rowTop[P.row] - kClearPt - 1 - w;
                            add({{xp, yt, w, P.r.y - yt + 1}, {lo, yt, hi - lo, w}, {xq, yt, w, Q.r.y - yt + 1}});
                        }
                }
            }
        std::stable_sort(cands.begin(), cands.end(), [](const Corridor& x, const Corridor& y) { return x.cost < y.cost; });
        std::vector<int> parent(pieces.size());
        std::iota(parent.begin(), parent.end(), 0);
        auto find = [&](int x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        std::vector<Rect> rects;
        for (auto& p : pieces) rects.push_back(p.r);
        for (auto& cd : cands) {
            int a = find(cd.a), b = find(cd.b);
            if (a == b) continue;
            parent[a] = b;
            for (auto& r : cd.rects)
                if (r.w >= 0.5 && r.h >= 0.5) rects.push_back(r);
        }

        // Close narrow notches between parts (two corridors side by side, a corridor beside a
        // cell) where no one else is, so the outline reads as one shape, not a comb.
        for (int pass = 0; pass < 2; ++pass) {
            const std::size_t n = rects.size();
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j) {
                    if (i == j) continue;
                    const Rect a = rects[i];   // copies: push_back below may move the vector
                    const Rect b = rects[j];
                    const double y0 = std::max(a.y, b.y), y1 = std::min(a.bottom(), b.bottom());
                    const double gx = b.x - a.right();
                    if (y1 - y0 > 1 && gx > 0.01 && gx <= 40) {
                        Rect fill{a.right() - 0.5, y0, gx + 1, y1 - y0};
                        if (free(fill)) rects.push_back(fill);
                    }
                    const double x0 = std::max(a.x, b.x), x1 = std::min(a.right(), b.right());
                    const double gy = b.y - a.bottom();
                    if (x1 - x0 > 1 && gy > 0.01 && gy <= 40) {
                        Rect fill{x0, a.bottom() - 0.5, x1 - x0, gy + 1};
                        if (free(fill)) rects.push_back(fill);
                    }
                }
        }

        // Nested households step outwards; the margin never reaches anyone else's cell.
        int nest = 0;
        for (auto& d : drawnRects) {
            bool touch = false;
            for (auto& a : d)
                for (auto& b : rects) touch = touch || a.inflated(kMarginPt).intersects(b.inflated(kMarginPt));
            nest += touch;
        }
        drawnRects.push_back(rects);
        const double margin = kMarginPt + kNestStepPt * nest;
        std::vector<Rect> grown;
        for (auto r : rects) {
            Rect g = r.inflated(margin);
            for (std::size_t i = 0; i < l.people.size(); ++i) {
                if (members.count(int(i))) continue;
                const Rect o = cells[i].inflated(1);
                if (!o.intersects(g)) continue;
                // Pull back the side that reaches them.
                if (o.x >= r.right() - 0.01) g.w = std::max(r.right(), o.x) - g.x;
                else if (o.right() <= r.x + 0.01) { double right = g.right(); g.x = std::min(r.x, o.right()); g.w = right - g.x; }
                else if (o.y >= r.bottom() - 0.01) g.h = std::max(r.bottom(), o.y) - g.y;
                else if (o.bottom() <= r.y + 0.01) { double bottom = g.bottom(); g.y = std::min(r.y, o.bottom()); g.h = bottom - g.y; }
            }
            grown.push_back(g);
        }
        HouseholdShape hs;
        hs.id = h.id;
        hs.label = h.label;
        for (int m : members) hs.members.push_back(l.people[m].id);
        hs.loops = outlineOf(grown);
        if (!h.label.empty()) {
            hs.labelBox = labelSpot(h.label, hs, l, labelBoxes);
            if (hs.labelBox.w > 0) labelBoxes.push_back(hs.labelBox);
        }
        l.households.push_back(std::move(hs));
    }
}

}  // namespace genochron::genogram
