// Relation routes. Every relation between the same two people shares one route, drawn
// as parallel lanes (a bundle), so five kinds of abuse between a couple read as one
// ribbon rather than five tangled curves. A route is a gentle curve (a quadratic
// Bezier, sampled) from one symbol's edge to the other's; candidate bows on either side
// are scored by what they would cover (symbols worst, then labels and years) and what
// they cross.
#include "core/genogram_geometry.hpp"
#include "core/genogram_routes.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace genochron::genogram {

namespace {

constexpr int kSamples = 32;
constexpr double kBowStepPt = 8;
constexpr int kBowSteps = 18;
constexpr double kLanePt = 5;   // between the lines of one bundle

Point bezier(Point a, Point c, Point b, double t) {
    double u = 1 - t;
    return {u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y};
}

// Inside the drawn symbol (square, circle or diamond), grown by `grow` points.
bool insideSymbol(const PersonBox& p, Point q, double grow) {
    Point c = p.centre();
    double hw = p.box.w / 2 + grow, hh = p.box.h / 2 + grow;
    double dx = std::abs(q.x - c.x) / hw, dy = std::abs(q.y - c.y) / hh;
    if (p.pregnancy || p.sex == Sex::Male) return dx <= 1 && dy <= 1;
    if (p.sex == Sex::Female) return dx * dx + dy * dy <= 1;
    return dx + dy <= 1;
}

// The stretch of a centre-to-centre polyline outside both symbols (ends found by bisection).
std::vector<Point> clipToSymbols(const std::vector<Point>& pts, const PersonBox& a, double growA, const PersonBox& b,
                                 double growB) {
    const std::size_t n = pts.size();
    auto inA = [&](Point q) { return insideSymbol(a, q, growA); };
    auto inB = [&](Point q) { return insideSymbol(b, q, growB); };
    std::size_t i0 = 0, i1 = n - 1;
    while (i0 + 1 < n && inA(pts[i0 + 1])) ++i0;
    while (i1 > 0 && inB(pts[i1 - 1])) --i1;
    if (i0 + 1 >= i1) return {};
    auto edge = [](Point in, Point out, auto&& inside) {
        for (int k = 0; k < 30; ++k) {
            Point m{(in.x + out.x) / 2, (in.y + out.y) / 2};
            (inside(m) ? in : out) = m;
        }
        return out;
    };
    std::vector<Point> out;
    out.push_back(inA(pts[i0]) ? edge(pts[i0], pts[i0 + 1], inA) : pts[i0]);
    for (std::size_t i = i0 + 1; i < i1; ++i) out.push_back(pts[i]);
    out.push_back(inB(pts[i1]) ? edge(pts[i1], pts[i1 - 1], inB) : pts[i1]);
    return out;
}

std::vector<Point> offsetLine(const std::vector<Point>& pts, double d) {
    std::vector<Point> out;
    const std::size_t n = pts.size();
    for (std::size_t i = 0; i < n; ++i) {
        Point a = pts[i == 0 ? 0 : i - 1], b = pts[i + 1 < n ? i + 1 : n - 1];
        double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
        out.push_back(len < 1e-9 ? pts[i] : Point{pts[i].x + dy / len * d, pts[i].y - dx / len * d});
    }
    return out;
}

struct Segment {
    Point a, b;
};

struct Scorer {
    const Layout& l;
    std::vector<Segment> family;      // drawn family lines
    std::vector<Segment> relations;   // routes chosen so far
    std::vector<Rect> notes;          // partnership labels ("m. 2016") above straight partnership lines

    Scorer(const Layout& lay, const std::set<std::pair<std::string, std::string>>& relatedPairs) : l(lay) {
        for (auto& ln : l.lines) {
            for (std::size_t i = 0; i + 1 < ln.points.size(); ++i) family.push_back({ln.points[i], ln.points[i + 1]});
            // A couple with relations between them has its label below the line (see the view).
            if (ln.kind == LineKind::Partnership && !ln.overTop && ln.points.size() == 2 &&
                !relatedPairs.count(std::minmax(ln.from, ln.to))) {
                double mx = (ln.points[0].x + ln.points[1].x) / 2, y = ln.points[0].y;
                notes.push_back({mx - 22, y - 25, 44, 19});
            }
        }
    }

