// The action plan as a tracker annex: A4 landscape pages (A3 or portrait when asked),
// each recommendation as a band followed by its actions: what, the lead agency, the
// owner (a role), the target, the status as a pill with a glyph and a word, overdue
// actions marked in words and with a bar, the completion date and the latest update.
// A summary strip and a key open the first page; every page has the header row and
// "Page N of M". The table itself is laid out by the table engine (figures/table).
#include "core/figures/actions/actions_style.hpp"
#include "core/figures/actions/actions_view.hpp"
#include "core/figures/table/table.hpp"
#include "core/figures/table/table_page.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace genochron {

using namespace actions;
using table::Cell;
using table::Para;
using table::Row;

namespace {

enum Col { kId, kText, kLead, kOwner, kTarget, kStatus, kCompleted, kUpdate, kColumns };

const char* kTitles[kColumns] = {"Action", "What will be done", "Lead agency", "Owner (role)",
                                 "Target", "Status",            "Completed",   "Latest update"};

// Ids, dates and pills get what they need to stay on one line (on a portrait page too);
// the columns of free text share the rest.
std::vector<table::Column> columnsFor(double w, const std::array<double, kColumns>& need) {
    const double share[kColumns] = {0, 0.34, 0.16, 0.16, 0, 0, 0, 0.34};
    double fixed = 0;
    for (int i = 0; i < kColumns; ++i)
        if (share[i] == 0) fixed += need[std::size_t(i)];
    const double rest = std::max(0.0, w - fixed);
    std::vector<table::Column> cols;
    for (int i = 0; i < kColumns; ++i)
        cols.push_back({kTitles[i], share[i] == 0 ? need[std::size_t(i)] : rest * share[i], std::nullopt});
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
    s.group = {7.8 * u, FontWeight::Normal, false, pal.bandText};
    s.groupBold = {8.2 * u, FontWeight::Bold, false, pal.bandText};
    s.groupSmall = {6.8 * u, FontWeight::Normal, false, pal.muted};
    return s;
}

Para para(std::string text, const TextStyle& st, double gap = 0) { return Para{std::move(text), st, gap, std::nullopt}; }

// A status or overdue pill: the word in a rounded box.
Para pill(std::string text, const TextStyle& st, const StatusLook& look, double strokeWidth, double u, double gap = 0) {
    table::Badge b;
    b.fill = look.fill;
    b.stroke = look.stroke;
    b.strokeWidth = strokeWidth;
    if (!look.dash.empty()) b.dash = {look.dash[0] * u, look.dash[1] * u};
    b.padX = 3.5 * u;
    b.padY = 1.3 * u;
    b.radius = -1;
    return Para{std::move(text), st, gap, b};
}

struct RowBuilder {
    const Case& c;
    const Palette& pal;
    const Styles& st;
    const std::map<std::string, int>& mo;
    long today;
    double u;

