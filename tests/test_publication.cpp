// `check`'s publication findings, on the canary case and on small inline cases.
#include "core/check/check.hpp"

#include <catch2/catch.hpp>

using namespace genochron;

namespace {

Diagnostics publicationFindings(const Case& c, const std::string& file = "canary.yaml") {
    Diagnostics d(file);
    CheckOptions o;
    checkPublication(c, o, d);
    return d;
}

Case load(const std::string& path) {
    auto res = loadCaseFile(path);
    REQUIRE(res.ok());
    return *res.model;
}

Case loadText(const std::string& yaml) {
    auto res = loadCaseString(yaml, "inline.yaml");
    for (auto& d : res.diagnostics.items())
        if (d.severity == Severity::Error) FAIL(formatDiagnostic(d));
    REQUIRE(res.model);
    return *res.model;
}

std::vector<const Diagnostic*> withCode(const Diagnostics& d, const std::string& code) {
    std::vector<const Diagnostic*> r;
    for (auto& x : d.items())
        if (x.code == code) r.push_back(&x);
    return r;
}

bool mentions(const std::vector<const Diagnostic*>& ds, const std::string& text) {
    for (auto* d : ds)
        if (d->message.find(text) != std::string::npos) return true;
    return false;
}

std::string all(const Diagnostics& d) {
    std::string s;
    for (auto& x : d.items()) s += formatDiagnostic(x) + "\n";
    return s;
}

const std::string kCanary = std::string(GENOCHRON_TEST_DATA) + "/canary.yaml";

}  // namespace

TEST_CASE("publication check: the canary's planted hazards", "[publication]") {
    Case c = load(kCanary);
    Diagnostics d = publicationFindings(c);
    INFO(all(d));
    for (auto& x : d.items()) CHECK(x.category == Category::Publication);

    auto names = withCode(d, "possible-name");
    CHECK(mentions(names, "'Barry Featherstone'"));
    // Known names, agency words, months and acronyms are not third parties.
    CHECK_FALSE(mentions(names, "'Oakbury"));
    CHECK_FALSE(mentions(names, "'DASH'"));
    CHECK_FALSE(mentions(names, "'Liam"));
    CHECK_FALSE(mentions(names, "'June"));

    auto shortName = withCode(d, "short-name");
    REQUIRE(shortName.size() == 1);
    CHECK(mentions(shortName, "'Steve'"));
    CHECK(mentions(shortName, "Steven Marlow"));
    CHECK(shortName[0]->id == "e002");

    CHECK(mentions(withCode(d, "phone-number"), "07700 900461"));
    auto death = withCode(d, "death-date-in-text");
    CHECK(death.size() == 1);   // one finding per field, though written three ways
    // Zoë's birth date is written only in her notes, which are never published.
    CHECK_FALSE(mentions(withCode(d, "birth-date-in-text"), "03/02/1990"));
    CHECK(mentions(withCode(d, "address-in-text"), "7 Wrenfield Mews"));

    auto sex = withCode(d, "child-sex-in-text");
    REQUIRE(sex.size() >= 1);
    CHECK(mentions(sex, "'girl'"));
    CHECK(mentions(sex, "Child 1"));

    auto owner = withCode(d, "owner-named");
    REQUIRE(owner.size() == 1);
    CHECK(owner[0]->id == "R1.1");
    CHECK(owner[0]->line > 0);
    CHECK(withCode(d, "owner-looks-like-name").empty());   // "Head of Safeguarding" is a role

    auto nop = withCode(d, "no-pseudonym");
    REQUIRE(nop.size() == 1);
    CHECK(nop[0]->id == "petra");
    CHECK(mentions(nop, "'Adult A'"));
}

