// The report pack's own tables, on pack pages (inside the margins, under the pack's header):
// the index of missed opportunities (each MO, when, which agency, what was missed, and the
// recommendations and actions that answer it) and the action plan annex (for each action its
// outcome, evidence, key milestones and every dated update, under the "live document" note).
#include "core/figures/table/table.hpp"
#include "core/figures/table/table_page.hpp"
#include "core/publish/detail/report_pack_parts.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace genochron::pack {

using table::Cell;
using table::Para;
using table::Row;
using table::TextStyle;

namespace {

struct Styles {
    TextStyle body, bold, muted, warn, band, bandBold, title, intro;
};

Styles stylesFor(const table::Palette& pal) {
    Styles s;
    s.body = {7.5, FontWeight::Normal, false, pal.text};
    s.bold = {7.5, FontWeight::Bold, false, pal.text};
    s.muted = {7.5, FontWeight::Normal, true, pal.muted};
    s.warn = {7.5, FontWeight::Bold, false, pal.print ? pal.text : Color::rgb(0xb00020)};
    s.band = {7.8, FontWeight::Normal, false, pal.bandText};
    s.bandBold = {8.2, FontWeight::Bold, false, pal.bandText};
    s.title = {14, FontWeight::Bold, false, pal.text};
    s.intro = {8.5, FontWeight::Normal, false, pal.muted};
    return s;
}

table::TableStyle tableStyle(const table::Palette& pal, std::size_t markColumn) {
    table::TableStyle ts;
    ts.padX = 3;
    ts.padY = 3;
    ts.header = {7, FontWeight::Bold, false, pal.headerText};
    ts.continued = {6.5, FontWeight::Normal, true, pal.muted};
    ts.continuedBand = {6.8, FontWeight::Bold, true, pal.bandText};
    ts.headerFill = pal.headerFill;
    ts.bandFill = pal.bandFill;
    ts.rule = pal.rule;
    ts.markColumn = markColumn;
    ts.continuedBelow = "continued on the next page \u25B8";
    ts.continuedAbove = "\u25C2 continued from the previous page";
    return ts;
}

Para para(std::string t, const TextStyle& st, double gap = 0) { return Para{std::move(t), st, gap, std::nullopt}; }

Cell cell(std::string t, const TextStyle& st) { return Cell{{para(std::move(t), st)}}; }

// Columns from shares of the body's width.
std::vector<table::Column> columns(const std::vector<std::pair<const char*, double>>& spec, double width) {
    double total = 0;
    for (auto& [t, s] : spec) total += s;
    std::vector<table::Column> out;
    for (auto& [t, s] : spec) out.push_back({t, width * s / total, std::nullopt});
    return out;
}

// A table on pack pages: a title and an introduction on the first page, then the rows.
std::vector<Scene> tablePages(const Paper& paper, const std::string& title, const std::vector<std::string>& intro,
                              const table::Table& tbl, const std::vector<Row>& rows, const Styles& st,
                              const std::string& empty) {
    const Rect b = bodyOf(paper.w, paper.h);
    double y = b.y + 4;
    const double titleY = y;
    y += table::measure(title, st.title, b.w).heightPt + 4;
    std::vector<std::pair<double, std::string>> introAt;
    for (auto& t : intro) {
        introAt.emplace_back(y, t);
        y += table::measure(t, st.intro, b.w).heightPt + 3;
    }
    const double firstHeader = y + 6, otherHeader = b.y + 4;
    auto pages = tbl.paginate(rows, firstHeader + tbl.headerHeight(), otherHeader + tbl.headerHeight(), b.bottom());
    if (pages.empty()) pages.emplace_back();
    std::vector<Scene> out;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        Scene s = blankPage(paper);
        if (i == 0) {
            s.text(table::textItem(title, {b.x, titleY}, st.title, b.w));
            for (auto& [yy, t] : introAt) s.text(table::textItem(t, {b.x, yy}, st.intro, b.w));
        }
        tbl.drawPage(s, pages[i], rows, b.x, i == 0 ? firstHeader : otherHeader);
        if (rows.empty()) s.text(table::textItem(empty, {b.x + 3, firstHeader + tbl.headerHeight() + 4}, st.muted, b.w));
        out.push_back(std::move(s));
    }
    return out;
}

