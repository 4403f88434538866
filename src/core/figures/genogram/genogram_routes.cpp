// Relation routes, drawn the way a genogram is drawn by hand: a straight line where the
// two people are near and nothing is in the way, otherwise a line that leaves one symbol
// upwards or downwards, runs along a channel between the rows (rounded corners) and drops
// into the other symbol. Every relation between the same two people shares one route,
// drawn as parallel lanes (a bundle) whose ends are spread along the symbols' edges, so
// five kinds of abuse between a couple read as five distinct arrows, not one tangle.
//
// Candidates (straight with lanes shifted off the partnership line; channel routes at
// every free height between, above and below the rows, leaving each symbol at its centre
// or to one side; L-shapes between rows) are scored by what they cross: other people's
// symbols worst, then family lines (the quality measure `relationCrossings`), labels and
// years, relation lines routed before, lines they would run alongside, then length and
// bends. Short pairs are routed first, so they get the direct lines.
#include "core/figures/genogram/genogram_geometry.hpp"
#include "core/figures/genogram/genogram_routes.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace genochron::genogram {

namespace {

constexpr double kLanePt = 4.2;      // between the lines of one bundle
constexpr double kCornerPt = 12;     // radius of a channel route's corners
constexpr double kTrackPt = 6;       // between candidate channel heights

struct Segment {
    Point a, b;
};

// Inside the drawn symbol (square, circle or diamond), grown by `grow` points.
bool insideSymbol(const PersonBox& p, Point q, double grow) {
    Point c = p.centre();
    double hw = p.box.w / 2 + grow, hh = p.box.h / 2 + grow;
    double dx = std::abs(q.x - c.x) / hw, dy = std::abs(q.y - c.y) / hh;
    if (p.pregnancy || p.sex == Sex::Male) return dx <= 1 && dy <= 1;
    if (p.sex == Sex::Female) return dx * dx + dy * dy <= 1;
    return dx + dy <= 1;
}

// The stretch of a polyline (starting inside A, ending inside B) outside both symbols;
// the ends found by bisection on the segment that leaves (enters) the symbol.
std::vector<Point> clipToSymbols(const std::vector<Point>& pts, const PersonBox& a, double growA, const PersonBox& b,
                                 double growB) {
    const std::size_t n = pts.size();
    if (n < 2) return {};
    auto inA = [&](Point q) { return insideSymbol(a, q, growA); };
    auto inB = [&](Point q) { return insideSymbol(b, q, growB); };
    if (!inA(pts.front()) || !inB(pts.back())) return {};   // a lane that misses a symbol
    std::size_t i0 = 0, i1 = n - 1;
    while (i0 + 1 < n && inA(pts[i0 + 1])) ++i0;
    while (i1 > 0 && inB(pts[i1 - 1])) --i1;
    if (i0 + 1 > i1 || i0 + 1 >= n) return {};
    // The path must not re-enter A after leaving it, nor touch B before its end.
    for (std::size_t i = i0 + 1; i < i1; ++i)
        if (inA(pts[i]) || inB(pts[i])) return {};
    auto edge = [](Point in, Point out, auto&& inside) {
        for (int k = 0; k < 30; ++k) {
            Point m{(in.x + out.x) / 2, (in.y + out.y) / 2};
            (inside(m) ? in : out) = m;
        }
        return out;
    };
    std::vector<Point> out;
    out.push_back(edge(pts[i0], pts[i0 + 1], inA));
    for (std::size_t i = i0 + 1; i < i1; ++i) out.push_back(pts[i]);
    out.push_back(edge(pts[i1], pts[i1 - 1], inB));
    if (std::hypot(out.back().x - out.front().x, out.back().y - out.front().y) < 4) return {};
    return out;
}

std::vector<Point> offsetLine(const std::vector<Point>& pts, double d) {
    if (d == 0) return pts;
    std::vector<Point> out;
    const std::size_t n = pts.size();
    for (std::size_t i = 0; i < n; ++i) {
        Point a = pts[i == 0 ? 0 : i - 1], b = pts[i + 1 < n ? i + 1 : n - 1];
        double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
        out.push_back(len < 1e-9 ? pts[i] : Point{pts[i].x + dy / len * d, pts[i].y - dx / len * d});
    }
    return out;
}

// A corner polyline with each corner replaced by a sampled quadratic curve.
std::vector<Point> rounded(const std::vector<Point>& c) {
    if (c.size() < 3) return c;
    std::vector<Point> out{c.front()};
    for (std::size_t i = 1; i + 1 < c.size(); ++i) {
        Point p = c[i - 1], q = c[i], r = c[i + 1];
        double l1 = std::hypot(q.x - p.x, q.y - p.y), l2 = std::hypot(r.x - q.x, r.y - q.y);
        double rad = std::min({kCornerPt, l1 / 2, l2 / 2});
        if (rad < 0.5) {
            out.push_back(q);
            continue;
        }
        Point s{q.x + (p.x - q.x) / l1 * rad, q.y + (p.y - q.y) / l1 * rad};
        Point e{q.x + (r.x - q.x) / l2 * rad, q.y + (r.y - q.y) / l2 * rad};
        constexpr int kSteps = 6;
        for (int k = 0; k <= kSteps; ++k) {
            double t = double(k) / kSteps, u = 1 - t;
            out.push_back({u * u * s.x + 2 * u * t * q.x + t * t * e.x, u * u * s.y + 2 * u * t * q.y + t * t * e.y});
        }
    }
    out.push_back(c.back());
    return out;
}

double lengthOf(const std::vector<Point>& p) {
    double l = 0;
    for (std::size_t i = 0; i + 1 < p.size(); ++i) l += std::hypot(p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);
    return l;
}

// How far the segment p-q runs alongside s (nearly parallel, within `gap` points).
double alongside(Point p, Point q, const Segment& s, double gap) {
    double len = std::hypot(q.x - p.x, q.y - p.y);
    double sl = std::hypot(s.b.x - s.a.x, s.b.y - s.a.y);
    if (len < 0.5 || sl < 0.5) return 0;
    Point u{(q.x - p.x) / len, (q.y - p.y) / len};
    if (std::abs(u.x * (s.b.y - s.a.y) - u.y * (s.b.x - s.a.x)) / sl > 0.2) return 0;   // not parallel
    auto dist = [&](Point r) { return std::abs(u.x * (r.y - p.y) - u.y * (r.x - p.x)); };
    if (dist(s.a) > gap || dist(s.b) > gap) return 0;
    double t0 = u.x * (s.a.x - p.x) + u.y * (s.a.y - p.y), t1 = u.x * (s.b.x - p.x) + u.y * (s.b.y - p.y);
    if (t0 > t1) std::swap(t0, t1);
    return std::max(0.0, std::min(len, t1) - std::max(0.0, t0));
}

// A uniform grid of item indices by the cells their rectangles overlap: a route is
// scored against what lies along it, not against the whole family.
class Grid {
public:
    Grid(const Rect& world, double cell) : m_x0(world.x), m_y0(world.y), m_cell(cell) {
        m_nx = std::max(1, int(std::ceil(world.w / cell)) + 1);
        m_ny = std::max(1, int(std::ceil(world.h / cell)) + 1);
        m_cells.resize(std::size_t(m_nx) * std::size_t(m_ny));
    }
    void insert(const Rect& r, int idx) {
        forCells(r, [&](std::vector<int>& c) { c.push_back(idx); });
    }
    // Calls f(idx) for every item in the cells `r` overlaps (an item may come more than once).
    template <class F> void visit(const Rect& r, F&& f) const {
        int x0, x1, y0, y1;
        range(r, x0, x1, y0, y1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                for (int idx : m_cells[std::size_t(y) * std::size_t(m_nx) + std::size_t(x)]) f(idx);
    }

private:
    void range(const Rect& r, int& x0, int& x1, int& y0, int& y1) const {
        auto cx = [&](double v) { return std::clamp(int(std::floor((v - m_x0) / m_cell)), 0, m_nx - 1); };
        auto cy = [&](double v) { return std::clamp(int(std::floor((v - m_y0) / m_cell)), 0, m_ny - 1); };
        x0 = cx(r.x);
        x1 = cx(r.right());
        y0 = cy(r.y);
        y1 = cy(r.bottom());
    }
    template <class F> void forCells(const Rect& r, F&& f) {
        int x0, x1, y0, y1;
        range(r, x0, x1, y0, y1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) f(m_cells[std::size_t(y) * std::size_t(m_nx) + std::size_t(x)]);
    }
    double m_x0, m_y0, m_cell;
    int m_nx = 1, m_ny = 1;
    std::vector<std::vector<int>> m_cells;
};

Rect segmentBox(Point a, Point b) {
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x), std::abs(b.y - a.y)};
}

