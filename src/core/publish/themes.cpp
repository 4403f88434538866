// Themes across reviews: counting (from anonymised cases only), the CSV and the PDF.
// [SECTION] counting
// [SECTION] CSV
// [SECTION] the report: table of cases, charts of the totals
#include "core/publish/themes.hpp"

#include "core/figures/chronology/chronology_labels.hpp"
#include "core/figures/timeline/timeline_style.hpp"
#include "core/publish/chronology_export.hpp"
#include "core/model/enums.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace genochron::themes {

// ---------------------------------------------------------------- [SECTION] counting

namespace {

// A recommendation's status from its actions: complete when every action is complete or
// dropped (and one is complete); dropped when all are dropped; in progress once any has
// started; else (or with no actions) not started.
ActionStatus recommendationStatus(const Recommendation& r) {
    if (r.actions.empty()) return ActionStatus::NotStarted;
    int complete = 0, dropped = 0, started = 0;
    for (auto& a : r.actions) {
        complete += a.status == ActionStatus::Complete;
        dropped += a.status == ActionStatus::Dropped;
        started += a.status == ActionStatus::InProgress || a.status == ActionStatus::Complete;
    }
    const int n = int(r.actions.size());
    if (dropped == n) return ActionStatus::Dropped;
    if (complete + dropped == n) return ActionStatus::Complete;
    if (started) return ActionStatus::InProgress;
    return ActionStatus::NotStarted;
}

template <class K> void addMap(std::map<K, int>& into, const std::map<K, int>& from) {
    for (auto& [k, v] : from) into[k] += v;
}

}  // namespace

void CaseThemes::add(const CaseThemes& o) {
    events += o.events;
    missedOpportunities += o.missedOpportunities;
    addMap(moByKind, o.moByKind);
    moWithoutAgency += o.moWithoutAgency;
    addMap(moByTag, o.moByTag);
    moCoerciveControl += o.moCoerciveControl;
    informationNotShared += o.informationNotShared;
    dashNotDone += o.dashNotDone;
    recommendations += o.recommendations;
    addMap(recommendationsByStatus, o.recommendationsByStatus);
    actions += o.actions;
    addMap(actionsByStatus, o.actionsByStatus);
    actionsOverdue += o.actionsOverdue;
}

CaseThemes caseThemes(const AnonymisedCase& ac, long today, std::string label) {
    const Case& c = ac.data();
    CaseThemes t;
    t.label = std::move(label);
    t.kind = std::string(toString(c.info.kind));
    t.events = int(c.events.size());
    for (const Event& e : c.events) {
        if (e.hasTag("information_not_shared")) ++t.informationNotShared;
        if (e.hasTag("dash_not_done")) ++t.dashNotDone;
        if (!e.isMissedOpportunity()) continue;
        ++t.missedOpportunities;
        const Agency* a = e.source == Source::AgencyRecord ? c.agency(e.agency) : nullptr;
        if (a) ++t.moByKind[a->kind];
        else ++t.moWithoutAgency;
        bool ccb = false;
        for (auto& tag : e.tags) {
            ++t.moByTag[tag];
            ccb = ccb || isCoerciveControlTag(tag);
        }
        t.moCoerciveControl += ccb;
    }
    for (const Recommendation& r : c.recommendations) {
        ++t.recommendations;
        ++t.recommendationsByStatus[recommendationStatus(r)];
        for (const Action& a : r.actions) {
            ++t.actions;
            ++t.actionsByStatus[a.status];
            t.actionsOverdue += a.overdue(today);
        }
    }
    return t;
}

ThemesTable makeTable(std::vector<CaseThemes> cases) {
    ThemesTable t;
    t.cases = std::move(cases);
    t.totals.label = "Total";
    for (auto& c : t.cases) t.totals.add(c);
    std::vector<std::pair<std::string, int>> tags(t.totals.moByTag.begin(), t.totals.moByTag.end());
    std::stable_sort(tags.begin(), tags.end(), [](auto& a, auto& b) { return a.second > b.second; });
    for (auto& [tag, n] : tags) t.tags.push_back(tag);
    std::vector<std::pair<AgencyKind, int>> kinds(t.totals.moByKind.begin(), t.totals.moByKind.end());
    std::stable_sort(kinds.begin(), kinds.end(), [](auto& a, auto& b) { return a.second > b.second; });
    for (auto& [k, n] : kinds) t.kinds.push_back(k);
    return t;
}

// ---------------------------------------------------------------- [SECTION] CSV