TEST_CASE("publication check: findings carry the field's file, line and column", "[publication]") {
    Case c = load(kCanary);
    Diagnostics d = publicationFindings(c, kCanary);
    auto names = withCode(d, "possible-name");
    REQUIRE_FALSE(names.empty());
    const Diagnostic* barry = nullptr;
    for (auto* x : names)
        if (x->message.find("Barry") != std::string::npos) barry = x;
    REQUIRE(barry);
    CHECK(barry->file == kCanary);
    CHECK(barry->id == "e002");
    CHECK(barry->line == c.event("e002")->meta.at("what").line);
    CHECK(barry->column == c.event("e002")->meta.at("what").column);
    CHECK(barry->message.find("events[e002].what") != std::string::npos);
}

TEST_CASE("publication check: numbers, emails, postcodes", "[publication]") {
    Case c = loadText(R"(format: genochron/1
case: {title: "T", kind: DHR}
people:
  - {id: p1, name: "Alma Reed", pseudonym: "Jo", sex: female}
events:
  - id: e1
    date: 2020-01
    people: [p1]
    what: "She gave her address as SW1A 1AA and her email as someone@example.org; reference 123 456 7890; mobile +44 7700 900123."
)");
    Diagnostics d = publicationFindings(c);
    INFO(all(d));
    CHECK(mentions(withCode(d, "postcode"), "SW1A 1AA"));
    CHECK(mentions(withCode(d, "email-address"), "someone@example.org"));
    CHECK(mentions(withCode(d, "ten-digit-number"), "123 456 7890"));
    CHECK(mentions(withCode(d, "phone-number"), "+44 7700 900123"));
    CHECK(withCode(d, "child-sex-in-text").empty());   // no child in this event
}

TEST_CASE("publication check: gendered words about a child only when sex is hidden", "[publication]") {
    const std::string base = R"(format: genochron/1
case: {title: "T", kind: DHR, reference_date: 2021-01-01}
publication: {hide_child_sex: HIDE}
people:
  - {id: mum, name: "Alma Reed", pseudonym: "Jo", sex: female, born: 1980}
  - {id: kid, name: "Tim Reed", pseudonym: "Al", sex: male, born: 2015, parents: [mum]}
events:
  - {id: e1, date: 2020-01, people: [mum, kid], what: "Alma took her son to the GP. She was worried."}
  - {id: e2, date: 2020-02, people: [mum, kid], what: "Alma said she was worried about money."}
  - {id: e3, date: 2020-03, people: [kid], what: "Tim told the teacher he was hungry."}
)";
    auto make = [&](const char* hide) {
        std::string y = base;
        y.replace(y.find("HIDE"), 4, hide);
        return loadText(y);
    };
    Diagnostics hidden = publicationFindings(make("true"));
    INFO(all(hidden));
    auto sex = withCode(hidden, "child-sex-in-text");
    REQUIRE(sex.size() == 2);
    CHECK(sex[0]->id == "e1");
    CHECK(mentions(sex, "'son'"));
    CHECK_FALSE(sex[0]->message.find("'She'") != std::string::npos);   // the mother's pronoun
    CHECK(sex[1]->id == "e3");
    CHECK(mentions(sex, "'he'"));
    CHECK(withCode(publicationFindings(make("false")), "child-sex-in-text").empty());
}

TEST_CASE("publication check: a pseudonym that is someone's real name", "[publication]") {
    Case c = loadText(R"(format: genochron/1
case: {title: "T", kind: DHR}
people:
  - {id: p1, name: "Alma Reed", pseudonym: "Petra", sex: female}
  - {id: p2, name: "Petra Lowe", pseudonym: "Sue", sex: female}
recommendations:
  - id: R1
    text: "Do better."
    actions:
      - {id: R1.1, text: "Train.", lead: police, owner: "Mr Graham Tulley", status: not_started}
      - {id: R1.2, text: "Audit.", lead: police, owner: "Designated Safeguarding Lead", status: not_started}
agencies:
  - {id: police, name: "Vale Police", kind: police}
)");
    Diagnostics d = publicationFindings(c);
    INFO(all(d));
    auto clash = withCode(d, "pseudonym-is-real-name");
    REQUIRE(clash.size() == 1);
    CHECK(clash[0]->id == "p1");
    CHECK(mentions(clash, "p2"));
    auto owner = withCode(d, "owner-looks-like-name");
    REQUIRE(owner.size() == 1);
    CHECK(owner[0]->id == "R1.1");
}

