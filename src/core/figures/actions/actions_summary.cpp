// The action plan's look (actions_style.hpp) and the strip under its title: a box per
// status, one for overdue actions, and a progress bar whose segments carry a pattern
// as well as a colour, so a greyscale print still reads.
#include "core/figures/actions/actions_style.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace genochron::actions {

Palette paletteFor(Theme t) {
    Palette p;
    auto look = [](const char* glyph, const char* word, unsigned fill, unsigned stroke, unsigned text, unsigned bar,
                   Hatch h = Hatch::None) {
        StatusLook l;
        l.glyph = glyph;
        l.word = word;
        l.fill = Color::rgb(fill);
        l.stroke = Color::rgb(stroke);
        l.text = Color::rgb(text);
        l.barFill = Color::rgb(bar);
        l.barHatch = h;
        return l;
    };
    const auto i = [](ActionStatus s) { return std::size_t(s); };
    static_cast<table::Palette&>(p) = table::paletteFor(t);
    if (t == Theme::Print) {
        p.overdueTint = Color::rgb(0xf4f4f4);
        p.overdueBar = Color::rgb(0x000000);
        p.status[i(ActionStatus::Complete)] = look("\u2713", "Complete", 0xe0e0e0, 0x000000, 0x000000, 0x4d4d4d);
        p.status[i(ActionStatus::InProgress)] =
            look("\u25D0", "In progress", 0xffffff, 0x000000, 0x000000, 0xd9d9d9, Hatch::Diagonal);
        p.status[i(ActionStatus::NotStarted)] = look("\u25CB", "Not started", 0xffffff, 0x666666, 0x000000, 0xffffff);
        p.status[i(ActionStatus::Dropped)] =
            look("\u2715", "Dropped", 0xffffff, 0x666666, 0x333333, 0xffffff, Hatch::Cross);
        p.overdue = look("\u26A0", "OVERDUE", 0xffffff, 0x000000, 0x000000, 0xffffff);
    } else {
        p.overdueTint = Color::rgb(0xfff3f1);
        p.overdueBar = Color::rgb(0xc62828);
        p.status[i(ActionStatus::Complete)] = look("\u2713", "Complete", 0xe2f1e3, 0x2e7d32, 0x1b5e20, 0x43a047);
        p.status[i(ActionStatus::InProgress)] =
            look("\u25D0", "In progress", 0xe3ecfa, 0x1f5fbf, 0x15407f, 0x8fb3e8, Hatch::Diagonal);
        p.status[i(ActionStatus::NotStarted)] = look("\u25CB", "Not started", 0xf1f2f4, 0x7b828c, 0x3b4048, 0xe3e6ea);
        p.status[i(ActionStatus::Dropped)] =
            look("\u2715", "Dropped", 0xffffff, 0x9aa0a6, 0x5f6368, 0xffffff, Hatch::Cross);
        p.overdue = look("\u26A0", "OVERDUE", 0xfde4e1, 0xc62828, 0x8e1b13, 0xfde4e1);
    }
    p.status[i(ActionStatus::Dropped)].dash = {2, 1.5};
    return p;
}

const StatusLook& lookOf(const Palette& p, ActionStatus s) { return p.status[std::size_t(s)]; }

PlanCounts countPlan(const Case& c, long today) {
    PlanCounts n;
    for (const auto& r : c.recommendations) {
        ++n.recommendations;
        for (const auto& a : r.actions) {
            ++n.total;
            ++n.byStatus[std::size_t(a.status)];
            if (a.overdue(today)) ++n.overdue;
        }
    }
    return n;
}

namespace {

TextItem text(const std::string& t, Point at, double size, FontWeight w, const Color& c, HAlign h = HAlign::Left,
              VAlign v = VAlign::Top) {
    TextItem ti;
    ti.text = t;
    ti.at = at;
    ti.sizePt = size;
    ti.weight = w;
    ti.color = c;
    ti.halign = h;
    ti.valign = v;
    return ti;
}

}  // namespace

