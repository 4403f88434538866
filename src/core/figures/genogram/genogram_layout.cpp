// Genogram geometry from dot's positions: symbols, partnership lines, descent lines,
// sibship lines and child lines as drawn segments, then relation routes and quality.
// [SECTION] people and rows
// [SECTION] partnership and descent lines
// [SECTION] sibships, children, twins
// [SECTION] texts: ages, years, names, partnership labels
// [SECTION] bounding box and the whole pass
#include "core/figures/genogram/genogram_layout.hpp"

#include "core/model/diagnostics.hpp"
#include "core/figures/genogram/genogram_geometry.hpp"
#include "core/figures/genogram/genogram_graph.hpp"
#include "core/figures/genogram/genogram_households.hpp"
#include "core/figures/genogram/genogram_routes.hpp"
#include "core/figures/genogram/genogram_symbols.hpp"
#include "core/figures/genogram/genogram_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace genochron::genogram {

std::string_view toString(LineKind k) {
    switch (k) {
    case LineKind::Partnership: return "partnership";
    case LineKind::Descent: return "descent";
    case LineKind::Sibship: return "sibship";
    case LineKind::Child: return "child";
    case LineKind::Relation: return "relation";
    }
    return "partnership";
}

const PersonBox* Layout::person(std::string_view id) const {
    for (auto& p : people)
        if (p.id == id) return &p;
    return nullptr;
}

namespace {

using detail::Family;

constexpr double kOverTopPt = 15;      // serial partner line above the symbols (below the sibship line)
constexpr double kOverTopStepPt = 5;   // nested ones stack upwards
constexpr double kSibshipGapPt = 28;   // sibship line above the children's symbols (room for birth years)

// ---------------------------------------------------------------- [SECTION] people and rows

struct Ctx {
    const Case& c;
    const Family& f;
    const detail::DotResult& d;
    Layout& out;
};

void placePeople(Ctx& x) {
    std::vector<double> rowYs;
    for (auto& pt : x.d.person) {
        bool found = false;
        for (double y : rowYs)
            if (std::abs(y - pt.y) < 1.0) found = true;
        if (!found) rowYs.push_back(pt.y);
    }
    std::sort(rowYs.begin(), rowYs.end());
    for (std::size_t i = 0; i < x.f.people.size(); ++i) {
        const Person& p = *x.f.people[i].p;
        Point c = x.d.person[i];
        double s = detail::symbolSize(p);
        PersonBox b;
        b.id = p.id;
        b.label = p.name;
        b.sex = p.sex;
        b.box = {c.x - s / 2, c.y - s / 2, s, s};
        b.pregnancy = p.isPregnancyNode();
        b.generation = int(std::lower_bound(rowYs.begin(), rowYs.end(), c.y - 1.0) - rowYs.begin());
        x.out.people.push_back(b);
    }
}

// ---------------------------------------------------------------- [SECTION] partnership and descent lines

// How many people sit strictly between two members of a partner row.
int peopleBetween(const Family& f, int a, int b) {
    int row = f.rowOf[a];
    if (row < 0 || row != f.rowOf[b]) return 0;
    int pa = -1, pb = -1;
    const auto& items = f.rows[row];
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!items[i].isUnion) {
            if (items[i].index == a) pa = int(i);
            if (items[i].index == b) pb = int(i);
        }
    if (pa > pb) std::swap(pa, pb);
    int n = 0;
    for (int i = pa + 1; i < pb; ++i)
        if (!items[i].isUnion) ++n;
    return n;
}

