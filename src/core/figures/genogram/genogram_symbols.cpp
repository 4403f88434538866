// McGoldrick's notation drawn as scene items.
// [SECTION] palettes
// [SECTION] people: shape, conditions, index, deceased, age, pregnancies
// [SECTION] partnerships and family lines
// [SECTION] relation lines
#include "core/figures/genogram/genogram_symbols.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace genochron::genogram {

// ---------------------------------------------------------------- [SECTION] palettes

Palette paletteFor(Theme t) {
    Palette p;
    p.print = t == Theme::Print;
    p.ink = Color::rgb(0x1a1a1a);
    p.paper = Color::rgb(0xffffff);
    p.muted = p.print ? Color::rgb(0x444444) : Color::rgb(0x4a5560);
    p.substance = p.print ? Color::rgb(0x5a5a5a) : Color::rgb(0xd9973b);
    p.mental = p.print ? Color::rgb(0xa8a8a8) : Color::rgb(0x6f9fd8);
    p.household = p.print ? Color::rgb(0x707070) : Color::rgb(0x3f8f5f);
    return p;
}

Color Palette::householdColour(std::size_t i) const {
    if (print) return household;
    static const unsigned kHues[] = {0x3f8f5f, 0x2f6f9f, 0x8a4f9a, 0x9a6a2f, 0x2f8f8f, 0x9a3f5f};
    return Color::rgb(kHues[i % (sizeof kHues / sizeof kHues[0])]);
}

std::vector<double> Palette::householdDashFor(std::size_t i) const {
    if (!print || i == 0) return householdDash;
    static const std::vector<double> kDashes[] = {{9, 2.5}, {9, 2.5, 2, 2.5}, {2, 2}};
    return kDashes[(i - 1) % 3];
}

Color Palette::relation(RelationKind k) const {
    Color c;
    switch (k) {
    case RelationKind::PhysicalAbuse: c = Color::rgb(0xc0392b); break;
    case RelationKind::EmotionalAbuse: c = Color::rgb(0x8e44ad); break;
    case RelationKind::SexualAbuse: c = Color::rgb(0xad1457); break;
    case RelationKind::CoerciveControl: c = Color::rgb(0xb85c00); break;
    case RelationKind::FinancialAbuse: c = Color::rgb(0x1e7a45); break;
    case RelationKind::Stalking: c = Color::rgb(0x0e6d80); break;
    case RelationKind::Hostile: c = Color::rgb(0x9b2d20); break;
    case RelationKind::Close: c = Color::rgb(0x2e7d32); break;
    case RelationKind::Fused: c = Color::rgb(0x1b5e20); break;
    case RelationKind::Distant: c = Color::rgb(0x607080); break;
    case RelationKind::Cutoff: c = Color::rgb(0x37474f); break;
    }
    if (!print) return c;
    // Greyscale, dark enough to read; the pattern carries the meaning.
    Color g = c.grey();
    double l = std::min(g.r, 0.38);
    return {l, l, l, 1};
}

// ---------------------------------------------------------------- [SECTION] people

SymbolSpec symbolSpecFor(const Person& p, std::string age) {
    SymbolSpec s;
    s.sex = p.sex;
    s.pregnancy = p.pregnancy;
    s.index = p.index;
    s.deceased = p.died.has_value();
    s.conditions = p.conditions;
    s.age = std::move(age);
    return s;
}

std::vector<ConditionMark> conditionMarks(const std::vector<Condition>& c) {
    auto has = [&](Condition x) { return std::find(c.begin(), c.end(), x) != c.end(); };
    bool sub = has(Condition::SubstanceMisuse), mh = has(Condition::MentalHealth), rec = has(Condition::InRecovery),
         sus = has(Condition::SuspectedSubstanceMisuse);
    std::vector<ConditionMark> out;   // in drawing order: the left half under the lower half
    if (mh && !(sub && !rec)) out.push_back(ConditionMark::MentalHealth);
    if (rec) out.push_back(ConditionMark::InRecovery);   // recovery: the lower half hatched, not solid
    else if (sub && mh) out.push_back(ConditionMark::Both);
    else if (sub) out.push_back(ConditionMark::SubstanceMisuse);
    if (sus && !sub && !rec) out.push_back(ConditionMark::Suspected);
    return out;
}

