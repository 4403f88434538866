// The action plan as a tracker annex: A4 landscape pages (A3 or portrait when asked),
// each recommendation as a band followed by its actions: what, the lead agency, the
// owner (a role), the target, the status as a pill with a glyph and a word, overdue
// actions marked in words and with a bar, the completion date and the latest update.
// A summary strip and a key open the first page; every page has the header row and
// "Page N of M". The table itself is laid out by actions_table.cpp.
#include "core/figures/actions/actions_style.hpp"
#include "core/figures/actions/actions_table.hpp"
#include "core/figures/views.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace genochron {

using namespace actions;

namespace {

enum Col { kId, kText, kLead, kOwner, kTarget, kStatus, kCompleted, kUpdate, kColumns };

const char* kTitles[kColumns] = {"Action", "What will be done", "Lead agency", "Owner (role)",
                                 "Target", "Status",            "Completed",   "Latest update"};

// Ids, dates and pills get what they need to stay on one line (on a portrait page too);
// the columns of free text share the rest.
std::vector<Column> columnsFor(double w, const std::array<double, kColumns>& need) {
    const double share[kColumns] = {0, 0.34, 0.16, 0.16, 0, 0, 0, 0.34};
    double fixed = 0;
    for (int i = 0; i < kColumns; ++i)
        if (share[i] == 0) fixed += need[std::size_t(i)];
    const double rest = std::max(0.0, w - fixed);
    std::vector<Column> cols;
    for (int i = 0; i < kColumns; ++i)
        cols.push_back({kTitles[i], share[i] == 0 ? need[std::size_t(i)] : rest * share[i]});
    return cols;
}

struct Styles {
    TextStyle body, bodyMuted, bold, small, smallBold, smallMuted, pill, overdue, group, groupBold, groupSmall;
};

Styles stylesFor(const Palette& pal, double u) {
    Styles s;
    s.body = {7.5 * u, FontWeight::Normal, false, pal.text};
    s.bodyMuted = {7.5 * u, FontWeight::Normal, true, pal.muted};
    s.bold = {7.5 * u, FontWeight::Bold, false, pal.text};
    s.small = {6.8 * u, FontWeight::Normal, false, pal.text};
    s.smallBold = {6.8 * u, FontWeight::Bold, false, pal.text};
    s.smallMuted = {6.8 * u, FontWeight::Normal, true, pal.muted};
    s.pill = {6.8 * u, FontWeight::Bold, false, pal.text};
    s.overdue = {6.8 * u, FontWeight::Bold, false, pal.overdue.text};
    s.group = {7.8 * u, FontWeight::Normal, false, pal.groupText};
    s.groupBold = {8.2 * u, FontWeight::Bold, false, pal.groupText};
    s.groupSmall = {6.8 * u, FontWeight::Normal, false, pal.muted};
    return s;
}

void append(Cell& c, std::vector<Line> lines) {
    for (auto& l : lines) c.lines.push_back(std::move(l));
}

struct RowBuilder {
    const Case& c;
    const Palette& pal;
    const Styles& st;
    const TableStyle& ts;
    const std::vector<Column>& cols;
    const std::map<std::string, int>& mo;
    long today;
    double u;

    double inner(Col k) const { return cols[std::size_t(k)].width - 2 * ts.padX; }