// The union point of every union; partnership lines and lone-parent stubs.
void partnershipLines(Ctx& x, std::vector<Point>& unionPoint, std::vector<std::vector<Point>>& descentStart) {
    const auto& f = x.f;
    const auto& P = x.out.people;
    unionPoint.assign(f.unions.size(), {});
    descentStart.assign(f.unions.size(), {});
    // Serial-partner lines over the top: outer spans stack above the ones they contain.
    std::vector<std::pair<double, double>> overSpans;
    std::vector<int> overUnion;
    for (std::size_t ui = 0; ui < f.unions.size(); ++ui) {
        auto& u = f.unions[ui];
        if (!u.single() && peopleBetween(f, u.a, u.b) > 0) {
            double xa = P[u.a].centre().x, xb = P[u.b].centre().x;
            overSpans.push_back({std::min(xa, xb), std::max(xa, xb)});
            overUnion.push_back(int(ui));
        }
    }
    for (std::size_t ui = 0; ui < f.unions.size(); ++ui) {
        const auto& u = f.unions[ui];
        Point un = x.d.unionAt[ui];
        Union out;
        out.partnership = u.partnership;
        out.partners.push_back(P[u.a].id);
        if (!u.single()) out.partners.push_back(P[u.b].id);
        for (int ch : u.children) out.children.push_back(P[ch].id);

        if (u.single()) {
            // A stub beside the lone parent, on the side dot put the union point.
            const Rect& pb = P[u.a].box;
            double cy = pb.y + pb.h / 2;
            double edge = un.x >= pb.x + pb.w / 2 ? pb.right() : pb.x;
            unionPoint[ui] = {un.x, cy};
            descentStart[ui] = {{edge, cy}, {un.x, cy}};
        } else {
            int l = u.a, r = u.b;
            if (P[l].centre().x > P[r].centre().x) std::swap(l, r);
            const Rect& lb = P[l].box;
            const Rect& rb = P[r].box;
            Line line;
            line.kind = LineKind::Partnership;
            line.from = P[u.a].id;
            line.to = P[u.b].id;
            line.ref = int(ui);
            if (peopleBetween(f, u.a, u.b) == 0) {
                double ly = lb.y + lb.h / 2, ry = rb.y + rb.h / 2;
                if (std::abs(ly - ry) < 0.5) {
                    line.points = {{lb.right(), ly}, {rb.x, ry}};
                    double ux = std::clamp(un.x, lb.right() + 4, std::max(lb.right() + 4, rb.x - 4));
                    unionPoint[ui] = {ux, ly};
                } else {   // partners on different rows (bad data): a stepped line
                    double mx = (lb.right() + rb.x) / 2;
                    line.points = {{lb.right(), ly}, {mx, ly}, {mx, ry}, {rb.x, ry}};
                    unionPoint[ui] = {mx, std::max(ly, ry)};
                }
            } else {
                // Over the top of the partner(s) between, attached off-centre so it never
                // runs along a child line coming down into either symbol.
                double lo = lb.x + lb.w / 2, hi = rb.x + rb.w / 2;
                int nested = 0;
                for (auto& [s0, s1] : overSpans)
                    if (s0 >= lo - 0.5 && s1 <= hi + 0.5 && (s1 - s0) < (hi - lo) - 0.5) ++nested;
                double level = std::min(lb.y, rb.y) - kOverTopPt - kOverTopStepPt * nested;
                double lx = lo + lb.w * 0.25, rx = hi - rb.w * 0.25;
                line.points = {{lx, lb.y}, {lx, level}, {rx, level}, {rx, rb.y}};
                line.overTop = true;
                unionPoint[ui] = {std::clamp(un.x, lx + 4, std::max(lx + 4, rx - 4)), level};
            }
            x.out.lines.push_back(std::move(line));
        }
        out.at = unionPoint[ui];
        x.out.unions.push_back(std::move(out));
    }
}

// ---------------------------------------------------------------- [SECTION] sibships, children, twins

bool twins(const Person& a, const Person& b) { return (!a.twin.empty() && a.twin == b.id) || (!b.twin.empty() && b.twin == a.id); }