    Row group(const Recommendation& r) const {
        Row row;
        row.kind = Row::Kind::Band;
        row.modelId = r.id;
        row.label = "Recommendation " + r.id;
        row.continuedLabel = fmt::format("Recommendation {} (continued)", r.id);
        Cell cell;
        cell.paras.push_back(para(fmt::format("Recommendation {}  \u00B7  {}", r.id, toString(r.scope)), st.groupBold));
        cell.paras.push_back(para(r.text.empty() ? "(no text recorded)" : r.text, st.group, 1.5 * u));
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
        cell.paras.push_back(para(meta, st.groupSmall, 1.5 * u));
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
        auto add = [&](Col k, Para p) { row.cells[k].paras.push_back(std::move(p)); };
        add(kId, para(a.id, st.bold));
        add(kText, para(a.text.empty() ? "(no text recorded)" : a.text, body));
        const Agency* lead = c.agency(a.lead);
        const std::string leadName = lead && !lead->name.empty() ? lead->name : a.lead.empty() ? "\u2013" : a.lead;
        add(kLead, para(leadName, body));
        add(kOwner, para(a.owner.empty() ? "not named" : a.owner, a.owner.empty() ? st.bodyMuted : body));
        add(kTarget, para(a.target ? a.target->humanLabel() : "none set", a.target ? body : st.bodyMuted));
        if (overdue) {
            add(kTarget, pill(fmt::format("{} OVERDUE", pal.overdue.glyph), st.overdue, pal.overdue,
                              (pal.print ? 1.2 : 0.8) * u, u, 2 * u));
            long late = today - a.target->latestDay();
            add(kTarget, para(fmt::format("by {} day{}", late, late == 1 ? "" : "s"), st.overdue, 1 * u));
            row.fill = pal.overdueTint;
            row.leftBar = pal.overdueBar;
        }
        const StatusLook& look = lookOf(pal, a.status);
        add(kStatus, pill(fmt::format("{} {}", look.glyph, look.word), TextStyle{st.pill.sizePt, FontWeight::Bold, false, look.text},
                          look, 0.8 * u, u));
        if (a.completed) add(kCompleted, para(a.completed->humanLabel(), body));
        else add(kCompleted, para("\u2013", st.bodyMuted));
        if (!a.updates.empty()) {
            auto latest = std::max_element(a.updates.begin(), a.updates.end(),
                                           [](const ActionUpdate& x, const ActionUpdate& y) { return x.date < y.date; });
            std::string head = latest->date.humanLabel();
            if (a.updates.size() > 1) head += fmt::format("  ({} updates)", a.updates.size());
            add(kUpdate, para(head, st.smallBold));
            add(kUpdate, para(latest->text, st.small, 0.5 * u));
        } else {
            add(kUpdate, para(overdue ? "No update recorded" : "\u2013", st.smallMuted));
        }
        // What a page carrying on a long action repeats, muted, so it is clear whose it is.
        row.carry.resize(kColumns);
        row.carry[kId].paras.push_back(para(a.id, st.smallMuted));
        row.carry[kLead].paras.push_back(para(leadName, st.smallMuted));
        return row;
    }