    Row group(const Recommendation& r) const {
        Row row;
        row.kind = Row::Kind::Group;
        row.modelId = r.id;
        row.continuedLabel = fmt::format("Recommendation {} (continued)", r.id);
        double w = 0;
        for (const auto& col : cols) w += col.width;
        w -= 2 * ts.padX;
        Cell cell;
        append(cell, wrap(fmt::format("Recommendation {}  \u00B7  {}", r.id, toString(r.scope)), st.groupBold, w));
        append(cell, wrap(r.text.empty() ? "(no text recorded)" : r.text, st.group, w, 1.5 * u));
        int done = 0;
        for (const auto& a : r.actions) done += a.status == ActionStatus::Complete;
        std::string meta = r.actions.empty() ? "No actions recorded"
                                             : fmt::format("{} of {} action{} complete", done, r.actions.size(),
                                                           r.actions.size() == 1 ? "" : "s");
        std::vector<std::string> mos;
        for (const auto& id : r.addresses)
            if (auto it = mo.find(id); it != mo.end()) mos.push_back(fmt::format("MO{}", it->second));
        if (!mos.empty()) meta += fmt::format("  \u00B7  answers missed opportunit{} {}", mos.size() == 1 ? "y" : "ies",
                                              fmt::join(mos, ", "));
        append(cell, wrap(meta, st.groupSmall, w, 1.5 * u));
        row.cells.push_back(std::move(cell));
        return row;
    }

    Row action(const Action& a) const {
        Row row;
        row.modelId = a.id;
        row.cells.resize(kColumns);
        const bool overdue = a.overdue(today);
        const bool dropped = a.status == ActionStatus::Dropped;
        const TextStyle& body = dropped ? st.bodyMuted : st.body;
        append(row.cells[kId], wrap(a.id, st.bold, inner(kId) - (overdue ? ts.barWidth : 0)));
        append(row.cells[kText], wrap(a.text.empty() ? "(no text recorded)" : a.text, body, inner(kText)));
        const Agency* lead = c.agency(a.lead);
        append(row.cells[kLead], wrap(lead && !lead->name.empty() ? lead->name : a.lead.empty() ? "\u2013" : a.lead, body,
                                      inner(kLead)));
        append(row.cells[kOwner], wrap(a.owner.empty() ? "not named" : a.owner, a.owner.empty() ? st.bodyMuted : body,
                                       inner(kOwner)));
        append(row.cells[kTarget], wrap(a.target ? a.target->humanLabel() : "none set",
                                        a.target ? body : st.bodyMuted, inner(kTarget)));
        if (overdue) {
            Line p = pill(fmt::format("{} OVERDUE", pal.overdue.glyph), st.overdue, pal.overdue.fill, pal.overdue.stroke, ts);
            p.gap = 2 * u;
            p.h += p.gap;
            p.pillStrokeWidth = (pal.print ? 1.2 : 0.8) * u;
            row.cells[kTarget].lines.push_back(std::move(p));
            long late = today - a.target->latestDay();
            append(row.cells[kTarget],
                   wrap(fmt::format("by {} day{}", late, late == 1 ? "" : "s"), st.overdue, inner(kTarget), 1 * u));
            row.fill = pal.overdueTint;
            row.leftBar = pal.overdueBar;
        }
        const StatusLook& look = lookOf(pal, a.status);
        Line sp = pill(fmt::format("{} {}", look.glyph, look.word), TextStyle{st.pill.sizePt, FontWeight::Bold, false, look.text},
                       look.fill, look.stroke, ts);
        sp.pillStrokeWidth = 0.8 * u;
        if (!look.dash.empty()) sp.pillDash = {look.dash[0] * u, look.dash[1] * u};
        row.cells[kStatus].lines.push_back(std::move(sp));
        if (a.completed) append(row.cells[kCompleted], wrap(a.completed->humanLabel(), body, inner(kCompleted)));
        else append(row.cells[kCompleted], wrap("\u2013", st.bodyMuted, inner(kCompleted)));
        if (!a.updates.empty()) {
            auto latest = std::max_element(a.updates.begin(), a.updates.end(),
                                           [](const ActionUpdate& x, const ActionUpdate& y) { return x.date < y.date; });
            std::string head = latest->date.humanLabel();
            if (a.updates.size() > 1) head += fmt::format("  ({} updates)", a.updates.size());
            append(row.cells[kUpdate], wrap(head, st.smallBold, inner(kUpdate)));
            append(row.cells[kUpdate], wrap(latest->text, st.small, inner(kUpdate), 0.5 * u));
        } else {
            append(row.cells[kUpdate], wrap(overdue ? "No update recorded" : "\u2013", st.smallMuted, inner(kUpdate)));
        }
        return row;
    }