void sibshipLines(Ctx& x, const std::vector<Point>& unionPoint, const std::vector<std::vector<Point>>& descentStart) {
    const auto& f = x.f;
    const auto& P = x.out.people;
    for (std::size_t ui = 0; ui < f.unions.size(); ++ui) {
        const auto& u = f.unions[ui];
        if (u.children.empty()) continue;
        double topRow = 1e18;
        for (int ch : u.children) topRow = std::min(topRow, P[ch].centre().y - kSymbolPt / 2);
        const double ySib = topRow - kSibshipGapPt;
        Point up = unionPoint[ui];
        Point hub = x.d.hubAt[ui];
        double hy = std::clamp(hub.y, std::min(up.y, ySib), ySib);

        // Twins (and triplets) hang from one point on the sibship line.
        std::vector<double> attach(u.children.size());
        for (std::size_t i = 0; i < u.children.size(); ++i) attach[i] = P[u.children[i]].centre().x;
        for (std::size_t i = 0; i < u.children.size();) {
            std::size_t j = i + 1;
            while (j < u.children.size() && twins(*f.people[u.children[j - 1]].p, *f.people[u.children[j]].p)) ++j;
            if (j - i > 1) {
                double sum = 0;
                for (std::size_t k = i; k < j; ++k) sum += attach[k];
                for (std::size_t k = i; k < j; ++k) attach[k] = sum / double(j - i);
            }
            i = j;
        }

        Line descent;
        descent.kind = LineKind::Descent;
        descent.from = P[u.a].id;
        descent.to = u.single() ? std::string() : P[u.b].id;
        descent.ref = int(ui);
        descent.points = descentStart[ui];
        if (descent.points.empty()) descent.points.push_back(up);
        // Straight down when the hub is under the union point (or near enough to look it).
        double lo = *std::min_element(attach.begin(), attach.end()), hi = *std::max_element(attach.begin(), attach.end());
        // The descent lands on the sibship line within the children's span, so sibship lines
        // never reach out over someone else's children.
        double arrive = std::clamp(hub.x, lo, hi);
        if (std::abs(up.x - arrive) < 1.0 || (up.x >= lo - 0.5 && up.x <= hi + 0.5 && u.children.size() > 1)) arrive = up.x;
        if (std::abs(arrive - up.x) < 0.5) {
            descent.points.push_back({up.x, ySib});
        } else {
            descent.points.push_back({up.x, hy});
            descent.points.push_back({arrive, hy});
            descent.points.push_back({arrive, ySib});
        }
        x.out.lines.push_back(std::move(descent));

        double s0 = std::min(lo, arrive), s1 = std::max(hi, arrive);
        if (s1 - s0 > 0.5) {
            Line sib;
            sib.kind = LineKind::Sibship;
            sib.from = P[u.children.front()].id;
            sib.to = P[u.children.back()].id;
            sib.ref = int(ui);
            sib.points = {{s0, ySib}, {s1, ySib}};
            x.out.lines.push_back(std::move(sib));
        }
        for (std::size_t i = 0; i < u.children.size(); ++i) {
            const auto& cb = P[u.children[i]];
            Line ch;
            ch.kind = LineKind::Child;
            ch.from = P[u.a].id;
            ch.to = cb.id;
            ch.ref = int(ui);
            if (std::abs(attach[i] - cb.centre().x) > 0.5) {
                // A twin: slanted from the shared point, then straight down between the years.
                const double top = cb.box.y - (f.people[u.children[i]].p->index ? 3.5 : 0);
                const double kink = std::max(ySib + 4, top - kYearSlotHPt - 2);
                ch.points = {{attach[i], ySib}, {cb.centre().x, kink}, {cb.centre().x, cb.box.y}};
            } else {
                ch.points = {{attach[i], ySib}, {cb.centre().x, cb.box.y}};
            }
            x.out.lines.push_back(std::move(ch));
        }
    }
}

// ---------------------------------------------------------------- [SECTION] texts: ages, years, names, partnership labels

constexpr double kYearPt = 7;        // years above a symbol
constexpr double kNoteTextPt = 7;    // partnership labels

Rect textBox(const std::string& text, double size, Point at, HAlign h, VAlign v) {
    const TextExtent e = measureText(text, size);
    double x = h == HAlign::Left ? at.x : h == HAlign::Center ? at.x - e.widthPt / 2 : at.x - e.widthPt;
    double y = v == VAlign::Top ? at.y : v == VAlign::Middle ? at.y - e.heightPt / 2 : at.y - e.heightPt;
    return {x, y, e.widthPt, e.heightPt};
}

