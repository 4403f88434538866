// Reference and consistency rules, each with its position.
#include "core/io/case_io.hpp"

#include <catch2/catch.hpp>

using namespace genochron;

namespace {

LoadResult load(const std::string& text) { return loadCaseString("format: genochron/1\n" + text, "case.yaml"); }

const Diagnostic* findCode(const LoadResult& r, const std::string& code) {
    for (auto& d : r.diagnostics.items())
        if (d.code == code) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("duplicate ids are errors naming the first use", "[validate]") {
    auto r = load("people:\n  - id: a\n  - id: b\n  - id: a\n");
    auto* d = findCode(r, "duplicate-id");
    REQUIRE(d);
    CHECK(d->line == 5);
    CHECK(d->message.find("line 3") != std::string::npos);
    CHECK_FALSE(r.ok());
}

TEST_CASE("unknown people are errors with the nearest id suggested", "[validate]") {
    auto r = load("people:\n  - id: adam\n  - id: nicole\npartnerships:\n  - partners: [nicole, adm]\n");
    auto* d = findCode(r, "unknown-person");
    REQUIRE(d);
    CHECK(d->line == 6);
    CHECK(d->column == 15);
    CHECK(d->message.find("unknown person 'adm' in partnerships[0].partners") != std::string::npos);
    CHECK(d->message.find("did you mean 'adam'") != std::string::npos);
    CHECK(formatDiagnostic(*d).rfind("case.yaml:6:15: error: unknown person 'adm'", 0) == 0);
}

TEST_CASE("references in every block are checked", "[validate]") {
    auto r = load(R"(agencies: [{id: police, kind: police}]
people:
  - {id: a, parents: [zz], twin: yy}
relations: [{from: a, to: qq, kind: close}]
households: [{id: h1, members: [a, ww]}]
events:
  - {id: e1, date: 2019, agency: polce, people: [a, vv], shared_with: [nobody], disputed_by: [strangers]}
recommendations:
  - {id: R1, addresses: [e9], actions: [{id: R1.1, lead: nobody}]}
)");
    int persons = 0, agencies = 0;
    for (auto& d : r.diagnostics.items()) {
        if (d.code == "unknown-person") ++persons;
        if (d.code == "unknown-agency") ++agencies;
    }
    CHECK(persons == 5);    // zz, yy, qq, ww, vv
    CHECK(agencies == 3);   // polce, nobody (shared_with), nobody (lead)
    CHECK(findCode(r, "unknown-event"));
    CHECK(findCode(r, "unknown-reference"));
    auto* pol = findCode(r, "unknown-agency");
    CHECK(pol->message.find("did you mean 'police'") != std::string::npos);
}

TEST_CASE("more than two parents is an error", "[validate]") {
    auto r = load("people:\n  - id: a\n  - id: b\n  - id: c\n  - id: d\n    parents: [a, b, c]\n");
    auto* d = findCode(r, "too-many-parents");
    REQUIRE(d);
    CHECK(d->line == 7);
}

TEST_CASE("a person who is their own ancestor is an error", "[validate]") {
    auto r = load("people:\n  - {id: a, parents: [c]}\n  - {id: b, parents: [a]}\n  - {id: c, parents: [b]}\n");
    auto* d = findCode(r, "own-ancestor");
    REQUIRE(d);
    CHECK(d->message.find("own ancestor") != std::string::npos);
    auto r2 = load("people:\n  - {id: a, parents: [a]}\n");
    CHECK(findCode(r2, "own-parent"));
}

TEST_CASE("a partnership with oneself is an error", "[validate]") {
    auto r = load("people: [{id: a}]\npartnerships:\n  - partners: [a, a]\n");
    CHECK(findCode(r, "self-partnership"));
    auto r2 = load("people: [{id: a}, {id: b}, {id: c}]\npartnerships:\n  - partners: [a, b, c]\n");
    CHECK(findCode(r2, "partners-count"));
}

TEST_CASE("born after died is a warning", "[validate]") {
    auto r = load("people:\n  - {id: a, born: 2000, died: 1990}\n");
    auto* d = findCode(r, "born-after-died");
    REQUIRE(d);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->category == Category::Consistency);
    CHECK(r.ok());   // suspicious, not invalid
}

TEST_CASE("a parent younger than 12 at a child's birth is a warning", "[validate]") {
    auto r = load("people:\n  - {id: p, born: 1990-01-01}\n  - {id: c, born: 1999-06-01, parents: [p]}\n");
    REQUIRE(findCode(r, "young-parent"));
    auto ok = load("people:\n  - {id: p, born: 1970-01-01}\n  - {id: c, born: 1999-06-01, parents: [p]}\n");
    CHECK_FALSE(findCode(ok, "young-parent"));
}

TEST_CASE("a child born over a year after a parent's death is a warning", "[validate]") {
    auto r = load("people:\n  - {id: p, born: 1950, died: 1990-01-01}\n  - {id: c, born: 1992-06-01, parents: [p]}\n");
    REQUIRE(findCode(r, "born-after-parent-died"));
    auto ok = load("people:\n  - {id: p, born: 1950, died: 1990-01-01}\n  - {id: c, born: 1990-06-01, parents: [p]}\n");
    CHECK_FALSE(findCode(ok, "born-after-parent-died"));
}

TEST_CASE("events outside the scope are warnings", "[validate]") {
    auto r = load("case: {scope: {from: 2015, to: 2020-06}}\nevents:\n  - {date: 2013-01-01}\n  - {date: 2016}\n  - {date: 2021}\n");
    int n = 0;
    for (auto& d : r.diagnostics.items())
        if (d.code == "outside-scope") ++n;
    CHECK(n == 2);
}

TEST_CASE("a missed opportunity with no analysis is a warning", "[validate]") {
    auto r = load("events:\n  - {date: 2019, missed_opportunity: \"No referral\"}\n  - {date: 2019, missed_opportunity: x, analysis: y}\n");
    int n = 0;
    for (auto& d : r.diagnostics.items())
        if (d.code == "missed-opportunity-without-analysis") ++n;
    CHECK(n == 1);
}

TEST_CASE("unknown tags are warnings with a suggestion", "[validate]") {
    auto r = load("events:\n  - {date: 2019, tags: [ccb_isolaton]}\n");
    auto* d = findCode(r, "unknown-tag");
    REQUIRE(d);
    CHECK(d->message.find("ccb_isolation") != std::string::npos);
}

TEST_CASE("MO numbers follow the chronology, not the file order", "[model]") {
    auto r = load("events:\n  - {id: b, date: 2020, missed_opportunity: x, analysis: y}\n  - {id: a, date: 2018, missed_opportunity: x, analysis: y}\n  - {id: c, date: 2019}\n");
    REQUIRE(r.ok());
    auto mo = r.model->missedOpportunityNumbers();
    CHECK(mo["a"] == 1);
    CHECK(mo["b"] == 2);
    CHECK(mo.count("c") == 0);
}

TEST_CASE("an action past its target and not complete is overdue", "[model]") {
    Action a;
    a.target = parseDate("2024-12-31").date;
    a.status = ActionStatus::InProgress;
    long jan2025 = daysFromCivil(2025, 1, 2);
    CHECK(a.overdue(jan2025));
    CHECK_FALSE(a.overdue(daysFromCivil(2024, 6, 1)));
    a.status = ActionStatus::Complete;
    CHECK_FALSE(a.overdue(jan2025));
}