namespace {

constexpr double kOutlinePt = 1.3;

Path diamond(const Rect& b) {
    return Path::polyline({{b.x + b.w / 2, b.y}, {b.right(), b.y + b.h / 2}, {b.x + b.w / 2, b.bottom()}, {b.x, b.y + b.h / 2}}, true);
}

Path sexShape(Sex sex, const Rect& b) {
    switch (sex) {
    case Sex::Male: return Path::rect(b);
    case Sex::Female: return Path::ellipse(b);
    default: return diamond(b);
    }
}

Rect centred(const Rect& box, double size) {
    return {box.x + (box.w - size) / 2, box.y + (box.h - size) / 2, size, size};
}

Paint strokeOnly(const Color& c, double w, std::vector<double> dash = {}, bool round = false) {
    Paint p;
    p.stroke = c;
    p.lineWidth = w;
    p.dash = std::move(dash);
    p.roundCaps = round;
    return p;
}

Paint fillOnly(const Color& c) {
    Paint p;
    p.fill = c;
    return p;
}

void line(Scene& s, Point a, Point b, const Paint& p, const std::string& id) { s.add(Path().moveTo(a).lineTo(b), p, id); }

void cross(Scene& s, const Rect& r, const Paint& p, const std::string& id) {
    line(s, {r.x, r.y}, {r.right(), r.bottom()}, p, id);
    line(s, {r.right(), r.y}, {r.x, r.bottom()}, p, id);
}

// Where the age goes: the part of the symbol no condition fill covers.
void drawAge(Scene& s, const SymbolSpec& spec, const Rect& b, const Palette& pal, const std::string& id) {
    if (spec.age.empty()) return;
    auto marks = conditionMarks(spec.conditions);
    bool lower = false, left = false;
    for (auto m : marks) {
        if (m == ConditionMark::SubstanceMisuse || m == ConditionMark::InRecovery || m == ConditionMark::Suspected) lower = true;
        if (m == ConditionMark::MentalHealth) left = true;
        if (m == ConditionMark::Both) lower = left = true;
    }
    const bool diamondShape = spec.sex != Sex::Male && spec.sex != Sex::Female;
    const double q = diamondShape ? 0.16 : 0.24;
    Point at{b.x + b.w / 2, b.y + b.h / 2};
    double size = 10;
    if (lower && left) { at.x += b.w * q; at.y -= b.h * q; size = 7.5; }
    else if (lower) { at.y -= b.h * (diamondShape ? 0.2 : 0.24); size = 8.5; }
    else if (left) { at.x += b.w * q; size = 8.5; }
    TextItem t;
    t.text = spec.age;
    t.at = at;
    t.sizePt = size;
    t.weight = FontWeight::Bold;
    t.halign = HAlign::Center;
    t.valign = VAlign::Middle;
    t.color = pal.ink;
    t.modelId = id;
    s.text(std::move(t));
}

void drawPregnancy(Scene& s, const SymbolSpec& spec, const Rect& box, const Palette& pal, const std::string& id) {
    Paint outline = strokeOnly(pal.ink, 1.2);
    outline.fill = pal.paper;
    switch (*spec.pregnancy) {
    case Pregnancy::Pregnancy:
        s.add(Path::polyline({{box.x + box.w / 2, box.y}, {box.right(), box.bottom()}, {box.x, box.bottom()}}, true), outline, id);
        break;
    case Pregnancy::Miscarriage: s.add(Path::ellipse(centred(box, box.w * 0.55)), fillOnly(pal.ink), id); break;
    case Pregnancy::Abortion: cross(s, centred(box, box.w * 0.6), strokeOnly(pal.ink, 1.6), id); break;
    case Pregnancy::Stillbirth: {
        Rect r = centred(box, box.w * 0.8);
        s.add(sexShape(spec.sex, r), outline, id);
        cross(s, r.inflated(1.5), strokeOnly(pal.ink, 1.2), id);
        break;
    }
    }
}

}  // namespace

