// The genogram's key, listing only what the figure uses, with samples drawn by the
// figure's own symbol functions.
#include "core/figures/genogram/genogram_legend.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace genochron::genogram {

LegendItem legendItemFor(RelationKind k) {
    switch (k) {
    case RelationKind::Close: return LegendItem::RelClose;
    case RelationKind::Fused: return LegendItem::RelFused;
    case RelationKind::Distant: return LegendItem::RelDistant;
    case RelationKind::Hostile: return LegendItem::RelHostile;
    case RelationKind::Cutoff: return LegendItem::RelCutoff;
    case RelationKind::PhysicalAbuse: return LegendItem::RelPhysical;
    case RelationKind::EmotionalAbuse: return LegendItem::RelEmotional;
    case RelationKind::SexualAbuse: return LegendItem::RelSexual;
    case RelationKind::CoerciveControl: return LegendItem::RelCoercive;
    case RelationKind::FinancialAbuse: return LegendItem::RelFinancial;
    case RelationKind::Stalking: return LegendItem::RelStalking;
    }
    return LegendItem::RelClose;
}

std::string legendLabel(LegendItem i, bool anonymised) {
    switch (i) {
    case LegendItem::Male: return "Male";
    case LegendItem::Female: return "Female";
    case LegendItem::SexUnknown: return anonymised ? "Sex not known or not shown" : "Other or not known";
    case LegendItem::Index: return "Subject of the review";
    case LegendItem::Deceased: return "Died";
    case LegendItem::Years: return "Year born (left), died (right); age inside";
    case LegendItem::Pregnancy: return "Pregnancy";
    case LegendItem::Miscarriage: return "Miscarriage";
    case LegendItem::Abortion: return "Abortion";
    case LegendItem::Stillbirth: return "Stillbirth";
    case LegendItem::Twins: return "Twins";
    case LegendItem::IdenticalTwins: return "Identical twins";
    case LegendItem::SubstanceMisuse: return "Substance misuse";
    case LegendItem::MentalHealth: return "Mental health needs";
    case LegendItem::BothConditions: return "Substance misuse and mental health";
    case LegendItem::InRecovery: return "In recovery from substance misuse";
    case LegendItem::SuspectedMisuse: return "Suspected substance misuse";
    case LegendItem::Married: return "Married";
    case LegendItem::Cohabiting: return "Living together";
    case LegendItem::Dating: return "Dating";
    case LegendItem::Engaged: return "Engaged";
    case LegendItem::Separated: return "Separated";
    case LegendItem::Divorced: return "Divorced";
    case LegendItem::Widowed: return "Widowed (wid.)";
    case LegendItem::CoupleNoRecord: return "Parents (relationship not recorded)";
    case LegendItem::ChildBiological: return "Child";
    case LegendItem::ChildAdopted: return "Adopted child";
    case LegendItem::ChildFoster: return "Foster child";
    case LegendItem::ChildStep: return "Stepchild";
    case LegendItem::Household: return "Household at the review date";
    case LegendItem::RelClose: return "Close";
    case LegendItem::RelFused: return "Fused";
    case LegendItem::RelDistant: return "Distant";
    case LegendItem::RelHostile: return "Hostile";
    case LegendItem::RelCutoff: return "Cut off";
    case LegendItem::RelPhysical: return "Physical abuse";
    case LegendItem::RelEmotional: return "Emotional abuse";
    case LegendItem::RelSexual: return "Sexual abuse";
    case LegendItem::RelCoercive: return "Coercive control";
    case LegendItem::RelFinancial: return "Financial abuse";
    case LegendItem::RelStalking: return "Stalking";
    }
    return {};
}