std::string agencyName(const Case& c, const std::string& id) {
    if (id.empty()) return "";
    const Agency* a = c.agency(id);
    return a && !a->name.empty() ? a->name : id;
}

std::string day(const Date& d) { return d.known() ? d.humanLabel() : "undated"; }

}  // namespace

std::vector<Scene> missedOpportunityPages(const ViewCase& vc, Theme theme, const Paper& paper) {
    const Case& c = vc.data();
    const table::Palette pal = table::paletteFor(theme);
    const Styles st = stylesFor(pal);
    const Rect b = bodyOf(paper.w, paper.h);
    table::Table tbl(columns({{"MO", 0.55}, {"Date", 0.9}, {"Agency", 1.6}, {"What was missed", 3.6},
                              {"Answered by (recommendations and actions)", 4.2}},
                             b.w),
                     tableStyle(pal, 3));
    const auto numbers = c.missedOpportunityNumbers();
    std::map<std::string, std::vector<const Recommendation*>> answers;
    for (auto& r : c.recommendations)
        for (auto& id : r.addresses) answers[id].push_back(&r);
    std::vector<std::pair<int, const Event*>> mos;
    for (auto& e : c.events)
        if (auto n = numbers.find(e.id); e.isMissedOpportunity() && n != numbers.end()) mos.emplace_back(n->second, &e);
    std::sort(mos.begin(), mos.end(), [](auto& a, auto& b) { return a.first < b.first; });
    std::vector<Row> rows;
    int unanswered = 0;
    for (auto& [n, e] : mos) {
        Row row;
        row.modelId = e->id;
        row.cells.push_back(cell(fmt::format("MO{}", n), st.bold));
        row.cells.push_back(cell(day(e->date), st.body));
        row.cells.push_back(cell(e->agency.empty() ? std::string(toString(e->source)) : agencyName(c, e->agency), st.body));
        Cell what = cell(e->missedOpportunity, st.body);
        row.cells.push_back(std::move(what));
        Cell ans;
        auto it = answers.find(e->id);
        if (it == answers.end()) {
            ++unanswered;
            ans.paras.push_back(para("No recommendation answers this missed opportunity.", st.warn));
            row.leftBar = pal.print ? pal.text : Color::rgb(0xb00020);
        } else {
            for (const Recommendation* r : it->second) {
                ans.paras.push_back(para(fmt::format("{}: {}", r->id, r->text), st.bold, ans.paras.empty() ? 0 : 3));
                for (auto& a : r->actions) ans.paras.push_back(para(fmt::format("{}  {}", a.id, a.text), st.body, 1));
            }
        }
        row.cells.push_back(std::move(ans));
        row.carry = {cell(fmt::format("MO{}", n), st.bold), cell(day(e->date), st.body), Cell{}, Cell{}, Cell{}};
        rows.push_back(std::move(row));
    }
    std::vector<std::string> intro = {
        "Each missed opportunity the review found, numbered in date order as in the timeline and the chronology, with "
        "the recommendations (addresses:) and actions that answer it."};
    if (unanswered)
        intro.push_back(fmt::format("{} of {} missed opportunities {} no recommendation (marked with a bar).", unanswered,
                                    mos.size(), unanswered == 1 ? "has" : "have"));
    return tablePages(paper, "Index of missed opportunities", intro, tbl, rows, st,
                      "The review recorded no missed opportunities.");
}

