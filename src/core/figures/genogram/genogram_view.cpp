// The genogram figure: the layout (genogram_layout) drawn as a scene with McGoldrick's
// symbols (genogram_symbols), relation lines over the family, households, labels,
// a title and a key listing only what is used. Draws only what the ViewCase holds.
// [SECTION] text and dates
// [SECTION] households
// [SECTION] family lines
// [SECTION] people and their labels
// [SECTION] the figure
#include "core/paint/cairo_painter.hpp"
#include "core/model/diagnostics.hpp"
#include "core/figures/genogram/genogram_geometry.hpp"
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/figures/genogram/genogram_legend.hpp"
#include "core/figures/genogram/genogram_symbols.hpp"
#include "core/figures/views.hpp"

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

std::string yearText(const std::optional<Date>& d) {
    if (!d || !d->known()) return {};
    return (d->approximate() || d->kind() != Date::Kind::Point ? "c." : "") + std::to_string(d->first().year);
}

// Age at death, else at the review's reference date, else today.
std::string ageText(const Person& p, const Case& c, long today) {
    if (!p.born || !p.born->known() || p.isPregnancyNode()) return {};
    std::optional<int> age;
    if (p.died) {
        if (p.died->known()) age = p.born->ageAt(*p.died);
    } else if (c.info.referenceDate && c.info.referenceDate->known()) {
        age = p.born->ageAt(*c.info.referenceDate);
    } else {
        age = p.born->ageAt(Date::fromDays(today));
    }
    if (!age || *age < 0) return {};
    return std::to_string(*age);
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

bool overlaps(const Date* from, const Date* to, const Date& at) {
    if (from && from->known() && from->earliestDay() > at.latestDay()) return false;
    if (to && to->known() && to->latestDay() < at.earliestDay()) return false;
    return true;
}

// Households at the reference date (all of them when there is none): a rounded outline
// around the members, dashed when others sit inside it; nested ones step outwards.
// The date households are shown at: the review's reference date, else the end of its
// scope (an anonymised case may have neither), else the latest date any household has.
std::optional<Date> householdDate(const Case& c) {
    if (c.info.referenceDate && c.info.referenceDate->known()) return c.info.referenceDate;
    if (c.info.scopeTo && c.info.scopeTo->known()) return c.info.scopeTo;
    std::optional<Date> latest;
    for (auto& h : c.households)
        for (auto* d : {h.from ? &*h.from : nullptr, h.to ? &*h.to : nullptr})
            if (d && d->known() && (!latest || *latest < *d)) latest = *d;
    return latest;
}

// Where a household's name goes: the corner of its outline (inside, else just below) whose
// text box the fewest drawn lines and people pass through, so a relation line running along
// the outline never strikes through the name. Ties keep the first: bottom left.
struct LabelSpot {
    Point at;
    HAlign h;
    VAlign v;
};

LabelSpot householdLabelSpot(const std::string& text, const Rect& outline, const Layout& l,
                             const std::vector<Rect>& taken) {
    const TextExtent e = measureText(text, kSmallPt, FontWeight::Normal, true);
    const LabelSpot spots[] = {
        {{outline.x + 8, outline.bottom() - 2}, HAlign::Left, VAlign::Bottom},
        {{outline.right() - 8, outline.bottom() - 2}, HAlign::Right, VAlign::Bottom},
        {{outline.x + 8, outline.y + 2}, HAlign::Left, VAlign::Top},
        {{outline.right() - 8, outline.y + 2}, HAlign::Right, VAlign::Top},
        {{outline.x + 8, outline.bottom() + 2}, HAlign::Left, VAlign::Top},
        {{outline.right() - 8, outline.bottom() + 2}, HAlign::Right, VAlign::Top},
    };
    auto boxOf = [&](const LabelSpot& sp) {
        double x = sp.h == HAlign::Left ? sp.at.x : sp.at.x - e.widthPt;
        double y = sp.v == VAlign::Top ? sp.at.y : sp.at.y - e.heightPt;
        return Rect{x, y, e.widthPt, e.heightPt}.inflated(1);
    };
    double best = 1e18;
    LabelSpot chosen = spots[0];
    for (const auto& sp : spots) {
        const Rect r = boxOf(sp);
        double cost = 0;
        for (const auto& ln : l.lines)
            for (std::size_t i = 0; i + 1 < ln.points.size(); ++i)
                if (geom::segmentHitsRect(ln.points[i], ln.points[i + 1], r)) {
                    cost += ln.kind == LineKind::Relation ? 10 : 6;
                    break;
                }
        for (const auto& p : l.people) {
            Point ctr = p.centre();
            Rect label{ctr.x - kLabelSlotWPt / 2 + 6, p.box.bottom() + 2, kLabelSlotWPt - 12, kLabelSlotHPt - 6};
            if (p.box.inflated(2).intersects(r)) cost += 50;
            else if (label.intersects(r)) cost += 8;
        }
        for (const auto& t : taken)
            if (t.intersects(r)) cost += 20;
        if (cost < best - 1e-9) {
            best = cost;
            chosen = sp;
        }
    }
    return chosen;
}

void drawHouseholds(Scene& s, Scene& labels, const Case& c, const Layout& l, const Palette& pal, LegendUse& use) {
    std::vector<const Household*> shown;
    const std::optional<Date> at = householdDate(c);
    for (auto& h : c.households)
        if (!at || overlaps(h.from ? &*h.from : nullptr, h.to ? &*h.to : nullptr, *at)) shown.push_back(&h);
    std::vector<Rect> drawn, labelBoxes;
    for (auto* h : shown) {
        Rect r;
        bool any = false;
        for (auto& m : h->members)
            if (auto* p = l.person(m)) {
                Point ctr = p->centre();
                Rect cell{ctr.x - kLabelSlotWPt / 2 + 4, p->box.y - kYearSlotHPt, kLabelSlotWPt - 8,
                          p->box.h + kYearSlotHPt + kLabelSlotHPt - 4};
                r = any ? r.united(cell) : cell;
                any = true;
            }
        if (!any) continue;
        bool strangers = false;
        for (auto& p : l.people)
            if (std::find(h->members.begin(), h->members.end(), p.id) == h->members.end() && r.contains(p.centre()))
                strangers = true;
        int nest = 0;
        for (auto& d : drawn)
            if (d.intersects(r)) ++nest;
        drawn.push_back(r);
        Rect outline = r.inflated(4 + 5 * nest);
        Paint p;
        p.stroke = pal.household;
        p.lineWidth = 1.2;
        if (strangers) p.dash = {5, 3};
        s.add(Path::roundedRect(outline, 10), p, "household:" + h->id);
        if (!h->label.empty()) {
            // Over the lines, on a paper plate, at the corner where the fewest lines pass.
            const LabelSpot at = householdLabelSpot(h->label, outline, l, labelBoxes);
            const TextExtent e = measureText(h->label, kSmallPt, FontWeight::Normal, true);
            labelBoxes.push_back({at.h == HAlign::Left ? at.at.x : at.at.x - e.widthPt,
                                  at.v == VAlign::Top ? at.at.y : at.at.y - e.heightPt, e.widthPt, e.heightPt});
            addText(labels, h->label, at.at, kSmallPt, at.h, at.v, pal.household, "household:" + h->id, 0, true,
                    FontWeight::Normal, pal.paper);
        }
        use.add(strangers ? LegendItem::HouseholdAround : LegendItem::Household);
    }
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

// The years of a partnership ("m. 2016 / div. 2020"): above the line, or below it when
// relation lines between the couple arc above; beside the descent for a line drawn over
// the top of a partner between them.
void drawPartnershipLabel(Scene& s, const Layout& l, const Line& ln, const Union& u, const std::string& label,
                          const Palette& pal, const std::string& id) {
    if (label.empty()) return;
    const double y = ln.points.front().y;
    if (ln.overTop) {
        // In the gap beside the descent, at the partners' mid-height (nothing else is there).
        double cy = y;
        for (auto& p : l.people)
            if (p.id == ln.from) cy = p.centre().y;
        // Centred between the descent and the nearest symbol on its left.
        double leftEdge = u.at.x - 36;
        for (auto& p : l.people)
            if (std::abs(p.centre().y - cy) < 1 && p.box.right() < u.at.x && p.box.right() > leftEdge) leftEdge = p.box.right();
        addText(s, label, {(leftEdge + u.at.x) / 2, cy}, 6, HAlign::Center, VAlign::Middle, pal.muted, id, 0, false,
                FontWeight::Normal, pal.paper);
        return;
    }
    double above = 0, below = 0, top = y;
    for (auto& r : l.lines)
        if (r.kind == LineKind::Relation &&
            ((r.from == ln.from && r.to == ln.to) || (r.from == ln.to && r.to == ln.from)))
            for (auto& p : r.points) {
                (p.y < y ? above : below) += 1;
                top = std::min(top, p.y);
            }
    const double mx = (ln.points.front().x + ln.points.back().x) / 2;
    double half = kSymbolPt / 2;
    for (auto& p : l.people)
        if (p.id == ln.from || p.id == ln.to) half = std::min(half, p.box.h / 2);
    if (above > 0 && top >= y - half - 1) {
        // Straight relation lines between the couple, above their line: the years go
        // above the symbols, in the gap between the two.
        addText(s, label, {mx, y - half - 2}, kSmallPt, HAlign::Center, VAlign::Bottom, pal.muted, id, 0, false,
                FontWeight::Normal, pal.paper);
    } else if (above <= below) {
        addText(s, label, {mx, y - 7}, kSmallPt, HAlign::Center, VAlign::Bottom, pal.muted, id, 0, false, FontWeight::Normal,
                pal.paper);
    } else if (!u.children.empty()) {
        addText(s, label, {u.at.x - 3, y + 7}, kSmallPt, HAlign::Right, VAlign::Top, pal.muted, id, 0, false,
                FontWeight::Normal, pal.paper);
    } else {
        addText(s, label, {mx, y + 7}, kSmallPt, HAlign::Center, VAlign::Top, pal.muted, id, 0, false, FontWeight::Normal,
                pal.paper);
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
            // Slashes sit beside the descent line when there are children, else mid-line.
            Point mark = u.at;
            if (!u.children.empty()) mark.x -= 11;
            const std::string id = "partnership:" + pairId(u.partners);
            drawPartnership(s, ln.points, st, mark, pal, id);
            use.add(legendFor(st, pt));
            if (st.slashes && st.base != PartnershipStatus::Married) use.add(legendFor({st.base, 0}, pt));
            if (pt) drawPartnershipLabel(labels, l, ln, u, partnershipLabel(*pt), pal, id);
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
        if (ln.kind == LineKind::Child && ln.points.size() == 2 && std::abs(ln.points[0].x - ln.points[1].x) > 0.5)
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

void drawPeople(Scene& s, const Case& c, const Layout& l, const Lookup& who, const Palette& pal, long today,
                LegendUse& use) {
    std::multimap<std::string, double> overTopAttach;   // person -> x where a serial partner's line lands
    for (auto& ln : l.lines)
        if (ln.kind == LineKind::Partnership && ln.overTop)
            for (const Point& end : {ln.points.front(), ln.points.back()})
                for (auto& pb : l.people)
                    if (std::abs(pb.box.y - end.y) < 0.5 && end.x >= pb.box.x && end.x <= pb.box.right())
                        overTopAttach.emplace(pb.id, end.x);
    for (auto& pb : l.people) {
        const Person* p = who(pb.id);
        if (!p) continue;
        std::string age = ageText(*p, c, today);
        drawSymbol(s, symbolSpecFor(*p, age), pb.box, pal, pb.id);
        Point ctr = pb.centre();
        double top = pb.box.y - (p->index ? 3.5 : 0);
        std::string born = p->isPregnancyNode() ? std::string() : yearText(p->born);
        std::string died = p->isPregnancyNode() ? std::string() : yearText(p->died);
        // Years clear of a serial partner's line coming down into the symbol's top.
        double bornRight = ctr.x - 2, diedLeft = ctr.x + 2;
        auto attach = overTopAttach.equal_range(pb.id);
        for (auto it = attach.first; it != attach.second; ++it) {
            if (it->second < ctr.x) bornRight = std::min(bornRight, it->second - 2.5);
            else diedLeft = std::max(diedLeft, it->second + 2.5);
        }
        addText(s, born, {bornRight, top - 1.5}, kSmallPt, HAlign::Right, VAlign::Bottom, pal.muted, pb.id, 0, false,
                FontWeight::Normal, pal.paper);
        addText(s, died, {diedLeft, top - 1.5}, kSmallPt, HAlign::Left, VAlign::Bottom, pal.muted, pb.id, 0, false,
                FontWeight::Normal, pal.paper);
        notePersonLegend(*p, use, !age.empty() || !born.empty() || !died.empty());

        // The name as the data holds it (the pseudonym when anonymised), then roles.
        std::string name = !p->name.empty() ? p->name : p->pseudonym;
        double y = pb.box.bottom() + (p->index ? 5.5 : 2.5);
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
    for (auto& p : l.people) { p.box.x += dx; p.box.y += dy; }
    for (auto& u : l.unions) { u.at.x += dx; u.at.y += dy; }
    for (auto& ln : l.lines)
        for (auto& pt : ln.points) { pt.x += dx; pt.y += dy; }
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
    const Palette pal = paletteFor(opt.theme);
    const long today = opt.todayDays ? opt.todayDays : todayDays();

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

    Layout l = shifted(layoutGenogram(c, lo), kMarginPt, top);
    Lookup who;
    for (auto& p : c.people) who.person[p.id] = &p;
    LegendUse use;
    use.anonymised = vc.anonymised();

    if (l.people.empty()) {
        addText(s, "No people to draw: add people to the case.", {kMarginPt, top}, 10, HAlign::Left, VAlign::Top,
                pal.muted, {});
    }
    Scene labels;   // drawn last, over every line
    drawHouseholds(s, labels, c, l, pal, use);
    drawFamilyLines(s, labels, c, l, who, pal, use);
    for (auto& ln : l.lines) {   // over the family lines, under the symbols: they never hide anyone
        if (ln.kind != LineKind::Relation || ln.ref < 0) continue;
        RelationKind k = c.relations[ln.ref].kind;
        drawRelation(s, ln.points, k, pal, "relation:" + std::to_string(ln.ref));
        use.add(legendItemFor(k));
    }
    drawPeople(s, c, l, who, pal, today, use);
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
    d.pages.push_back(std::move(s));
    d.outlineTitle = "Genogram";
    return d;
}

}  // namespace genochron