// Ages, years and name slots. Years sit over the symbol's corners, clear of a serial
// partner's line coming down into its top.
void placeTexts(Ctx& x, long today) {
    std::multimap<std::string, double> overTopAttach;   // person -> x where a serial partner's line lands
    for (auto& ln : x.out.lines)
        if (ln.kind == LineKind::Partnership && ln.overTop)
            for (const Point& end : {ln.points.front(), ln.points.back()})
                for (auto& pb : x.out.people)
                    if (std::abs(pb.box.y - end.y) < 0.5 && end.x >= pb.box.x && end.x <= pb.box.right())
                        overTopAttach.emplace(pb.id, end.x);
    for (std::size_t i = 0; i < x.out.people.size(); ++i) {
        PersonBox& pb = x.out.people[i];
        const Person& p = *x.f.people[i].p;
        pb.age = drawnAge(p, x.c, today);
        const Point ctr = pb.centre();
        const double top = pb.box.y - (p.index ? 3.5 : 0);
        if (!p.isPregnancyNode()) {
            pb.born = yearText(p.born);
            pb.died = yearText(p.died);
        }
        double bornRight = ctr.x - 2, diedLeft = ctr.x + 2;
        auto attach = overTopAttach.equal_range(pb.id);
        for (auto it = attach.first; it != attach.second; ++it) {
            if (it->second < ctr.x) bornRight = std::min(bornRight, it->second - 2.5);
            else diedLeft = std::max(diedLeft, it->second + 2.5);
        }
        if (!pb.born.empty()) pb.bornBox = textBox(pb.born, kYearPt, {bornRight, top - 1.5}, HAlign::Right, VAlign::Bottom);
        if (!pb.died.empty()) pb.diedBox = textBox(pb.died, kYearPt, {diedLeft, top - 1.5}, HAlign::Left, VAlign::Bottom);
        const double below = pb.box.bottom() + (p.index ? 5.5 : 2.5);
        pb.nameSlot = {ctr.x - kNameSlotWPt / 2, below, kNameSlotWPt, p.isPregnancyNode() ? 16.0 : kLabelSlotHPt - 6};
    }
}