namespace {

int at(const std::map<ActionStatus, int>& m, ActionStatus s) {
    auto it = m.find(s);
    return it == m.end() ? 0 : it->second;
}

}  // namespace

std::string toCsv(const ThemesTable& t) {
    std::vector<std::string> head = {"case", "kind", "events", "missed_opportunities"};
    for (auto k : enumNames<AgencyKind>()) head.push_back("mo_agency_" + std::string(k));
    head.push_back("mo_no_agency");
    head.push_back("mo_coercive_control");
    for (auto& tag : t.tags) head.push_back("mo_tag_" + tag);
    for (const char* h : {"information_not_shared", "dash_not_done", "recommendations", "recommendations_not_started",
                          "recommendations_in_progress", "recommendations_complete", "recommendations_dropped", "actions",
                          "actions_not_started", "actions_in_progress", "actions_complete", "actions_dropped",
                          "actions_overdue"})
        head.emplace_back(h);
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csvCell(cells[i]);
        out += "\r\n";
    };
    line(head);
    auto row = [&](const CaseThemes& c) {
        std::vector<std::string> r = {c.label, c.kind, std::to_string(c.events), std::to_string(c.missedOpportunities)};
        for (std::size_t k = 0; k < enumNames<AgencyKind>().size(); ++k) {
            auto it = c.moByKind.find(AgencyKind(k));
            r.push_back(std::to_string(it == c.moByKind.end() ? 0 : it->second));
        }
        r.push_back(std::to_string(c.moWithoutAgency));
        r.push_back(std::to_string(c.moCoerciveControl));
        for (auto& tag : t.tags) {
            auto it = c.moByTag.find(tag);
            r.push_back(std::to_string(it == c.moByTag.end() ? 0 : it->second));
        }
        for (int v : {c.informationNotShared, c.dashNotDone, c.recommendations,
                      at(c.recommendationsByStatus, ActionStatus::NotStarted), at(c.recommendationsByStatus, ActionStatus::InProgress),
                      at(c.recommendationsByStatus, ActionStatus::Complete), at(c.recommendationsByStatus, ActionStatus::Dropped),
                      c.actions, at(c.actionsByStatus, ActionStatus::NotStarted), at(c.actionsByStatus, ActionStatus::InProgress),
                      at(c.actionsByStatus, ActionStatus::Complete), at(c.actionsByStatus, ActionStatus::Dropped), c.actionsOverdue})
            r.push_back(std::to_string(v));
        line(r);
    };
    for (auto& c : t.cases) row(c);
    row(t.totals);
    return out;
}

// ---------------------------------------------------------------- [SECTION] the report

