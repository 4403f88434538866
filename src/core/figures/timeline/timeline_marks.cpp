// [SECTION] markers and their decorations
// [SECTION] information sharing
// [SECTION] date uncertainty and folds
#include "core/figures/timeline/timeline_marks.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace genochron::timeline {

namespace {

Paint fillOnly(Color c) {
    Paint p;
    p.fill = c;
    p.lineWidth = 0;
    return p;
}

Paint strokeOnly(Color c, double w) {
    Paint p;
    p.stroke = c;
    p.lineWidth = w;
    return p;
}

Path diamond(Point c, double r) {
    return Path::polyline({{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}}, true);
}

}  // namespace

Color MarkPainter::provenanceColor(Provenance p, AgencyKind kind) const {
    switch (p) {
    case Provenance::Agency: return m_pal.kind(kind);
    case Provenance::FamilySide: return m_pal.familyMark;
    case Provenance::Panel: return m_pal.panelMark;
    }
    return m_pal.ink;
}

// ---------------------------------------------------------------- [SECTION] markers

void MarkPainter::marker(Point c, Provenance p, AgencyKind kind, const std::string& id) {
    const double r = kMarkerRadiusPt;
    Paint paint;
    switch (p) {
    case Provenance::Agency:
        // Filled circle with a white rim so touching markers stay countable.
        paint.fill = m_pal.kind(kind);
        paint.stroke = Color{1, 1, 1, 1};
        paint.lineWidth = 0.7;
        m_scene.add(Path::ellipse({c.x - r, c.y - r, 2 * r, 2 * r}), paint, id);
        m_use.mark(Glyph::AgencyRecord);
        m_use.kinds.insert(kindRank(kind));
        break;
    case Provenance::FamilySide:
        // Hollow: never mistaken for an agency's record, in colour or in print.
        paint.fill = Color{1, 1, 1, 1};
        paint.stroke = m_pal.familyMark;
        paint.lineWidth = 1.5;
        m_scene.add(diamond(c, r * 1.3), paint, id);
        m_use.mark(Glyph::FamilySide);
        break;
    case Provenance::Panel:
        paint.fill = m_pal.panelMark;
        paint.stroke = Color{1, 1, 1, 1};
        paint.lineWidth = 0.7;
        m_scene.add(Path::rect({c.x - r * 0.9, c.y - r * 0.9, r * 1.8, r * 1.8}), paint, id);
        m_use.mark(Glyph::Panel);
        break;
    }
}

void MarkPainter::moRing(Point c, const std::string& id) {
    const double r = kMarkerRadiusPt + 2.6;
    m_scene.add(Path::ellipse({c.x - r, c.y - r, 2 * r, 2 * r}), strokeOnly(m_pal.mo, m_pal.moRingWidthPt), id);
    m_use.mark(Glyph::MissedOpportunity);
}

double MarkPainter::moBadgeWidth(int number) {
    return measureText(fmt::format("MO{}", number), 6.2, FontWeight::Bold).widthPt + 4;
}

Rect MarkPainter::moBadge(Point centre, int number, const std::string& id) {
    std::string text = fmt::format("MO{}", number);
    double w = moBadgeWidth(number), h = 8.6;
    Rect box{centre.x - w / 2, centre.y - h / 2, w, h};
    m_scene.add(Path::roundedRect(box, 2), fillOnly(m_pal.mo), id);
    TextItem t;
    t.text = text;
    t.at = centre;
    t.sizePt = 6.2;
    t.weight = FontWeight::Bold;
    t.halign = HAlign::Center;
    t.valign = VAlign::Middle;
    t.color = m_pal.moText;
    t.modelId = id;
    m_scene.text(std::move(t));
    m_use.mark(Glyph::MissedOpportunity);
    return box;
}

void MarkPainter::moLeader(Point from, Point to, const std::string& id) {
    m_scene.add(Path().moveTo(from).lineTo(to), strokeOnly(m_pal.mo, 0.7), id);
}

void MarkPainter::riskBadge(Point c, Risk r, const std::string& id) {
    static constexpr const char* kLetters[] = {"S", "M", "H"};
    const int i = int(r);
    const double s = 7.2;
    Paint p;
    p.fill = m_pal.riskFill[i];
    p.stroke = m_pal.ink;
    p.lineWidth = 0.6;
    m_scene.add(Path::roundedRect({c.x - s / 2, c.y - s / 2, s, s}, 1.2), p, id);
    TextItem t;
    t.text = kLetters[i];
    t.at = {c.x, c.y + 0.2};
    t.sizePt = 5.6;
    t.weight = FontWeight::Bold;
    t.halign = HAlign::Center;
    t.valign = VAlign::Middle;
    t.color = m_pal.riskText[i];
    t.modelId = id;
    m_scene.text(std::move(t));
    m_use.mark(r == Risk::Standard ? Glyph::RiskStandard : r == Risk::Medium ? Glyph::RiskMedium : Glyph::RiskHigh);
}