namespace {

constexpr double kRowHPt = 18;
constexpr double kTallRowHPt = 32;   // the years sample: years above a symbol

double rowHeight(LegendItem i) { return i == LegendItem::Years ? kTallRowHPt : kRowHPt; }
constexpr double kSampleWPt = 40;
constexpr double kTextPt = 8;
const std::string kLegendId = "legend";

RelationKind relationOf(LegendItem i) {
    switch (i) {
    case LegendItem::RelFused: return RelationKind::Fused;
    case LegendItem::RelDistant: return RelationKind::Distant;
    case LegendItem::RelHostile: return RelationKind::Hostile;
    case LegendItem::RelCutoff: return RelationKind::Cutoff;
    case LegendItem::RelPhysical: return RelationKind::PhysicalAbuse;
    case LegendItem::RelEmotional: return RelationKind::EmotionalAbuse;
    case LegendItem::RelSexual: return RelationKind::SexualAbuse;
    case LegendItem::RelCoercive: return RelationKind::CoerciveControl;
    case LegendItem::RelFinancial: return RelationKind::FinancialAbuse;
    case LegendItem::RelStalking: return RelationKind::Stalking;
    default: return RelationKind::Close;
    }
}

// One sample, drawn in a box kSampleWPt x kRowHPt.
void drawSample(Scene& s, LegendItem i, const Rect& r, const Palette& pal) {
    const double cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    const Rect sym{cx - 7, cy - 7, 14, 14};
    const Rect small{cx - 6, cy - 6, 12, 12};
    SymbolSpec sp;
    auto partnership = [&](PartnershipStatus base, int slashes) {
        PartnershipStyle st{base, slashes};
        drawPartnership(s, {{r.x + 2, cy}, {r.right() - 2, cy}}, st, {cx, cy}, pal, kLegendId);
    };
    auto child = [&](Parentage p) { drawFamilyLine(s, {{cx, r.y + 2}, {cx, r.bottom() - 2}}, pal, kLegendId, p); };
    switch (i) {
    case LegendItem::Male: sp.sex = Sex::Male; drawSymbol(s, sp, sym, pal, kLegendId); break;
    case LegendItem::Female: sp.sex = Sex::Female; drawSymbol(s, sp, sym, pal, kLegendId); break;
    case LegendItem::SexUnknown: drawSymbol(s, sp, sym, pal, kLegendId); break;
    case LegendItem::Index: sp.sex = Sex::Female; sp.index = true; drawSymbol(s, sp, small, pal, kLegendId); break;
    case LegendItem::Deceased: sp.sex = Sex::Male; sp.deceased = true; drawSymbol(s, sp, sym, pal, kLegendId); break;
    case LegendItem::Years: {
        // As in the figure, at the figure's sizes: years over the symbol's corners, age inside.
        sp.sex = Sex::Male;
        Rect b{cx - 8, r.bottom() - 18, 16, 16};
        drawSymbol(s, sp, b, pal, kLegendId);
        auto text = [&](const char* txt, Point at, HAlign al, VAlign va, double size, FontWeight w, const Color& col) {
            TextItem t;
            t.text = txt;
            t.at = at;
            t.sizePt = size;
            t.halign = al;
            t.valign = va;
            t.weight = w;
            t.color = col;
            t.modelId = kLegendId;
            s.text(std::move(t));
        };
        text("1950", {cx - 1.5, b.y - 1}, HAlign::Right, VAlign::Bottom, 7, FontWeight::Normal, pal.muted);
        text("2020", {cx + 1.5, b.y - 1}, HAlign::Left, VAlign::Bottom, 7, FontWeight::Normal, pal.muted);
        text("70", {cx, b.y + b.h / 2}, HAlign::Center, VAlign::Middle, 7, FontWeight::Bold, pal.ink);
        break;
    }
    case LegendItem::Pregnancy: sp.pregnancy = Pregnancy::Pregnancy; drawSymbol(s, sp, small, pal, kLegendId); break;
    case LegendItem::Miscarriage: sp.pregnancy = Pregnancy::Miscarriage; drawSymbol(s, sp, small, pal, kLegendId); break;
    case LegendItem::Abortion: sp.pregnancy = Pregnancy::Abortion; drawSymbol(s, sp, small, pal, kLegendId); break;
    case LegendItem::Stillbirth: sp.pregnancy = Pregnancy::Stillbirth; drawSymbol(s, sp, small, pal, kLegendId); break;
    case LegendItem::Twins:
    case LegendItem::IdenticalTwins: {
        Point apex{cx, r.y + 2};
        Point l{cx - 9, r.bottom() - 2}, rr{cx + 9, r.bottom() - 2};
        drawFamilyLine(s, {apex, l}, pal, kLegendId);
        drawFamilyLine(s, {apex, rr}, pal, kLegendId);
        if (i == LegendItem::IdenticalTwins)
            drawFamilyLine(s, {{cx - 4.5, cy}, {cx + 4.5, cy}}, pal, kLegendId);
        break;
    }
    case LegendItem::SubstanceMisuse: sp.conditions = {Condition::SubstanceMisuse}; sp.sex = Sex::Male; drawSymbol(s, sp, sym, pal, kLegendId); break;
    case LegendItem::MentalHealth: sp.conditions = {Condition::MentalHealth}; sp.sex = Sex::Male; drawSymbol(s, sp, sym, pal, kLegendId); break;
    case LegendItem::BothConditions:
        sp.conditions = {Condition::SubstanceMisuse, Condition::MentalHealth};
        sp.sex = Sex::Male;
        drawSymbol(s, sp, sym, pal, kLegendId);
        break;
    case LegendItem::InRecovery:
        sp.conditions = {Condition::SubstanceMisuse, Condition::InRecovery};
        sp.sex = Sex::Male;
        drawSymbol(s, sp, sym, pal, kLegendId);
        break;
    case LegendItem::SuspectedMisuse:
        sp.conditions = {Condition::SuspectedSubstanceMisuse};
        sp.sex = Sex::Male;
        drawSymbol(s, sp, sym, pal, kLegendId);
        break;
    case LegendItem::Married: partnership(PartnershipStatus::Married, 0); break;
    case LegendItem::Cohabiting: partnership(PartnershipStatus::Cohabiting, 0); break;
    case LegendItem::Dating: partnership(PartnershipStatus::Dating, 0); break;
    case LegendItem::Engaged: partnership(PartnershipStatus::Engaged, 0); break;
    case LegendItem::Separated: partnership(PartnershipStatus::Married, 1); break;
    case LegendItem::Divorced: partnership(PartnershipStatus::Married, 2); break;
    case LegendItem::Widowed: partnership(PartnershipStatus::Married, 0); break;
    case LegendItem::CoupleNoRecord: partnership(PartnershipStatus::Married, 0); break;
    case LegendItem::ChildBiological: child(Parentage::Biological); break;
    case LegendItem::ChildAdopted: child(Parentage::Adoptive); break;
    case LegendItem::ChildFoster: child(Parentage::Foster); break;
    case LegendItem::ChildStep: child(Parentage::Step); break;
    case LegendItem::Household: {
        Paint p;
        p.stroke = pal.household;
        p.lineWidth = 1.2;
        p.dash = pal.householdDash;
        s.add(Path::roundedRect(r.inflated(-3), 5), p, kLegendId);
        break;
    }
    default: drawRelation(s, {{r.x + 2, cy}, {r.right() - 2, cy}}, relationOf(i), pal, kLegendId); break;
    }
}

}  // namespace