namespace {

constexpr double kPageW = 841.89, kPageH = 595.28, kMargin = 36;

struct Ink {
    Color ink = Color::rgb(0x1A1A1A), muted = Color::rgb(0x555555), faint = Color::rgb(0x8A8A8A),
          grid = Color::rgb(0xD0D0D0), header = Color::rgb(0xEDEFF2), stripe = Color::rgb(0xF6F7F9);
    Color bar = Color::rgb(0x3C6E9F), alert = Color::rgb(0xB03A2E);
    Color status[4] = {Color::rgb(0xBBBBBB), Color::rgb(0xE0A030), Color::rgb(0x3B8F5A), Color::rgb(0x777777)};
    bool print = false;
};

Ink inkFor(Theme t) {
    Ink k;
    if (t == Theme::Print) {
        k.print = true;
        k.bar = Color::rgb(0x555555);
        k.alert = Color::rgb(0x000000);
        k.status[0] = Color::rgb(0xDDDDDD);
        k.status[1] = Color::rgb(0xAAAAAA);
        k.status[2] = Color::rgb(0x555555);
        k.status[3] = Color::rgb(0xFFFFFF);
    }
    return k;
}

TextItem text(std::string s, Point at, double size, Color c, HAlign h = HAlign::Left, VAlign v = VAlign::Top,
              FontWeight w = FontWeight::Normal, bool italic = false, double maxW = 0) {
    TextItem t;
    t.text = std::move(s);
    t.at = at;
    t.sizePt = size;
    t.color = c;
    t.halign = h;
    t.valign = v;
    t.weight = w;
    t.italic = italic;
    t.maxWidthPt = maxW;
    return t;
}

Scene page() {
    Scene s;
    s.widthPt = kPageW;
    s.heightPt = kPageH;
    return s;
}

std::string shorten(const std::string& s, double size, double maxW, FontWeight w = FontWeight::Normal) {
    if (measureText(s, size, w).widthPt <= maxW) return s;
    std::string t = s;
    while (t.size() > 1) {
        t.pop_back();
        while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();   // whole characters
        if (measureText(t + "\u2026", size, w).widthPt <= maxW) return t + "\u2026";
    }
    return {};
}

// Horizontal bars, largest first as given, with their values; the label column on the left.
void barChart(Scene& s, const Ink& k, Rect area, const std::string& title, const std::string& note,
              const std::vector<std::pair<std::string, int>>& bars, const std::vector<Color>& colours) {
    s.text(text(title, {area.x, area.y}, 10, k.ink, HAlign::Left, VAlign::Top, FontWeight::Bold));
    s.text(text(note, {area.x, area.y + 14}, 7, k.muted, HAlign::Left, VAlign::Top, FontWeight::Normal, true, area.w));
    const double top = area.y + 30, labelW = 128, valueW = 24;
    if (bars.empty()) {
        s.text(text("none in these reviews", {area.x, top + 4}, 8, k.faint, HAlign::Left, VAlign::Top, FontWeight::Normal, true));
        return;
    }
    int maxV = 1;
    for (auto& b : bars) maxV = std::max(maxV, b.second);
    const double rowH = std::min(16.0, (area.bottom() - top) / double(bars.size()));
    const double barMax = area.w - labelW - valueW - 4;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double y = top + double(i) * rowH;
        const double size = std::min(7.6, rowH * 0.6);
        s.text(text(shorten(bars[i].first, size, labelW - 6), {area.x + labelW - 6, y + rowH / 2}, size, k.ink, HAlign::Right,
                    VAlign::Middle));
        const double w = barMax * double(bars[i].second) / double(maxV);
        Paint p = Paint::filled(colours.empty() ? k.bar : colours[i % colours.size()]);
        if (k.print) p.stroke = k.ink, p.lineWidth = 0.4;
        s.add(Path::rect({area.x + labelW, y + rowH * 0.18, std::max(w, 0.8), rowH * 0.64}), p);
        s.text(text(std::to_string(bars[i].second), {area.x + labelW + w + 3, y + rowH / 2}, size, k.ink, HAlign::Left,
                    VAlign::Middle, FontWeight::Bold));
    }
    s.add(Path().moveTo({area.x + labelW, top}).lineTo({area.x + labelW, top + rowH * double(bars.size())}), Paint::stroked(k.faint, 0.6));
}

// Stacked horizontal bars (one per row), segments in `colours`, with a key.
void stackedChart(Scene& s, const Ink& k, Rect area, const std::string& title, const std::string& note,
                  const std::vector<std::string>& segNames, const std::vector<std::pair<std::string, std::vector<int>>>& rows,
                  const std::vector<Color>& colours, const std::vector<std::string>& after) {
    s.text(text(title, {area.x, area.y}, 10, k.ink, HAlign::Left, VAlign::Top, FontWeight::Bold));
    s.text(text(note, {area.x, area.y + 14}, 7, k.muted, HAlign::Left, VAlign::Top, FontWeight::Normal, true, area.w));
    double kx = area.x;
    const double ky = area.y + 28;
    for (std::size_t i = 0; i < segNames.size(); ++i) {
        Paint p = Paint::filled(colours[i]);
        p.stroke = k.faint;
        p.lineWidth = 0.5;
        s.add(Path::rect({kx, ky, 9, 8}), p);
        s.text(text(segNames[i], {kx + 12, ky + 4}, 7, k.ink, HAlign::Left, VAlign::Middle));
        kx += 12 + measureText(segNames[i], 7).widthPt + 12;
    }
    const double top = ky + 16, labelW = 128, valueW = 70;
    int maxV = 1;
    for (auto& r : rows) {
        int sum = 0;
        for (int v : r.second) sum += v;
        maxV = std::max(maxV, sum);
    }
    const double rowH = rows.empty() ? 16 : std::min(16.0, (area.bottom() - top) / double(rows.size()));
    const double barMax = area.w - labelW - valueW;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double y = top + double(i) * rowH, size = std::min(7.6, rowH * 0.6);
        s.text(text(shorten(rows[i].first, size, labelW - 6), {area.x + labelW - 6, y + rowH / 2}, size, k.ink, HAlign::Right,
                    VAlign::Middle));
        double x = area.x + labelW;
        int sum = 0;
        for (std::size_t j = 0; j < rows[i].second.size(); ++j) {
            const double w = barMax * double(rows[i].second[j]) / double(maxV);
            if (w > 0) {
                Paint p = Paint::filled(colours[j]);
                p.stroke = k.faint;
                p.lineWidth = 0.4;
                s.add(Path::rect({x, y + rowH * 0.18, w, rowH * 0.64}), p);
            }
            x += w;
            sum += rows[i].second[j];
        }
        std::string v = std::to_string(sum) + (i < after.size() && !after[i].empty() ? " \u00b7 " + after[i] : "");
        s.text(text(v, {x + 3, y + rowH / 2}, size, i < after.size() && !after[i].empty() ? k.alert : k.ink, HAlign::Left,
                    VAlign::Middle, FontWeight::Bold));
    }
}