// Slashes and the years of each partnership ("m. 2016 / div. 2020"), placed before the
// relation lines are routed (the routes keep off them). Each label goes beside its own
// line: above it, below it beside the descent, above the couple, or on a line drawn over
// the top, at the candidate that touches no symbol, name, years, other label, slash or
// other line; a couple with relation lines between them leaves the room above their
// line to those lines.
void placePartnershipLabels(const Case& c, Layout& l, const std::set<std::pair<std::string, std::string>>& related) {
    std::vector<Rect> placed;
    std::vector<Rect> slashBoxes;
    for (auto& u : l.unions) {
        const Partnership* pt = u.partnership >= 0 ? &c.partnerships[u.partnership] : nullptr;
        u.slashes = partnershipStyle(pt).slashes;
        u.markAt = u.at;
        if (!u.children.empty()) u.markAt.x -= 11;
        if (u.slashes) {
            const double half = 3.5 + 2.5 * (u.slashes - 1) + 1;
            slashBoxes.push_back({u.markAt.x - half, u.markAt.y - 6.5, 2 * half, 13});
        }
    }
    for (std::size_t ui = 0; ui < l.unions.size(); ++ui) {
        Union& u = l.unions[ui];
        const Partnership* pt = u.partnership >= 0 ? &c.partnerships[u.partnership] : nullptr;
        if (!pt) continue;
        const std::string two = partnershipLabel(*pt);
        if (two.empty()) continue;
        std::string one = two;
        for (auto& ch : one)
            if (ch == '\n') ch = ' ';
        if (auto nl = two.find('\n'); nl != std::string::npos) one = two.substr(0, nl) + ", " + two.substr(nl + 1);
        const Line* ln = nullptr;
        for (auto& cand : l.lines)
            if (cand.kind == LineKind::Partnership && cand.ref == int(ui)) ln = &cand;
        if (!ln) continue;
        const bool bundle = related.count(std::minmax(ln->from, ln->to)) > 0;
        struct Cand {
            std::string text;
            double size;
            Rect box;
            double bias;
            bool onLine = false;   // written over its own line (on a plate)
        };
        std::vector<Cand> cands;
        auto add = [&](const std::string& text, double size, Point at, HAlign h, VAlign v, double bias, bool onLine = false) {
            cands.push_back({text, size, textBox(text, size, at, h, v), bias, onLine});
        };
        const double y = ln->points.front().y;
        if (ln->overTop) {
            // On the horizontal stretch above the partners between (a plate over its own line),
            // or beside the descent at the partners' mid-height.
            const Point a = ln->points[1], b = ln->points[2];
            for (double f : {0.5, 0.3, 0.7, 0.15, 0.85}) {
                add(one, 6.5, {a.x + f * (b.x - a.x), a.y}, HAlign::Center, VAlign::Middle, 1 + std::abs(f - 0.5), true);
                add(one, 6.5, {a.x + f * (b.x - a.x), a.y - 2}, HAlign::Center, VAlign::Bottom, 3 + std::abs(f - 0.5));
            }
            double cy = l.people.empty() ? y : l.person(ln->from)->centre().y;
            add(two, 6, {u.at.x + 3, cy}, HAlign::Left, VAlign::Middle, 4);
            add(two, 6, {u.at.x - 3, cy}, HAlign::Right, VAlign::Middle, 4);
        } else if (ln->points.size() == 2) {
            const double x0 = ln->points.front().x, x1 = ln->points.back().x, mx = (x0 + x1) / 2;
            double half = kSymbolPt / 2;
            for (auto& p : l.people)
                if (p.id == ln->from || p.id == ln->to) half = std::min(half, p.box.h / 2);
            const double above = bundle ? 30 : 0;   // the room above the line is the relation lines'
            add(two, kNoteTextPt, {mx, y - 7.5}, HAlign::Center, VAlign::Bottom, 0 + above);
            add(two, kNoteTextPt, {mx, y - 4}, HAlign::Center, VAlign::Bottom, 0.5 + above);
            add(one, kNoteTextPt, {mx, y - 4}, HAlign::Center, VAlign::Bottom, 1 + above);
            add(two, 6, {mx, y - 7.5}, HAlign::Center, VAlign::Bottom, 3 + above);
            if (u.children.empty()) {
                add(two, kNoteTextPt, {mx, y + 4}, HAlign::Center, VAlign::Top, 2);
            } else {
                add(two, kNoteTextPt, {u.at.x + 4, y + 4}, HAlign::Left, VAlign::Top, 2);
                add(two, kNoteTextPt, {u.at.x - 4, y + 4}, HAlign::Right, VAlign::Top, 2.5);
                add(two, 6, {u.at.x + 3, y + 4}, HAlign::Left, VAlign::Top, 4);
                add(two, 6, {u.at.x - 3, y + 4}, HAlign::Right, VAlign::Top, 4.5);
            }
            add(two, kNoteTextPt, {mx, y - half - 2}, HAlign::Center, VAlign::Bottom, 5 + (bundle ? 30 : 0));
        } else {
            // Partners on different rows (bad data): above the first stretch.
            const Point a = ln->points[0], b = ln->points[1];
            add(two, kNoteTextPt, {(a.x + b.x) / 2, a.y - 4}, HAlign::Center, VAlign::Bottom, 0);
        }
        double best = 1e18;
        const Cand* chosen = nullptr;
        for (const auto& cd : cands) {
            const Rect r = cd.box.inflated(1);
            double cost = cd.bias;
            for (auto& p : l.people) {
                if (p.box.inflated(2).intersects(r)) cost += 200;
                if (p.nameSlot.intersects(r)) cost += 60;
                if ((p.bornBox.w > 0 && p.bornBox.intersects(r)) || (p.diedBox.w > 0 && p.diedBox.intersects(r))) cost += 40;
            }
            for (auto& o : placed)
                if (o.intersects(r)) cost += 80;
            for (auto& sb : slashBoxes)
                if (sb.intersects(r)) cost += 50;
            for (auto& other : l.lines) {
                if (other.kind == LineKind::Relation) continue;
                if (cd.onLine && &other == ln) continue;
                for (std::size_t i = 0; i + 1 < other.points.size(); ++i)
                    if (geom::segmentHitsRect(other.points[i], other.points[i + 1], r)) {
                        cost += 50;
                        break;
                    }
            }
            if (cost < best) {
                best = cost;
                chosen = &cd;
            }
        }
        if (!chosen) continue;
        u.label = chosen->text;
        u.labelPt = chosen->size;
        u.labelBox = chosen->box;
        placed.push_back(chosen->box);
    }
}