constexpr double kCellPt = 48;
constexpr double kReachPt = 7;
constexpr double kLengthCost = 0.08;   // per point of route: a long detour costs about what a crossing does   // how near a line must come to count (alongside a family line: 6.5 pt)

struct Scorer {
    const Layout& l;
    std::vector<Segment> family;      // drawn family lines
    std::vector<Segment> partners;    // partnership lines (a relation must not run along one)
    std::vector<Segment> relations;   // routes chosen so far
    std::vector<Rect> notes;          // labels: names, years, partnership labels; slashes
    Grid familyGrid, partnerGrid, relationGrid, noteGrid, peopleGrid;
    mutable std::vector<int> seenFamily, seenPartner, seenRelation, seenNote, seenPerson;
    mutable int stamp = 0;

    static Rect world(const Layout& lay) {
        Rect w = lay.bbox.w > 0 ? lay.bbox : Rect{0, 0, 1, 1};
        for (auto& p : lay.people) w = w.united(p.box);
        return w.inflated(400);   // channel routes run beyond the rows
    }

    explicit Scorer(const Layout& lay)
        : l(lay), familyGrid(world(lay), kCellPt), partnerGrid(world(lay), kCellPt), relationGrid(world(lay), kCellPt),
          noteGrid(world(lay), kCellPt), peopleGrid(world(lay), kCellPt) {
        for (auto& ln : l.lines)
            for (std::size_t i = 0; i + 1 < ln.points.size(); ++i)
                if (!geom::samePoint(ln.points[i], ln.points[i + 1])) {
                    familyGrid.insert(segmentBox(ln.points[i], ln.points[i + 1]), int(family.size()));
                    family.push_back({ln.points[i], ln.points[i + 1]});
                    if (ln.kind == LineKind::Partnership) {
                        partnerGrid.insert(segmentBox(ln.points[i], ln.points[i + 1]).inflated(6), int(partners.size()));
                        partners.push_back({ln.points[i], ln.points[i + 1]});
                    }
                }
        auto note = [&](const Rect& r) {
            if (r.w <= 0 || r.h <= 0) return;
            noteGrid.insert(r, int(notes.size()));
            notes.push_back(r);
        };
        for (auto& u : l.unions) {
            note(u.labelBox);
            if (u.slashes) {
                const double half = 3.5 + 2.5 * (u.slashes - 1) + 1.5;
                note({u.markAt.x - half, u.markAt.y - 7.5, 2 * half, 15});
            }
        }
        for (std::size_t k = 0; k < l.people.size(); ++k) {
            const auto& p = l.people[k];
            note(p.nameSlot);
            note(p.bornBox);
            note(p.diedBox);
            peopleGrid.insert(p.box.inflated(3), int(k));
        }
        seenFamily.assign(family.size(), 0);
        seenPartner.assign(partners.size(), 0);
        seenNote.assign(notes.size(), 0);
        seenPerson.assign(l.people.size(), 0);
    }