Path symbolOutline(const SymbolSpec& spec, const Rect& box) {
    if (spec.pregnancy && *spec.pregnancy == Pregnancy::Pregnancy)
        return Path::polyline({{box.x + box.w / 2, box.y}, {box.right(), box.bottom()}, {box.x, box.bottom()}}, true);
    if (spec.pregnancy) return Path::ellipse(centred(box, box.w * 0.8));
    return sexShape(spec.sex, box);
}

void drawSymbol(Scene& s, const SymbolSpec& spec, const Rect& box, const Palette& pal, const std::string& id) {
    if (spec.pregnancy) {
        drawPregnancy(s, spec, box, pal, id);
        return;
    }
    Path shape = sexShape(spec.sex, box);
    s.add(shape, fillOnly(pal.paper), id);
    const Rect lowerHalf{box.x - 1, box.y + box.h / 2, box.w + 2, box.h / 2 + 1};
    const Rect leftHalf{box.x - 1, box.y - 1, box.w / 2 + 1, box.h + 2};
    auto clipped = [&](const Rect& clip, const Paint& p, const Path& path) {
        s.items.emplace_back(ClipPush{clip});
        s.add(path, p, id);
        s.items.emplace_back(ClipPop{});
    };
    for (auto m : conditionMarks(spec.conditions)) {
        switch (m) {
        case ConditionMark::MentalHealth: clipped(leftHalf, fillOnly(pal.mental), shape); break;
        case ConditionMark::Both:
            clipped(leftHalf, fillOnly(pal.mental), shape);
            clipped(lowerHalf, fillOnly(pal.substance), shape);
            break;
        case ConditionMark::SubstanceMisuse: clipped(lowerHalf, fillOnly(pal.substance), shape); break;
        case ConditionMark::InRecovery: {
            Paint hatch;
            hatch.hatch = Hatch::Diagonal;
            hatch.stroke = pal.print ? pal.ink : pal.substance;
            hatch.lineWidth = 0;   // hatch lines only; the outline comes next
            clipped(lowerHalf, hatch, shape);
            break;
        }
        case ConditionMark::Suspected: {
            // A dotted outline of the lower half, just inside the symbol.
            Rect in = box.inflated(-3);
            Paint dotted = strokeOnly(pal.print ? pal.ink : pal.substance, 1.2, {0.1, 2.2}, true);
            clipped({in.x - 1, box.y + box.h / 2, in.w + 2, box.h / 2}, dotted, sexShape(spec.sex, in));
            line(s, {in.x + (spec.sex == Sex::Male ? 0 : 3), box.y + box.h / 2},
                 {in.right() - (spec.sex == Sex::Male ? 0 : 3), box.y + box.h / 2}, dotted, id);
            break;
        }
        case ConditionMark::None: break;
        }
    }
    s.add(shape, strokeOnly(pal.ink, kOutlinePt), id);
    if (spec.index) s.add(sexShape(spec.sex, box.inflated(3.5)), strokeOnly(pal.ink, kOutlinePt), id);
    if (spec.deceased) cross(s, box.inflated(spec.sex == Sex::Male ? 2.5 : 0.5), strokeOnly(pal.ink, 1.3), id);
    drawAge(s, spec, box, pal, id);
}

// ---------------------------------------------------------------- [SECTION] partnerships and family lines

