#include "core/figures/timeline/timeline_stages.hpp"

#include "core/model/stages.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace genochron::timeline {

namespace {

constexpr double kStageHeaderPt = 14;
constexpr double kStageRowPt = 11;
constexpr double kStageGapPt = 6;

TextItem text(std::string s, Point at, double size, Color c, HAlign h, VAlign v, FontWeight w = FontWeight::Normal,
              bool italic = false) {
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

// Light ink on the darker stages, dark ink on the lighter ones.
Color inkOn(const Color& c) {
    double lum = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    return lum < 0.5 ? Color{1, 1, 1, 1} : Color{0.1, 0.1, 0.1, 1};
}

// "Feb 2013 to Oct 2014", "26 Apr 2021", "28 Apr to 22 May 2021": the span of a stage's events.
std::string spanLabel(long first, long last) {
    static const char* kMonth[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    CalendarDate a = civilFromDays(first), b = civilFromDays(last);
    // Whole months (dates known to a month, as published): never print days that are not known.
    const bool wholeMonths = a.day == 1 && b.day == daysInMonth(b.year, b.month);
    if (wholeMonths) {
        if (a.year == b.year && a.month == b.month) return fmt::format("{} {}", kMonth[a.month - 1], a.year);
        if (a.year == b.year) return fmt::format("{} to {} {}", kMonth[a.month - 1], kMonth[b.month - 1], b.year);
        return fmt::format("{} {} to {} {}", kMonth[a.month - 1], a.year, kMonth[b.month - 1], b.year);
    }
    if (first == last) return fmt::format("{} {} {}", a.day, kMonth[a.month - 1], a.year);
    if (last - first < 120) {
        if (a.year == b.year) return fmt::format("{} {} to {} {} {}", a.day, kMonth[a.month - 1], b.day, kMonth[b.month - 1], b.year);
        return fmt::format("{} {} {} to {} {} {}", a.day, kMonth[a.month - 1], a.year, b.day, kMonth[b.month - 1], b.year);
    }
    if (a.year == b.year && a.month == b.month) return fmt::format("{} {}", kMonth[a.month - 1], a.year);
    return fmt::format("{} {} to {} {}", kMonth[a.month - 1], a.year, kMonth[b.month - 1], b.year);
}

}  // namespace

Color stageColor(int stage, const Palette& pal) {
    // From a calm blue-grey (history) through amber (trigger) to a deep red (homicide).
    static const unsigned kColour[kStageCount] = {0x8FA8C0, 0x6E9BC4, 0x4F7DB0, 0xE0A030,
                                                  0xE07B39, 0xCC5A3A, 0xA8322D, 0x6E1A1A};
    static const double kGrey[kStageCount] = {0.86, 0.78, 0.70, 0.62, 0.52, 0.42, 0.30, 0.16};
    int i = std::clamp(stage, 1, kStageCount) - 1;
    if (pal.theme == Theme::Print) return Color{kGrey[i], kGrey[i], kGrey[i], 1};
    return Color::rgb(kColour[i]);
}

std::vector<StageSpan> stageSpans(const TimelineData& d) {
    std::vector<StageSpan> out(kStageCount);
    for (int s = 1; s <= kStageCount; ++s) out[std::size_t(s - 1)].stage = s;
    for (const Item& it : d.items) {
        auto s = stageOf(*it.event);
        if (!s) continue;
        StageSpan& sp = out[std::size_t(*s - 1)];
        if (it.shape == DateShape::Undated) {
            ++sp.undated;
            continue;
        }
        if (sp.events == 0) {
            sp.firstDay = it.firstDay;
            sp.lastDay = it.lastDay;
        } else {
            sp.firstDay = std::min(sp.firstDay, it.firstDay);
            sp.lastDay = std::max(sp.lastDay, it.lastDay);
        }
        ++sp.events;
        sp.markDays.push_back(it.markDay);
    }
    return out;
}

double stageStripHeight() { return kStageHeaderPt + kStageCount * kStageRowPt + kStageGapPt; }

void drawStageStrip(Scene& sc, const TimelineLayout& lay, double top, const Palette& pal) {
    const double left = lay.margin, right = lay.widthPt - lay.margin;
    const double bottom = top + kStageHeaderPt + kStageCount * kStageRowPt;
    sc.add(Path::rect({left, top, right - left, kStageHeaderPt}), Paint::filled(pal.bandHeader));
    const std::string title = "Homicide timeline";
    sc.text(text(title, {left + 6, top + kStageHeaderPt / 2}, 8.6, pal.ink, HAlign::Left, VAlign::Middle, FontWeight::Bold));
    double tw = measureText(title, 8.6, FontWeight::Bold).widthPt;
    sc.text(text("Monckton Smith's eight stages: each band runs from the first to the last event given that stage",
                 {left + 14 + tw, top + kStageHeaderPt / 2}, 6.8, pal.mutedInk, HAlign::Left, VAlign::Middle,
                 FontWeight::Normal, true));
    sc.add(Path::rect({left, top, right - left, bottom - top}), Paint::stroked(pal.grid, 0.6));
    const auto spans = stageSpans(lay.data);
    const TimeAxis* ax = lay.axis ? &*lay.axis : nullptr;
    for (const StageSpan& sp : spans) {
        const double rowTop = top + kStageHeaderPt + (sp.stage - 1) * kStageRowPt;
        const double cy = rowTop + kStageRowPt / 2;
        const Color col = stageColor(sp.stage, pal);
        if (sp.stage % 2 == 0) sc.add(Path::rect({left, rowTop, right - left, kStageRowPt}), Paint::filled(pal.laneStripe));
        // The number in a chip of the stage's colour, then its name, in the header column.
        sc.add(Path::roundedRect({left + 6, rowTop + 1.5, 12, kStageRowPt - 3}, 2), Paint::filled(col), "stage:" + std::to_string(sp.stage));
        sc.text(text(std::to_string(sp.stage), {left + 12, cy}, 6.6, inkOn(col), HAlign::Center, VAlign::Middle, FontWeight::Bold));
        sc.text(text(std::string(stageName(sp.stage)), {left + 22, cy}, 6.8, sp.events + sp.undated ? pal.ink : pal.mutedInk,
                     HAlign::Left, VAlign::Middle));
        if (!ax || sp.events == 0) {
            std::string none = sp.undated ? fmt::format("{} undated event{}", sp.undated, sp.undated == 1 ? "" : "s")
                                          : std::string("no event given this stage");
            sc.text(text(none, {lay.plotLeft + 4, cy}, 6.2, pal.mutedInk, HAlign::Left, VAlign::Middle,
                         FontWeight::Normal, true));
            continue;
        }
        double a = std::clamp(ax->x(double(sp.firstDay)), lay.plotLeft, lay.plotRight);
        double b = std::clamp(ax->x(double(sp.lastDay + 1)), lay.plotLeft, lay.plotRight);
        if (b - a < 4) {
            double m = 0.5 * (a + b);
            a = m - 2;
            b = m + 2;
        }
        Rect bar{a, rowTop + 2, b - a, kStageRowPt - 4};
        sc.add(Path::roundedRect(bar, 1.5), Paint::filled(col), "stage:" + std::to_string(sp.stage));
        const Color tick = inkOn(col);
        for (double md : sp.markDays) {
            double x = std::clamp(ax->x(md + 0.5), bar.x + 0.5, bar.right() - 0.5);
            sc.add(Path().moveTo({x, bar.y + 1}).lineTo({x, bar.bottom() - 1}), Paint::stroked(tick, 0.6));
        }
        // The stage's name and count beside its band, on whichever side has room.
        std::string label = fmt::format("{} \u00b7 {} \u00b7 {} event{}", stageShortName(sp.stage),
                                        spanLabel(sp.firstDay, sp.lastDay), sp.events + sp.undated,
                                        sp.events + sp.undated == 1 ? "" : "s");
        double w = measureText(label, 6.2, FontWeight::Normal).widthPt;
        if (bar.right() + 4 + w <= lay.plotRight)
            sc.text(text(label, {bar.right() + 4, cy}, 6.2, pal.ink, HAlign::Left, VAlign::Middle));
        else if (bar.x - 4 - w >= lay.plotLeft)
            sc.text(text(label, {bar.x - 4, cy}, 6.2, pal.ink, HAlign::Right, VAlign::Middle));
        else if (w + 6 <= bar.w)
            sc.text(text(label, {bar.x + 3, cy}, 6.2, inkOn(col), HAlign::Left, VAlign::Middle));
    }
}

void drawStageGuides(Scene& sc, const TimelineLayout& lay, double top, double bottom, const Palette& pal) {
    if (!lay.axis) return;
    for (const StageSpan& sp : stageSpans(lay.data)) {
        if (sp.events == 0) continue;
        double x = lay.axis->x(double(sp.firstDay));
        if (x < lay.plotLeft + 0.5 || x > lay.plotRight - 0.5) continue;
        Color c = stageColor(sp.stage, pal);
        c.a = 0.55;
        sc.add(Path().moveTo({x, top}).lineTo({x, bottom}), Paint::stroked(c, 0.8, {3, 2}));
    }
}

}  // namespace genochron::timeline
