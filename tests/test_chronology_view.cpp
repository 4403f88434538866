// The chronology table view: pages, repeated header, footers, rows kept whole or split
// between lines with continuation marks, MO numbers, family accounts set apart, filters.
#include "core/paint/cairo_painter.hpp"
#include "core/io/case_io.hpp"
#include "core/figures/chronology/chronology_rows.hpp"
#include "core/figures/table/table.hpp"
#include "core/model/diagnostics.hpp"
#include "core/figures/views.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <map>
#include <sstream>

using namespace genochron;

namespace {

Event event(const std::string& id, const std::string& date, const std::string& agency, const std::string& what) {
    Event e;
    e.id = id;
    e.date = date.empty() ? Date{} : *parseDate(date).date;
    e.agency = agency;
    e.what = what;
    e.sourceRef = "IMR " + id;
    return e;
}

Case baseCase() {
    Case c;
    c.info.title = "Domestic Homicide Review: Test";
    for (auto [id, name] : {std::pair{"police", "Test Police"}, std::pair{"gp", "Test Surgery"}}) {
        Agency a;
        a.id = id;
        a.name = name;
        c.agencies.push_back(a);
    }
    Person p;
    p.id = "amy";
    p.name = "Amy Test";
    c.people.push_back(p);
    return c;
}

std::string words(int n, const std::string& prefix = "word") {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + prefix + std::to_string(i);
    return s;
}

Case manyEvents(int n) {
    Case c = baseCase();
    long d0 = daysFromCivil(2018, 1, 1);
    for (int i = 0; i < n; ++i) {
        Event e = event(fmt::format("e{:03}", i + 1), "", i % 2 ? "police" : "gp",
                        "Contact " + std::to_string(i) + ". " + words(8 + (i * 37) % 90));
        e.date = Date::fromDays(d0 + i * 5);
        e.action = words((i * 13) % 40, "act");
        if (i % 3 == 0) e.analysis = words((i * 7) % 50, "view");
        c.events.push_back(e);
    }
    return c;
}

using PageTexts = std::vector<std::vector<const TextItem*>>;

PageTexts texts(const Document& d) {
    PageTexts r;
    for (auto& p : d.pages) {
        r.emplace_back();
        for (auto& it : p.items)
            if (auto* t = std::get_if<TextItem>(&it)) r.back().push_back(t);
    }
    return r;
}

// The table draws a cell's text line by line: a text is on the page if one item says it, or
// if the lines of one cell (consecutive items of one model id) read it together.
bool pageHas(const std::vector<const TextItem*>& page, const std::string& text) {
    for (auto* t : page)
        if (t->text == text) return true;
    for (std::size_t i = 0; i < page.size(); ++i) {
        if (page[i]->modelId.empty()) continue;
        std::string joined = page[i]->text;
        for (std::size_t j = i + 1; j < page.size() && page[j]->modelId == page[i]->modelId && joined.size() < 4 * text.size();
             ++j) {
            joined += " " + page[j]->text;
            if (joined == text) return true;
        }
    }
    return false;
}

std::set<std::size_t> pagesOf(const PageTexts& pt, const std::string& id) {
    std::set<std::size_t> r;
    for (std::size_t i = 0; i < pt.size(); ++i)
        for (auto* t : pt[i])
            if (t->modelId == id) r.insert(i);
    return r;
}

Document build(const Case& c, ViewOptions o = {}) { return buildView(ViewCase::named(c), ViewKind::Chronology, o); }

}  // namespace

TEST_CASE("every page is A4 landscape with the header row, the title and 'Page i of N'", "[chronology]") {
    Case c = manyEvents(160);
    Document d = build(c);
    REQUIRE(d.pages.size() >= 3);
    auto pt = texts(d);
    for (std::size_t i = 0; i < d.pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(d.pages[i].widthPt == Approx(841.89));
        CHECK(d.pages[i].heightPt == Approx(595.28));
        for (auto* h : {"Date", "Agency", "Source", "What happened", "Action taken", "Panel analysis", "Flags"})
            CHECK(pageHas(pt[i], h));
        CHECK(pageHas(pt[i], fmt::format("Page {} of {}", i + 1, d.pages.size())));
        CHECK(pageHas(pt[i], "Domestic Homicide Review: Test"));
        CHECK(d.pages[i].pageLabel == fmt::format("Page {} of {}", i + 1, d.pages.size()));
    }
    // every event is shown, once, in date order
    std::vector<std::string> order;
    for (auto& page : pt)
        for (auto* t : page)
            if (!t->modelId.empty() && (order.empty() || order.back() != t->modelId)) order.push_back(t->modelId);
    REQUIRE(order.size() == c.events.size());
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == c.events[i].id);
}