TEST_CASE("publication check: birth dates and birthdays in published text", "[publication]") {
    Case c = loadText(R"(format: genochron/1
case: {title: "T", kind: DHR}
people:
  - {id: p1, name: "Alma Reed", pseudonym: "Jo", sex: female, born: 1984-02-29}
events:
  - {id: e1, date: 2020-01, people: [p1], what: "DOB given as 29-Feb-84 on the referral."}
  - {id: e2, date: 2020-03, people: [p1], what: "Her birthday, 29 February 2020, was spent at A&E."}
  - {id: e3, date: 2020-04, people: [p1], what: "Seen on 29 April 2020."}
)");
    Diagnostics d = publicationFindings(c);
    auto b = withCode(d, "birth-date-in-text");
    REQUIRE(b.size() == 2);
    CHECK(b[0]->id == "e1");
    CHECK(mentions(b, "'29-Feb-84'"));
    CHECK(b[1]->id == "e2");
    CHECK(mentions(b, "birthday that gives away the birth date"));
}

TEST_CASE("publication check: text of an unpublished event reused", "[publication]") {
    Case c = loadText(R"(format: genochron/1
case: {title: "T", kind: DHR}
people:
  - {id: p1, name: "Alma Reed", pseudonym: "Jo", sex: female}
events:
  - {id: e1, date: 2020-01, people: [p1], publish: false, what: "an informant said the van was kept at the old quarry"}
  - {id: e2, date: 2020-02, people: [p1], what: "Police were told the van was kept at the old quarry."}
)");
    Diagnostics d = publicationFindings(c);
    auto r = withCode(d, "unpublished-text-reused");
    REQUIRE(r.size() == 1);
    CHECK(r[0]->id == "e2");
}

TEST_CASE("publication check: the samples are quiet enough to read", "[publication]") {
    for (const char* name : {"ashford-dhr.yaml", "minimal.yaml"}) {
        Case c = load(std::string(GENOCHRON_SOURCE_DIR) + "/samples/" + name);
        Diagnostics d = publicationFindings(c, name);
        INFO(all(d));
        // Every finding is a publication finding with a place in the file.
        for (auto& x : d.items()) {
            CHECK(x.category == Category::Publication);
            CHECK(x.line > 0);
        }
        CHECK(withCode(d, "possible-name").size() <= 15);
    }
}

TEST_CASE("publication check: a pronoun of the child's sex that no adult of the event shares", "[publication]") {
    // From the held-out trap case: the child is named only as "her little one", and "He" in the
    // next sentence can only be the child (the event's only adult is a woman).
    Case c = loadText(R"(format: genochron/1
case: {title: "T", kind: DHR, reference_date: 2021-01-01}
publication: {hide_child_sex: true}
people:
  - {id: mum, name: "Alma Reed", pseudonym: "Jo", sex: female, born: 1980}
  - {id: dad, name: "Ray Reed", pseudonym: "Lee", sex: male, born: 1979}
  - {id: kid, name: "Tim Reed", pseudonym: "Al", sex: male, born: 2015, parents: [mum]}
events:
  - {id: e1, date: 2020-01, people: [mum, kid], what: "The health visitor saw Alma and her little one. He was meeting milestones."}
  - {id: e2, date: 2020-02, people: [mum, dad, kid], what: "Alma and the child were seen. He said he was tired."}
  - {id: e3, date: 2020-03, people: [mum, kid], what: "Alma said she was tired."}
)");
    Diagnostics d = publicationFindings(c);
    INFO(all(d));
    auto sex = withCode(d, "child-sex-in-text");
    REQUIRE(sex.size() == 1);
    CHECK(sex[0]->id == "e1");
    CHECK(mentions(sex, "'He'"));
}