std::vector<Scene> actionAnnexPages(const ViewCase& vc, Theme theme, const Paper& paper, long today) {
    const Case& c = vc.data();
    const table::Palette pal = table::paletteFor(theme);
    const Styles st = stylesFor(pal);
    const Rect b = bodyOf(paper.w, paper.h);
    table::Table tbl(columns({{"Action", 0.7}, {"Status", 1.0}, {"Outcome sought", 2.2}, {"Evidence of completion", 2.0},
                              {"Key milestones", 2.4}, {"Update log (every dated update)", 3.6}},
                             b.w),
                     tableStyle(pal, 5));
    std::vector<Row> rows;
    for (auto& r : c.recommendations) {
        Row band;
        band.kind = Row::Kind::Band;
        band.modelId = r.id;
        band.label = "Recommendation " + r.id;
        band.continuedLabel = fmt::format("Recommendation {} (continued)", r.id);
        band.cells.push_back(Cell{{para(fmt::format("Recommendation {}", r.id), st.bandBold),
                                   para(r.text.empty() ? "(no text recorded)" : r.text, st.band, 1.5)}});
        rows.push_back(std::move(band));
        for (auto& a : r.actions) {
            Row row;
            row.modelId = a.id;
            row.cells.push_back(cell(a.id, st.bold));
            std::string status(toString(a.status));
            std::replace(status.begin(), status.end(), '_', ' ');
            if (!status.empty()) status[0] = char(std::toupper(static_cast<unsigned char>(status[0])));
            Cell sc{{para(status, st.body)}};
            if (a.overdue(today)) {
                sc.paras.push_back(para(fmt::format("Overdue: target {}", a.target ? day(*a.target) : ""), st.warn, 2));
                row.leftBar = pal.print ? pal.text : Color::rgb(0xc62828);
            } else if (a.completed) {
                sc.paras.push_back(para("completed " + day(*a.completed), st.muted, 2));
            } else if (a.target) {
                sc.paras.push_back(para("target " + day(*a.target), st.muted, 2));
            }
            row.cells.push_back(std::move(sc));
            row.cells.push_back(a.outcome.empty() ? cell("not recorded", st.muted) : cell(a.outcome, st.body));
            row.cells.push_back(a.evidence.empty() ? cell("not recorded", st.muted) : cell(a.evidence, st.body));
            Cell ms;
            auto sorted = a.milestones;
            std::stable_sort(sorted.begin(), sorted.end(),
                             [](auto& x, auto& y) { return x.date.earliestDay() < y.date.earliestDay(); });
            for (auto& m : sorted)
                ms.paras.push_back(para(fmt::format("{} {}: {}", m.done ? "\u2713" : "\u25CB", day(m.date), m.text),
                                        m.done ? st.body : st.bold, ms.paras.empty() ? 0 : 1.5));
            if (ms.paras.empty()) ms.paras.push_back(para("none recorded", st.muted));
            row.cells.push_back(std::move(ms));
            Cell log;
            auto updates = a.updates;
            std::stable_sort(updates.begin(), updates.end(),
                             [](auto& x, auto& y) { return x.date.earliestDay() < y.date.earliestDay(); });
            for (auto& u : updates)
                log.paras.push_back(para(fmt::format("{}: {}", day(u.date), u.text), st.body, log.paras.empty() ? 0 : 2));
            if (log.paras.empty()) log.paras.push_back(para("no update recorded", st.muted));
            row.cells.push_back(std::move(log));
            row.carry = {cell(a.id, st.bold), Cell{}, Cell{}, Cell{}, Cell{}, Cell{}};
            rows.push_back(std::move(row));
        }
    }
    const std::vector<std::string> intro = {
        fmt::format("This action plan is a live document, subject to change. It gives the position on {}; the partnership "
                    "keeps it up to date as actions are implemented.",
                    Date::fromDays(today).humanLabel()),
        "Overdue: past its target and neither complete nor dropped on that day (marked with a bar)."};
    return tablePages(paper, "Action plan annex: outcomes, milestones and updates", intro, tbl, rows, st,
                      "The case has no recommendations yet.");
}

}  // namespace genochron::pack