void drawTitle(Scene& s, const Ink& k, const ThemesTable& t, const std::string& sub) {
    s.text(text("Themes across reviews", {kMargin, kMargin}, 16, k.ink, HAlign::Left, VAlign::Top, FontWeight::Bold));
    s.text(text(sub, {kMargin, kMargin + 21}, 8.6, k.muted, HAlign::Left, VAlign::Top, FontWeight::Normal, false,
                kPageW - 2 * kMargin));
    (void)t;
}

// The table of cases; returns the pages it takes.
std::vector<Scene> casePages(const ThemesTable& t, const Ink& k, const std::string& sub) {
    struct Col { const char* head; double w; };
    const std::vector<Col> cols = {{"Review", 70}, {"Kind", 50}, {"Events", 56}, {"Missed opportunities", 70},
                                   {"of them in agency records", 76}, {"Information not shared", 76},
                                   {"DASH not done", 64}, {"Recommendations", 66}, {"complete", 56},
                                   {"Actions", 56}, {"overdue", 56}, {"Coercive control MOs", 72}};
    auto cells = [&](const CaseThemes& c) {
        int inAgencies = c.missedOpportunities - c.moWithoutAgency;
        return std::vector<std::string>{c.label, c.kind, std::to_string(c.events),
                                        std::to_string(c.missedOpportunities), std::to_string(inAgencies),
                                        std::to_string(c.informationNotShared), std::to_string(c.dashNotDone),
                                        std::to_string(c.recommendations),
                                        std::to_string(at(c.recommendationsByStatus, ActionStatus::Complete)),
                                        std::to_string(c.actions), std::to_string(c.actionsOverdue),
                                        std::to_string(c.moCoerciveControl)};
    };
    const double rowH = 15, headH = 24;
    std::vector<Scene> pages;
    std::size_t i = 0;
    do {
        Scene s = page();
        drawTitle(s, k, t, sub);
        double y = kMargin + 44;
        double x = kMargin;
        s.add(Path::rect({kMargin, y, kPageW - 2 * kMargin, headH}), Paint::filled(k.header));
        for (auto& col : cols) {
            s.text(text(col.head, {x + 3, y + headH - 3}, 7, k.ink, HAlign::Left, VAlign::Bottom, FontWeight::Bold, false, col.w - 5));
            x += col.w;
        }
        y += headH;
        const std::size_t fit = std::size_t((kPageH - kMargin - y - rowH * 2) / rowH);
        std::size_t end = std::min(t.cases.size(), i + std::max<std::size_t>(fit, 1));
        auto drawRow = [&](const CaseThemes& c, bool total, bool stripe) {
            if (stripe) s.add(Path::rect({kMargin, y, kPageW - 2 * kMargin, rowH}), Paint::filled(k.stripe));
            if (total) s.add(Path().moveTo({kMargin, y}).lineTo({kPageW - kMargin, y}), Paint::stroked(k.ink, 0.9));
            double cx = kMargin;
            auto v = cells(c);
            for (std::size_t j = 0; j < cols.size(); ++j) {
                FontWeight w = total ? FontWeight::Bold : FontWeight::Normal;
                bool alert = (j == 5 || j == 6 || j == 10) && v[j] != "0";
                s.text(text(shorten(v[j], 7.4, cols[j].w - 6, w), {cx + 3, y + rowH / 2}, 7.4, alert ? k.alert : k.ink,
                            HAlign::Left, VAlign::Middle, w));
                cx += cols[j].w;
            }
            y += rowH;
        };
        for (; i < end; ++i) drawRow(t.cases[i], false, i % 2 == 1);
        if (i == t.cases.size()) drawRow(t.totals, true, false);
        pages.push_back(std::move(s));
    } while (i < t.cases.size());
    return pages;
}

}  // namespace