    void addRelation(Point a, Point b) {
        relationGrid.insert(segmentBox(a, b), int(relations.size()));
        relations.push_back({a, b});
        seenRelation.push_back(0);
    }

    // Stops counting once past `limit` (the candidate has lost already).
    double cost(const std::vector<Point>& pts, int pa, int pb, double limit) const {
        ++stamp;
        double c = 0;
        auto hits = [&](const Rect& r) {
            for (std::size_t i = 0; i + 1 < pts.size(); ++i)
                if (geom::segmentHitsRect(pts[i], pts[i + 1], r)) return true;
            return false;
        };
        for (std::size_t i = 0; i + 1 < pts.size() && c <= limit; ++i) {
            const Rect sb = segmentBox(pts[i], pts[i + 1]).inflated(kReachPt);
            peopleGrid.visit(sb, [&](int k) {
                if (seenPerson[k] == stamp || c > limit) return;
                seenPerson[k] = stamp;
                if (k != pa && k != pb && hits(l.people[k].box.inflated(3))) c += 200;
            });
            // Every label: a name, years or a partnership's years struck through is misread.
            noteGrid.visit(sb, [&](int k) {
                if (seenNote[k] == stamp || c > limit) return;
                seenNote[k] = stamp;
                if (hits(notes[k].inflated(0.5))) c += 60;
            });
            familyGrid.visit(sb, [&](int k) {
                if (seenFamily[k] == stamp || c > limit) return;
                seenFamily[k] = stamp;
                const Segment& s = family[k];
                c += 30 * geom::relationCrossings(pts, s.a, s.b);
                for (std::size_t j = 0; j + 1 < pts.size(); ++j) c += 0.6 * alongside(pts[j], pts[j + 1], s, 6.5);
            });
            // Close along a partnership line hides it (and its dashes, dots and slashes).
            partnerGrid.visit(sb, [&](int k) {
                if (seenPartner[k] == stamp || c > limit) return;
                seenPartner[k] = stamp;
                for (std::size_t j = 0; j + 1 < pts.size(); ++j) c += 3.0 * alongside(pts[j], pts[j + 1], partners[k], 5.2);
            });
            relationGrid.visit(sb, [&](int k) {
                if (seenRelation[k] == stamp || c > limit) return;
                seenRelation[k] = stamp;
                const Segment& s = relations[k];
                for (std::size_t j = 0; j + 1 < pts.size(); ++j) {
                    auto m = geom::meet(pts[j], pts[j + 1], s.a, s.b);
                    if (m == geom::Meet::Cross) c += 6;
                    c += 0.8 * alongside(pts[j], pts[j + 1], s, 3.5);
                }
            });
        }
        return c;
    }
};