    double cost(const std::vector<Point>& pts, int pa, int pb) const {
        Rect bb{pts.front().x, pts.front().y, 0, 0};
        for (auto& p : pts) bb = bb.united({p.x, p.y, 0.01, 0.01});
        double c = 0;
        auto hits = [&](const Rect& r) {
            for (std::size_t i = 0; i + 1 < pts.size(); ++i)
                if (geom::segmentHitsRect(pts[i], pts[i + 1], r)) return true;
            return false;
        };
        for (std::size_t k = 0; k < l.people.size(); ++k) {
            const auto& p = l.people[k];
            Point ctr = p.centre();
            Rect sym = p.box.inflated(3);
            Rect label{ctr.x - kLabelSlotWPt / 2 + 6, p.box.bottom() + 2, kLabelSlotWPt - 12, kLabelSlotHPt - 6};
            Rect years{ctr.x - 26, p.box.y - kYearSlotHPt, 52, kYearSlotHPt - 1};
            if (!sym.united(label).united(years).intersects(bb.inflated(1))) continue;
            if (int(k) != pa && int(k) != pb && hits(sym)) c += 100;
            if (hits(label)) c += 12;
            if (hits(years)) c += 4;
        }
        for (auto& r : notes)
            if (r.intersects(bb) && hits(r)) c += 12;
        auto crossings = [&](const std::vector<Segment>& segs) {
            int n = 0;
            for (auto& s : segs) {
                if (std::max(s.a.x, s.b.x) < bb.x || std::min(s.a.x, s.b.x) > bb.right() ||
                    std::max(s.a.y, s.b.y) < bb.y || std::min(s.a.y, s.b.y) > bb.bottom())
                    continue;
                for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
                    auto m = geom::meet(pts[i], pts[i + 1], s.a, s.b);
                    if (m == geom::Meet::Cross || m == geom::Meet::Overlap) ++n;
                }
            }
            return n;
        };
        c += 3 * crossings(family) + 2 * crossings(relations);
        return c;
    }
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
    std::set<std::pair<std::string, std::string>> related;
    for (std::size_t ri = 0; ri < c.relations.size(); ++ri) {
        const auto& r = c.relations[ri];
        auto fi = index.find(r.from), ti = index.find(r.to);
        if (fi == index.end() || ti == index.end() || fi->second == ti->second) continue;
        std::pair<int, int> key{std::min(fi->second, ti->second), std::max(fi->second, ti->second)};
        auto [it, fresh] = bundleOf.try_emplace(key, bundles.size());
        if (fresh) bundles.push_back({key.first, key.second, {}});
        bundles[it->second].relations.push_back(int(ri));
        related.insert(std::minmax(r.from, r.to));
    }
    auto grow = [&](const PersonBox& p) {
        const Person* person = c.person(p.id);
        return person && person->index ? 5.5 : 2.0;   // outside the index person's double outline
    };
    Scorer scorer(l, related);
    std::vector<Line> routed;
    for (const auto& bd : bundles) {
        const PersonBox& A = l.people[bd.pa];
        const PersonBox& B = l.people[bd.pb];
        Point a = A.centre(), b = B.centre();
        double len = std::hypot(b.x - a.x, b.y - a.y);
        if (len < 1) continue;
        Point n{-(b.y - a.y) / len, (b.x - a.x) / len};
        const int lanes = int(bd.relations.size());
        const double half = (lanes - 1) * kLanePt / 2;
        double bestCost = 1e18;
        std::vector<Point> best;
        for (int k = 1; k <= kBowSteps; ++k)
            for (int sign : {1, -1}) {
                double bow = sign * (k * kBowStepPt + half);
                // The curve's apex sits `bow` from the chord: the control point twice that.
                Point ctl{(a.x + b.x) / 2 + n.x * 2 * bow, (a.y + b.y) / 2 + n.y * 2 * bow};
                std::vector<Point> full;
                for (int s = 0; s <= kSamples; ++s) full.push_back(bezier(a, ctl, b, double(s) / kSamples));
                double cost = std::abs(bow) * 0.3;
                bool ok = true;
                for (double off : {0.0, -half, half}) {
                    if (off != 0 && half == 0) continue;
                    auto lane = clipToSymbols(off == 0 ? full : offsetLine(full, off), A, grow(A), B, grow(B));
                    if (lane.size() < 2) { ok = false; break; }
                    cost += scorer.cost(lane, bd.pa, bd.pb);
                }
                if (ok && cost < bestCost) {
                    bestCost = cost;
                    best = std::move(full);
                }
            }
        if (best.empty()) continue;
        for (int k = 0; k < lanes; ++k) {
            int ri = bd.relations[k];
            auto lane = clipToSymbols(offsetLine(best, k * kLanePt - half), A, grow(A), B, grow(B));
            if (lane.size() < 2) continue;
            for (std::size_t i = 0; i + 1 < lane.size(); ++i) scorer.relations.push_back({lane[i], lane[i + 1]});
            const auto& r = c.relations[ri];
            if (r.from != A.id) std::reverse(lane.begin(), lane.end());   // from `from` to `to`
            Line line;
            line.kind = LineKind::Relation;
            line.from = r.from;
            line.to = r.to;
            line.ref = ri;
            line.points = std::move(lane);
            routed.push_back(std::move(line));
        }
    }
    std::sort(routed.begin(), routed.end(), [](const Line& x, const Line& y) { return x.ref < y.ref; });
    for (auto& ln : routed) l.lines.push_back(std::move(ln));
}

}  // namespace genochron::genogram
