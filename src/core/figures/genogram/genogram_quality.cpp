// Quality of a genogram layout, measured on what is drawn: crossings between family
// lines, strangers between partners, partners on different rows, siblings out of
// birth order. Tests assert these; `genochron layout` reports them.
#include "core/figures/genogram/genogram_geometry.hpp"
#include "core/figures/genogram/genogram_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace genochron::genogram {

namespace {

struct Seg {
    Point a, b;
    int line;
    double minX() const { return std::min(a.x, b.x); }
    double maxX() const { return std::max(a.x, b.x); }
};

int countCrossings(const Layout& l) {
    std::vector<Seg> segs;
    for (std::size_t li = 0; li < l.lines.size(); ++li) {
        const auto& ln = l.lines[li];
        if (ln.kind == LineKind::Relation) continue;
        for (std::size_t i = 0; i + 1 < ln.points.size(); ++i)
            if (!geom::samePoint(ln.points[i], ln.points[i + 1])) segs.push_back({ln.points[i], ln.points[i + 1], int(li)});
    }
    // Sweep in x: only segments whose x ranges overlap can meet.
    std::sort(segs.begin(), segs.end(), [](const Seg& x, const Seg& y) { return x.minX() < y.minX(); });
    int n = 0;
    for (std::size_t i = 0; i < segs.size(); ++i)
        for (std::size_t j = i + 1; j < segs.size() && segs[j].minX() <= segs[i].maxX() + 0.01; ++j) {
            if (segs[i].line == segs[j].line) continue;
            auto m = geom::meet(segs[i].a, segs[i].b, segs[j].a, segs[j].b);
            if (m == geom::Meet::Cross || m == geom::Meet::Overlap) ++n;
        }
    return n;
}

}  // namespace

int countRelationCrossings(const Layout& l) {
    std::vector<Seg> family;
    for (std::size_t li = 0; li < l.lines.size(); ++li) {
        const auto& ln = l.lines[li];
        if (ln.kind == LineKind::Relation) continue;
        for (std::size_t i = 0; i + 1 < ln.points.size(); ++i)
            if (!geom::samePoint(ln.points[i], ln.points[i + 1])) family.push_back({ln.points[i], ln.points[i + 1], int(li)});
    }
    int n = 0;
    for (const auto& ln : l.lines) {
        if (ln.kind != LineKind::Relation || ln.points.size() < 2) continue;
        Rect bb{ln.points.front().x, ln.points.front().y, 0, 0};
        for (auto& p : ln.points) bb = bb.united({p.x, p.y, 0.01, 0.01});
        bb = bb.inflated(1);
        for (auto& s : family) {
            if (s.maxX() < bb.x || s.minX() > bb.right() || std::max(s.a.y, s.b.y) < bb.y ||
                std::min(s.a.y, s.b.y) > bb.bottom())
                continue;
            n += geom::relationCrossings(ln.points, s.a, s.b);
        }
        // Through someone else's symbol (its box, less a point all round).
        for (auto& p : l.people) {
            if (p.id == ln.from || p.id == ln.to || !p.box.intersects(bb)) continue;
            Rect inner = p.box.inflated(-1);
            for (std::size_t i = 0; i + 1 < ln.points.size(); ++i)
                if (geom::segmentHitsRect(ln.points[i], ln.points[i + 1], inner)) {
                    ++n;
                    break;
                }
        }
    }
    return n;
}

std::vector<LabelSlot> labelSlots(const Layout& l) {
    std::vector<LabelSlot> out;
    for (auto& p : l.people) {
        out.push_back({LabelKind::Name, p.id, p.nameSlot});
        if (p.bornBox.w > 0) out.push_back({LabelKind::Born, p.id, p.bornBox});
        if (p.diedBox.w > 0) out.push_back({LabelKind::Died, p.id, p.diedBox});
    }
    for (std::size_t ui = 0; ui < l.unions.size(); ++ui)
        if (l.unions[ui].labelBox.w > 0) out.push_back({LabelKind::Partnership, "u" + std::to_string(ui), l.unions[ui].labelBox});
    for (auto& h : l.households)
        if (h.labelBox.w > 0) out.push_back({LabelKind::Household, h.id, h.labelBox});
    return out;
}

bool insideOutline(const HouseholdShape& h, Point p) {
    bool inside = false;
    for (auto& lp : h.loops)
        for (std::size_t i = 0, j = lp.size() - 1; i < lp.size(); j = i++)
            if ((lp[i].y > p.y) != (lp[j].y > p.y) &&
                p.x < (lp[j].x - lp[i].x) * (p.y - lp[i].y) / (lp[j].y - lp[i].y) + lp[i].x)
                inside = !inside;
    return inside;
}