namespace {

std::vector<double> dashFor(PartnershipStatus st) {
    switch (st) {
    case PartnershipStatus::Cohabiting: return {6, 3};
    case PartnershipStatus::Dating:
    case PartnershipStatus::Engaged: return {0.1, 3};
    default: return {};
    }
}

bool lineStatus(PartnershipStatus s) {
    return s == PartnershipStatus::Married || s == PartnershipStatus::Cohabiting || s == PartnershipStatus::Dating ||
           s == PartnershipStatus::Engaged;
}

std::string yearOf(const std::optional<Date>& d) {
    if (!d || !d->known()) return {};
    return (d->approximate() ? "c." : "") + std::to_string(d->first().year);
}

}  // namespace

PartnershipStyle partnershipStyle(const Partnership* pt) {
    PartnershipStyle st;
    if (!pt) return st;   // children's parents with no partnership record: a plain line
    switch (pt->status) {
    case PartnershipStatus::Separated: st.slashes = 1; break;
    case PartnershipStatus::Divorced: st.slashes = 2; break;
    default: break;
    }
    if (lineStatus(pt->status)) {
        st.base = pt->status;
    } else {
        // Separated / divorced / widowed: the line of what it was before.
        st.base = pt->status == PartnershipStatus::Separated ? PartnershipStatus::Married : PartnershipStatus::Married;
        for (auto it = pt->history.rbegin(); it != pt->history.rend(); ++it)
            if (lineStatus(it->status)) {
                st.base = it->status;
                break;
            }
    }
    return st;
}

std::string partnershipLabel(const Partnership& pt) {
    // The start: the most committed stage there was (marriage, then living together,
    // engagement, dating), dated from when it began.
    auto rank = [](PartnershipStatus s) {
        switch (s) {
        case PartnershipStatus::Married: return 4;
        case PartnershipStatus::Cohabiting: return 3;
        case PartnershipStatus::Engaged: return 2;
        case PartnershipStatus::Dating: return 1;
        default: return 0;
        }
    };
    int bestRank = 0;
    std::string start;
    auto consider = [&](PartnershipStatus s, const std::optional<Date>& from) {
        std::string y = yearOf(from);
        if (y.empty() || rank(s) <= bestRank) return;
        bestRank = rank(s);
        static const char* prefix[] = {"", "dating ", "eng. ", "cohab. ", "m. "};
        start = prefix[bestRank] + y;
    };
    for (auto& h : pt.history) consider(h.status, h.from);
    consider(pt.status, pt.from);
    std::string end, when = yearOf(pt.from);
    switch (pt.status) {
    case PartnershipStatus::Separated: end = when.empty() ? "" : "sep. " + when; break;
    case PartnershipStatus::Divorced: end = when.empty() ? "" : "div. " + when; break;
    case PartnershipStatus::Widowed: end = when.empty() ? "wid." : "wid. " + when; break;
    default:
        if (!yearOf(pt.to).empty()) end = "ended " + yearOf(pt.to);
        break;
    }
    if (!start.empty() && !end.empty()) return start + "\n" + end;
    return start + end;
}

void drawPartnership(Scene& s, const std::vector<Point>& pts, const PartnershipStyle& st, Point markAt,
                     const Palette& pal, const std::string& id) {
    auto dash = dashFor(st.base);
    s.add(Path::polyline(pts), strokeOnly(pal.ink, 1.4, dash, !dash.empty() && dash[0] < 1), id);
    for (int i = 0; i < st.slashes; ++i) {
        double x = markAt.x + (i - (st.slashes - 1) / 2.0) * 5;
        line(s, {x - 3.5, markAt.y + 6}, {x + 3.5, markAt.y - 6}, strokeOnly(pal.ink, 1.4), id);
    }
}