void MarkPainter::maracGlyph(Point c, const std::string& id) {
    // A five-pointed star: MARAC is where agencies meet about the highest-risk cases.
    std::vector<Point> pts;
    for (int i = 0; i < 10; ++i) {
        double a = -M_PI / 2 + i * M_PI / 5;
        double rr = i % 2 ? 1.5 : 3.7;
        pts.push_back({c.x + rr * std::cos(a), c.y + rr * std::sin(a)});
    }
    m_scene.add(Path::polyline(pts, true), fillOnly(m_pal.ink), id);
    m_use.mark(Glyph::Marac);
}

void MarkPainter::referralGlyph(Point c, bool made, const std::string& id) {
    // A right-pointing triangle: passed on. Hollow and struck through when it should have been.
    Path tri = Path::polyline({{c.x - 2.6, c.y - 3}, {c.x + 3, c.y}, {c.x - 2.6, c.y + 3}}, true);
    if (made) {
        m_scene.add(std::move(tri), fillOnly(m_pal.ink), id);
        m_use.mark(Glyph::Referral);
        return;
    }
    Paint p = strokeOnly(m_pal.ink, 0.8);
    p.fill = Color{1, 1, 1, 1};
    m_scene.add(std::move(tri), p, id);
    m_scene.add(Path().moveTo({c.x - 3.6, c.y + 3.6}).lineTo({c.x + 3.6, c.y - 3.6}), strokeOnly(m_pal.notShared, 1.1), id);
    m_use.mark(Glyph::ReferralNotMade);
}

// ---------------------------------------------------------------- [SECTION] sharing

void MarkPainter::sharedLine(double x, double y0, double y1, const std::string& id) {
    m_scene.add(Path().moveTo({x, y0}).lineTo({x, y1}), strokeOnly(m_pal.arrow, 0.8), id);
    m_use.mark(Glyph::Shared);
}

void MarkPainter::sharedHead(double x, double yTip, bool down, const std::string& id) {
    double d = down ? -1 : 1;
    m_scene.add(Path::polyline({{x, yTip}, {x - 2.4, yTip + d * 4.5}, {x + 2.4, yTip + d * 4.5}}, true),
                fillOnly(Color{m_pal.arrow.r, m_pal.arrow.g, m_pal.arrow.b, 1}), id);
    m_use.mark(Glyph::Shared);
}

void MarkPainter::sharedArrow(double x, double yFrom, double yTo, const std::string& id) {
    sharedLine(x, yFrom, yTo, id);
    sharedHead(x, yTo, yTo > yFrom, id);
}

void MarkPainter::notSharedStub(Point c, const std::string& id) {
    double y0 = c.y + kMarkerRadiusPt + 0.5, y1 = c.y + 11;
    Paint dashed = strokeOnly(m_pal.notShared, 0.9);
    dashed.dash = {1.6, 1.2};
    m_scene.add(Path().moveTo({c.x, y0}).lineTo({c.x, y1}), dashed, id);
    Paint cross = strokeOnly(m_pal.notShared, 1.2);
    m_scene.add(Path().moveTo({c.x - 2.4, y1 - 2.4}).lineTo({c.x + 2.4, y1 + 2.4})
                    .moveTo({c.x - 2.4, y1 + 2.4}).lineTo({c.x + 2.4, y1 - 2.4}), cross, id);
    m_use.mark(Glyph::NotShared);
}

// ---------------------------------------------------------------- [SECTION] uncertainty

void MarkPainter::rangeBar(double x0, double x1, double y, Provenance p, AgencyKind kind, const std::string& id) {
    // |———| : some time within; the caps say where the possibility ends.
    Color c = provenanceColor(p, kind);
    x1 = std::max(x1, x0 + 1);
    Paint band = fillOnly(p == Provenance::Agency ? m_pal.kindLight(kind) : Color{c.r, c.g, c.b, 0.18});
    m_scene.add(Path::rect({x0, y - 1.6, x1 - x0, 3.2}), band, id);
    m_scene.add(Path().moveTo({x0, y - 4}).lineTo({x0, y + 4}).moveTo({x1, y - 4}).lineTo({x1, y + 4}),
                strokeOnly(c, 1.0), id);
    m_use.mark(Glyph::Range);
}