namespace {

bool polylineHits(const std::vector<Point>& pts, const Rect& r) {
    for (std::size_t i = 0; i + 1 < pts.size(); ++i)
        if (geom::segmentHitsRect(pts[i], pts[i + 1], r)) return true;
    return false;
}

// Lines through labels: every drawn line against every label box (less half a point all
// round, so a line grazing a box's edge does not count), a partnership's own label excepted.
int countLinesThroughLabels(const Layout& l) {
    int n = 0;
    for (const auto& lab : l.labels) {
        const Rect inner = lab.box.inflated(-0.5);
        if (inner.w <= 0 || inner.h <= 0) continue;
        for (const auto& ln : l.lines) {
            if (lab.kind == LabelKind::Partnership && ln.kind == LineKind::Partnership &&
                lab.owner == "u" + std::to_string(ln.ref))
                continue;
            if (polylineHits(ln.points, inner)) ++n;
        }
    }
    return n;
}

// Relation lines hiding a partnership: running within 5 pt alongside its line for more
// than 4 pt, or through the box of its slashes.
int countRelationsOverPartnership(const Layout& l) {
    int n = 0;
    for (const auto& rel : l.lines) {
        if (rel.kind != LineKind::Relation) continue;
        bool over = false;
        for (const auto& pl : l.lines) {
            if (pl.kind != LineKind::Partnership || over) continue;
            for (std::size_t i = 0; i + 1 < pl.points.size() && !over; ++i) {
                Point a = pl.points[i], b = pl.points[i + 1];
                double len = std::hypot(b.x - a.x, b.y - a.y);
                if (len < 0.5) continue;
                Point u{(b.x - a.x) / len, (b.y - a.y) / len};
                double along = 0;
                for (std::size_t j = 0; j + 1 < rel.points.size(); ++j) {
                    Point p = rel.points[j], q = rel.points[j + 1];
                    // Both ends within 5 pt of the line (closer hides it at print size), the projection inside it.
                    auto dist = [&](Point r) { return std::abs(u.x * (r.y - a.y) - u.y * (r.x - a.x)); };
                    if (dist(p) > 5 || dist(q) > 5) continue;
                    double t0 = u.x * (p.x - a.x) + u.y * (p.y - a.y), t1 = u.x * (q.x - a.x) + u.y * (q.y - a.y);
                    if (t0 > t1) std::swap(t0, t1);
                    along += std::max(0.0, std::min(len, t1) - std::max(0.0, t0));
                }
                if (along > 4) over = true;
            }
            if (over) break;
        }
        for (const auto& u : l.unions) {
            if (over || u.slashes == 0) continue;
            const double half = 3.5 + 2.5 * (u.slashes - 1);
            if (polylineHits(rel.points, {u.markAt.x - half, u.markAt.y - 6, 2 * half, 12})) over = true;
        }
        n += over;
    }
    return n;
}

int countHouseholdStrangers(const Layout& l) {
    int n = 0;
    for (const auto& h : l.households)
        for (const auto& p : l.people) {
            if (std::find(h.members.begin(), h.members.end(), p.id) != h.members.end()) continue;
            bool in = insideOutline(h, p.centre());
            for (auto& loop : h.loops)
                for (std::size_t k = 0; k < loop.size() && !in; ++k)
                    in = geom::segmentHitsRect(loop[k], loop[(k + 1) % loop.size()], p.box);
            n += in;
        }
    return n;
}

}  // namespace

Quality measureQuality(const Layout& l, const Case& c) {
    Quality q;
    q.crossings = countCrossings(l);
    q.relationCrossings = countRelationCrossings(l);
    q.linesThroughLabels = countLinesThroughLabels(l);
    q.relationsOverPartnership = countRelationsOverPartnership(l);
    q.householdStrangers = countHouseholdStrangers(l);
    std::map<std::string, const PersonBox*> box;
    for (auto& p : l.people) box[p.id] = &p;
    std::map<std::string, std::set<std::string>> partnersOf;
    for (auto& u : l.unions)
        if (u.partners.size() == 2) {
            partnersOf[u.partners[0]].insert(u.partners[1]);
            partnersOf[u.partners[1]].insert(u.partners[0]);
        }
    for (auto& u : l.unions) {
        if (u.partners.size() != 2) continue;
        const PersonBox* a = box[u.partners[0]];
        const PersonBox* b = box[u.partners[1]];
        if (!a || !b) continue;
        Point ca = a->centre(), cb = b->centre();
        if (std::abs(ca.y - cb.y) > 1.0) {
            ++q.partnersOffRow;
            continue;
        }
        double lo = std::min(ca.x, cb.x), hi = std::max(ca.x, cb.x);
        for (auto& p : l.people) {
            Point cp = p.centre();
            if (std::abs(cp.y - ca.y) > 1.0 || cp.x <= lo + 0.5 || cp.x >= hi - 0.5) continue;
            // A serial partner of either sits there by the notation's rule, not by accident.
            if (partnersOf[a->id].count(p.id) || partnersOf[b->id].count(p.id)) continue;
            ++q.partnerGap;
        }
    }
    std::map<std::string, std::pair<const Person*, std::size_t>> person;
    for (std::size_t i = 0; i < c.people.size(); ++i) person[c.people[i].id] = {&c.people[i], i};
    for (auto& u : l.unions)
        for (std::size_t i = 0; i < u.children.size(); ++i)
            for (std::size_t j = 0; j < u.children.size(); ++j) {
                if (i == j) continue;
                auto pi = person.find(u.children[i]), pj = person.find(u.children[j]);
                const PersonBox* bi = box[u.children[i]];
                const PersonBox* bj = box[u.children[j]];
                if (pi == person.end() || pj == person.end() || !bi || !bj) continue;
                // Strictly older by date or birth_order (file order alone is no birth order).
                bool older = bornBefore(*pi->second.first, 0, *pj->second.first, 1) &&
                             !bornBefore(*pj->second.first, 0, *pi->second.first, 1);
                if (older && bi->centre().x > bj->centre().x + 0.5) ++q.siblingInversions;
            }
    return q;
}

}  // namespace genochron::genogram
