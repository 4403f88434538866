// anonymise(): the name scrubber's rules, dates, children's sex, opaque ids, publish:false.
// The fixture tests/data/canary.yaml plants one of each hazard (see its comments).
#include "core/anonymise/anonymise_terms.hpp"
#include "core/publish/audit.hpp"
#include "core/io/case_io.hpp"
#include "core/anonymise/view_case.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace genochron;

namespace {

Case loadCanary() {
    auto res = loadCaseFile(std::string(GENOCHRON_TEST_DATA) + "/canary.yaml");
    for (auto& d : res.diagnostics.items())
        if (d.severity == Severity::Error) FAIL(formatDiagnostic(d));
    REQUIRE(res.model);
    return *res.model;
}

Case loadText(const std::string& yaml) {
    auto res = loadCaseString(yaml, "inline.yaml");
    for (auto& d : res.diagnostics.items())
        if (d.severity == Severity::Error) FAIL(formatDiagnostic(d));
    REQUIRE(res.model);
    return *res.model;
}

const Event* eventWhat(const Case& c, const std::string& needle) {
    for (auto& e : c.events)
        if (e.what.find(needle) != std::string::npos) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("scrubber: names, first names, last names, any case, any accent", "[anonymise]") {
    anon::CaseSecrets s(loadCanary());
    CHECK(s.scrub("Zoë called") == "Rhian called");
    CHECK(s.scrub("ZOË called") == "Rhian called");
    CHECK(s.scrub("Zoe\xCC\x88 called") == "Rhian called");   // decomposed e + combining diaeresis
    CHECK(s.scrub("Zoe called") == "Rhian called");           // typed without the accent
    CHECK(s.scrub("Zoë Ní Bhriain died") == "Rhian died");
    CHECK(s.scrub("Ms Ní Bhriain") == "Ms Rhian");
    CHECK(s.scrub("Ms Bhriain") == "Ms Rhian");
    CHECK(s.scrub("Joanne Kerrigan and Kerrigan") == "Kerri and Kerri");
    CHECK(s.scrub("Zoë\nNí\n  Bhriain") == "Rhian");           // a name broken over lines
}

TEST_CASE("scrubber: possessives, apostrophes, aliases", "[anonymise]") {
    anon::CaseSecrets s(loadCanary());
    CHECK(s.scrub("Zozo's phone") == "Rhian's phone");
    CHECK(s.scrub("Zozo\xE2\x80\x99s phone") == "Rhian\xE2\x80\x99s phone");   // curly apostrophe
    CHECK(s.scrub("Siobhán O'Neill's statement") == "Claire's statement");
    CHECK(s.scrub("Siobhán O\xE2\x80\x99Neill said") == "Claire said");
    CHECK(s.scrub("O'Neill said") == "Claire said");
    CHECK(s.scrub("Shiv saw it") == "Claire saw it");
    CHECK(s.scrub("called him Smithy") == "called him Dale");
}

TEST_CASE("scrubber: hyphenated surnames, whole and in parts", "[anonymise]") {
    anon::CaseSecrets s(loadCanary());
    CHECK(s.scrub("Liam Smith-Jones pushed her") == "Dale pushed her");
    CHECK(s.scrub("Maisie Smith-Jones") == "Child 1");
    // Shared by father and daughter: no one pseudonym fits, so the surname goes, and with it
    // the title (it could be the child's: never "Miss [name removed]").
    CHECK(s.scrub("Mr Smith-Jones") == "[name removed]");
    CHECK(s.scrub("Mr Smith") == "[name removed]");
    CHECK(s.scrub("the Jones side") == "the [name removed] side");
    CHECK(s.scrub("Liam Smith\xE2\x80\x90Jones") == "Dale");   // U+2010 hyphen
}

TEST_CASE("scrubber: whole words only, never inside other words", "[anonymise]") {
    anon::CaseSecrets s(loadCanary());
    CHECK(s.scrub("Ann took her") == "Annabel took her");
    CHECK(s.scrub("The Annual review; annex; Anne; Banner") == "The Annual review; annex; Anne; Banner");
    CHECK(s.scrub("Liamson and Zoëtrope") == "Liamson and Zoëtrope");
    CHECK(s.scrub("Kerriganson") == "Kerriganson");
    // A surname in the plural is the family: "the Kerrigans", "the Kerrigans' house".
    CHECK(s.scrub("the Kerrigans") == "the [name removed] family");
    // The pseudonym "Annabel" contains the real name "Ann": one pass, so no "Annabelabel".
    CHECK(s.scrub("Ann, Annabel") == "Annabel, Annabel");
}

TEST_CASE("scrubber: ids that are names, short names the case forgot", "[anonymise]") {
    anon::CaseSecrets s(loadCanary());
    CHECK(s.scrub("joanne gave two interviews") == "Kerri gave two interviews");
    CHECK(s.scrub("Steve from work") == "Gareth from work");   // "Steve" is written in the case's text
    CHECK(s.scrub("a7 said") == "a7 said");                    // an opaque id is no name
    CHECK(s.scrub("as recorded by DC Whitlock") == "as recorded by DC Professional 1");
    CHECK(s.scrub("Petra Nováková came") == "Adult A came");
}

TEST_CASE("scrubber: one pass, longest match first, no double replacement", "[anonymise]") {
    // Mark's pseudonym is "Sam"; Sam Twain's pseudonym is "Mark". Sequential find/replace would
    // turn "Sam" into "Mark" and then into "Sam" again (or the other way round).
    Case c = loadText(R"(format: genochron/1
case: {title: "Test", kind: DHR}
people:
  - {id: p1, name: "Mark Hollis", pseudonym: "Sam", sex: male}
  - {id: p2, name: "Sam Twain", pseudonym: "Mark", sex: male}
  - {id: p3, name: "Kerr Bryce", pseudonym: "Kerry", sex: male}
  - {id: p4, name: "Kerry Ann Lowe", pseudonym: "Kerr", sex: female}
)");
    anon::CaseSecrets s(c);
    CHECK(s.scrub("Mark met Sam") == "Sam met Mark");
    CHECK(s.scrub("Sam Twain met Mark Hollis") == "Mark met Sam");
    CHECK(s.scrub("Kerr met Kerry") == "Kerry met Kerr");
    CHECK(s.scrub("Kerry Ann Lowe") == "Kerr");
}

TEST_CASE("scrubber: the date of death and birth dates in any common form", "[anonymise]") {
    anon::CaseSecrets s(loadCanary());
    for (const char* form : {"14/06/2021", "14/6/21", "14th June 2021", "14 June 2021", "June 14, 2021",
                             "Jun 14th 2021", "2021-06-14", "14.06.2021", "14th of June 2021", "14 JUNE 2021"})
        CHECK(s.scrub(std::string("killed on ") + form + ".") == "killed on [date removed].");
    CHECK(s.scrub("on 14 June the police") == "on [date removed] the police");   // no year: still that day
    CHECK(s.scrub("14 June 2020") == "14 June 2020");                             // another year
    CHECK(s.scrub("15/06/2021 and 2021-06-15") == "15/06/2021 and 2021-06-15");
    CHECK(s.scrub("Born 03/02/1990.") == "Born [date removed].");
    CHECK(s.scrub("Born 30 September 2015.") == "Born [date removed].");
}

TEST_CASE("scrubber: addresses and postcodes", "[anonymise]") {
    anon::CaseSecrets s(loadCanary());
    CHECK(s.scrub("the flat at 7 Wrenfield Mews.") == "the flat at [address removed].");
    CHECK(s.scrub("near Wrenfield Mews") == "near [address removed]");
    CHECK(s.scrub("postcode ZX4 9QJ") == "postcode [address removed]");
    CHECK(s.scrub("postcode zx49qj") == "postcode [address removed]");
    CHECK(s.scrub("Oakbury Police") == "Oakbury Police");   // the town alone names no one
}

TEST_CASE("scrubber: a flat or house name before the street line is part of the address", "[anonymise]") {
    // Found by the held-out trap case: "Flat 3, Alder House" of "Flat 3, Alder House, 12 Mill Road, ..."
    auto res = loadCaseString(R"(format: genochron/1
case: {title: "T", kind: DHR, reference_date: 2021-01-01}
publication: {hide_addresses: true}
people:
  - {id: a, name: "Hana Cole", pseudonym: "Tess", sex: female, born: 1980}
households:
  - {id: h1, address: "Flat 3, Alder House, 12 Mill Road, Brackley, BV2 7TQ", members: [a]}
)", "inline.yaml");
    REQUIRE(res.model);
    anon::CaseSecrets s(*res.model);
    CHECK(s.scrub("Officers attended Flat 3, Alder House at night") == "Officers attended Flat 3, [address removed] at night");
    CHECK(s.scrub("near Mill Road") == "near [address removed]");
    CHECK(s.scrub("Brackley Vale Police") == "Brackley Vale Police");   // the town after the street is kept
}

TEST_CASE("anonymise: people get display names, opaque ids, no aliases", "[anonymise]") {
    Case c = loadCanary();
    AnonymisedCase a = anonymise(c);
    const Case& x = a.data();
    REQUIRE(x.people.size() == c.people.size());
    std::regex opaque("^[peh][0-9]+$");
    for (auto& p : x.people) {
        CHECK(std::regex_match(p.id, opaque));
        CHECK(p.name == p.pseudonym);
        CHECK(p.aliases.empty());
        CHECK(p.meta.extras.empty());
    }
    auto at = [&](const std::string& id) { return *x.person(a.idMap().at(id)); };
    CHECK(at("zoe").name == "Rhian");
    CHECK(at("maisie").name == "Child 1");
    CHECK(at("karen").name == "Professional 1");
    CHECK(at("petra").name == "Adult A");
    CHECK(at("a7").name == "Annabel");
    CHECK(at("maisie").parents == std::vector<std::string>{a.idMap().at("zoe"), a.idMap().at("liam")});
    CHECK(x.info.title == "Domestic Homicide Review: Rhian");
    for (auto& e : x.events) {
        CHECK(std::regex_match(e.id, opaque));
        for (auto& p : e.people) CHECK(x.person(p) != nullptr);
    }
    for (auto& h : x.households) {
        CHECK(std::regex_match(h.id, opaque));
        CHECK(h.address.empty());
        CHECK(h.label == "[address removed] flat");
        for (auto& m : h.members) CHECK(x.person(m) != nullptr);
    }
    for (auto& p : x.partnerships)
        for (auto& id : p.partners) CHECK(x.person(id) != nullptr);
    for (auto& r : x.relations) {
        CHECK(x.person(r.from) != nullptr);
        CHECK(x.person(r.to) != nullptr);
    }
}

TEST_CASE("anonymise: children's sex hidden, numbered in birth order", "[anonymise]") {
    Case c = loadCanary();
    SECTION("hidden (the default)") {
        AnonymisedCase a = anonymise(c);
        const Person& m = *a.data().person(a.idMap().at("maisie"));
        CHECK(m.sex == Sex::Unknown);
        CHECK(m.name == "Child 1");
        CHECK(a.data().person(a.idMap().at("zoe"))->sex == Sex::Female);   // adults keep theirs
    }
    SECTION("shown") {
        c.publication->hideChildSex = false;
        AnonymisedCase a = anonymise(c);
        const Person& m = *a.data().person(a.idMap().at("maisie"));
        CHECK(m.sex == Sex::Female);
        CHECK(m.name == "Poppy");
    }
    SECTION("birth order") {
        Case d = loadText(R"(format: genochron/1
case: {title: "T", kind: DHR, reference_date: 2021-06-14}
people:
  - {id: mum, name: "Alma Reed", pseudonym: "Jo", sex: female, born: 1980}
  - {id: younger, name: "Tim Reed", pseudonym: "Al", sex: male, born: 2016-11-02, parents: [mum]}
  - {id: older, name: "Ava Reed", pseudonym: "Bo", sex: female, born: 2016-01-20, parents: [mum]}
  - {id: adultkid, name: "Ben Reed", pseudonym: "Cy", sex: male, born: 1999, parents: [mum], roles: [child]}
)");
        AnonymisedCase a = anonymise(d);
        const Person& older = *a.data().person(a.idMap().at("older"));
        const Person& younger = *a.data().person(a.idMap().at("younger"));
        CHECK(older.name == "Child 1");
        CHECK(younger.name == "Child 2");
        // Both born in 2016 once coarsened; the birth order keeps them apart.
        CHECK(older.born->toString() == "2016");
        CHECK(younger.born->toString() == "2016");
        REQUIRE(older.birthOrder);
        REQUIRE(younger.birthOrder);
        CHECK(*older.birthOrder < *younger.birthOrder);
        // 22 at the reference date: an adult child keeps pseudonym and sex.
        CHECK(a.data().person(a.idMap().at("adultkid"))->name == "Cy");
        CHECK(a.data().person(a.idMap().at("adultkid"))->sex == Sex::Male);
    }
}

TEST_CASE("anonymise: dates coarsened, the date of death removed", "[anonymise]") {
    Case c = loadCanary();
    AnonymisedCase a = anonymise(c);
    const Case& x = a.data();
    const Person& zoe = *x.person(a.idMap().at("zoe"));
    REQUIRE(zoe.died);
    CHECK_FALSE(zoe.died->known());                 // deceased, date not given
    CHECK(zoe.born->toString() == "1990");
    // The date of death, and with hide_death_date its month: a year at most.
    CHECK(x.info.referenceDate->toString() == "2021");
    CHECK(x.info.scopeTo->toString() == "2021");
    // Two events a day apart in one month get the same published date, in their real order.
    const Event* first = eventWhat(x, "called police");
    const Event* second = eventWhat(x, "saw the GP");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->date == second->date);
    CHECK(first->date.toString() == "2019-03");
    CHECK(first->time.empty());
    CHECK(first < second);
    const Event* death = eventWhat(x, "was killed");
    REQUIRE(death);
    CHECK(death->date.toString() == "2021");
    CHECK(death->time.empty());
    CHECK(death->what.find("[date removed]") != std::string::npos);
    CHECK(death->what.find("14") == std::string::npos);
    for (auto& p : x.partnerships)
        for (auto& h : p.history) CHECK(h.from->toString() == "2014-07");

    SECTION("day precision keeps days, but never the death day") {
        c.publication->datePrecision = PublishPrecision::Day;
        AnonymisedCase b = anonymise(c);
        const Event* e1 = eventWhat(b.data(), "called police");
        CHECK(e1->date.toString() == "2019-03-02");
        CHECK(e1->time == "22:15");
        const Event* d = eventWhat(b.data(), "was killed");
        CHECK(d->date.toString() == "2021");
        CHECK(d->time.empty());
        CHECK(b.data().person(b.idMap().at("zoe"))->born->toString() == "1990");   // born: always a year
        CHECK(b.data().info.scopeTo->toString() == "2021");
    }
    SECTION("year precision") {
        c.publication->datePrecision = PublishPrecision::Year;
        AnonymisedCase b = anonymise(c);
        CHECK(eventWhat(b.data(), "called police")->date.toString() == "2019");
    }
    SECTION("relative precision is published as months") {
        c.publication->datePrecision = PublishPrecision::Relative;
        AnonymisedCase b = anonymise(c);
        CHECK(eventWhat(b.data(), "called police")->date.toString() == "2019-03");
    }
    SECTION("the date of death shown when the review says so") {
        c.publication->hideDeathDate = false;
        AnonymisedCase b = anonymise(c);
        CHECK(b.data().person(b.idMap().at("zoe"))->died->toString() == "2021-06");
        CHECK(b.data().info.referenceDate->toString() == "2021-06");
    }
}

TEST_CASE("anonymise: publish:false events are dropped, with references to them", "[anonymise]") {
    Case c = loadCanary();
    AnonymisedCase a = anonymise(c);
    const Case& x = a.data();
    CHECK(x.events.size() == c.events.size() - 1);
    CHECK(eventWhat(x, "caravan") == nullptr);
    CHECK(a.idMap().count("e003") == 0);
    REQUIRE(x.recommendations.size() == 1);
    CHECK(x.recommendations[0].id == "R1");
    CHECK(x.recommendations[0].addresses == std::vector<std::string>{a.idMap().at("e001")});
    CHECK(x.recommendations[0].actions[0].owner == "Professional 1");
    for (auto& e : x.events) CHECK(e.publish);
}

TEST_CASE("anonymise: unknown keys dropped, pure and repeatable", "[anonymise]") {
    Case c = loadCanary();
    bool hadExtras = false;
    for (auto& p : c.people) hadExtras |= !p.meta.extras.empty();
    REQUIRE(hadExtras);
    AnonymisedCase a = anonymise(c), b = anonymise(c);
    CHECK(a.data() == b.data());
    CHECK(a.idMap() == b.idMap());
    for (auto& p : a.data().people) CHECK(p.meta.extras.empty());
    std::string yaml = saveCaseToString(a.data());
    CHECK(yaml.find("Zee") == std::string::npos);
    CHECK(yaml.find("nickname") == std::string::npos);
}

TEST_CASE("anonymise: the whole anonymised case passes the audit - the real one does not", "[anonymise][audit]") {
    Case c = loadCanary();
    std::string real = saveCaseToString(c);
    std::string published = saveCaseToString(anonymise(c).data());
    AuditReport bad = auditBytes(real, AuditFormat::Yaml, c, "real.yaml");
    std::set<std::string> kinds;
    for (auto& f : bad.findings) kinds.insert(f.kind);
    for (const char* k : {"name", "first name", "last name", "alias", "id", "address", "postcode", "birth date",
                          "date of death", "unpublished text", "short name"})
        CHECK(kinds.count(k));
    AuditReport good = auditBytes(published, AuditFormat::Yaml, c, "published.yaml");
    for (auto& f : good.findings) FAIL_CHECK(formatFinding("published.yaml", f));
    CHECK(good.clean());
}

TEST_CASE("anonymise: the samples pass the audit once anonymised", "[anonymise][audit]") {
    for (const char* name : {"ashford-dhr.yaml", "minimal.yaml"}) {
        auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/" + name);
        REQUIRE(res.ok());
        std::string published = saveCaseToString(anonymise(*res.model).data());
        // As "published.yaml": the sample's own name carries the family's surname, and the
        // audit searches an output's file name too.
        AuditReport r = auditBytes(published, AuditFormat::Yaml, *res.model, "published.yaml");
        for (auto& f : r.findings) FAIL_CHECK(formatFinding(name, f));
    }
}

TEST_CASE("anonymised people carry the age a figure draws, from the true dates", "[anonymise][age]") {
    auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/ashford-dhr.yaml");
    REQUIRE(res.model);
    const Case& c = *res.model;
    AnonymisedCase a = anonymise(c);
    int withAge = 0, wrongFromPublished = 0;
    for (auto& p : c.people) {
        const Person* q = nullptr;
        for (auto& x : a.data().people)
            if (x.id == a.idMap().at(p.id)) q = &x;
        REQUIRE(q);
        std::optional<int> expected;
        if (p.born && p.born->known() && !p.isPregnancyNode()) {
            if (p.died) {
                if (p.died->known()) expected = p.born->ageAt(*p.died);
            } else if (c.info.referenceDate) {
                expected = p.born->ageAt(*c.info.referenceDate);
            }
        }
        INFO(p.id);
        CHECK(q->ageAsDrawn == expected);
        if (expected) ++withAge;
        // What the published dates alone would say: a year out for some people.
        if (expected && !p.died && q->born && a.data().info.referenceDate)
            if (q->born->ageAt(*a.data().info.referenceDate) != expected) ++wrongFromPublished;
    }
    CHECK(withAge >= 15);
    CHECK(wrongFromPublished > 0);   // the field matters: coarsened dates put ages a year out
    // A case read from a file has no drawn age of its own.
    for (auto& p : c.people) CHECK_FALSE(p.ageAsDrawn);
}
