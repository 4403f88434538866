// The genogram figure: the layout (genogram_layout) drawn as a scene with McGoldrick's
// symbols (genogram_symbols), relation lines over the family, households, labels,
// a title and a key listing only what is used. Draws only what the ViewCase holds.
// [SECTION] text and dates
// [SECTION] households
// [SECTION] family lines
// [SECTION] people and their labels
// [SECTION] the figure
#include "core/scene/page.hpp"
#include "core/model/diagnostics.hpp"
#include "core/figures/genogram/genogram_geometry.hpp"
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/figures/genogram/genogram_legend.hpp"
#include "core/figures/genogram/genogram_symbols.hpp"
#include "core/figures/genogram/genogram_view.hpp"
#include "core/model/as_of.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace genochron {

namespace {

using namespace genogram;

// ---------------------------------------------------------------- [SECTION] text and dates

constexpr double kMarginPt = 24;
constexpr double kNamePt = 8;
constexpr double kSmallPt = 7;

// Text, optionally on a paper-coloured plate so lines passing behind never garble it.
void addText(Scene& s, std::string text, Point at, double size, HAlign h, VAlign v, const Color& c,
             const std::string& id, double maxW = 0, bool italic = false, FontWeight w = FontWeight::Normal,
             const std::optional<Color>& plate = std::nullopt) {
    if (text.empty()) return;
    if (plate) {
        TextExtent e = measureText(text, size, w, italic, maxW);
        double x = h == HAlign::Left ? at.x : h == HAlign::Center ? at.x - e.widthPt / 2 : at.x - e.widthPt;
        double y = v == VAlign::Top ? at.y : v == VAlign::Middle ? at.y - e.heightPt / 2
                 : v == VAlign::Baseline ? at.y - e.baselinePt : at.y - e.heightPt;
        Paint p;
        p.fill = Color{plate->r, plate->g, plate->b, 0.85};
        s.add(Path::roundedRect(Rect{x, y, e.widthPt, e.heightPt}.inflated(0.8), 1.5), p, id);
    }
    TextItem t;
    t.text = std::move(text);
    t.at = at;
    t.sizePt = size;
    t.halign = h;
    t.valign = v;
    t.color = c;
    t.modelId = id;
    t.maxWidthPt = maxW;
    t.italic = italic;
    t.weight = w;
    s.text(std::move(t));
}

std::string rolesText(const Person& p) {
    std::string out;
    for (Role r : p.roles) {
        if (r == Role::Family || r == Role::Child || r == Role::Other) continue;
        if (!out.empty()) out += ", ";
        out += std::string(toString(r));
    }
    return out;
}

std::string pairId(const std::vector<std::string>& partners) {
    std::string s;
    for (auto& p : partners) s += (s.empty() ? "" : "+") + p;
    return s;
}

// ---------------------------------------------------------------- [SECTION] households

// A closed rectilinear loop with rounded corners (each no larger than half its edges).
Path roundedLoop(const std::vector<Point>& loop, double radius) {
    Path path;
    const std::size_t n = loop.size();
    if (n < 3) return path;
    auto corner = [&](std::size_t k, Point& in, Point& out) {
        Point prev = loop[(k + n - 1) % n], c = loop[k], next = loop[(k + 1) % n];
        double l1 = std::hypot(c.x - prev.x, c.y - prev.y), l2 = std::hypot(next.x - c.x, next.y - c.y);
        double r = std::min({radius, l1 / 2, l2 / 2});
        in = {c.x + (prev.x - c.x) / std::max(l1, 1e-9) * r, c.y + (prev.y - c.y) / std::max(l1, 1e-9) * r};
        out = {c.x + (next.x - c.x) / std::max(l2, 1e-9) * r, c.y + (next.y - c.y) / std::max(l2, 1e-9) * r};
    };
    Point in0, out0;
    corner(0, in0, out0);
    path.moveTo(out0);
    for (std::size_t k = 1; k <= n; ++k) {
        Point in, out;
        corner(k % n, in, out);
        const Point c = loop[k % n];
        path.lineTo(in);
        // A quarter circle's Bezier: control points 0.552 of the way to the corner.
        constexpr double kk = 0.5523;
        path.curveTo({in.x + (c.x - in.x) * kk, in.y + (c.y - in.y) * kk}, {out.x + (c.x - out.x) * kk, out.y + (c.y - out.y) * kk},
                     out);
    }
    path.close();
    return path;
}

// Households at the date shown: outlines around their members only (the layout makes
// them bend around everyone else), the name on a paper plate over the lines.
void drawHouseholds(Scene& s, Scene& labels, const Layout& l, const Palette& pal, LegendUse& use) {
    // First a light wash over each household's area (so overlapping households can be told
    // apart), then the outlines over all the washes.
    Scene outlines;
    for (std::size_t i = 0; i < l.households.size(); ++i) {
        const auto& h = l.households[i];
        const Color c = pal.householdColour(i);
        Path area;
        for (const auto& loop : h.loops) {
            const Path rounded = roundedLoop(loop, 8);   // named: ops() of a temporary would dangle
            for (const auto& op : rounded.ops()) {
                if (op.kind == PathOp::Move) area.moveTo(op.p[0]);
                else if (op.kind == PathOp::Line) area.lineTo(op.p[0]);
                else if (op.kind == PathOp::Curve) area.curveTo(op.p[0], op.p[1], op.p[2]);
                else area.close();
            }
        }
        Paint wash;
        wash.fill = Color{c.r, c.g, c.b, pal.print ? 0.07 : 0.06};
        s.add(area, wash, "household:" + h.id);
        Paint p;
        p.stroke = c;
        p.lineWidth = 1.2;
        p.dash = pal.householdDashFor(i);
        outlines.add(area, p, "household:" + h.id);
        if (!h.label.empty() && h.labelBox.w > 0)
            addText(labels, h.label, {h.labelBox.x, h.labelBox.y}, kSmallPt, HAlign::Left, VAlign::Top, c,
                    "household:" + h.id, 0, true, FontWeight::Normal, pal.paper);
        use.add(LegendItem::Household);
    }
    for (auto& item : outlines.items) s.items.push_back(std::move(item));
}

// ---------------------------------------------------------------- [SECTION] family lines

struct Lookup {
    std::map<std::string, const Person*> person;
    const Person* operator()(const std::string& id) const {
        auto it = person.find(id);
        return it == person.end() ? nullptr : it->second;
    }
};

LegendItem legendFor(const PartnershipStyle& st, const Partnership* pt) {
    if (!pt) return LegendItem::CoupleNoRecord;
    if (pt->status == PartnershipStatus::Widowed) return LegendItem::Widowed;
    if (st.slashes == 2) return LegendItem::Divorced;
    if (st.slashes == 1) return LegendItem::Separated;
    switch (st.base) {
    case PartnershipStatus::Cohabiting: return LegendItem::Cohabiting;
    case PartnershipStatus::Dating: return LegendItem::Dating;
    case PartnershipStatus::Engaged: return LegendItem::Engaged;
    default: return LegendItem::Married;
    }
}

// Partnership labels go to `labels`, drawn after the symbols so none is hidden.
void drawFamilyLines(Scene& s, Scene& labels, const Case& c, const Layout& l, const Lookup& who, const Palette& pal,
                     LegendUse& use) {
    for (auto& ln : l.lines) {
        if (ln.kind == LineKind::Relation || ln.ref < 0) continue;
        const Union& u = l.unions[ln.ref];
        const std::string unionId = "union:" + pairId(u.partners);
        switch (ln.kind) {
        case LineKind::Partnership: {
            const Partnership* pt = u.partnership >= 0 ? &c.partnerships[u.partnership] : nullptr;
            PartnershipStyle st = partnershipStyle(pt);
            const std::string id = "partnership:" + pairId(u.partners);
            drawPartnership(s, ln.points, st, u.markAt, pal, id);
            use.add(legendFor(st, pt));
            if (st.slashes && st.base != PartnershipStatus::Married) use.add(legendFor({st.base, 0}, pt));
            if (!u.label.empty() && u.labelBox.w > 0)
                addText(labels, u.label, {u.labelBox.x, u.labelBox.y}, u.labelPt, HAlign::Left,
                        VAlign::Top, pal.muted, id, 0, false, FontWeight::Normal, pal.paper);
            break;
        }
        case LineKind::Descent:
        case LineKind::Sibship: drawFamilyLine(s, ln.points, pal, unionId); break;
        case LineKind::Child: {
            const Person* ch = who(ln.to);
            Parentage pa = ch ? ch->parentage : Parentage::Biological;
            drawFamilyLine(s, ln.points, pal, ln.to, pa);
            use.add(pa == Parentage::Adoptive  ? LegendItem::ChildAdopted
                    : pa == Parentage::Foster  ? LegendItem::ChildFoster
                    : pa == Parentage::Step    ? LegendItem::ChildStep
                                               : LegendItem::ChildBiological);
            break;
        }
        case LineKind::Relation: break;
        }
    }
    // Twins: child lines that share their top point; identical twins add a bar between.
    std::map<std::pair<long, long>, std::vector<const Line*>> byApex;
    for (auto& ln : l.lines)
        if (ln.kind == LineKind::Child && ln.points.size() >= 2 && std::abs(ln.points[0].x - ln.points[1].x) > 0.5)
            byApex[{std::lround(ln.points[0].x * 10), std::lround(ln.points[0].y * 10)}].push_back(&ln);
    for (auto& [apex, group] : byApex) {
        if (group.size() < 2) continue;
        bool identical = false;
        for (auto* ln : group)
            if (const Person* p = who(ln->to); p && p->identicalTwin) identical = true;
        use.add(identical ? LegendItem::IdenticalTwins : LegendItem::Twins);
        if (!identical) continue;
        auto at = [](const Line* ln, double t) {
            return Point{ln->points[0].x + t * (ln->points[1].x - ln->points[0].x),
                         ln->points[0].y + t * (ln->points[1].y - ln->points[0].y)};
        };
        drawFamilyLine(s, {at(group.front(), 0.45), at(group.back(), 0.45)}, pal, "twins:" + group.front()->to);
    }
}

// ---------------------------------------------------------------- [SECTION] people and their labels

void notePersonLegend(const Person& p, LegendUse& use, bool hasAgeOrYears) {
    if (p.pregnancy) {
        switch (*p.pregnancy) {
        case Pregnancy::Pregnancy: use.add(LegendItem::Pregnancy); break;
        case Pregnancy::Miscarriage: use.add(LegendItem::Miscarriage); break;
        case Pregnancy::Abortion: use.add(LegendItem::Abortion); break;
        case Pregnancy::Stillbirth: use.add(LegendItem::Stillbirth); break;
        }
        return;
    }
    use.add(p.sex == Sex::Male ? LegendItem::Male : p.sex == Sex::Female ? LegendItem::Female : LegendItem::SexUnknown);
    if (p.index) use.add(LegendItem::Index);
    if (p.died) use.add(LegendItem::Deceased);
    if (hasAgeOrYears) use.add(LegendItem::Years);
    for (auto m : conditionMarks(p.conditions)) {
        switch (m) {
        case ConditionMark::SubstanceMisuse: use.add(LegendItem::SubstanceMisuse); break;
        case ConditionMark::MentalHealth: use.add(LegendItem::MentalHealth); break;
        case ConditionMark::Both: use.add(LegendItem::BothConditions); break;
        case ConditionMark::InRecovery: use.add(LegendItem::InRecovery); break;
        case ConditionMark::Suspected: use.add(LegendItem::SuspectedMisuse); break;
        case ConditionMark::None: break;
        }
    }
}

void drawPeople(Scene& s, const Layout& l, const Lookup& who, const Palette& pal, LegendUse& use) {
    for (auto& pb : l.people) {
        const Person* p = who(pb.id);
        if (!p) continue;
        drawSymbol(s, symbolSpecFor(*p, pb.age), pb.box, pal, pb.id);
        Point ctr = pb.centre();
        if (pb.bornBox.w > 0)
            addText(s, pb.born, {pb.bornBox.right(), pb.bornBox.bottom()}, kSmallPt, HAlign::Right, VAlign::Bottom,
                    pal.muted, pb.id, 0, false, FontWeight::Normal, pal.paper);
        if (pb.diedBox.w > 0)
            addText(s, pb.died, {pb.diedBox.x, pb.diedBox.bottom()}, kSmallPt, HAlign::Left, VAlign::Bottom, pal.muted,
                    pb.id, 0, false, FontWeight::Normal, pal.paper);
        notePersonLegend(*p, use, !pb.age.empty() || !pb.born.empty() || !pb.died.empty());

        // The name as the data holds it (the pseudonym when anonymised), then roles.
        std::string name = !p->name.empty() ? p->name : p->pseudonym;
        double y = pb.nameSlot.y;
        if (p->isPregnancyNode()) {
            addText(s, name, {ctr.x, y}, kSmallPt, HAlign::Center, VAlign::Top, pal.muted, pb.id, kLabelSlotWPt, true,
                    FontWeight::Normal, pal.paper);
            continue;
        }
        addText(s, name, {ctr.x, y}, kNamePt, HAlign::Center, VAlign::Top, pal.ink, pb.id, kLabelSlotWPt, false,
                p->index ? FontWeight::Bold : FontWeight::Normal, pal.paper);
        std::string roles = rolesText(*p);
        if (!roles.empty()) {
            double nameH = measureText(name, kNamePt, FontWeight::Normal, false, kLabelSlotWPt).heightPt;
            addText(s, roles, {ctr.x, y + nameH}, kSmallPt, HAlign::Center, VAlign::Top, pal.muted, pb.id,
                    kLabelSlotWPt, true, FontWeight::Normal, pal.paper);
        }
    }
}

Layout shifted(Layout l, double dx, double dy) {
    auto mv = [&](Rect& r) { r.x += dx; r.y += dy; };
    auto mp = [&](Point& p) { p.x += dx; p.y += dy; };
    for (auto& p : l.people) {
        mv(p.box);
        mv(p.bornBox);
        mv(p.diedBox);
        mv(p.nameSlot);
    }
    for (auto& u : l.unions) {
        mp(u.at);
        mp(u.markAt);
        mv(u.labelBox);
    }
    for (auto& ln : l.lines)
        for (auto& pt : ln.points) mp(pt);
    for (auto& h : l.households) {
        mv(h.labelBox);
        for (auto& loop : h.loops)
            for (auto& pt : loop) mp(pt);
    }
    for (auto& lab : l.labels) mv(lab.box);
    l.bbox.x += dx;
    l.bbox.y += dy;
    return l;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] the figure

Document buildGenogramView(const ViewCase& vc, const ViewOptions& opt) {
    const Case& c = vc.data();
    LayoutOptions lo;
    lo.person = opt.person;
    lo.depth = opt.depth;
    lo.todayDays = opt.todayDays;
    const Palette pal = paletteFor(opt.theme);

    Scene s;
    std::string title = !opt.title.empty() ? opt.title : !c.info.title.empty() ? c.info.title : "Genogram";
    addText(s, title, {kMarginPt, kMarginPt}, 15, HAlign::Left, VAlign::Top, pal.ink, {}, 0, false, FontWeight::Bold);
    double titleH = measureText(title, 15, FontWeight::Bold).heightPt;
    std::string sub = "Genogram";
    if (!opt.person.empty()) {
        const Person* centre = c.person(opt.person);
        std::string who = centre ? (!centre->name.empty() ? centre->name : centre->pseudonym) : opt.person;
        sub += ": the family within " + std::to_string(opt.depth) + (opt.depth == 1 ? " step" : " steps") + " of " + who;
    }
    addText(s, sub, {kMarginPt, kMarginPt + titleH + 1}, 9, HAlign::Left, VAlign::Top, pal.muted, {});
    const double top = kMarginPt + titleH + 26;

    Layout l = shifted(layoutGenogram(vc, lo), kMarginPt, top);
    Lookup who;
    for (auto& p : c.people) who.person[p.id] = &p;
    LegendUse use;
    use.anonymised = vc.anonymised();
    if (opt.asOf) use.householdWhen = asOfLabel(*opt.asOf);

    if (l.people.empty()) {
        addText(s, "No people to draw: add people to the case.", {kMarginPt, top}, 10, HAlign::Left, VAlign::Top,
                pal.muted, {});
    }
    Scene labels;   // drawn last, over every line
    drawHouseholds(s, labels, l, pal, use);
    drawFamilyLines(s, labels, c, l, who, pal, use);
    for (auto& ln : l.lines) {   // over the family lines, under the symbols: they never hide anyone
        if (ln.kind != LineKind::Relation || ln.ref < 0) continue;
        RelationKind k = c.relations[ln.ref].kind;
        drawRelation(s, ln.points, k, pal, "relation:" + std::to_string(ln.ref), ln.headPt);
        use.add(legendItemFor(k));
    }
    drawPeople(s, l, who, pal, use);
    for (auto& item : labels.items) s.items.push_back(std::move(item));

    double contentW = std::max(l.bbox.w, measureText(title, 15, FontWeight::Bold).widthPt);
    double contentBottom = top + std::max(l.bbox.h, 20.0);
    Rect legend{kMarginPt + contentW, top, 0, 0};
    if (opt.legend) {
        // The key beside the figure; on a paper page, below it instead when that lets the
        // figure be drawn larger (a wide family on a portrait page).
        Scene side, below;
        Rect rs = drawLegend(side, use, {kMarginPt + contentW + 28, top}, std::max(l.bbox.h, 260.0), pal);
        legend = rs;
        if (opt.page.size != PageSpec::Size::Fit) {
            Rect rb = drawLegend(below, use, {kMarginPt, contentBottom + 20}, 150, pal);
            auto scaleFor = [&](double w, double h) {
                Scene probe;
                probe.widthPt = w;
                probe.heightPt = h;
                auto [pw, ph] = opt.page.pagePt(probe);
                return std::min((pw - 2 * opt.page.marginPt) / w, (ph - 2 * opt.page.marginPt) / h);
            };
            double sideScale = scaleFor(std::max(kMarginPt + contentW, rs.right()) + kMarginPt,
                                        std::max(contentBottom, rs.bottom()) + kMarginPt);
            double belowScale = scaleFor(std::max(kMarginPt + contentW, rb.right()) + kMarginPt, rb.bottom() + kMarginPt);
            if (belowScale > sideScale * 1.05) {
                legend = rb;
                side = std::move(below);
            }
        }
        for (auto& item : side.items) s.items.push_back(std::move(item));
    }
    s.widthPt = std::ceil(std::max(kMarginPt + contentW, legend.right()) + kMarginPt);
    s.heightPt = std::ceil(std::max(contentBottom, legend.bottom()) + kMarginPt);
    s.background = pal.paper;

    Document d;
    d.anonymised = vc.anonymised();
    d.pages.push_back(std::move(s));
    d.outlineTitle = "Genogram";
    return d;
}

}  // namespace genochron
