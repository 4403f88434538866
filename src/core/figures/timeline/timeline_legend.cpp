// The timeline's key: only the marks the figure uses, each drawn with the same painter
// calls as the figure itself, flowing left to right in rows.
#include "core/figures/timeline/timeline_layout.hpp"

#include <functional>

namespace genochron::timeline {

namespace {

constexpr double kRowPt = 16;
constexpr double kTextSizePt = 7;

struct Entry {
    double sampleW;
    std::function<void(MarkPainter&, Point)> sample;   // centre-left of the sample box
    std::string label;
};

}  // namespace

double drawLegend(Scene& sc, const Palette& pal, const GlyphUse& use, const TimelineLayout& lay, double x, double y,
                  double width, bool draw) {
    GlyphUse scratch;   // samples must not count as uses
    MarkPainter mp(sc, pal, scratch);
    const double r = kMarkerRadiusPt;
    std::vector<Entry> entries;
    auto add = [&](Glyph g, double w, std::function<void(MarkPainter&, Point)> f, std::string label) {
        if (use.has(g)) entries.push_back({w, std::move(f), std::move(label)});
    };
    if (use.has(Glyph::AgencyRecord) || use.has(Glyph::FoldAgency)) {
        if (pal.theme == Theme::Print || use.kinds.empty()) {
            entries.push_back({10, [](MarkPainter& m, Point p) { m.marker({p.x + 5, p.y}, Provenance::Agency, AgencyKind::Other, {}); },
                               "Agency record"});
        } else {
            for (int rank : use.kinds) {
                AgencyKind k = kKindOrder[std::size_t(rank)];
                entries.push_back({10, [k](MarkPainter& m, Point p) { m.marker({p.x + 5, p.y}, Provenance::Agency, k, {}); },
                                   std::string(kindLabel(k))});
            }
        }
    }
    add(Glyph::FamilySide, 12, [](MarkPainter& m, Point p) { m.marker({p.x + 6, p.y}, Provenance::FamilySide, AgencyKind::Other, {}); },
        "Family, friends and others: their account");
    add(Glyph::Panel, 10, [](MarkPainter& m, Point p) { m.marker({p.x + 5, p.y}, Provenance::Panel, AgencyKind::Other, {}); },
        "Review panel");
    add(Glyph::MissedOpportunity, 34, [r](MarkPainter& m, Point p) {
            m.marker({p.x + 7, p.y}, Provenance::Agency, AgencyKind::Other, {});
            m.moRing({p.x + 7, p.y}, {});
            m.moBadge({p.x + 25, p.y}, 1, {});
            (void)r;
        }, "Missed opportunity, numbered as in the chronology");
    for (auto [g, risk, label] : {std::tuple{Glyph::RiskStandard, Risk::Standard, "DASH standard risk"},
                                  std::tuple{Glyph::RiskMedium, Risk::Medium, "DASH medium risk"},
                                  std::tuple{Glyph::RiskHigh, Risk::High, "DASH high risk"}})
        add(g, 8, [r = risk](MarkPainter& m, Point p) { m.riskBadge({p.x + 4, p.y}, r, {}); }, label);   // clang: no binding captures
    add(Glyph::Marac, 8, [](MarkPainter& m, Point p) { m.maracGlyph({p.x + 4, p.y}, {}); }, "MARAC");
    add(Glyph::Referral, 8, [](MarkPainter& m, Point p) { m.referralGlyph({p.x + 4, p.y}, true, {}); }, "Referral made");
    add(Glyph::ReferralNotMade, 8, [](MarkPainter& m, Point p) { m.referralGlyph({p.x + 4, p.y}, false, {}); },
        "Referral not made");
    add(Glyph::Shared, 10, [](MarkPainter& m, Point p) {
            m.scene().add(Path().moveTo({p.x, p.y}).lineTo({p.x + 8, p.y}),
                          Paint{std::nullopt, Hatch::None, m.palette().arrow, 0.8, {}, false});
            m.scene().add(Path::polyline({{p.x + 10, p.y}, {p.x + 5.5, p.y - 2.4}, {p.x + 5.5, p.y + 2.4}}, true),
                          Paint{Color{m.palette().arrow.r, m.palette().arrow.g, m.palette().arrow.b, 1}, Hatch::None,
                                std::nullopt, 0, {}, false});
        }, "Information shared with another agency");
    add(Glyph::NotShared, 8, [](MarkPainter& m, Point p) { m.notSharedStub({p.x + 4, p.y - 8}, {}); },
        "Information held but not shared");
    add(Glyph::Range, 26, [](MarkPainter& m, Point p) { m.rangeBar(p.x + 1, p.x + 25, p.y, Provenance::Agency, AgencyKind::Other, {}); },
        "Some time within (a month, year or range)");
    add(Glyph::Duration, 26, [](MarkPainter& m, Point p) { m.durationBar(p.x + 1, p.x + 25, p.y, Provenance::Agency, AgencyKind::Other, {}); },
        "Lasted from start to end");
    add(Glyph::Approx, 26, [](MarkPainter& m, Point p) {
            m.approxBand(p.x, p.x + 9, p.x + 17, p.x + 26, p.y, Provenance::Agency, AgencyKind::Other, {});
        }, "About then (approximate date)");
    add(Glyph::Before, 24, [](MarkPainter& m, Point p) { m.openArrow(p.x + 22, p.y, true, {}); }, "Before a date");
    add(Glyph::After, 24, [](MarkPainter& m, Point p) { m.openArrow(p.x + 2, p.y, false, {}); }, "After a date");
    if (use.has(Glyph::FoldAgency) || use.has(Glyph::FoldFamily))
        entries.push_back({22, [&use](MarkPainter& m, Point p) {
                               if (use.has(Glyph::FoldAgency)) m.fold(p.x + 6, p.x + 16, p.y, Provenance::Agency, AgencyKind::Other, {});
                               else m.fold(p.x + 6, p.x + 16, p.y, Provenance::FamilySide, AgencyKind::Other, {});
                           }, "N events too close together to show apart"});
    add(Glyph::Scope, 16, [&pal](MarkPainter& m, Point p) {
            m.scene().add(Path::rect({p.x, p.y - 5, 16, 10}), Paint{pal.scope, Hatch::None, pal.scopeInk, 0.6, {}, false});
        }, "Period under review");
    add(Glyph::Reference, 10, [&pal](MarkPainter& m, Point p) {
            m.scene().add(Path().moveTo({p.x + 5, p.y - 6}).lineTo({p.x + 5, p.y + 6}),
                          Paint{std::nullopt, Hatch::None, pal.reference, 1.1, {4, 2}, false});
        }, "Reference date");
    add(Glyph::AxisBreak, 12, [&pal](MarkPainter& m, Point p) {
            Path z;
            z.moveTo({p.x + 4, p.y - 6});
            for (int i = 1; i <= 4; ++i) z.lineTo({p.x + 4 + (i % 2 ? -2 : 2), p.y - 6 + 3 * i});
            m.scene().add(std::move(z), Paint{std::nullopt, Hatch::None, pal.faintInk, 0.8, {}, false});
            m.scene().add(Path::polyline({{p.x + 8, p.y - 6}, {p.x + 10, p.y - 3}, {p.x + 8, p.y}, {p.x + 10, p.y + 3}, {p.x + 8, p.y + 6}}),
                          Paint{std::nullopt, Hatch::None, pal.faintInk, 0.8, {}, false});
        }, "Quiet period shortened (no events)");
    add(Glyph::Highlight, 16, [&pal](MarkPainter& m, Point p) {
            m.scene().add(Path::rect({p.x, p.y - 5, 16, 10}), Paint{pal.highlightLane, Hatch::None, std::nullopt, 0, {}, false});
            m.scene().add(Path::rect({p.x, p.y - 5, 2.5, 10}), Paint{pal.ink, Hatch::None, std::nullopt, 0, {}, false});
        }, lay.data.personLabel.empty() ? std::string("Highlighted lane") : "Lane of " + lay.data.personLabel);
    add(Glyph::Undated, 16, [&pal](MarkPainter& m, Point p) {
            m.scene().add(Path::rect({p.x, p.y - 5, 16, 10}), Paint{std::nullopt, Hatch::None, pal.faintInk, 0.8, {2, 2}, false});
        }, "Undated: date not known");
    if (entries.empty()) return 0;

    // Flow: "Key" then entries, wrapping to new rows.
    const double keyW = measureText("Key", 8, FontWeight::Bold).widthPt + 10;
    double cx = x + keyW, cy = y + kRowPt / 2;
    if (draw) {
        TextItem t;
        t.text = "Key";
        t.at = {x, cy};
        t.sizePt = 8;
        t.weight = FontWeight::Bold;
        t.valign = VAlign::Middle;
        t.color = pal.ink;
        sc.text(std::move(t));
    }
    for (auto& e : entries) {
        double tw = measureText(e.label, kTextSizePt).widthPt;
        double w = e.sampleW + 5 + tw + 16;
        if (cx + w > x + width && cx > x + keyW) {
            cx = x + keyW;
            cy += kRowPt;
        }
        if (draw) {
            e.sample(mp, {cx, cy});
            TextItem t;
            t.text = e.label;
            t.at = {cx + e.sampleW + 5, cy};
            t.sizePt = kTextSizePt;
            t.valign = VAlign::Middle;
            t.color = pal.ink;
            sc.text(std::move(t));
        }
        cx += w;
    }
    return cy + kRowPt / 2 - y + 4;
}

}  // namespace genochron::timeline
