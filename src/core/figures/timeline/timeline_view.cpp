// The multi-agency timeline figure: who knew what and when, where the missed
// opportunities were, and what came from the family's side.
// [SECTION] vertical layout: title, scope strip, axis, bands of lanes, legend
// [SECTION] backdrop: bands, stripes, highlights, scope, grid, breaks, reference date
// [SECTION] axis and lane headers
// [SECTION] buildTimelineView
#include "core/figures/timeline/timeline_layout.hpp"
#include "core/figures/timeline/timeline_labels.hpp"
#include "core/figures/timeline/timeline_view.hpp"
#include "core/figures/timeline/timeline_stages.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace genochron {

namespace timeline {

namespace {

constexpr double kTitleSizePt = 14;
constexpr double kStripPt = 26;       // scope caption and reference-date label
constexpr double kAxisPt = 28;        // two rows of labels and the axis line
constexpr double kBottomAxisPt = 26;

TextItem text(std::string s, Point at, double size, Color c, HAlign h = HAlign::Left, VAlign v = VAlign::Baseline,
              FontWeight w = FontWeight::Normal, bool italic = false) {
    TextItem t;
    t.text = std::move(s);
    t.at = at;
    t.sizePt = size;
    t.color = c;
    t.halign = h;
    t.valign = v;
    t.weight = w;
    t.italic = italic;
    return t;
}

Paint fill(Color c) {
    Paint p;
    p.fill = c;
    p.lineWidth = 0;
    return p;
}

Paint stroke(Color c, double w, std::vector<double> dash = {}) {
    Paint p;
    p.stroke = c;
    p.lineWidth = w;
    p.dash = std::move(dash);
    return p;
}

// Text wrapped to at most `lines` lines of maxWidthPt, shortened with an ellipsis if needed.
std::string fitLines(const std::string& s, double size, FontWeight w, double maxWidthPt, int lines) {
    const double limit = lines * size * 1.2 + 0.5;
    if (measureText(s, size, w, false, maxWidthPt).heightPt <= limit) return s;
    std::string t = s;
    while (!t.empty()) {
        auto sp = t.rfind(' ');
        t = sp == std::string::npos ? t.substr(0, t.size() > 4 ? t.size() - 4 : 0) : t.substr(0, sp);
        std::string cand = t + "\u2026";
        if (measureText(cand, size, w, false, maxWidthPt).heightPt <= limit) return cand;
    }
    return fitText(s, size, maxWidthPt, nullptr, w);
}

std::string quietLabel(double days) {
    if (days >= 365 * 1.5) return fmt::format("{:.1f} yrs", days / 365.25);
    if (days >= 60) return fmt::format("{:.0f} mo", days / 30.44);
    return fmt::format("{:.0f} d", days);
}

// ---------------------------------------------------------------- [SECTION] layout

struct Frame {
    double titleY = 0, stripY = 0, axisY = 0, stagesY = -1, bottomAxisY = 0, legendY = 0;   // stagesY < 0: no stage strip
    struct BandBox { Band band; double top, headerBottom, bottom; bool continued = false; };
    std::vector<BandBox> bands;
};

// Lanes [begin, end) placed under the title, strip and axis; the other lanes (drawn on
// other pages) sit outside the lane area, above or below it.
Frame layoutVertical(TimelineLayout& lay, bool hasSubtitle2, std::size_t begin, std::size_t end, bool stages = false) {
    Frame f;
    double y = lay.margin;
    f.titleY = y;
    y += kTitleSizePt + 6 + 12 + (hasSubtitle2 ? 11 : 0) + 6;
    f.stripY = y;
    y += kStripPt;
    f.axisY = y;
    y += kAxisPt;
    if (stages) {
        f.stagesY = y;
        y += stageStripHeight();
    }
    lay.lanesTop = y;
    auto& lanes = lay.data.lanes;
    end = std::min(end, lanes.size());
    lay.shownBegin = begin;
    lay.shownEnd = end;
    std::size_t i = begin;
    while (i < end) {
        Band band = lanes[i].band;
        Frame::BandBox box{band, y, y + kBandHeaderPt, 0, i > 0 && i == begin && lanes[i - 1].band == band};
        y += kBandHeaderPt;
        for (; i < end && lanes[i].band == band; ++i) {
            lanes[i].topPt = y;
            y += kLaneHeightPt;
        }
        box.bottom = y;
        f.bands.push_back(box);
        if (i < end) y += kBandGapPt;
    }
    if (lanes.empty()) y += 60;   // room for "no events" message
    lay.lanesBottom = y;
    for (std::size_t l = 0; l < lanes.size(); ++l) {
        if (l < begin) lanes[l].topPt = lay.lanesTop - 400;
        else if (l >= end) lanes[l].topPt = lay.lanesBottom + 400;
    }
    f.bottomAxisY = y;
    y += kBottomAxisPt;
    f.legendY = y;
    return f;
}

// The height of the lanes [begin, end) with their band headers.
double lanesHeight(const std::vector<Lane>& lanes, std::size_t begin, std::size_t end) {
    double h = 0;
    for (std::size_t i = begin; i < end; ++i) {
        if (i == begin || lanes[i - 1].band != lanes[i].band) h += (i == begin ? 0 : kBandGapPt) + kBandHeaderPt;
        h += kLaneHeightPt;
    }
    return h;
}

// ---------------------------------------------------------------- [SECTION] backdrop

// The bands' headers: their strip, title and caption, drawn over the time guides so no
// year line or scope edge runs through the words.
void drawBandHeaders(Scene& sc, const TimelineLayout& lay, const Frame& f, const Palette& pal) {
    const double left = lay.margin, right = lay.widthPt - lay.margin;
    for (auto& b : f.bands) {
        Color head = b.band == Band::FamilySide ? pal.familyBandHeader : b.band == Band::Panel ? pal.panelBand : pal.bandHeader;
        sc.add(Path::rect({left, b.top, right - left, kBandHeaderPt}), fill(head));
        std::string title = b.band == Band::Agencies ? "Agency records"
                            : b.band == Band::FamilySide ? "Family, friends and others"
                                                          : "Review panel";
        if (b.continued) title += " (continued)";
        const char* note = b.band == Band::Agencies
                               ? (pal.theme == Theme::Print ? "what each agency recorded; filled marks"
                                                            : "what each agency recorded; filled marks, colour = type of agency")
                           : b.band == Band::FamilySide ? "what family, friends, colleagues, the victim and the perpetrator said; hollow marks, italic labels"
                                                         : "the panel's own findings";
        double ty = b.top + kBandHeaderPt / 2;
        sc.text(text(title, {left + 6, ty}, 8.6, pal.ink, HAlign::Left, VAlign::Middle, FontWeight::Bold));
        double tw = measureText(title, 8.6, FontWeight::Bold).widthPt;
        sc.text(text(note, {left + 14 + tw, ty}, 6.8, pal.mutedInk, HAlign::Left, VAlign::Middle, FontWeight::Normal, true));
        // The family side's band is framed, so it reads as apart even without its tint.
        if (b.band == Band::FamilySide)
            sc.add(Path::rect({left, b.top, right - left, b.bottom - b.top}), stroke(pal.ink, 1.0));
    }
}

void drawBackdrop(Scene& sc, const TimelineLayout& lay, const Frame& f, const Palette& pal, GlyphUse& use) {
    const double left = lay.margin, right = lay.widthPt - lay.margin;
    for (auto& b : f.bands) {
        if (b.band == Band::FamilySide)
            sc.add(Path::rect({left, b.headerBottom, right - left, b.bottom - b.headerBottom}), fill(pal.familyBand));
        if (b.band == Band::Panel)
            sc.add(Path::rect({left, b.headerBottom, right - left, b.bottom - b.headerBottom}), fill(pal.panelBand));
    }
    const auto& lanes = lay.data.lanes;
    int stripe = 0;   // counted from the first lane, so a lane keeps its stripe on any page
    for (std::size_t l = 0; l < lay.shownBegin && l < lanes.size(); ++l) stripe += lanes[l].band == Band::Agencies && !lanes[l].highlighted;
    for (std::size_t l = lay.shownBegin; l < lanes.size() && l < lay.shownEnd; ++l) {
        const Lane& lane = lanes[l];
        Rect r{left, lane.topPt, right - left, kLaneHeightPt};
        if (lane.highlighted) {
            sc.add(Path::rect(r), fill(pal.highlightLane));
            sc.add(Path::rect({left, r.y, 3.5, r.h}), fill(pal.ink));
            use.mark(Glyph::Highlight);
        } else if (lane.band == Band::Agencies && (stripe++ % 2 == 1)) {
            sc.add(Path::rect(r), fill(pal.laneStripe));
        }
        // A hairline between lanes of the same band.
        if (l > lay.shownBegin && lanes[l - 1].band == lane.band)
            sc.add(Path().moveTo({left, r.y}).lineTo({right, r.y}), stroke(pal.grid, 0.5));
    }
    if (lay.undatedBin) {
        sc.add(Path::rect({lay.binLeft, lay.lanesTop, lay.binRight - lay.binLeft, lay.lanesBottom - lay.lanesTop}),
               stroke(pal.faintInk, 0.8, {2, 2}));
        use.mark(Glyph::Undated);
    }
}

void drawTimeGuides(Scene& sc, const TimelineLayout& lay, const Frame& f, const Palette& pal, GlyphUse& use) {
    const TimeAxis& ax = *lay.axis;
    const TimelineData& d = lay.data;
    const double top = lay.lanesTop, bottom = lay.lanesBottom;
    auto clampX = [&](double x) { return std::clamp(x, lay.plotLeft, lay.plotRight); };
    // Review scope: shaded behind everything in its period.
    if (d.scopeFirst || d.scopeLast) {
        double a = clampX(d.scopeFirst ? ax.x(double(*d.scopeFirst)) : lay.plotLeft);
        double b = clampX(d.scopeLast ? ax.x(double(*d.scopeLast + 1)) : lay.plotRight);
        if (b > a) {
            sc.add(Path::rect({a, f.stripY + 12, b - a, bottom - f.stripY - 12}), fill(pal.scope));
            double by = f.stripY + 12;
            sc.add(Path().moveTo({a, by + 4}).lineTo({a, by}).lineTo({b, by}).lineTo({b, by + 4}), stroke(pal.scopeInk, 0.9));
            // Its edges run through every lane, so the scope reads even where a band is tinted.
            Color edge{pal.scopeInk.r, pal.scopeInk.g, pal.scopeInk.b, 0.45};
            for (double ex : {a, b})
                if (ex > lay.plotLeft + 0.5 && ex < lay.plotRight - 0.5)
                    sc.add(Path().moveTo({ex, by}).lineTo({ex, bottom}), stroke(edge, 0.7, {1.5, 1.5}));
            std::string cap = fitText(d.scopeLabel, 7, std::max(0.0, b - a - 8), nullptr);
            if (cap.empty()) cap = fitText(d.scopeLabel, 7, 260, nullptr);
            double cx = std::clamp(0.5 * (a + b), lay.plotLeft + 70, lay.plotRight - 70);
            sc.text(text(cap, {cx, by - 2.5}, 7, pal.scopeInk, HAlign::Center, VAlign::Baseline));
            use.mark(Glyph::Scope);
        }
    }
    // Grid at labelled ticks.
    for (auto& t : ax.ticks()) sc.add(Path().moveTo({t.x, top}).lineTo({t.x, bottom}), stroke(pal.grid, 0.6));
    // Quiet periods: the lanes are cut and zigzags say so.
    for (auto& br : ax.breaks()) {
        sc.add(Path::rect({br.xFirst + 2, top, br.xEnd - br.xFirst - 4, bottom - top}), fill(pal.breakBand));
        for (double x : {br.xFirst + 4, br.xEnd - 4}) {
            Path z;
            z.moveTo({x, top});
            bool leftSide = true;
            for (double y = top + 3; y < bottom; y += 3) {
                z.lineTo({x + (leftSide ? -2 : 2), y});
                leftSide = !leftSide;
            }
            sc.add(std::move(z), stroke(pal.faintInk, 0.8));
        }
        use.mark(Glyph::AxisBreak);
    }
    // The reference date (often the date of death): a dashed line through every lane.
    if (d.referenceDay && *d.referenceDay >= d.domainFirst - 1 && *d.referenceDay <= d.domainLast + 1) {
        double x = ax.x(double(*d.referenceDay) + 0.5);
        sc.add(Path().moveTo({x, f.stripY + 14}).lineTo({x, bottom}), stroke(pal.reference, 1.1, {4, 2}));
        double w = measureText(d.referenceLabel, 7, FontWeight::Bold).widthPt;
        bool leftOf = x - w - 4 > lay.plotLeft;
        sc.text(text(d.referenceLabel, {leftOf ? x - 3 : x + 3, f.stripY + 22}, 7, pal.reference,
                     leftOf ? HAlign::Right : HAlign::Left, VAlign::Baseline, FontWeight::Bold));
        use.mark(Glyph::Reference);
    }
}

// ---------------------------------------------------------------- [SECTION] axis, headers

// Labels left to right, each kept only if it clears the previous one.
void drawTickLabels(Scene& sc, const std::vector<Tick>& ticks, double y, double size, FontWeight w, Color c,
                    double xMax) {
    double lastEnd = -1e9;
    for (auto& t : ticks) {
        if (t.label.empty()) continue;
        double x = t.x + 2;
        double width = measureText(t.label, size, w).widthPt;
        if (x < lastEnd + 5 || x + width > xMax) continue;
        sc.text(text(t.label, {x, y}, size, c, HAlign::Left, VAlign::Baseline, w));
        lastEnd = x + width;
    }
}

void drawAxis(Scene& sc, const TimelineLayout& lay, const Frame& f, const Palette& pal) {
    const TimeAxis& ax = *lay.axis;
    const bool twoRows = !ax.upperLabels().empty();
    auto axisRow = [&](double lineY, bool top) {
        sc.add(Path().moveTo({lay.plotLeft, lineY}).lineTo({lay.plotRight, lineY}), stroke(pal.axis, 0.9));
        double dir = top ? -1 : 1;
        for (auto& t : ax.minorTicks()) sc.add(Path().moveTo({t.x, lineY}).lineTo({t.x, lineY + dir * 2.2}), stroke(pal.axis, 0.5));
        for (auto& t : ax.ticks()) sc.add(Path().moveTo({t.x, lineY}).lineTo({t.x, lineY + dir * 5}), stroke(pal.axis, 0.8));
        double main = top ? lineY - 6 : lineY + 12, upper = top ? lineY - 16 : lineY + 22;
        drawTickLabels(sc, ax.ticks(), main, 7, twoRows ? FontWeight::Normal : FontWeight::Bold, pal.ink, lay.plotRight + 20);
        if (twoRows) drawTickLabels(sc, ax.upperLabels(), upper, 7.4, FontWeight::Bold, pal.ink, lay.plotRight + 30);
        for (auto& br : ax.breaks()) {
            sc.add(Path::rect({br.xFirst + 1, lineY - 3, br.xEnd - br.xFirst - 2, 6}), fill(Color{1, 1, 1, 1}));
            for (double x : {br.xFirst + 3, br.xEnd - 3})
                sc.add(Path().moveTo({x - 2, lineY + 4}).lineTo({x + 2, lineY - 4}), stroke(pal.axis, 0.9));
            if (top)
                sc.text(text(quietLabel(br.dayEnd - br.dayFirst), {0.5 * (br.xFirst + br.xEnd), lineY - 6}, 5.6,
                             pal.mutedInk, HAlign::Center, VAlign::Baseline, FontWeight::Normal, true));
        }
    };
    axisRow(f.axisY + kAxisPt - 4, true);
    axisRow(f.bottomAxisY + 3, false);
    if (lay.undatedBin) {
        double cx = 0.5 * (lay.binLeft + lay.binRight);
        sc.text(text("Undated", {cx, f.axisY + kAxisPt - 10}, 7.6, pal.ink, HAlign::Center, VAlign::Baseline, FontWeight::Bold));
        sc.text(text("date not known", {cx, f.axisY + kAxisPt - 2}, 6, pal.mutedInk, HAlign::Center, VAlign::Baseline,
                     FontWeight::Normal, true));
    }
}

void drawLaneHeaders(Scene& sc, const TimelineLayout& lay, const Palette& pal) {
    const auto& lanes = lay.data.lanes;
    const double x0 = lay.margin + 4, textX = lay.margin + 20, maxW = kHeaderWidthPt - 22;
    GlyphUse scratch;   // header chips are not evidence of use: the lanes' marks are
    MarkPainter chips(sc, pal, scratch);
    for (std::size_t l = lay.shownBegin; l < lanes.size() && l < lay.shownEnd; ++l) {
        const Lane& lane = lanes[l];
        const double top = lane.topPt;
        const bool firstOfKind = lane.band == Band::Agencies &&
                                 (l == lay.shownBegin || lanes[l - 1].band != Band::Agencies || lanes[l - 1].kind != lane.kind);
        const bool lastOfKind = lane.band == Band::Agencies &&
                                (l + 1 == lanes.size() || l + 1 == lay.shownEnd || lanes[l + 1].band != Band::Agencies ||
                                 lanes[l + 1].kind != lane.kind);
        if (lane.band == Band::Agencies) {
            // A bar in the kind's colour groups the lanes of one kind of agency.
            sc.add(Path::rect({x0, top + (firstOfKind ? 3 : 0), 3, kLaneHeightPt - (firstOfKind ? 3 : 0) - (lastOfKind ? 3 : 0)}),
                   fill(pal.kind(lane.kind)));
        }
        chips.marker({textX - 7, lay.markerY(int(l))}, provenanceOf(lane), lane.kind, {});
        const FontWeight w = lane.highlighted ? FontWeight::Bold : FontWeight::Normal;
        std::string caption;
        if (firstOfKind) caption = std::string(kindLabel(lane.kind));
        double y = top + 4;
        if (!caption.empty()) {
            for (auto& ch : caption) ch = char(std::toupper(static_cast<unsigned char>(ch)));
            sc.text(text(caption, {textX, y}, 5.6, pal.mutedInk, HAlign::Left, VAlign::Top, FontWeight::Bold));
            y += 7.5;
        }
        int lines = (caption.empty() && lane.subLabel.empty()) ? 3 : 2;
        std::string label = fitLines(lane.label, kHeaderSizePt, w, maxW, lines);
        double h = measureText(label, kHeaderSizePt, w, false, maxW).heightPt;
        if (caption.empty() && lane.subLabel.empty()) y = top + std::max(3.0, (kLaneHeightPt - h) / 2 - 1);
        TextItem t = text(label, {textX, y}, kHeaderSizePt, pal.ink, HAlign::Left, VAlign::Top, w);
        t.maxWidthPt = maxW;
        sc.text(std::move(t));
        if (!lane.subLabel.empty())
            sc.text(text(fitText(lane.subLabel, 6.4, maxW, nullptr), {textX, y + h + 0.5}, 6.4, pal.mutedInk,
                         HAlign::Left, VAlign::Top, FontWeight::Normal, true));
        // Counts at the lane's foot; missed opportunities in their own colour, so the header
        // column alone says where they were.
        std::string count = lane.eventCount == 1 ? "1 event" : fmt::format("{} events", lane.eventCount);
        if (lane.eventCount == 0) count = "received information only";
        double right = lay.margin + kHeaderWidthPt + 6, baseline = top + kLaneHeightPt - 3;
        if (lane.moCount > 0) {
            std::string mo = fmt::format("{} MO", lane.moCount);
            sc.text(text(mo, {right, baseline}, 5.6, pal.mo, HAlign::Right, VAlign::Baseline, FontWeight::Bold));
            right -= measureText(mo, 5.6, FontWeight::Bold).widthPt + 3;
            count += " \u00b7";
        }
        sc.text(text(count, {right, baseline}, 5.4, pal.faintInk, HAlign::Right, VAlign::Baseline));
    }
}

void drawTitle(Scene& sc, const TimelineLayout& lay, const Frame& f, const Case& c, const ViewOptions& opt,
               const Palette& pal, const std::string& pageNote) {
    const TimelineData& d = lay.data;
    std::string title = !opt.title.empty() ? opt.title : !c.info.title.empty() ? c.info.title : "Multi-agency timeline";
    sc.text(text(title, {lay.margin, f.titleY}, kTitleSizePt, pal.ink, HAlign::Left, VAlign::Top, FontWeight::Bold));
    int shown = int(d.items.size());
    std::string sub = "Multi-agency timeline";
    if (!c.info.partnership.empty()) sub += " \u00b7 " + c.info.partnership;
    sub += shown == d.totalEvents ? fmt::format(" \u00b7 {} events", shown)
                                  : fmt::format(" \u00b7 {} of {} events", shown, d.totalEvents);
    int agencies = 0;
    for (auto& l : d.lanes) agencies += l.band == Band::Agencies;
    sub += fmt::format(" \u00b7 {} agenc{}", agencies, agencies == 1 ? "y" : "ies");
    if (!pageNote.empty()) sub += " \u00b7 " + pageNote;
    double y = f.titleY + kTitleSizePt + 6;
    sc.text(text(sub, {lay.margin, y}, 8.4, pal.mutedInk, HAlign::Left, VAlign::Top));
    if (!d.filterNotes.empty()) {
        std::string filt = "Showing only events matching: ";
        for (std::size_t i = 0; i < d.filterNotes.size(); ++i) filt += (i ? "; " : "") + d.filterNotes[i];
        sc.text(text(fitText(filt, 7.6, lay.widthPt - 2 * lay.margin, nullptr), {lay.margin, y + 12}, 7.6, pal.ink,
                     HAlign::Left, VAlign::Top, FontWeight::Normal, true));
    }
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] build

namespace {

// One page (or the whole figure): lanes [begin, end), the legend if asked.
Scene drawPage(TimelineLayout& lay, const Case& c, const ViewOptions& opt, const Palette& pal, GlyphUse& use,
               std::size_t begin, std::size_t end, bool legend, const std::string& pageNote) {
    Frame f = layoutVertical(lay, !lay.data.filterNotes.empty(), begin, end, opt.stages);
    Scene sc;
    sc.widthPt = lay.widthPt;
    sc.items.reserve(lay.data.items.size() / 2 + 2048);
    drawBackdrop(sc, lay, f, pal, use);
    drawTimeGuides(sc, lay, f, pal, use);
    if (f.stagesY >= 0) drawStageGuides(sc, lay, lay.lanesTop, lay.lanesBottom, pal);
    drawBandHeaders(sc, lay, f, pal);
    if (f.stagesY >= 0) drawStageStrip(sc, lay, f.stagesY, pal);
    drawLaneContents(sc, lay, pal, use);
    drawLaneHeaders(sc, lay, pal);
    drawAxis(sc, lay, f, pal);
    if (lay.data.items.empty())
        sc.text(text("No events match the filters", {0.5 * (lay.plotLeft + lay.plotRight), lay.lanesTop + 30}, 10,
                     pal.mutedInk, HAlign::Center, VAlign::Middle, FontWeight::Normal, true));
    drawTitle(sc, lay, f, c, opt, pal, pageNote);
    double y = f.legendY;
    if (legend) y += drawLegend(sc, pal, use, lay, lay.margin, y, lay.widthPt - 2 * lay.margin, true);
    sc.heightPt = y + lay.margin;
    return sc;
}

// The figure's height with every lane on one page, without its legend; and the legend's.
std::pair<double, double> fullHeight(TimelineLayout& lay, const ViewOptions& opt) {
    Frame f = layoutVertical(lay, !lay.data.filterNotes.empty(), 0, lay.data.lanes.size(), opt.stages);
    double legend = 0;
    if (opt.legend) {
        Scene scratch;
        GlyphUse use;
        drawLaneContents(scratch, lay, paletteFor(opt.theme), use);
        legend = drawLegend(scratch, paletteFor(opt.theme), use, lay, lay.margin, 0, lay.widthPt - 2 * lay.margin, false);
    }
    return {f.legendY + lay.margin, legend};
}

// Printed, the figure keeps its text legible: scaled down to no less than this
// (6.8 pt event labels print at 6 pt or more); else its lanes are split over pages.
constexpr double kMinPrintScale = 6.0 / kLabelSizePt;
constexpr double kPageMarginPt = 2;   // the page has its own margins

}  // namespace

Document buildTimelineDocument(const ViewCase& vc, const ViewOptions& opt) {
    const Case& c = vc.data();
    const Palette pal = paletteFor(opt.theme);
    Document doc;
    doc.anonymised = vc.anonymised();
    GlyphUse use;
    if (opt.page.size == PageSpec::Size::Fit) {
        TimelineLayout lay = layoutTimeline(vc, opt);
        doc.pages.push_back(drawPage(lay, c, opt, pal, use, 0, lay.data.lanes.size(), opt.legend, {}));
        return doc;
    }
    // On a printed page: laid out for the page's width, so nothing is shrunk sideways. If all
    // the lanes fit its height at a legible scale, one page (scaled to fit by the painter or
    // the report pack); else lanes are split over pages, each with the title, scope and axis
    // repeated and at full size, the key on the last.
    auto [pw, ph] = opt.page.pagePt(Scene{});
    const double availW = pw - 2 * opt.page.marginPt, availH = ph - 2 * opt.page.marginPt;
    TimelineLayout lay = layoutTimeline(vc, opt, availW, kPageMarginPt);
    const auto [body, legendH] = fullHeight(lay, opt);
    const double full = body + legendH;
    const std::size_t n = lay.data.lanes.size();
    if (full <= availH || availH / full >= kMinPrintScale || n <= 1) {
        double scale = std::min(1.0, availH / full);
        if (scale < 1.0) lay = layoutTimeline(vc, opt, availW / scale, kPageMarginPt);   // fills the width once scaled
        doc.pages.push_back(drawPage(lay, c, opt, pal, use, 0, n, opt.legend, {}));
        return doc;
    }
    // Pages of whole lanes: as many as fit under the repeated title, scope strip and axes.
    Frame probe = layoutVertical(lay, !lay.data.filterNotes.empty(), 0, 0, opt.stages);
    const double room = availH - (probe.legendY + lay.margin);   // below the title, strip and both axes
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::size_t begin = 0;
    while (begin < n) {
        std::size_t end = begin + 1;
        while (end < n && lanesHeight(lay.data.lanes, begin, end + 1) <= room) ++end;
        // A page break between bands reads better than one inside a band: take it if it
        // leaves this page at least two thirds full.
        for (std::size_t e = end; end < n && e > begin + 1; --e)
            if (lay.data.lanes[e - 1].band != lay.data.lanes[e].band &&
                lanesHeight(lay.data.lanes, begin, e) >= room * 2 / 3) {
                end = e;
                break;
            }
        ranges.push_back({begin, end});
        begin = end;
    }
    // The key goes on the last page if it fits there, else on a page of its own.
    bool keyPage = opt.legend && lanesHeight(lay.data.lanes, ranges.back().first, n) + legendH > room;
    const std::size_t pages = ranges.size() + (keyPage ? 1 : 0);
    for (std::size_t p = 0; p < ranges.size(); ++p) {
        std::string note = fmt::format("page {} of {}", p + 1, pages);
        bool last = p + 1 == ranges.size();
        doc.pages.push_back(drawPage(lay, c, opt, pal, use, ranges[p].first, ranges[p].second,
                                     last && opt.legend && !keyPage, note));
        doc.pages.back().pageLabel = fmt::format("Page {} of {}", p + 1, pages);
    }
    if (keyPage) {
        Scene sc;
        sc.widthPt = lay.widthPt;
        double y = lay.margin;
        sc.text(text("Key to the multi-agency timeline", {lay.margin, y}, kTitleSizePt, pal.ink, HAlign::Left,
                     VAlign::Top, FontWeight::Bold));
        y += kTitleSizePt + 14;
        y += drawLegend(sc, pal, use, lay, lay.margin, y, lay.widthPt - 2 * lay.margin, true);
        sc.heightPt = y + lay.margin;
        sc.pageLabel = fmt::format("Page {} of {}", pages, pages);
        doc.pages.push_back(std::move(sc));
    }
    // Every page the same size, so they print at the same scale.
    double h = 0;
    for (auto& pg : doc.pages) h = std::max(h, pg.heightPt);
    for (auto& pg : doc.pages) pg.heightPt = h;
    return doc;
}

}  // namespace timeline

Document buildTimelineView(const ViewCase& view, const ViewOptions& opt) {
    return timeline::buildTimelineDocument(view, opt);
}

}  // namespace genochron
