// Dates from year 1000 (a family history reaches back centuries) and the presumed-dead rule
// the genogram, the anonymised view and `check` share (model/lifespan.hpp).
#include "core/anonymise/view_case.hpp"
#include "core/check/check.hpp"
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/io/case_io.hpp"
#include "core/model/lifespan.hpp"

#include <catch2/catch.hpp>

using namespace genochron;

namespace {

const char* kFamily = R"(format: genochron/1
case:
  title: "Lifespan fixture"
  reference_date: 2021-06-14
people:
  - {id: anc, name: "Ebenezer Thorne", sex: male, born: 1702-03-04}
  - {id: anc2, name: "Patience Thorne", sex: female, born: "~1705", died: 1771}
  - {id: old, name: "Hester Thorne", sex: female, born: 1911-06-13, parents: [anc, anc2]}
  - {id: eldest, name: "Walter Thorne", sex: male, born: 1911-06-15}
  - {id: mid, name: "Ivy Thorne", sex: female, born: 1950, parents: [old, eldest]}
  - {id: gone, name: "Silas Thorne", sex: male, born: 1890, died: unknown}
partnerships:
  - {partners: [anc, anc2], status: married, from: 1724-11-02}
  - {partners: [old, eldest], status: married}
)";

Case load(const std::string& text) {
    auto r = loadCaseString(text, "lifespan.yaml");
    for (auto& d : r.diagnostics.items()) UNSCOPED_INFO(formatDiagnostic(d));
    REQUIRE(r.model);
    return *r.model;
}

}  // namespace

TEST_CASE("dates are accepted from year 1000, not before", "[date][lifespan]") {
    for (auto text : {"1000", "1000-01-01", "1066-10-14", "1702-03", "~1705", "1750..1760", "<1801"}) {
        INFO(text);
        CHECK(parseDate(text).date);
    }
    auto r = parseDate("0999-12-31");
    CHECK_FALSE(r.date);
    CHECK_THAT(r.error, Catch::Contains("1000-2200"));
    CHECK_FALSE(parseDate("2201").date);
    // The calendar reaches back: 1700 was no leap year (proleptic Gregorian), 1704 was.
    CHECK_FALSE(parseDate("1700-02-29").date);
    CHECK(parseDate("1704-02-29").date);
    CHECK(parseDate("1066-10-14").date->ageAt(*parseDate("1166-10-14").date) == 100);
}

TEST_CASE("born over 110 years before the reference date with no death: presumed dead", "[lifespan]") {
    Case c = load(kFamily);
    const Date at = ageReferenceDate(c, 0);
    CHECK(at.toString() == "2021-06-14");
    CHECK(presumedDead(*c.person("anc"), at));
    CHECK_FALSE(presumedDead(*c.person("anc2"), at));    // a death is recorded
    CHECK(presumedDead(*c.person("old"), at));           // 110 on 2021-06-13
    CHECK_FALSE(presumedDead(*c.person("eldest"), at));  // 109 until 2021-06-15
    CHECK_FALSE(presumedDead(*c.person("mid"), at));
    CHECK_FALSE(presumedDead(*c.person("gone"), at));    // died, date unknown

    SECTION("the genogram draws no age for them, and draws the others'") {
        auto l = genogram::layoutGenogram(ViewCase::named(c));
        std::map<std::string, std::string> age;
        for (auto& pb : l.people) age[pb.id] = pb.age;
        CHECK(age.at("anc").empty());
        CHECK(age.at("old").empty());
        CHECK(age.at("eldest") == "109");
        CHECK(age.at("mid") == "71");
        CHECK(age.at("anc2") == "66");
    }
    SECTION("the anonymised view carries no age for them") {
        AnonymisedCase a = anonymise(c);
        auto drawn = [&](const std::string& id) {
            for (auto& q : a.data().people)
                if (q.id == a.idMap().at(id)) return q.ageAsDrawn;
            FAIL("no anonymised person for " << id);
            return std::optional<int>{};
        };
        CHECK_FALSE(drawn("anc"));
        CHECK_FALSE(drawn("old"));
        CHECK(drawn("eldest") == 109);
    }
    SECTION("check notes each of them, at their birth date") {
        Diagnostics d;
        CheckOptions opt;
        opt.language = opt.publication = opt.review = false;
        runChecks(c, opt, d);
        std::vector<std::string> who;
        for (auto& x : d.items()) {
            if (x.code != "presumed-dead") continue;
            CHECK(x.severity == Severity::Note);
            CHECK(x.line > 0);
            who.push_back(x.id);
        }
        CHECK(who == std::vector<std::string>{"anc", "old"});
    }
    SECTION("without a reference date, today is the age date") {
        c.info.referenceDate.reset();
        const long day2000 = daysFromCivil(2000, 1, 1);
        CHECK_FALSE(presumedDead(*c.person("old"), ageReferenceDate(c, day2000)));
        CHECK(presumedDead(*c.person("anc"), ageReferenceDate(c, day2000)));
    }
}