    Row noActions() const {
        Row row;
        row.cells.resize(kColumns);
        append(row.cells[kText], wrap("No actions recorded for this recommendation.", st.bodyMuted, inner(kText)));
        return row;
    }
};

TextItem label(const std::string& t, Point at, double size, FontWeight w, const Color& c, double maxW = 0) {
    TextItem ti;
    ti.text = t;
    ti.at = at;
    ti.sizePt = size;
    ti.weight = w;
    ti.color = c;
    ti.valign = VAlign::Top;
    ti.maxWidthPt = maxW;
    return ti;
}

}  // namespace

Document buildActionsView(const ViewCase& vc, const ViewOptions& opt) {
    const Case& c = vc.data();
    const long today = opt.todayDays ? opt.todayDays : todayDays();
    const Geometry g = geometryFor(opt.page);
    const Palette pal = paletteFor(opt.theme);
    const double u = g.u, x0 = g.margin, contentW = g.w - 2 * g.margin;
    const Styles st = stylesFor(pal, u);

    TableStyle ts;
    ts.padX = 3 * u;
    ts.padY = 3 * u;
    ts.header = {7 * u, FontWeight::Bold, false, pal.headerText};
    ts.continued = {6.8 * u, FontWeight::Bold, true, pal.groupText};
    ts.headerFill = pal.headerFill;
    ts.groupFill = pal.groupFill;
    ts.rule = pal.rule;
    ts.ruleWidth = 0.4 * u;
    ts.barWidth = 3 * u;
    ts.pillPadX = 3.5 * u;
    ts.pillPadY = 1.3 * u;
    std::array<double, kColumns> need{};
    {
        auto widest = [&](double w, const std::string& t, const TextStyle& st) { return std::max(w, measure(t, st).widthPt); };
        const TextStyle& head = ts.header;
        double id = measure(kTitles[kId], head).widthPt;
        for (const auto& r : c.recommendations)
            for (const auto& a : r.actions) id = widest(id, a.id, st.bold);
        double date = widest(measure("30 Sep 2030", st.body).widthPt, kTitles[kCompleted], head);
        double status = measure(kTitles[kStatus], head).widthPt;
        for (const auto& l : pal.status) status = widest(status, l.glyph + " " + l.word, st.pill);
        status += 2 * ts.pillPadX;
        double overdue = measure(pal.overdue.glyph + " OVERDUE", st.overdue).widthPt + 2 * ts.pillPadX;
        const double slack = 3 * u;
        need[kId] = id + ts.barWidth + 2 * ts.padX + slack;
        need[kTarget] = std::max(date, overdue) + 2 * ts.padX + slack;
        need[kStatus] = status + 2 * ts.padX + slack;
        need[kCompleted] = date + 2 * ts.padX + slack;
    }
    const auto cols = columnsFor(contentW, need);
    Table table(cols, ts);

    const auto mo = c.missedOpportunityNumbers();
    RowBuilder rb{c, pal, st, ts, cols, mo, today, u};
    std::vector<Row> rows;
    for (const auto& r : c.recommendations) {
        rows.push_back(rb.group(r));
        if (r.actions.empty()) rows.push_back(rb.noActions());
        for (const auto& a : r.actions) rows.push_back(rb.action(a));
    }

    // ---- the first page's heading: title, the case, where the plan stands, the key
    const std::string heading = opt.title.empty() ? "Action plan" : opt.title;
    const std::string asOf = Date::fromDays(today).humanLabel();
    std::string sub = c.info.title.empty() ? "" : c.info.title;
    if (!c.info.partnership.empty()) sub += (sub.empty() ? "" : "  \u00B7  ") + c.info.partnership;
    sub += (sub.empty() ? "" : "  \u00B7  ") + fmt::format("position on {}", asOf);
    const double top = g.margin;
    const double titleH = measureText(heading, 13 * u, FontWeight::Bold, false, contentW).heightPt;
    const double subY = top + titleH + 2 * u;
    const double subH = measureText(sub, 8 * u, FontWeight::Normal, false, contentW).heightPt;
    const PlanCounts counts = countPlan(c, today);
    const double stripY = subY + subH + 8 * u;
    const double stripH = drawSummary(nullptr, counts, pal, x0, stripY, contentW, u);
    const double legendY = stripY + stripH + 7 * u;
    const double legendH = opt.legend ? drawLegend(nullptr, pal, x0, legendY, contentW, u, asOf) : 0;
    const double firstHeaderTop = (opt.legend ? legendY + legendH : stripY + stripH) + 8 * u;
    const double runningH = measureText(heading, 8 * u, FontWeight::Bold).heightPt;
    const double otherHeaderTop = top + runningH + 5 * u;
    const double footSize = 6.5 * u;
    const double footerTop = g.h - g.margin - measureText("Ag", footSize).heightPt - 4 * u;
    const double bottom = footerTop - 4 * u;

    auto pages = table.paginate(rows, firstHeaderTop + table.headerHeight(), otherHeaderTop + table.headerHeight(), bottom);

    Document doc;
    doc.outlineTitle = heading;
    doc.outline.emplace_back(0, heading);
    const std::string footLeft = c.info.title.empty() ? heading : c.info.title;
    const std::string footMid = vc.anonymised() ? "Anonymised for publication" : "Contains real names: not for publication";
    for (std::size_t i = 0; i < pages.size(); ++i) {
        Scene s;
        s.widthPt = g.w;
        s.heightPt = g.h;
        Paint rule;
        rule.stroke = pal.rule;
        rule.lineWidth = 0.5 * u;
        s.add(Path().moveTo({x0, footerTop}).lineTo({x0 + contentW, footerTop}), rule);
        const double fy = footerTop + 3 * u;
        s.text(label(footLeft, {x0, fy}, footSize, FontWeight::Normal, pal.muted));
        TextItem mid = label(footMid, {x0 + contentW / 2, fy}, footSize, FontWeight::Normal, pal.muted);
        mid.halign = HAlign::Center;
        s.text(std::move(mid));
        s.pageLabel = fmt::format("Page {} of {}", i + 1, pages.size());
        TextItem right = label(s.pageLabel, {x0 + contentW, fy}, footSize, FontWeight::Normal, pal.muted);
        right.halign = HAlign::Right;
        s.text(std::move(right));
        double headerTop;
        if (i == 0) {
            s.text(label(heading, {x0, top}, 13 * u, FontWeight::Bold, pal.text, contentW));
            s.text(label(sub, {x0, subY}, 8 * u, FontWeight::Normal, pal.muted, contentW));
            drawSummary(&s, counts, pal, x0, stripY, contentW, u);
            if (opt.legend) drawLegend(&s, pal, x0, legendY, contentW, u, asOf);
            headerTop = firstHeaderTop;
        } else {
            s.text(label(heading + " (continued)", {x0, top}, 8 * u, FontWeight::Bold, pal.text));
            headerTop = otherHeaderTop;
        }
        table.drawPage(s, pages[i], rows, x0, headerTop);
        for (const auto& p : pages[i].placed)
            if (!p.continuation && rows[p.row].kind == Row::Kind::Group)
                doc.outline.emplace_back(int(i), "Recommendation " + rows[p.row].modelId);
        if (rows.empty())
            s.text(label("The case has no recommendations yet.", {x0 + ts.padX, headerTop + table.headerHeight() + 4 * u},
                         7.5 * u, FontWeight::Normal, pal.muted));
        doc.pages.push_back(std::move(s));
    }
    return doc;
}

}  // namespace genochron