    Row noActions() const {
        Row row;
        row.cells.resize(kColumns);
        row.cells[kText].paras.push_back(para("No actions recorded for this recommendation.", st.bodyMuted));
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
    return buildActionsDocument(vc, opt, table::geometryFor(opt.page));
}

}  // namespace genochron

namespace genochron::actions {

Document buildActionsDocument(const ViewCase& vc, const ViewOptions& opt, const table::PageGeometry& g) {
    const Case& c = vc.data();
    const long today = opt.todayDays ? opt.todayDays : todayDays();
    const Palette pal = paletteFor(opt.theme);
    const double u = g.u, x0 = g.body.x, contentW = g.body.w;
    const Styles st = stylesFor(pal, u);

    table::TableStyle ts;
    ts.padX = 3 * u;
    ts.padY = 3 * u;
    ts.header = {7 * u, FontWeight::Bold, false, pal.headerText};
    ts.continued = {6.5 * u, FontWeight::Normal, true, pal.muted};
    ts.continuedBand = {6.8 * u, FontWeight::Bold, true, pal.bandText};
    ts.headerFill = pal.headerFill;
    ts.bandFill = pal.bandFill;
    ts.rule = pal.rule;
    ts.ruleWidth = 0.4 * u;
    ts.barWidth = 3 * u;
    ts.markColumn = kText;
    ts.continuedBelow = "continued on the next page \u25B8";
    ts.continuedAbove = "\u25C2 continued from the previous page";
    const double pillPadX = 3.5 * u;
    std::array<double, kColumns> need{};
    {
        auto m = [](const std::string& t, const TextStyle& s) { return table::measure(t, s).widthPt; };
        auto widest = [&](double w, const std::string& t, const TextStyle& s) { return std::max(w, m(t, s)); };
        const TextStyle& head = ts.header;
        double id = m(kTitles[kId], head);
        for (const auto& r : c.recommendations)
            for (const auto& a : r.actions) id = widest(id, a.id, st.bold);
        double date = widest(m("30 Sep 2030", st.body), kTitles[kCompleted], head);
        double status = m(kTitles[kStatus], head);
        for (const auto& l : pal.status) status = widest(status, l.glyph + " " + l.word, st.pill);
        status += 2 * pillPadX;
        double overdue = m(pal.overdue.glyph + " OVERDUE", st.overdue) + 2 * pillPadX;
        const double slack = 3 * u;
        // The first column leaves room for the bar (table::Table::inset).
        need[kId] = id + ts.barWidth + 2.5 * ts.padX + slack;
        need[kTarget] = std::max(date, overdue) + 2 * ts.padX + slack;
        need[kStatus] = status + 2 * ts.padX + slack;
        need[kCompleted] = date + 2 * ts.padX + slack;
    }
    table::Table tbl(columnsFor(contentW, need), ts);

    const auto mo = c.missedOpportunityNumbers();
    RowBuilder rb{c, pal, st, mo, today, u};
    std::vector<Row> rows;
    for (const auto& r : c.recommendations) {
        rows.push_back(rb.group(r));
        if (r.actions.empty()) rows.push_back(rb.noActions());
        for (const auto& a : r.actions) rows.push_back(rb.action(a));
    }

    // ---- the first page's heading: title, the case, where the plan stands, the key
    table::Furniture fu;
    fu.heading = opt.title.empty() ? "Action plan" : opt.title;
    fu.footLeft = c.info.title.empty() ? fu.heading : c.info.title;
    fu.footMid = vc.anonymised() ? "Anonymised for publication" : "Contains real names: not for publication";
    fu.title = {13 * u, FontWeight::Bold, false, pal.text};
    fu.running = {8 * u, FontWeight::Bold, false, pal.text};
    fu.foot = {6.5 * u, FontWeight::Normal, false, pal.muted};
    fu.rule = pal.rule;
    fu.u = u;
    const table::PageFrame fr = table::frameFor(g, fu);
    const std::string& heading = fu.heading;
    const std::string asOf = Date::fromDays(today).humanLabel();
    std::string sub = c.info.title.empty() ? "" : c.info.title;
    if (!c.info.partnership.empty()) sub += (sub.empty() ? "" : "  \u00B7  ") + c.info.partnership;
    sub += (sub.empty() ? "" : "  \u00B7  ") + fmt::format("position on {}", asOf);
    const TextStyle subStyle{8 * u, FontWeight::Normal, false, pal.muted};
    const double top = fr.top;
    const double titleH = table::measure(heading, fu.title, contentW).heightPt;
    const double subY = top + titleH + 2 * u;
    const double subH = table::measure(sub, subStyle, contentW).heightPt;
    const PlanCounts counts = countPlan(c, today);
    const double stripY = subY + subH + 8 * u;
    const double stripH = drawSummary(nullptr, counts, pal, x0, stripY, contentW, u);
    const double legendY = stripY + stripH + 7 * u;
    const double legendH = opt.legend ? drawLegend(nullptr, pal, x0, legendY, contentW, u, asOf) : 0;
    const double firstHeaderTop = (opt.legend ? legendY + legendH : stripY + stripH) + 8 * u;

    auto pages = tbl.paginate(rows, firstHeaderTop + tbl.headerHeight(), fr.otherHeaderTop + tbl.headerHeight(), fr.bottom);

    Document doc;
    doc.anonymised = vc.anonymised();
    doc.outlineTitle = heading;
    doc.outline.emplace_back(0, heading);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        Scene s;
        s.widthPt = g.w;
        s.heightPt = g.h;
        table::drawFurniture(s, g, fr, fu, i, pages.size());
        double headerTop = fr.otherHeaderTop;
        if (i == 0) {
            s.text(label(heading, {x0, top}, fu.title.sizePt, FontWeight::Bold, pal.text, contentW));
            s.text(label(sub, {x0, subY}, subStyle.sizePt, FontWeight::Normal, pal.muted, contentW));
            drawSummary(&s, counts, pal, x0, stripY, contentW, u);
            if (opt.legend) drawLegend(&s, pal, x0, legendY, contentW, u, asOf);
            headerTop = firstHeaderTop;
        }
        tbl.drawPage(s, pages[i], rows, x0, headerTop);
        for (const auto& f : pages[i].fragments)
            if (!f.bandResumed && !f.continuedFromPrevious && rows[f.row].kind == Row::Kind::Band)
                doc.outline.emplace_back(int(i), rows[f.row].label);
        if (rows.empty())
            s.text(label("The case has no recommendations yet.", {x0 + ts.padX, headerTop + tbl.headerHeight() + 4 * u},
                         7.5 * u, FontWeight::Normal, pal.muted));
        doc.pages.push_back(std::move(s));
    }
    return doc;
}

}  // namespace genochron::actions
