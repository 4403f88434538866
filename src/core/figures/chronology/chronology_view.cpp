// The combined chronology as a printed annex: A4 landscape pages (A3 or portrait when
// asked), the header row on every page, rows in date order under year headings,
// undated events last, accounts from family and friends set apart, the panel's
// analysis in its own shaded column, missed opportunities numbered as in the timeline.
// The rows are built in chronology_rows.cpp and laid out by the table engine
// (figures/table); this file adds what makes pages a report annex: heading, key,
// footers, glossary.
#include "core/figures/chronology/chronology_labels.hpp"
#include "core/figures/chronology/chronology_rows.hpp"
#include "core/figures/chronology/chronology_view.hpp"
#include "core/figures/table/table.hpp"
#include "core/figures/table/table_page.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace genochron {

using namespace chron;

namespace {

TextItem label(const std::string& t, Point at, const TextStyle& st, double maxW = 0, VAlign v = VAlign::Top) {
    return table::textItem(t, at, st, maxW, v);
}

double heightOf(const std::string& t, const TextStyle& st, double maxW) { return table::measure(t, st, maxW).heightPt; }

// One item of the key: a small sample of how the table marks something, then words.
struct KeyItem {
    std::string sample;   // glyph or badge text drawn in the sample box
    std::optional<Color> fill, stroke;
    TextStyle sampleStyle;
    std::string words;
};

// Draws the key as a flow of items, wrapping to new lines; returns its height.
double drawKey(Scene* s, const std::vector<KeyItem>& items, double x, double y, double width, const TextStyle& st,
               double u) {
    double cx = x, cy = y, lineH = heightOf("Ag", st, 0) + 2 * u;
    for (auto& k : items) {
        double sw = std::max(10 * u, table::measure(k.sample, k.sampleStyle, 0).widthPt + 4 * u);
        double ww = table::measure(k.words, st, 0).widthPt;
        double itemW = sw + 3 * u + ww + 12 * u;
        if (cx > x && cx + itemW > x + width) {
            cx = x;
            cy += lineH + 2 * u;
        }
        if (s) {
            Paint p;
            p.fill = k.fill;
            p.stroke = k.stroke;
            p.lineWidth = 0.6 * u;
            s->add(Path::roundedRect({cx, cy, sw, lineH}, 1.2 * u), p);
            TextItem t = label(k.sample, {cx + sw / 2, cy + lineH / 2}, k.sampleStyle, 0, VAlign::Middle);
            t.halign = HAlign::Center;
            s->text(std::move(t));
            s->text(label(k.words, {cx + sw + 3 * u, cy + lineH / 2}, st, 0, VAlign::Middle));
        }
        cx += itemW;
    }
    return cy + lineH - y;
}

using Glossary = std::vector<std::pair<std::string, std::string>>;   // abbreviation, meaning

Glossary glossaryFor(const std::set<std::string>& tags, bool anyRisk, bool anyMo) {
    Glossary g;
    if (anyRisk) g.emplace_back("DASH", "domestic abuse, stalking and harassment risk checklist (standard, medium or high)");
    if (anyMo) g.emplace_back("MO", "missed opportunity, numbered in date order as in the timeline");
    auto lowerCase = [](std::string x) {
        for (auto& ch : x) ch = char(std::tolower(static_cast<unsigned char>(ch)));
        return x;
    };
    for (auto& t : tags) {
        std::string a = tagAbbreviation(t), m = tagMeaning(t);
        if (lowerCase(a) != lowerCase(m)) g.emplace_back(a, m);   // "ARREST: arrest" explains nothing
    }
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    return g;
}

// The abbreviations in columns, filled down then across; returns the height (draws when s is set).
double drawGlossary(Scene* s, const Glossary& g, double x, double y, double width, double u, const TextStyle& text,
                    const TextStyle& heading) {
    if (g.empty()) return 0;
    TextStyle abbrStyle = text;
    abbrStyle.weight = FontWeight::Bold;
    if (s) s->text(label("Abbreviations", {x, y}, heading));
    double top = y + heightOf("Ag", heading, 0) + 3 * u;
    const int cols = std::max(1, int(width / (185 * u)));
    const double colW = width / cols, gapX = 8 * u;
    double abbrW = 0;
    for (auto& [a, m] : g) abbrW = std::max(abbrW, table::measure(a, abbrStyle, 0).widthPt);
    abbrW = std::min(abbrW + 4 * u, colW / 2);
    const std::size_t perCol = (g.size() + std::size_t(cols) - 1) / std::size_t(cols);
    double tallest = 0;
    for (int c = 0; c < cols; ++c) {
        double cy = top, cx = x + c * colW;
        for (std::size_t i = std::size_t(c) * perCol; i < std::min(g.size(), std::size_t(c + 1) * perCol); ++i) {
            double mw = colW - abbrW - gapX;
            double h = std::max(heightOf(g[i].first, abbrStyle, abbrW), heightOf(g[i].second, text, mw));
            if (s) {
                s->text(label(g[i].first, {cx, cy}, abbrStyle, abbrW));
                s->text(label(g[i].second, {cx + abbrW, cy}, text, mw));
            }
            cy += h + 1.2 * u;
        }
        tallest = std::max(tallest, cy - top);
    }
    return top - y + tallest;
}

}  // namespace