// A relation line leaving a symbol's top beside its centre would strike through a year:
// the year moves outwards (still over its corner) until the line passes beside it.
void yearsClearOfRelations(Layout& l) {
    auto hitByRelation = [&](const Rect& r) {
        for (auto& ln : l.lines)
            if (ln.kind == LineKind::Relation)
                for (std::size_t i = 0; i + 1 < ln.points.size(); ++i)
                    if (geom::segmentHitsRect(ln.points[i], ln.points[i + 1], r.inflated(1.2))) return true;
        return false;
    };
    auto clashes = [&](const Rect& r, const PersonBox& self) {
        for (auto& p : l.people) {
            if (p.box.inflated(1).intersects(r) || p.nameSlot.intersects(r)) return true;
            if (&p != &self && ((p.bornBox.w > 0 && p.bornBox.intersects(r)) || (p.diedBox.w > 0 && p.diedBox.intersects(r))))
                return true;
        }
        for (auto& u : l.unions)
            if (u.labelBox.w > 0 && u.labelBox.intersects(r)) return true;
        for (auto& ln : l.lines)
            if (ln.kind != LineKind::Relation)
                for (std::size_t i = 0; i + 1 < ln.points.size(); ++i)
                    if (geom::segmentHitsRect(ln.points[i], ln.points[i + 1], r)) return true;
        return false;
    };
    for (auto& p : l.people)
        for (auto [box, dir] : {std::pair<Rect*, double>{&p.bornBox, -1.0}, {&p.diedBox, 1.0}}) {
            if (box->w <= 0 || !hitByRelation(*box)) continue;
            for (double d = 1; d <= 22; d += 1) {
                Rect moved = *box;
                moved.x += dir * d;
                if (!hitByRelation(moved) && !clashes(moved, p)) {
                    *box = moved;
                    break;
                }
            }
        }
}

// ---------------------------------------------------------------- [SECTION] bounding box and the whole pass

void normalise(Layout& l) {
    Rect r;
    bool any = false;
    auto add = [&](const Rect& b) {
        r = any ? r.united(b) : b;
        any = true;
    };
    for (auto& p : l.people) {
        Point c = p.centre();
        add({c.x - kLabelSlotWPt / 2, p.box.y - kYearSlotHPt, kLabelSlotWPt, p.box.h + kYearSlotHPt + kLabelSlotHPt + 2});
    }
    for (auto& ln : l.lines)
        for (auto& pt : ln.points) add({pt.x, pt.y, 0.01, 0.01});
    for (auto& h : l.households)
        for (auto& loop : h.loops)
            for (auto& pt : loop) add({pt.x, pt.y, 0.01, 0.01});
    if (!any) {
        l.bbox = {0, 0, 0, 0};
        return;
    }
    const double pad = 4;
    double dx = pad - r.x, dy = pad - r.y;
    auto shift = [&](Point& p) { p.x += dx; p.y += dy; };
    auto shiftR = [&](Rect& b) { b.x += dx; b.y += dy; };
    for (auto& p : l.people) {
        shiftR(p.box);
        shiftR(p.bornBox);
        shiftR(p.diedBox);
        shiftR(p.nameSlot);
    }
    for (auto& u : l.unions) {
        shift(u.at);
        shift(u.markAt);
        shiftR(u.labelBox);
    }
    for (auto& ln : l.lines)
        for (auto& pt : ln.points) shift(pt);
    for (auto& h : l.households) {
        shiftR(h.labelBox);
        for (auto& loop : h.loops)
            for (auto& pt : loop) shift(pt);
    }
    l.bbox = {0, 0, r.w + 2 * pad, r.h + 2 * pad};
}

}  // namespace

Layout layoutGenogram(const ViewCase& vc, const LayoutOptions& opt) {
    const Case& c = vc.data();
    Family f = detail::buildFamily(c, opt);
    Layout out;
    if (f.people.empty()) return out;
    detail::DotResult d = detail::runDot(f);
    Ctx x{c, f, d, out};
    placePeople(x);
    std::vector<Point> unionPoint;
    std::vector<std::vector<Point>> descentStart;
    partnershipLines(x, unionPoint, descentStart);
    sibshipLines(x, unionPoint, descentStart);
    placeTexts(x, opt.todayDays);
    std::set<std::pair<std::string, std::string>> related;   // pairs with relation lines between them
    for (auto& r : c.relations) related.insert(std::minmax(r.from, r.to));
    placePartnershipLabels(c, out, related);
    routeRelations(c, out);
    yearsClearOfRelations(out);
    placeHouseholds(c, out);
    normalise(out);
    out.labels = labelSlots(out);
    out.quality = measureQuality(out, c);
    return out;
}

}  // namespace genochron::genogram