void drawFamilyLine(Scene& s, const std::vector<Point>& pts, const Palette& pal, const std::string& id, Parentage pa) {
    std::vector<double> dash;
    bool round = false;
    switch (pa) {
    case Parentage::Biological: break;
    // McGoldrick / GenoPro: adopted = dashed, foster = dotted.
    case Parentage::Adoptive: dash = {5, 3}; break;
    case Parentage::Foster: dash = {0.1, 2.6}; round = true; break;
    case Parentage::Step: dash = {7, 2.5, 1.5, 2.5}; break;
    }
    s.add(Path::polyline(pts), strokeOnly(pal.ink, round ? 1.6 : 1.1, dash, round), id);
}

// ---------------------------------------------------------------- [SECTION] relation lines

std::vector<Point> offsetPolyline(const std::vector<Point>& pts, double d) {
    std::vector<Point> out;
    const std::size_t n = pts.size();
    for (std::size_t i = 0; i < n; ++i) {
        Point a = pts[i == 0 ? 0 : i - 1], b = pts[i + 1 < n ? i + 1 : n - 1];
        double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
        if (len < 1e-9) { out.push_back(pts[i]); continue; }
        out.push_back({pts[i].x + dy / len * d, pts[i].y - dx / len * d});
    }
    return out;
}

namespace {

double lengthOf(const std::vector<Point>& p) {
    double l = 0;
    for (std::size_t i = 0; i + 1 < p.size(); ++i) l += std::hypot(p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);
    return l;
}

// The point and direction at arc length `at`.
std::pair<Point, Point> pointAt(const std::vector<Point>& p, double at) {
    for (std::size_t i = 0; i + 1 < p.size(); ++i) {
        double seg = std::hypot(p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);
        if (at <= seg || i + 2 == p.size()) {
            double t = seg > 0 ? std::clamp(at / seg, 0.0, 1.0) : 0;
            Point dir{seg > 0 ? (p[i + 1].x - p[i].x) / seg : 1, seg > 0 ? (p[i + 1].y - p[i].y) / seg : 0};
            return {{p[i].x + t * (p[i + 1].x - p[i].x), p[i].y + t * (p[i + 1].y - p[i].y)}, dir};
        }
        at -= seg;
    }
    return {p.back(), {1, 0}};
}

// The stretch of the polyline between two arc lengths.
std::vector<Point> slice(const std::vector<Point>& p, double from, double to) {
    std::vector<Point> out{pointAt(p, from).first};
    double acc = 0;
    for (std::size_t i = 0; i + 1 < p.size(); ++i) {
        acc += std::hypot(p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);
        if (acc > from && acc < to) out.push_back(p[i + 1]);
    }
    out.push_back(pointAt(p, to).first);
    return out;
}

void arrowHead(Scene& s, const std::vector<Point>& pts, const Color& c, const std::string& id, double headHalf) {
    auto [tip, dir] = pointAt(pts, lengthOf(pts));
    const double half = headHalf > 0 ? headHalf : 3.0, len = headHalf > 0 ? std::max(5.5, 2.4 * half) : 7;
    Point base{tip.x - dir.x * len, tip.y - dir.y * len};
    Paint p;
    p.fill = c;
    s.add(Path::polyline({tip, {base.x - dir.y * half, base.y + dir.x * half}, {base.x + dir.y * half, base.y - dir.x * half}}, true),
          p, id);
}

}  // namespace