void MarkPainter::durationBar(double x0, double x1, double y, Provenance p, AgencyKind kind, const std::string& id) {
    // A solid block from the marker to the end: it went on throughout.
    Color c = provenanceColor(p, kind);
    x1 = std::max(x1, x0 + 1);
    Paint block;
    block.fill = p == Provenance::Agency ? m_pal.kind(kind) : Color{c.r, c.g, c.b, 0.55};
    m_scene.add(Path::rect({x0, y - 2.4, x1 - x0, 4.8}), block, id);
    m_scene.add(Path().moveTo({x1, y - 4.5}).lineTo({x1, y + 4.5}), strokeOnly(c, 1.2), id);
    m_use.mark(Glyph::Duration);
}

void MarkPainter::approxBand(double x0, double xIn0, double xIn1, double x1, double y, Provenance p, AgencyKind kind,
                             const std::string& id) {
    // No gradient in the scene: nested translucent bands fade out from the likely span,
    // which reads as "about then" in PNG, PDF and SVG alike.
    Color c = provenanceColor(p, kind);
    const int steps = 4;
    for (int i = 0; i < steps; ++i) {
        double t = double(i) / steps;
        double a = x0 + (xIn0 - x0) * t, b = x1 - (x1 - xIn1) * t;
        m_scene.add(Path::rect({a, y - 3, std::max(1.0, b - a), 6}), fillOnly(Color{c.r, c.g, c.b, 0.13}), id);
    }
    Paint whisker = strokeOnly(c, 0.7);
    m_scene.add(Path().moveTo({x0, y}).lineTo({x1, y}), whisker, id);
    m_use.mark(Glyph::Approx);
}

void MarkPainter::openArrow(double x, double y, bool left, const std::string& id) {
    // Open-ended: the date is only bounded on one side.
    double d = left ? -1 : 1, len = 20;
    Paint dashed = strokeOnly(m_pal.ink, 1.0);
    dashed.dash = {2.5, 1.5};
    m_scene.add(Path().moveTo({x + d * (kMarkerRadiusPt + 1), y}).lineTo({x + d * len, y}), dashed, id);
    m_scene.add(Path::polyline({{x + d * (len - 4), y - 3.2}, {x + d * len, y}, {x + d * (len - 4), y + 3.2}}),
                strokeOnly(m_pal.ink, 1.0), id);
    m_use.mark(left ? Glyph::Before : Glyph::After);
}

void MarkPainter::fold(double x0, double x1, double y, Provenance p, AgencyKind kind, const std::string& id) {
    const double h = 9;
    x0 -= 3.5;
    x1 += 3.5;
    if (x1 - x0 < 11) {
        double m = 0.5 * (x0 + x1);
        x0 = m - 5.5;
        x1 = m + 5.5;
    }
    Paint paint;
    paint.lineWidth = 1.1;
    if (p == Provenance::FamilySide) {
        // Pointed ends, hollow: the family side's diamond, stretched over the run.
        paint.fill = Color{1, 1, 1, 1};
        paint.stroke = m_pal.familyMark;
        paint.lineWidth = 1.4;
        m_scene.add(Path::polyline({{x0, y}, {x0 + h / 2, y - h / 2}, {x1 - h / 2, y - h / 2}, {x1, y},
                                    {x1 - h / 2, y + h / 2}, {x0 + h / 2, y + h / 2}}, true),
                    paint, id);
        m_use.mark(Glyph::FoldFamily);
        return;
    }
    paint.fill = p == Provenance::Agency ? m_pal.kindLight(kind) : m_pal.panelBand;
    paint.stroke = provenanceColor(p, kind);
    m_scene.add(Path::roundedRect({x0, y - h / 2, x1 - x0, h}, h / 2), paint, id);
    // Stacked discs inside say "several markers here" without relying on the count label.
    Paint dot = fillOnly(provenanceColor(p, kind));
    double mid = 0.5 * (x0 + x1);
    for (double dx : {-2.6, 0.0, 2.6})
        m_scene.add(Path::ellipse({mid + dx - 0.9, y - 0.9, 1.8, 1.8}), dot);
    m_use.mark(Glyph::FoldAgency);
    if (p == Provenance::Agency) m_use.kinds.insert(kindRank(kind));
}

}  // namespace genochron::timeline