TEST_CASE("publication check: children's gendered words in every published field", "[publication]") {
    // One planted word per kind of published field; each must be reported at its own field.
    const std::vector<std::pair<std::string, std::string>> fields = {
        {"case.title", "title: \"Review of the boy's death\""},
        {"case.partnership", "partnership: \"Safer Schoolgirl Partnership\""},
        {"households[h1].label", "household label"},
        {"events[e1].what", "what"},
        {"events[e1].action", "action"},
        {"events[e1].analysis", "analysis"},
        {"events[e1].missed_opportunity", "missed_opportunity"},
        {"events[e1].source_ref", "source_ref"},
        {"recommendations[R1].text", "rec"},
        {"actions[R1.1].text", "atext"},
        {"actions[R1.1].updates[0].text", "update"},
        {"actions[R1.1].outcome", "outcome"},
        {"actions[R1.1].evidence", "evidence"},
        {"actions[R1.1].milestones[0].text", "milestone"},
    };
    for (auto& [where, slot] : fields) {
        auto v = [&](const std::string& s, const std::string& planted, const std::string& plain) {
            return s == slot ? planted : plain;
        };
        std::string yaml = "format: genochron/1\ncase: {" +
                           (slot.rfind("title", 0) == 0 ? slot : std::string("title: \"Review\"")) +
                           ", kind: DHR, reference_date: 2021-01-01" +
                           (slot.rfind("partnership", 0) == 0 ? ", " + slot : std::string()) + "}\n" +
                           R"(publication: {hide_child_sex: true}
agencies: [{id: school, name: "Ashby School"}]
people:
  - {id: mum, name: "Alma Reed", pseudonym: "Jo", sex: female, born: 1980}
  - {id: kid, name: "Tim Reed", pseudonym: "Al", sex: male, born: 2015, parents: [mum]}
households:
  - {id: h1, label: ")" + v("household label", "Home of the girl and her mother", "Family home") + R"(", members: [mum, kid]}
events:
  - id: e1
    date: 2020-01
    agency: school
    people: [mum]
    what: ")" + v("what", "The school spoke to the boy", "The school called") + R"("
    action: ")" + v("action", "Referral about her son", "Referral made") + R"("
    analysis: ")" + v("analysis", "The lad was not seen", "Not followed up") + R"("
    missed_opportunity: ")" + v("missed_opportunity", "The daughter was not asked", "Not asked") + R"("
    source_ref: ")" + v("source_ref", "School IMR on the boy 2.1", "School IMR 2.1") + R"("
recommendations:
  - id: R1
    text: ")" + v("rec", "Schools to hear every schoolboy", "Schools to hear every child") + R"("
    actions:
      - id: R1.1
        text: ")" + v("atext", "Train staff on sons", "Train staff") + R"("
        lead: school
        owner: "Head teacher"
        updates: [{date: 2021-02-01, text: ")" + v("update", "Met the girl's class", "Training booked") + R"("}]
        outcome: ")" + v("outcome", "Every girl is heard", "Every child is heard") + R"("
        evidence: ")" + v("evidence", "Audit of boys' files", "Audit of files") + R"("
        milestones: [{date: 2021-03-01, text: ")" + v("milestone", "Daughters' forum set up", "Forum set up") + R"("}]
)";
        Case c = loadText(yaml);
        Diagnostics d = publicationFindings(c);
        INFO(where << "\n" << all(d));
        auto sex = withCode(d, "child-sex-in-text");
        REQUIRE(sex.size() == 1);
        CHECK(sex[0]->message.rfind(where + ":", 0) == 0);
        CHECK(sex[0]->line > 0);
    }
}
