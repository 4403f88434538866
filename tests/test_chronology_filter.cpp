// The chronology's filters, as the app's chronology tab uses them (core's code, so the
// table on screen and the exported table keep the same rows): words, missed
// opportunities only, agencies, people.
#include "core/anonymise/view_case.hpp"
#include "core/figures/chronology/chronology_rows.hpp"
#include "core/figures/views.hpp"
#include "core/io/case_io.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace genochron;

namespace {

std::vector<std::string> kept(const Case& c, const ViewOptions& o) {
    auto f = chron::makeFilter(c, o);
    std::vector<std::string> ids;
    for (auto& e : c.events)
        if (f.keep(e)) ids.push_back(e.id);
    return ids;
}

Case twoPeople() {
    Case c;
    c.agencies.push_back({"police", "Wessex Vale Police", AgencyKind::Police, {}});
    c.agencies.push_back({"gp", "Hollowbrook Medical Practice", AgencyKind::Health, {}});
    Person a;
    a.id = "nicole";
    a.name = "Nicole Ashford";
    a.pseudonym = "Kerry";
    Person b;
    b.id = "adam";
    b.name = "Adam Kerr";
    c.people = {a, b};
    auto ev = [&](std::string id, std::string agency, std::string what, std::vector<std::string> people) {
        Event e;
        e.id = std::move(id);
        e.date = *parseDate("2019-05-03").date;
        e.agency = std::move(agency);
        e.what = std::move(what);
        e.people = std::move(people);
        c.events.push_back(e);
    };
    ev("e1", "police", "Officers attended a DISTURBANCE at the flat", {"nicole", "adam"});
    ev("e2", "gp", "Routine appointment", {"nicole"});
    ev("e3", "gp", "Adam asked for a repeat prescription", {"adam"});
    c.events[1].missedOpportunity = "No routine enquiry about domestic abuse";
    return c;
}

}  // namespace

TEST_CASE("chronology text filter finds words in any case, in ids, names and agency names", "[chronology][filter]") {
    Case c = twoPeople();
    ViewOptions o;
    o.text = "disturbance";
    CHECK(kept(c, o) == std::vector<std::string>{"e1"});
    o.text = "Nicole";   // a person's name finds the events that name her
    CHECK(kept(c, o) == std::vector<std::string>{"e1", "e2"});
    o.text = "kerr";     // her pseudonym, his surname: both people match
    CHECK(kept(c, o) == std::vector<std::string>{"e1", "e2", "e3"});
    o.text = "medical";  // the agency's name, not only its id
    CHECK(kept(c, o) == std::vector<std::string>{"e2", "e3"});
    o.text = "nothing like this";
    CHECK(kept(c, o).empty());
}

TEST_CASE("chronology filters combine: missed opportunities only, with an agency", "[chronology][filter]") {
    Case c = twoPeople();
    ViewOptions o;
    o.missedOnly = true;
    CHECK(kept(c, o) == std::vector<std::string>{"e2"});
    o.agencies = {"police"};
    CHECK(kept(c, o).empty());
    auto f = chron::makeFilter(c, o);
    CHECK(f.active());
    CHECK(chron::describeFilter(c, f, o).find("missed opportunities only") != std::string::npos);
}

TEST_CASE("the chronology figure keeps the rows the filter keeps (exports match the screen)", "[chronology][filter]") {
    auto res = loadCaseFile(test::sample("ashford-dhr.yaml"));
    REQUIRE(res.ok());
    const Case& c = *res.model;
    ViewOptions o;
    o.missedOnly = true;
    o.page.size = PageSpec::Size::A4;
    o.page.landscape = true;
    auto ids = kept(c, o);
    REQUIRE(ids.size() == c.missedOpportunityNumbers().size());
    Document all = buildView(ViewCase::named(c), ViewKind::Chronology, ViewOptions{});
    Document mos = buildView(ViewCase::named(c), ViewKind::Chronology, o);
    auto eventIds = [](const Document& d) {
        std::set<std::string> s;
        for (auto& page : d.pages)
            for (auto& item : page.items)
                if (auto* t = std::get_if<TextItem>(&item); t && !t->modelId.empty()) s.insert(t->modelId);
        return s;
    };
    auto shown = eventIds(mos);
    for (auto& id : ids) CHECK(shown.count(id) == 1);
    CHECK(eventIds(all).size() > shown.size());
}