TEST_CASE("a row that does not fit moves whole to the next page", "[chronology]") {
    Case c = manyEvents(160);
    Document d = build(c);
    auto pt = texts(d);
    for (auto& e : c.events) {
        INFO(e.id);
        CHECK(pagesOf(pt, e.id).size() == 1);
    }
    CHECK_FALSE(pageHas(pt[0], "continued on the next page \u25B8"));

    // At table level: a row that would cross the bottom starts the next page, untouched.
    using namespace table;
    TextStyle st;
    Table table({Column{"Text", 200, std::nullopt}}, TableStyle{});
    std::vector<Row> rows(3);
    for (int i = 0; i < 3; ++i) {
        rows[std::size_t(i)].cells = {Cell{{Para{words(40 + 20 * i), st, 0, std::nullopt}}}};
        rows[std::size_t(i)].modelId = std::to_string(i);
    }
    double h0 = table.rowHeight(rows[0]), h1 = table.rowHeight(rows[1]), h2 = table.rowHeight(rows[2]);
    double bottom = h0 + h1 + h2 / 2;   // room for half of the third row
    auto pages = table.paginate(rows, 0, 0, bottom + h2);
    REQUIRE(pages.size() == 1);   // sanity: everything fits on a taller page
    pages = table.paginate(rows, 0, 0, bottom);
    REQUIRE(pages.size() == 2);
    REQUIRE(pages[1].fragments.size() == 1);
    const Fragment& moved = pages[1].fragments[0];
    CHECK(moved.row == 2);
    CHECK(moved.y == 0);
    CHECK(moved.h == Approx(h2));
    CHECK_FALSE(moved.continuedFromPrevious);
    std::string shown;
    for (auto& l : moved.cells[0]) shown += (shown.empty() ? "" : " ") + l.text;
    CHECK(shown == rows[2].cells[0].paras[0].text);   // all of it, line by line
}

TEST_CASE("a row taller than a page splits between lines, marked continued on both sides", "[chronology]") {
    Case c = manyEvents(6);
    Event big = event("e900", "2018-01-10", "police", words(2200, "w"));
    big.analysis = words(300, "a");
    c.events.insert(c.events.begin() + 2, big);
    Document d = build(c);
    auto pt = texts(d);
    auto pages = pagesOf(pt, "e900");
    REQUIRE(pages.size() >= 2);
    std::vector<std::size_t> pv(pages.begin(), pages.end());
    for (std::size_t k = 0; k + 1 < pv.size(); ++k) {
        CHECK(pv[k + 1] == pv[k] + 1);
        CHECK(pageHas(pt[pv[k]], "continued on the next page \u25B8"));
        CHECK(pageHas(pt[pv[k + 1]], "\u25C2 continued from the previous page"));
    }
    // Nothing lost, nothing repeated, no word cut: the pieces' words are the text's words in order.
    std::vector<std::string> got;
    for (auto p : pv)
        for (auto* t : pt[p])
            if (t->modelId == "e900") {
                std::istringstream in(t->text);
                for (std::string w; in >> w;)
                    if (w.size() > 1 && w[0] == 'w' && std::isdigit(static_cast<unsigned char>(w[1]))) got.push_back(w);
            }
    REQUIRE(got.size() == 2200);
    for (int i = 0; i < 2200; ++i) REQUIRE(got[std::size_t(i)] == "w" + std::to_string(i));
    // The rows after it carry on after the last piece, on its page or the next.
    auto after = pagesOf(pt, c.events[3].id);
    REQUIRE(after.size() == 1);
    CHECK(*after.begin() >= pv.back());
    CHECK(*after.begin() <= pv.back() + 1);
}