struct Row {
    double top = 1e18, bottom = -1e18;   // symbols
};

}  // namespace

void routeRelations(const Case& c, Layout& l) {
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < l.people.size(); ++i) index[l.people[i].id] = int(i);
    struct Bundle {
        int pa, pb;                  // the pair's own frame: lower index first
        std::vector<int> relations;
    };
    std::vector<Bundle> bundles;
    std::map<std::pair<int, int>, std::size_t> bundleOf;
    for (std::size_t ri = 0; ri < c.relations.size(); ++ri) {
        const auto& r = c.relations[ri];
        auto fi = index.find(r.from), ti = index.find(r.to);
        if (fi == index.end() || ti == index.end() || fi->second == ti->second) continue;
        std::pair<int, int> key{std::min(fi->second, ti->second), std::max(fi->second, ti->second)};
        auto [it, fresh] = bundleOf.try_emplace(key, bundles.size());
        if (fresh) bundles.push_back({key.first, key.second, {}});
        bundles[it->second].relations.push_back(int(ri));
    }
    if (bundles.empty()) return;
    auto grow = [&](const PersonBox& p) {
        const Person* person = c.person(p.id);
        return person && person->index ? 5.5 : 2.0;   // outside the index person's double outline
    };

    // Rows of symbols, and the heights a channel route may run at: between one row's
    // labels and the next row's years, above the top row and below the bottom one.
    std::map<int, Row> rows;
    for (auto& p : l.people) {
        Row& r = rows[p.generation];
        r.top = std::min(r.top, p.box.y);
        r.bottom = std::max(r.bottom, p.box.bottom());
    }
    std::vector<double> tracks;
    {
        std::vector<Row> rs;
        for (auto& [g, r] : rows) rs.push_back(r);
        std::sort(rs.begin(), rs.end(), [](const Row& x, const Row& y) { return x.top < y.top; });
        for (int k = 0; k < 4; ++k) tracks.push_back(rs.front().top - kYearSlotHPt - 6 - k * kTrackPt);
        for (std::size_t i = 0; i + 1 < rs.size(); ++i) {
            double lo = rs[i].bottom + kLabelSlotHPt + 3, hi = rs[i + 1].top - kYearSlotHPt - 5;
            for (double y = lo; y <= hi; y += kTrackPt) tracks.push_back(y);
            // Rows packed closer than their labels: still try just below the symbols' row.
            if (lo > hi) tracks.push_back((rs[i].bottom + rs[i + 1].top) / 2);
        }
        for (int k = 0; k < 4; ++k) tracks.push_back(rs.back().bottom + kLabelSlotHPt + 6 + k * kTrackPt);
    }

    // Short pairs first: they get the direct lines.
    std::vector<std::size_t> order(bundles.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto dist = [&](const Bundle& b) {
        Point p = l.people[b.pa].centre(), q = l.people[b.pb].centre();
        return std::hypot(p.x - q.x, p.y - q.y);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return dist(bundles[x]) < dist(bundles[y]); });

    Scorer scorer(l);
    std::vector<Line> routed;
    for (std::size_t bi : order) {
        const Bundle& bd = bundles[bi];
        const PersonBox& A = l.people[bd.pa];
        const PersonBox& B = l.people[bd.pb];
        const double gA = grow(A), gB = grow(B);
        Point a = A.centre(), b = B.centre();
        if (std::hypot(b.x - a.x, b.y - a.y) < 1) continue;
        const int lanes = int(bd.relations.size());
        // Lanes closer together in a big bundle, so a straight one still fits beside a
        // partnership line within the symbols' height.
        const double lanePt = lanes > 1 ? std::clamp(15.5 / (lanes - 1), 3.4, kLanePt) : kLanePt;
        const double half = (lanes - 1) * lanePt / 2;

        double bestCost = 1e18;
        std::vector<std::vector<Point>> best;
        std::vector<double> bestHead;   // per lane: arrowhead half-width (0 = usual)
        // Lanes of one candidate path: offsets `shift + k*lane - half`, each clipped to the symbols.
        auto consider = [&](const std::vector<Point>& corners, double shift, double extra) {
            std::vector<Point> path = rounded(corners);
            std::vector<std::vector<Point>> ls;
            double cost = extra + kLengthCost * lengthOf(path) + 4.0 * double(corners.size() - 2) + 0.3 * std::abs(shift);
            if (cost >= bestCost) return;
            for (int k = 0; k < lanes; ++k) {
                auto lane = clipToSymbols(offsetLine(path, shift + k * lanePt - half), A, gA, B, gB);
                if (lane.size() < 2) return;
                cost += scorer.cost(lane, bd.pa, bd.pb, bestCost - cost);
                if (cost >= bestCost) return;
                ls.push_back(std::move(lane));
            }
            // Lanes of one bundle must not cross one another (a lane on a tight corner can).
            if (cost < bestCost) {
                bestCost = cost;
                best = std::move(ls);
                bestHead.assign(lanes, 0.0);
            }
        };
        // Lanes each on a path of their own (a fan), from A to B.
        auto considerLanes = [&](const std::vector<std::vector<Point>>& paths, const std::vector<double>& heads,
                                 double extra) {
            double cost = extra;
            for (auto& p : paths) cost += kLengthCost * lengthOf(p) / lanes;
            if (cost >= bestCost) return;
            std::vector<std::vector<Point>> ls;
            for (int k = 0; k < lanes; ++k) {
                auto lane = clipToSymbols(paths[k], A, gA, B, gB);
                if (lane.size() < 2) return;
                cost += scorer.cost(lane, bd.pa, bd.pb, bestCost - cost);
                if (cost >= bestCost) return;
                ls.push_back(std::move(lane));
            }
            bestCost = cost;
            best = std::move(ls);
            bestHead = heads;
        };
        // Partners side by side: the bundle fans out above their line (or below it, when no
        // descent comes down from it), each lane leaving and arriving at its own height on the
        // facing sides, clear of the line and its slashes, and spread wider in the gap.
        const Line* couple = nullptr;
        for (auto& ln : l.lines)
            if (ln.kind == LineKind::Partnership && !ln.overTop && ln.points.size() == 2 &&
                std::abs(ln.points[0].y - ln.points[1].y) < 0.5 &&
                ((ln.from == A.id && ln.to == B.id) || (ln.from == B.id && ln.to == A.id)))
                couple = &ln;
        if (couple) {
            bool descent = false;
            for (auto& ln : l.lines)
                if (ln.kind == LineKind::Descent && ln.ref == couple->ref) descent = true;
            const bool aLeft = a.x < b.x;
            const PersonBox& L = aLeft ? A : B;
            const PersonBox& R = aLeft ? B : A;
            const double gL = aLeft ? gA : gB, gR = aLeft ? gB : gA;
            const double y0 = couple->points[0].y;
            const double g0 = L.box.right() + gL, g1 = R.box.x - gR, G = g1 - g0;
            // The highest a lane may meet a symbol's side: under the years over its top.
            auto bandTop = [&](const PersonBox& p, double g) { return p.box.h / 2 + (g > 3 ? 3.5 : 0) - 1.5; };
            const double topL = bandTop(L, gL), topR = bandTop(R, gR);
            for (int sgn : {-1, 1}) {
                if (sgn > 0 && descent) continue;
                for (double e0 : {5.5, 8.0})
                    for (bool bulge : {true, false}) {
                        if (lanes > 1 && e0 + 3.4 * (lanes - 1) > std::min(topL, topR) + 0.01 && e0 > 5.5) continue;
                        const double sL = lanes > 1 ? std::min(4.5, (topL - e0) / (lanes - 1)) : 0;
                        const double sR = lanes > 1 ? std::min(4.5, (topR - e0) / (lanes - 1)) : 0;
                        if (lanes > 1 && (sL < 2.2 || sR < 2.2)) continue;
                        const double m0 = std::max(e0, 9.0), sM = bulge && lanes >= 2 ? 6.0 : std::max(sL, sR);
                        const double rise = std::min(0.38 * G, 30.0);
                        std::vector<std::vector<Point>> paths;
                        std::vector<double> heads;
                        for (int k = 0; k < lanes; ++k) {
                            const double hL = e0 + k * sL, hR = e0 + k * sR, hM = bulge ? m0 + k * sM : std::max(hL, hR);
                            auto yAt = [&](double h) { return y0 + sgn * h; };
                            std::vector<Point> p{{L.centre().x, yAt(hL)}, {g0 - 0.5, yAt(hL)}};
                            constexpr int kSteps = 8;
                            for (int i = 1; i <= kSteps; ++i) {
                                double t = double(i) / kSteps, sm = t * t * (3 - 2 * t);
                                p.push_back({g0 + rise * t, yAt(hL + (hM - hL) * sm)});
                            }
                            for (int i = 0; i < kSteps; ++i) {
                                double t = double(i) / kSteps, sm = t * t * (3 - 2 * t);
                                p.push_back({g1 - rise + rise * t, yAt(hM + (hR - hM) * sm)});
                            }
                            p.push_back({g1 + 0.5, yAt(hR)});
                            p.push_back({R.centre().x, yAt(hR)});
                            if (!aLeft) std::reverse(p.begin(), p.end());
                            paths.push_back(std::move(p));
                            // Arrowheads as wide as the lanes arriving beside them allow.
                            const int ri = bd.relations[k];
                            const bool toRight = c.relations[ri].to == R.id;
                            const double spacing = lanes > 1 ? (toRight ? sR : sL) : 6;
                            heads.push_back(spacing >= 5.5 ? 0.0 : std::clamp(spacing * 0.55, 1.6, 3.0));
                        }
                        considerLanes(paths, heads, bulge ? 0 : 2);
                    }
            }
        }
        // Straight, with the bundle shifted to either side (off a partnership line).
        const double maxShift = std::max(0.0, std::min(A.box.h, B.box.h) / 2 + 0.5 - half);
        for (double s = 0;; s += lanePt / 2) {
            s = std::min(s, maxShift);
            consider({a, b}, s, 0);
            if (s > 0) consider({a, b}, -s, 0);
            if (s >= maxShift) break;
        }
        // Channel routes: up or down out of A, along a track, into B; leaving at the centre
        // or to either side of it. Downwards, a route may also leave from the symbol's side
        // and turn down beside the name rather than through it.
        const double lo = std::min(A.box.y, B.box.y) - 130, hi = std::max(A.box.bottom(), B.box.bottom()) + 130;
        struct Exit {
            double dx;   // vertical leg at centre + dx
            int side;    // 0: out of the top or bottom; -1 / +1: out of that side, then down
        };
        static const Exit kExits[] = {{-9, 0}, {9, 0}, {0, -1}, {0, 1}};   // (the centre: a child line comes in there)
        constexpr double kBesideLabelPt = kLabelSlotWPt / 2 + 4;
        // Upwards from a side, the leg passes beside the years over the symbol.
        constexpr double kBesideYearsPt = 31;
        auto leg = [&](Point c, const PersonBox& p, const Exit& e, double y) -> std::vector<Point> {
            if (e.side == 0) return {{c.x + e.dx, c.y}, {c.x + e.dx, y}};
            const bool up = y < c.y;
            const double sy = c.y + (up ? -1 : 1) * std::min(10.0, p.box.h / 2 - 3);
            const double sx = c.x + e.side * (up ? kBesideYearsPt : kBesideLabelPt);
            return {{c.x, sy}, {sx, sy}, {sx, y}};
        };
        for (double y : tracks) {
            if (y < lo || y > hi) continue;
            for (const Exit& ea : kExits)
                for (const Exit& eb : kExits) {
                    auto first = leg(a, A, ea, y), last = leg(b, B, eb, y);
                    if (std::abs(last.back().x - first.back().x) < 2 * kCornerPt) continue;
                    std::vector<Point> corners = first;
                    corners.insert(corners.end(), last.rbegin(), last.rend());
                    consider(corners, 0, 0);
                }
        }
        // L-shapes between rows: across from one symbol's side, then up or down into the other.
        if (std::abs(a.y - b.y) > 1)
            for (int flip = 0; flip < 2; ++flip) {
                Point p = flip ? b : a, q = flip ? a : b;
                for (double ey : {-8.0, 0.0, 8.0})
                    for (double eq : {0.0, -9.0, 9.0}) {
                        std::vector<Point> cs{{p.x, p.y + ey}, {q.x + eq, p.y + ey}, {q.x + eq, q.y}};
                        if (flip) std::reverse(cs.begin(), cs.end());
                        consider(cs, 0, 0);
                    }
            }
        if (best.empty()) continue;
        for (int k = 0; k < lanes; ++k) {
            int ri = bd.relations[k];
            auto lane = std::move(best[k]);
            for (std::size_t i = 0; i + 1 < lane.size(); ++i) scorer.addRelation(lane[i], lane[i + 1]);
            const auto& r = c.relations[ri];
            if (r.from != A.id) std::reverse(lane.begin(), lane.end());   // from `from` to `to`
            Line line;
            line.kind = LineKind::Relation;
            line.from = r.from;
            line.to = r.to;
            line.ref = ri;
            line.points = std::move(lane);
            line.headPt = k < int(bestHead.size()) ? bestHead[k] : 0;
            routed.push_back(std::move(line));
        }
    }
    std::sort(routed.begin(), routed.end(), [](const Line& x, const Line& y) { return x.ref < y.ref; });
    for (auto& ln : routed) l.lines.push_back(std::move(ln));
}

}  // namespace genochron::genogram