Document buildChronologyView(const ViewCase& vc, const ViewOptions& opt) {
    return buildChronologyDocument(vc, opt, table::geometryFor(opt.page));
}

}  // namespace genochron

namespace genochron::chron {

Document buildChronologyDocument(const ViewCase& vc, const ViewOptions& opt, const table::PageGeometry& g) {
    const Case& c = vc.data();
    const Palette pal = paletteFor(opt.theme);
    const Styles st = stylesFor(pal, g.u);
    const double u = g.u, x0 = g.body.x, contentW = g.body.w;
    const Filter filter = makeFilter(c, opt);
    const auto mo = c.missedOpportunityNumbers();

    // ---- rows, under year headings; undated events last
    std::set<std::string> tagsUsed;
    RowContext ctx{c, st, pal, mo, u, &tagsUsed};
    std::vector<table::Row> rows;
    int shown = 0, moShown = 0, personal = 0, undatedShown = 0;
    bool anyRisk = false;
    std::optional<int> year;
    std::set<std::string> agenciesShown;
    for (const Event* e : c.eventsByDate()) {
        if (!filter.keep(*e)) continue;
        ++shown;
        if (!e->date.known()) {
            if (undatedShown++ == 0) rows.push_back(subheading("Undated", st, pal));
        } else {
            int y = civilFromDays(e->date.earliestDay()).year;
            if (y != year) rows.push_back(subheading(std::to_string(y), st, pal));
            year = y;
        }
        if (mo.count(e->id)) ++moShown;
        if (isPersonalAccount(e->source)) ++personal;
        if (e->risk) anyRisk = true;
        if (!e->agency.empty() && e->source == Source::AgencyRecord) agenciesShown.insert(e->agency);
        rows.push_back(eventRow(*e, ctx));
    }

    table::TableStyle ts;
    ts.padX = 3 * u;
    ts.padY = 2.5 * u;
    ts.header = {7.5 * u, FontWeight::Bold, false, pal.headerText};
    ts.band = st.subheading;
    ts.continued = {6.5 * u, FontWeight::Normal, true, pal.muted};
    ts.continuedBand = {6.8 * u, FontWeight::Bold, true, pal.bandText};
    ts.headerFill = pal.headerFill;
    ts.bandFill = pal.bandFill;
    ts.rule = pal.rule;
    ts.ruleWidth = 0.5 * u;
    ts.barWidth = 2.5 * u;
    ts.markColumn = kWhat;
    ts.continuedBelow = "continued on the next page \u25B8";
    ts.continuedAbove = "\u25C2 continued from the previous page";
    table::Table tbl(columnsFor(contentW, pal), ts);

    // ---- the first page's heading: title, what the table holds, the filter, the key
    table::Furniture fu;
    fu.heading = opt.title.empty() ? "Combined chronology" : opt.title;
    fu.footLeft = c.info.title.empty() ? fu.heading : c.info.title;
    fu.footMid = vc.anonymised() ? "Anonymised for publication" : "Contains real names: not for publication";
    fu.title = {13 * u, FontWeight::Bold, false, pal.text};
    fu.running = {8 * u, FontWeight::Bold, false, pal.text};
    fu.foot = {6.5 * u, FontWeight::Normal, false, pal.muted};
    fu.rule = pal.rule;
    fu.u = u;
    const table::PageFrame fr = table::frameFor(g, fu);
    const std::string& heading = fu.heading;
    const TextStyle subStyle{7.5 * u, FontWeight::Normal, false, pal.muted};
    const TextStyle keyStyle{6.8 * u, FontWeight::Normal, false, pal.text};

    std::string summary = fmt::format("{} event{}", shown, shown == 1 ? "" : "s");
    if (filter.active()) summary = fmt::format("{} of {} events ({})", shown, c.events.size(), describeFilter(c, filter, opt));
    summary += fmt::format(" \u00B7 {} agenc{}", agenciesShown.size(), agenciesShown.size() == 1 ? "y" : "ies");
    summary += fmt::format(" \u00B7 {} account{} from family, friends or those involved", personal, personal == 1 ? "" : "s");
    summary += fmt::format(" \u00B7 {} missed opportunit{}", moShown, moShown == 1 ? "y" : "ies");
    if (undatedShown) summary += fmt::format(" \u00B7 {} undated (listed last)", undatedShown);

    std::vector<KeyItem> key;
    key.push_back({"\u25C6", pal.personalTint, pal.print ? std::optional<Color>(pal.rule) : std::nullopt,
                   {7 * u, FontWeight::Normal, false, pal.personalMark},
                   "Italic on a tinted row: from family, friends or those involved, not an agency record"});
    key.push_back({"MO1", pal.moFill, pal.print ? std::optional<Color>(Color::rgb(0)) : std::nullopt, st.badge,
                   "Missed opportunity, numbered as in the timeline"});
    key.push_back({"", pal.analysisFill, pal.rule, keyStyle, "Shaded column: the review panel's analysis, kept apart from the records"});
    key.push_back({"c.", std::nullopt, pal.rule, keyStyle, "about (date uncertain)"});
    if (!opt.legend) key.clear();

    const double top = fr.top;
    const double titleH = heightOf(heading, fu.title, contentW);
    const double summaryY = top + titleH + 2 * u;
    const double summaryH = heightOf(summary, subStyle, contentW);
    const double keyY = summaryY + summaryH + 5 * u;
    const double keyH = key.empty() ? 0 : drawKey(nullptr, key, x0, keyY, contentW, keyStyle, u);
    const double firstHeaderTop = keyY + keyH + 7 * u;
    const double bottom = fr.bottom;

    std::vector<table::TablePage> pages =
        tbl.paginate(rows, firstHeaderTop + tbl.headerHeight(), fr.otherHeaderTop + tbl.headerHeight(), bottom);

    // The abbreviations go under the table, or on a page of their own.
    const TextStyle glossStyle{6.8 * u, FontWeight::Normal, false, pal.text};
    const TextStyle glossHeading{7.5 * u, FontWeight::Bold, false, pal.text};
    const Glossary gloss = opt.legend ? glossaryFor(tagsUsed, anyRisk, moShown > 0) : Glossary{};
    const double glossH = drawGlossary(nullptr, gloss, x0, 0, contentW, u, glossStyle, glossHeading);
    double glossY = pages.back().bottom + 12 * u;
    bool glossPage = !gloss.empty() && glossY + glossH > bottom;
    const std::size_t pageCount = pages.size() + (glossPage ? 1 : 0);

    Document doc;
    doc.anonymised = vc.anonymised();
    doc.outlineTitle = heading;
    doc.outline.emplace_back(0, heading);
    auto newPage = [&](std::size_t i) {
        Scene s;
        s.widthPt = g.w;
        s.heightPt = g.h;
        table::drawFurniture(s, g, fr, fu, i, pageCount);
        if (i == 0) {
            s.text(label(heading, {x0, top}, fu.title, contentW));
            s.text(label(summary, {x0, summaryY}, subStyle, contentW));
            if (!key.empty()) drawKey(&s, key, x0, keyY, contentW, keyStyle, u);
        }
        return s;
    };

    for (std::size_t i = 0; i < pages.size(); ++i) {
        Scene s = newPage(i);
        double headerTop = (i == 0 ? firstHeaderTop : fr.otherHeaderTop);
        tbl.drawPage(s, pages[i], rows, x0, headerTop);
        for (auto& f : pages[i].fragments)
            if (rows[f.row].kind == table::Row::Kind::Band && !f.bandResumed && !f.continuedFromPrevious)
                doc.outline.emplace_back(int(i), rows[f.row].label);
        if (rows.empty())
            s.text(label(c.events.empty() ? "The case has no events yet." : "No events match the filters.",
                         {x0 + 3 * u, headerTop + tbl.headerHeight() + 4 * u}, st.bodyItalic));
        if (!glossPage && i + 1 == pages.size()) drawGlossary(&s, gloss, x0, glossY, contentW, u, glossStyle, glossHeading);
        doc.pages.push_back(std::move(s));
    }
    if (glossPage) {
        Scene s = newPage(pages.size());
        drawGlossary(&s, gloss, x0, fr.otherHeaderTop, contentW, u, glossStyle, glossHeading);
        doc.pages.push_back(std::move(s));
    }
    return doc;
}

}  // namespace genochron::chron