Document toDocument(const ThemesTable& t, Theme theme) {
    const Ink k = inkFor(theme);
    Document d;
    d.anonymised = true;   // made from each case's anonymised view only
    d.outlineTitle = "Themes across reviews";
    const std::string sub = fmt::format(
        "{} review{} \u00b7 counted from each case's anonymised (publishable) view: unpublished entries are not counted "
        "\u00b7 {} missed opportunities, {} entries where information was not shared, {} where DASH was not done, "
        "{} of {} actions overdue",
        t.cases.size(), t.cases.size() == 1 ? "" : "s", t.totals.missedOpportunities, t.totals.informationNotShared,
        t.totals.dashNotDone, t.totals.actionsOverdue, t.totals.actions);
    for (auto& p : casePages(t, k, sub)) d.pages.push_back(std::move(p));
    d.outline.push_back({0, "Reviews"});

    Scene s = page();
    drawTitle(s, k, t, "Totals across the reviews");
    const double top = kMargin + 44, gap = 28;
    const double w = (kPageW - 2 * kMargin - gap) / 2, h = (kPageH - kMargin - top - gap) / 2;
    // Missed opportunities by the kind of agency whose record it was.
    std::vector<std::pair<std::string, int>> byKind;
    std::vector<Color> kindColours;
    const auto tp = timeline::paletteFor(theme);
    for (AgencyKind kind : t.kinds) {
        byKind.push_back({std::string(timeline::kindLabel(kind)), t.totals.moByKind.at(kind)});
        kindColours.push_back(tp.kind(kind));
    }
    if (t.totals.moWithoutAgency) {
        byKind.push_back({"Not in an agency's record", t.totals.moWithoutAgency});
        kindColours.push_back(k.faint);
    }
    barChart(s, k, {kMargin, top, w, h}, "Missed opportunities by kind of agency",
             "whose record the missed opportunity is in", byKind, kindColours);
    // By theme: the tags on missed opportunities, most frequent first.
    std::vector<std::pair<std::string, int>> byTag;
    if (t.totals.moCoerciveControl) byTag.push_back({"coercive control (any)", t.totals.moCoerciveControl});
    for (auto& tag : t.tags) {
        if (byTag.size() >= 14) break;
        byTag.push_back({chron::tagMeaning(tag), t.totals.moByTag.at(tag)});
    }
    barChart(s, k, {kMargin + w + gap, top, w, h}, "Missed opportunities by theme",
             "the tags they carry (one missed opportunity may have several)", byTag, {});
    // Per case: missed opportunities, information not shared, DASH not done.
    std::vector<std::pair<std::string, std::vector<int>>> perCase;
    for (auto& c : t.cases)
        perCase.push_back({c.label, {c.missedOpportunities, c.informationNotShared, c.dashNotDone}});
    stackedChart(s, k, {kMargin, top + h + gap, w, h}, "Practice gaps by review", "counts of entries in each review",
                 {"missed opportunities", "information not shared", "DASH not done"}, perCase,
                 {k.bar, k.print ? Color::rgb(0xBBBBBB) : Color::rgb(0xE07B39), k.print ? Color::rgb(0xEEEEEE) : Color::rgb(0xCC5A3A)},
                 {});
    // Actions by status, per review, with overdue.
    std::vector<std::pair<std::string, std::vector<int>>> plan;
    std::vector<std::string> overdue;
    auto addPlan = [&](const CaseThemes& c) {
        plan.push_back({c.label, {at(c.actionsByStatus, ActionStatus::NotStarted), at(c.actionsByStatus, ActionStatus::InProgress),
                                  at(c.actionsByStatus, ActionStatus::Complete), at(c.actionsByStatus, ActionStatus::Dropped)}});
        overdue.push_back(c.actionsOverdue ? fmt::format("{} overdue", c.actionsOverdue) : "");
    };
    for (auto& c : t.cases) addPlan(c);
    addPlan(t.totals);
    stackedChart(s, k, {kMargin + w + gap, top + h + gap, w, h}, "Action plans by status",
                 fmt::format("{} recommendations: {} complete, {} in progress, {} not started",
                             t.totals.recommendations, at(t.totals.recommendationsByStatus, ActionStatus::Complete),
                             at(t.totals.recommendationsByStatus, ActionStatus::InProgress),
                             at(t.totals.recommendationsByStatus, ActionStatus::NotStarted)),
                 {"not started", "in progress", "complete", "dropped"}, plan,
                 {k.status[0], k.status[1], k.status[2], k.status[3]}, overdue);
    d.outline.push_back({int(d.pages.size()), "Totals"});
    d.pages.push_back(std::move(s));
    return d;
}

}  // namespace genochron::themes