TEST_CASE("missed opportunities carry the numbers Case::missedOpportunityNumbers gives", "[chronology]") {
    Case c = baseCase();
    // File order differs from date order, so a numbering by file position would differ.
    c.events.push_back(event("late", "2020-06-01", "police", "Late event."));
    c.events.push_back(event("early", "2019-01-05", "gp", "Early event."));
    c.events.push_back(event("mid", "2019-08", "police", "Middle event."));
    c.events.push_back(event("plain", "2019-03-01", "gp", "Not flagged."));
    for (auto& e : c.events)
        if (e.id != "plain") e.missedOpportunity = "Chance to refer missed (" + e.id + ")";
    auto mo = c.missedOpportunityNumbers();
    REQUIRE(mo.at("early") == 1);
    REQUIRE(mo.at("late") == 3);
    Document d = build(c);
    auto pt = texts(d);
    std::map<std::string, std::string> badges;
    for (auto* t : pt[0])
        if (t->text.rfind("MO", 0) == 0 && !t->modelId.empty()) badges[t->modelId] = t->text;
    CHECK(badges.size() == 3);
    for (auto& [id, n] : mo) {
        CHECK(badges[id] == "MO" + std::to_string(n));
        bool labelled = false;
        for (auto* t : pt[0])
            if (t->modelId == id && t->text == fmt::format("Missed opportunity {}", n)) labelled = true;
        CHECK(labelled);
        CHECK(pageHas(pt[0], "Chance to refer missed (" + id + ")"));
    }
}

TEST_CASE("accounts from family and friends are set apart by tint, italic and a marker", "[chronology]") {
    Case c = baseCase();
    Event fam = event("fam", "2019-02-01", "", "Her mother said she stopped visiting.");
    fam.source = Source::Family;
    fam.sourceRef = "Mother, statement to the panel";
    c.events.push_back(fam);
    c.events.push_back(event("rec", "2019-03-01", "police", "Officers attended."));
    for (Theme theme : {Theme::Colour, Theme::Print}) {
        ViewOptions o;
        o.theme = theme;
        Document d = build(c, o);
        auto pal = chron::paletteFor(theme);
        const TextItem *famWhat = nullptr, *famSource = nullptr, *famAgency = nullptr, *recWhat = nullptr;
        bool tinted = false, recTinted = false;
        for (auto& it : d.pages[0].items) {
            if (auto* t = std::get_if<TextItem>(&it)) {
                if (t->modelId == "fam" && t->text == fam.what) famWhat = t;
                if (t->modelId == "fam" && t->text.find("Mother,") != std::string::npos) famSource = t;   // the ref's first line
                if (t->modelId == "fam" && t->text == "Family") famAgency = t;
                if (t->modelId == "rec" && t->text == "Officers attended.") recWhat = t;
            } else if (auto* s = std::get_if<ShapeItem>(&it)) {
                if (s->paint.fill == pal.personalTint && s->modelId == "fam") tinted = true;
                if (s->paint.fill == pal.personalTint && s->modelId == "rec") recTinted = true;
            }
        }
        INFO((theme == Theme::Print ? "print" : "colour"));
        REQUIRE(famWhat);
        REQUIRE(famSource);
        REQUIRE(famAgency);
        REQUIRE(recWhat);
        CHECK(famWhat->italic);
        CHECK_FALSE(recWhat->italic);
        CHECK(famSource->text.rfind("\u25C6 ", 0) == 0);   // the marker glyph, not colour alone
        CHECK(tinted);
        CHECK_FALSE(recTinted);
        if (theme == Theme::Print) CHECK((pal.personalTint.r == pal.personalTint.g && pal.personalTint.g == pal.personalTint.b));
    }
}

TEST_CASE("dates show their precision - undated events come last under 'Undated'", "[chronology]") {
    Case c = baseCase();
    c.events.push_back(event("nodate", "", "gp", "Undated contact."));
    c.events.push_back(event("approx", "~2019-05", "gp", "About May."));
    c.events.push_back(event("month", "2019-07", "gp", "Some time in July."));
    Event timed = event("timed", "2019-08-03", "police", "At night.");
    timed.time = "22:40";
    timed.end = *parseDate("2019-08-04").date;
    c.events.push_back(timed);
    c.events.push_back(event("range", "2019-09-01..2019-09-20", "gp", "Early September."));
    Document d = build(c);
    auto pt = texts(d);
    REQUIRE(pt.size() == 1);
    auto& p = pt[0];
    CHECK(pageHas(p, "c. May 2019"));
    CHECK(pageHas(p, "Jul 2019"));
    CHECK(pageHas(p, "3 Aug 2019"));
    CHECK(pageHas(p, "22:40"));
    CHECK(pageHas(p, "to 4 Aug 2019"));
    CHECK(pageHas(p, "1 Sep 2019 to 20 Sep 2019"));
    CHECK(pageHas(p, "Date unknown"));
    std::size_t undated = 0, lastDated = 0, undatedRow = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i]->text == "Undated" && p[i]->modelId.empty()) undated = i;
        if (p[i]->modelId == "range") lastDated = i;
        if (p[i]->modelId == "nodate" && !undatedRow) undatedRow = i;
    }
    CHECK(undated > lastDated);
    CHECK(undatedRow > undated);
}