double drawSummary(Scene* s, const PlanCounts& n, const Palette& pal, double x, double y, double width, double u) {
    const double bw = 70 * u, bh = 32 * u, gap = 6 * u;
    struct Box {
        const StatusLook* look;
        int count;
        bool strong;
    };
    std::vector<Box> boxes;
    for (ActionStatus st : {ActionStatus::Complete, ActionStatus::InProgress, ActionStatus::NotStarted, ActionStatus::Dropped})
        boxes.push_back({&lookOf(pal, st), n.byStatus[std::size_t(st)], false});
    boxes.push_back({&pal.overdue, n.overdue, n.overdue > 0});
    const double boxesW = double(boxes.size()) * bw + double(boxes.size() - 1) * gap;

    // The progress bar sits beside the boxes on a landscape page, under them on a narrow one.
    const double barGap = 18 * u;
    const bool beside = width - boxesW - barGap >= 200 * u;
    const double px = beside ? x + boxesW + barGap : x;
    const double py = beside ? y : y + bh + 8 * u;
    const double pw = beside ? std::min(width - boxesW - barGap, 330 * u) : std::min(width, 330 * u);
    const int counted = n.total - n.byStatus[std::size_t(ActionStatus::Dropped)];
    const int complete = n.byStatus[std::size_t(ActionStatus::Complete)];
    const int pct = counted ? int(100.0 * complete / counted + 0.5) : 0;
    const std::string caption =
        n.total == 0 ? "No actions recorded yet"
                     : fmt::format("{} of {} action{} complete ({}%)", complete, counted, counted == 1 ? "" : "s", pct);
    const int dropped = n.byStatus[std::size_t(ActionStatus::Dropped)];
    const std::string note = fmt::format("{} recommendation{}, {} action{}{}", n.recommendations,
                                         n.recommendations == 1 ? "" : "s", n.total, n.total == 1 ? "" : "s",
                                         dropped ? fmt::format("; {} dropped, not counted in progress", dropped) : "");
    const double capH = measureText(caption, 8.5 * u, FontWeight::Bold).heightPt;
    const double barH = 11 * u;
    const double noteH = measureText(note, 6.8 * u).heightPt;
    const double progressH = capH + 3 * u + barH + 3 * u + noteH;
    const double height = beside ? std::max(bh, progressH) : bh + 8 * u + progressH;
    if (!s) return height;

    double bx = x;
    for (const Box& b : boxes) {
        Paint p;
        p.fill = b.look->fill;
        p.stroke = b.look->stroke;
        p.lineWidth = (b.strong ? 1.6 : 0.8) * u;
        if (!b.look->dash.empty()) p.dash = {b.look->dash[0] * u, b.look->dash[1] * u};
        s->add(Path::roundedRect({bx, y, bw, bh}, 4 * u), p);
        s->text(text(fmt::format("{} {}", b.look->glyph, b.count), {bx + bw / 2, y + 4 * u}, 12 * u, FontWeight::Bold,
                     b.look->text, HAlign::Center));
        s->text(text(b.look->word == "OVERDUE" ? "Overdue" : b.look->word, {bx + bw / 2, y + bh - 4 * u}, 7 * u,
                     FontWeight::Normal, b.look->text, HAlign::Center, VAlign::Bottom));
        bx += bw + gap;
    }

    s->text(text(caption, {px, py}, 8.5 * u, FontWeight::Bold, pal.text));
    const double by = py + capH + 3 * u;
    Paint frame;
    frame.fill = Color::rgb(0xffffff);
    frame.stroke = pal.print ? Color::rgb(0x000000) : pal.rule;
    frame.lineWidth = 0.6 * u;
    s->add(Path::rect({px, by, pw, barH}), frame);
    if (n.total > 0) {
        double sx = px;
        for (ActionStatus st : {ActionStatus::Complete, ActionStatus::InProgress, ActionStatus::NotStarted,
                                ActionStatus::Dropped}) {
            int k = n.byStatus[std::size_t(st)];
            if (!k) continue;
            const StatusLook& l = lookOf(pal, st);
            double w = pw * k / n.total;
            Paint seg;
            seg.fill = l.barFill;
            seg.hatch = l.barHatch;
            seg.stroke = pal.print ? Color::rgb(0x555555) : l.stroke;
            seg.lineWidth = 0.5 * u;
            s->add(Path::rect({sx, by, w, barH}), seg);
            // The glyph on the segment when it fits, so the bar reads without its colours.
            std::string g = fmt::format("{} {}", l.glyph, k);
            double gw = measureText(g, 6.5 * u, FontWeight::Bold).widthPt;
            if (gw + 4 * u <= w) {
                // On a white plate: legible over any fill or pattern, in either theme.
                TextItem label = text(g, {sx + w / 2, by + barH / 2}, 6.5 * u, FontWeight::Bold, l.text, HAlign::Center,
                                      VAlign::Middle);
                Paint plate;
                plate.fill = Color::rgb(0xffffff);
                s->add(Path::roundedRect({sx + w / 2 - gw / 2 - 1.5 * u, by + 1.5 * u, gw + 3 * u, barH - 3 * u}, 1.5 * u),
                       plate);
                s->text(std::move(label));
            }
            sx += w;
        }
    }
    s->text(text(note, {px, by + barH + 3 * u}, 6.8 * u, FontWeight::Normal, pal.muted));
    return height;
}

double drawLegend(Scene* s, const Palette& pal, double x, double y, double width, double u, const std::string& asOf) {
    std::string t = "Key: ";
    for (ActionStatus st : {ActionStatus::Complete, ActionStatus::InProgress, ActionStatus::NotStarted, ActionStatus::Dropped}) {
        const StatusLook& l = lookOf(pal, st);
        t += fmt::format("{} {}   ", l.glyph, l.word);
    }
    t += fmt::format("{} OVERDUE: past its target date on {} and neither complete nor dropped; the row has a bar at its "
                     "left edge.",
                     pal.overdue.glyph, asOf);
    const double size = 6.8 * u;
    double h = measureText(t, size, FontWeight::Normal, false, width).heightPt;
    if (s) {
        TextItem ti = text(t, {x, y}, size, FontWeight::Normal, pal.text);
        ti.maxWidthPt = width;
        s->text(std::move(ti));
    }
    return h;
}

}  // namespace genochron::actions