void drawRelation(Scene& s, const std::vector<Point>& pts, RelationKind k, const Palette& pal, const std::string& id,
                  double headHalf) {
    if (pts.size() < 2) return;
    const Color c = pal.relation(k);
    const double total = lengthOf(pts);
    auto stroke = [&](const std::vector<Point>& p, double w, std::vector<double> dash = {}, bool round = false) {
        s.add(Path::polyline(p), strokeOnly(c, w, std::move(dash), round), id);
    };
    // Arrowed lines stop short of the tip so the head stays sharp.
    auto shaft = [&] { return slice(pts, 0, std::max(0.0, total - (headHalf > 0 ? std::max(5.5, 2.4 * headHalf) - 1 : 6))); };
    switch (k) {
    case RelationKind::Close:
        stroke(offsetPolyline(pts, 1.7), 1.0);
        stroke(offsetPolyline(pts, -1.7), 1.0);
        break;
    case RelationKind::Fused:
        stroke(pts, 1.0);
        stroke(offsetPolyline(pts, 2.2), 0.9);
        stroke(offsetPolyline(pts, -2.2), 0.9);
        break;
    case RelationKind::Distant: stroke(pts, 1.1, {5, 4}); break;
    case RelationKind::Hostile: {
        std::vector<Point> zig{pts.front()};
        int i = 0;
        for (double at = 3; at < total - 3; at += 3, ++i) {
            auto [p, dir] = pointAt(pts, at);
            double off = (i % 2 ? -2.4 : 2.4);
            zig.push_back({p.x - dir.y * off, p.y + dir.x * off});
        }
        zig.push_back(pts.back());
        stroke(zig, 1.1);
        break;
    }
    case RelationKind::Cutoff: {
        // The gap in the middle of the line, or of its longest straight stretch (a route
        // with corners), so the bars never sit on a bend.
        double mid = total * 0.5, acc = 0, longest = 0;
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
            double seg = std::hypot(pts[i + 1].x - pts[i].x, pts[i + 1].y - pts[i].y);
            if (seg > longest && seg >= 30 && pts.size() > 2) {
                longest = seg;
                mid = acc + seg / 2;
            }
            acc += seg;
        }
        double g0 = mid - 6, g1 = mid + 6;
        stroke(slice(pts, 0, g0), 1.2);
        stroke(slice(pts, g1, total), 1.2);
        for (double at : {g0, g1}) {
            auto [p, dir] = pointAt(pts, at);
            line(s, {p.x - dir.y * 6, p.y + dir.x * 6}, {p.x + dir.y * 6, p.y - dir.x * 6}, strokeOnly(c, 1.4), id);
        }
        break;
    }
    case RelationKind::PhysicalAbuse: stroke(shaft(), 2.2); arrowHead(s, pts, c, id, headHalf); break;
    case RelationKind::EmotionalAbuse: stroke(shaft(), 1.6, {6, 3}); arrowHead(s, pts, c, id, headHalf); break;
    case RelationKind::SexualAbuse: {
        // A thin line strung with beads: distinct from every dashed kind in greyscale too.
        auto sh = shaft();
        stroke(sh, 1.0);
        const double l = lengthOf(sh);
        for (double at = 5; at < l - 6; at += 6.5) {
            Paint dot;
            dot.fill = c;
            Point q = pointAt(sh, at).first;
            s.add(Path::ellipse({q.x - 1.7, q.y - 1.7, 3.4, 3.4}), dot, id);
        }
        arrowHead(s, pts, c, id, headHalf);
        break;
    }
    case RelationKind::FinancialAbuse: stroke(shaft(), 1.5, {7, 2, 1.5, 2, 1.5, 2}); arrowHead(s, pts, c, id, headHalf); break;
    case RelationKind::Stalking: stroke(shaft(), 2.0, {0.1, 3.2}, true); arrowHead(s, pts, c, id, headHalf); break;
    case RelationKind::CoerciveControl: {
        auto sh = shaft();
        stroke(sh, 1.3);
        // Short barbs across the line: control that holds on.
        double l = lengthOf(sh);
        for (double at = 6; at < l - 8; at += 7) {
            auto [p, dir] = pointAt(sh, at);
            line(s, {p.x - dir.y * 2.4 - dir.x * 1.2, p.y + dir.x * 2.4 - dir.y * 1.2},
                 {p.x + dir.y * 2.4 + dir.x * 1.2, p.y - dir.x * 2.4 + dir.y * 1.2}, strokeOnly(c, 0.9), id);
        }
        arrowHead(s, pts, c, id, headHalf);
        break;
    }
    }
}

}  // namespace genochron::genogram