TEST_CASE("filters: agencies, tags, dates and person - unknown names are refused", "[chronology]") {
    Case c = manyEvents(30);
    c.events[4].tags = {"strangulation"};
    c.events[5].people = {"amy"};
    auto ids = [&](const ViewOptions& o) {
        std::set<std::string> r;
        Document d = build(c, o);
        for (auto& page : texts(d))
            for (auto* t : page)
                if (!t->modelId.empty()) r.insert(t->modelId);
        return r;
    };
    ViewOptions o;
    o.agencies = {"police"};
    for (auto& id : ids(o)) CHECK(c.event(id)->agency == "police");
    CHECK(ids(o).size() == 15);
    ViewOptions t;
    t.tags = {"strangulation"};
    CHECK(ids(t) == std::set<std::string>{c.events[4].id});
    ViewOptions p;
    p.person = "Amy Test";
    CHECK(ids(p) == std::set<std::string>{c.events[5].id});
    ViewOptions range;
    range.from = *parseDate("2018-01-11").date;
    range.to = *parseDate("2018-01-21").date;
    CHECK(ids(range).size() == 3);
    Document filtered = build(c, o);
    auto pt = texts(filtered);
    bool summary = false;
    for (auto* x : pt[0])
        if (x->text.rfind("15 of 30 events", 0) == 0) summary = true;
    CHECK(summary);
    ViewOptions bad;
    bad.agencies = {"polise"};
    CHECK_THROWS_WITH(build(c, bad), Catch::Contains("did you mean 'police'"));
    ViewOptions badTag;
    badTag.tags = {"strangulaton"};
    CHECK_THROWS_WITH(build(c, badTag), Catch::Contains("did you mean 'strangulation'"));
    ViewOptions nobody;
    nobody.person = "zed";
    CHECK_THROWS(build(c, nobody));
}

TEST_CASE("A3 and portrait pages when asked - an empty chronology still has a page", "[chronology]") {
    Case c = manyEvents(10);
    ViewOptions a3;
    a3.page.size = PageSpec::Size::A3;
    a3.page.landscape = true;
    Document d = build(c, a3);
    CHECK(d.pages[0].widthPt == Approx(1190.55));
    CHECK(d.pages[0].heightPt == Approx(841.89));
    ViewOptions portrait;
    portrait.page.size = PageSpec::Size::A4;
    Document dp = build(c, portrait);
    CHECK(dp.pages[0].widthPt == Approx(595.276));
    CHECK(dp.pages[0].heightPt == Approx(841.89));
    Document empty = build(baseCase());
    REQUIRE(empty.pages.size() == 1);
    auto et = texts(empty);
    CHECK(pageHas(et[0], "The case has no events yet."));
}

TEST_CASE("the sample case renders to a multi-page PDF and PNG", "[chronology]") {
    auto res = loadCaseFile(genochron::test::sample("ashford-dhr.yaml"));
    REQUIRE(res.ok());
    Document d = build(*res.model);
    CHECK(d.pages.size() >= 4);
    std::string pdf = paintToBytes(d, FileFormat::Pdf, PaintOptions{});
    CHECK(pdf.rfind("%PDF", 0) == 0);
    genochron::test::TempDir dir("chronology-cli");
    auto r = genochron::test::runCli("render '" + genochron::test::sample("ashford-dhr.yaml") +
                                     "' --view chronology --dpi 40 -o '" + dir.file("c.png") + "'");
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(std::filesystem::file_size(dir.file("c.png")) > 10000);
}

TEST_CASE("the key and the abbreviations follow the legend option", "[chronology]") {
    Case c = manyEvents(4);
    c.events[0].tags = {"strangulation"};
    c.events[1].risk = Risk::High;
    Document with = build(c);
    auto wt = texts(with);
    CHECK(pageHas(wt.back(), "Abbreviations"));
    CHECK(pageHas(wt.back(), "non-fatal strangulation"));   // NFS is explained
    CHECK(pageHas(wt.back(), "DASH"));
    CHECK(pageHas(wt[0], "Missed opportunity, numbered as in the timeline"));
    ViewOptions o;
    o.legend = false;
    Document without = build(c, o);
    for (auto& page : texts(without)) {
        CHECK_FALSE(pageHas(page, "Abbreviations"));
        CHECK_FALSE(pageHas(page, "Missed opportunity, numbered as in the timeline"));
    }
}