Rect drawLegend(Scene& s, const LegendUse& use, Point topLeft, double maxHeightPt, const Palette& pal) {
    if (use.items.empty()) return {topLeft.x, topLeft.y, 0, 0};
    // Sections, each kept in one column where it fits.
    struct Section {
        const char* title;
        LegendItem first, last;
    };
    static const Section kSections[] = {
        {"People", LegendItem::Male, LegendItem::IdenticalTwins},
        {"Health", LegendItem::SubstanceMisuse, LegendItem::SuspectedMisuse},
        {"Couples and children", LegendItem::Married, LegendItem::Household},
        {"Relationships", LegendItem::RelClose, LegendItem::RelStalking},
    };
    const double pad = 8, headH = 18, sectionH = 15, colGap = 14;
    struct Row {
        bool heading;
        std::string text;
        LegendItem item;
    };
    std::vector<std::vector<Row>> columns(1);
    double used = 0, usedMax = 0;
    const double room = std::max(maxHeightPt - 2 * pad - headH, 6 * kRowHPt);
    for (auto& sec : kSections) {
        std::vector<Row> rows;
        for (auto i : use.items)
            if (i >= sec.first && i <= sec.last) rows.push_back({false, i == LegendItem::Household ? "Household " + use.householdWhen : legendLabel(i, use.anonymised), i});
        if (rows.empty()) continue;
        double h = sectionH;
        for (auto& r : rows) h += rowHeight(r.item);
        if (used > 0 && used + h > room) {
            columns.emplace_back();
            used = 0;
        }
        columns.back().push_back({true, sec.title, sec.first});
        for (auto& r : rows) columns.back().push_back(r);
        used += h;
        usedMax = std::max(usedMax, used);
    }
    std::vector<double> colW;
    for (auto& col : columns) {
        double w = 0;
        for (auto& r : col)
            w = std::max(w, r.heading ? measureText(r.text, kTextPt, FontWeight::Bold).widthPt
                                      : kSampleWPt + 6 + measureText(r.text, kTextPt).widthPt);
        colW.push_back(w);
    }
    double totalW = 0;
    for (double w : colW) totalW += w;
    Rect box{topLeft.x, topLeft.y, 2 * pad + totalW + colGap * double(columns.size() - 1), 2 * pad + headH + usedMax};
    Paint frame;
    frame.stroke = pal.muted;
    frame.lineWidth = 0.6;
    frame.fill = pal.paper;
    s.add(Path::roundedRect(box, 4), frame, kLegendId);
    auto text = [&](std::string t, Point at, double size, FontWeight w, VAlign v, const Color& c) {
        TextItem ti;
        ti.text = std::move(t);
        ti.at = at;
        ti.sizePt = size;
        ti.weight = w;
        ti.valign = v;
        ti.color = c;
        ti.modelId = kLegendId;
        s.text(std::move(ti));
    };
    text("Key", {box.x + pad, box.y + pad}, 9.5, FontWeight::Bold, VAlign::Top, pal.ink);
    double x = box.x + pad;
    for (std::size_t ci = 0; ci < columns.size(); ++ci) {
        double y = box.y + pad + headH;
        for (auto& r : columns[ci]) {
            if (r.heading) {
                text(r.text, {x, y + sectionH - 3}, kTextPt, FontWeight::Bold, VAlign::Bottom, pal.muted);
                y += sectionH;
                continue;
            }
            const double rh = rowHeight(r.item);
            drawSample(s, r.item, {x, y, kSampleWPt, rh}, pal);
            // Beside the symbol (the years sample's symbol sits at the bottom of its row).
            const double ty = r.item == LegendItem::Years ? y + rh - 10 : y + rh / 2;
            text(r.text, {x + kSampleWPt + 6, ty}, kTextPt, FontWeight::Normal, VAlign::Middle, pal.ink);
            y += rh;
        }
        x += colW[ci] + colGap;
    }
    return box;
}

}  // namespace genochron::genogram
