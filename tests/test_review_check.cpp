// The QA Panel's checklist (review_check.cpp): every point met on a small complete
// case, and not met (or not applicable) when the one thing it looks for is taken away.
#include "core/io/case_io.hpp"
#include "core/check/check.hpp"
#include "core/check/review_check.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace genochron;

namespace {

// A small case that meets every point. Each variant below changes one line.
const std::string kBase = R"(format: genochron/1
case:
  title: "Review checklist fixture"
  reference_date: 2021-06-14
agencies:
  - {id: police, name: "Test Police", kind: police}
  - {id: school, name: "Test Primary School", kind: education}
  - {id: csc, name: "Test Children's Services", kind: childrens_social_care}
  - {id: recovery, name: "Test Recovery Service", kind: substance_misuse}
  - {id: mh, name: "Test Mental Health Team", kind: mental_health}
people:
  - {id: vmum, name: "Ann Vale", sex: female, roles: [family]}
  - {id: vdad, name: "Bob Vale", sex: male, roles: [family]}
  - {id: pmum, name: "Cath Parr", sex: female, roles: [family]}
  - {id: pdad, name: "Dan Parr", sex: male, roles: [family]}
  - id: vera
    name: "Vera Vale"
    sex: female
    born: 1990-02-01
    roles: [victim]
    parents: [vmum, vdad]
    conditions: [mental_health]
  - id: paul
    name: "Paul Parr"
    sex: male
    born: 1988-05-01
    roles: [perpetrator]
    parents: [pmum, pdad]
    conditions: [substance_misuse]
  - {id: kim, name: "Kim Parr", sex: female, born: 2015-04-01, parents: [vera, paul]}
partnerships:
  - partners: [vera, paul]
    status: married
    from: 2016-06
relations:
  - {from: paul, to: vera, kind: coercive_control}
households:
  - {id: h1, label: "Family home", members: [vera, paul, kim], from: 2016-06}
events:
  - id: e1
    date: 2014-03-01
    agency: police
    source: agency_record
    people: [paul]
    what: "Paul was convicted of assaulting a former partner."
  - id: e2
    date: 2018-01-10
    source: family
    people: [vera, paul, vmum]
    what: "Ann said Paul read Vera's messages every evening."
    tags: [ccb_monitoring]
  - id: e3
    date: 2019-05-01
    agency: police
    source: agency_record
    people: [vera, paul, kim]
    what: "Vera called police; Paul had punched her."
    tags: [incident, physical_abuse, risk_assessment]
    risk: medium
    shared_with: [csc, school]
  - id: e4
    date: 2019-05-03
    agency: school
    source: agency_record
    people: [kim]
    what: "The school received the police notification."
  - id: e5
    date: 2019-05-04
    agency: csc
    source: agency_record
    people: [kim, vera]
    what: "Children's services screened the notification."
    missed_opportunity: "No assessment of Kim's needs."
    analysis: "The notification met the threshold for an assessment."
  - id: e6
    date: 2019-08-01
    agency: recovery
    source: agency_record
    people: [paul]
    what: "Paul assessed for cocaine use."
  - id: e7
    date: 2019-09-01
    agency: mh
    source: agency_record
    people: [vera]
    what: "Vera assessed for low mood."
recommendations:
  - id: R1
    text: "Police to complete a DASH at every incident."
    addresses: [e5]
    actions:
      - id: R1.1
        text: "Audit DASH completion."
        lead: police
        owner: "Head of Public Protection"
        target: 2022-03-31
        status: in_progress
        updates:
          - {date: 2022-01-10, text: "First audit done."}
)";

const long kToday = daysFromCivil(2022, 1, 31);   // before R1.1's target

std::string variant(std::string text, const std::vector<std::pair<std::string, std::string>>& edits) {
    for (const auto& [from, to] : edits) {
        auto pos = text.find(from);
        INFO("fixture edit not found: " << from);
        REQUIRE(pos != std::string::npos);
        text.replace(pos, from.size(), to);
    }
    return text;
}

Case load(const std::string& text) {
    auto res = loadCaseString(text, "review.yaml");
    INFO([&] {
        std::string s;
        for (const auto& d : res.diagnostics.items()) s += formatDiagnostic(d) + "\n";
        return s;
    }());
    REQUIRE(res.ok());
    return *res.model;
}

ChecklistItem point(const Case& c, const std::string& code, long today = kToday) {
    for (auto& it : reviewChecklist(c, today))
        if (it.code == code) return it;
    FAIL("no checklist point " << code);
    return {};
}

std::vector<Diagnostic> findings(const Case& c, const std::string& code, long today = kToday) {
    Diagnostics d("review.yaml");
    CheckOptions opt;
    opt.todayDays = today;
    checkReview(c, opt, d);
    std::vector<Diagnostic> out;
    for (const auto& x : d.items()) {
        CHECK(x.category == Category::Review);
        CHECK(x.severity == Severity::Warning);
        if (x.code == code) out.push_back(x);
    }
    return out;
}

void requireMet(const Case& c, const std::string& code) {
    auto it = point(c, code);
    INFO(code << ": " << it.detail);
    CHECK(it.applicable);
    CHECK(it.met);
    CHECK(findings(c, code).empty());
}

Diagnostic requireOneFinding(const Case& c, const std::string& code) {
    auto it = point(c, code);
    INFO(code << ": " << it.detail);
    CHECK(it.applicable);
    CHECK_FALSE(it.met);
    auto f = findings(c, code);
    REQUIRE(f.size() == 1);
    CHECK(f[0].line > 0);
    return f[0];
}

}  // namespace

TEST_CASE("the complete fixture meets every point and has no review findings", "[review]") {
    Case c = load(kBase);
    auto items = reviewChecklist(c, kToday);
    REQUIRE(items.size() == 11);
    for (const auto& it : items) {
        INFO(it.code << ": " << it.detail);
        CHECK(it.met);
        CHECK(it.applicable);
        CHECK_FALSE(it.title.empty());
    }
    Diagnostics d("review.yaml");
    CheckOptions opt;
    opt.todayDays = kToday;
    checkReview(c, opt, d);
    CHECK(d.items().empty());
}

TEST_CASE("review: information from family and friends", "[review]") {
    requireMet(load(kBase), "review-no-family-voice");
    auto f = requireOneFinding(load(variant(kBase, {{"source: family", "source: panel"}})), "review-no-family-voice");
    CHECK(f.message.find("family or friend") != std::string::npos);
    // A friend's account counts as much as a relative's.
    requireMet(load(variant(kBase, {{"source: family", "source: friend"}})), "review-no-family-voice");
}

TEST_CASE("review: the perpetrator's history before the relationship", "[review]") {
    requireMet(load(kBase), "review-no-perpetrator-history");
    auto f = requireOneFinding(load(variant(kBase, {{"date: 2014-03-01", "date: 2017-03-01"}})),
                               "review-no-perpetrator-history");
    CHECK(f.id == "paul");
    CHECK(f.message.find("Paul Parr") != std::string::npos);
    CHECK(f.message.find("Vera Vale") != std::string::npos);
    // The relationship starts at the earliest of from and history: dating from 2012 makes 2014 "during".
    auto earlier = variant(kBase, {{"    from: 2016-06\nrelations", "    from: 2016-06\n    history:\n      - {status: dating, from: 2012}\nrelations"}});
    requireOneFinding(load(earlier), "review-no-perpetrator-history");
    // With no partnership between them the point does not apply.
    auto none = point(load(variant(kBase, {{"partners: [vera, paul]", "partners: [vmum, vdad]"}})),
                      "review-no-perpetrator-history");
    CHECK_FALSE(none.applicable);
    CHECK(none.met);
}

TEST_CASE("review: coercive control shown in tagged events", "[review]") {
    requireMet(load(kBase), "review-ccb-not-tagged");
    auto f = requireOneFinding(load(variant(kBase, {{"tags: [ccb_monitoring]", "tags: [emotional_abuse]"}})),
                               "review-ccb-not-tagged");
    CHECK(f.line == 36);   // the coercive_control relation
    // A ccb tag on an event that does not involve both people does not show the relation.
    requireOneFinding(load(variant(kBase, {{"people: [vera, paul, vmum]", "people: [vera, vmum]"}})),
                      "review-ccb-not-tagged");
    // Named only in the panel's words: still needs tagged events.
    auto words = variant(kBase, {{"  - {from: paul, to: vera, kind: coercive_control}\n", ""},
                                 {"tags: [ccb_monitoring]", "analysis: \"This was coercive control.\""}});
    auto w = point(load(words), "review-ccb-not-tagged");
    CHECK_FALSE(w.met);
    // Not named anywhere and no relation: the point does not apply.
    auto silent = variant(kBase, {{"  - {from: paul, to: vera, kind: coercive_control}\n", ""},
                                  {"tags: [ccb_monitoring]", "tags: [emotional_abuse]"}});
    CHECK_FALSE(point(load(silent), "review-ccb-not-tagged").applicable);
}

TEST_CASE("review: substance misuse and mental health services", "[review]") {
    requireMet(load(kBase), "review-needs-no-agency");
    auto noRecovery = variant(kBase, {{"    agency: recovery\n", "    agency: police\n"}});
    auto f = requireOneFinding(load(noRecovery), "review-needs-no-agency");
    CHECK(f.message.find("substance misuse") != std::string::npos);
    CHECK(f.id == "paul");
    auto noMh = variant(kBase, {{"    agency: mh\n", "    agency: police\n"}});
    auto g = requireOneFinding(load(noMh), "review-needs-no-agency");
    CHECK(g.message.find("mental") != std::string::npos);
    CHECK(g.id == "vera");
    // A relative's condition is not the review's point.
    auto relative = variant(kBase, {{"    conditions: [mental_health]\n", ""},
                                    {"    conditions: [substance_misuse]\n", ""},
                                    {"{id: vdad, name: \"Bob Vale\", sex: male, roles: [family]}",
                                     "{id: vdad, name: \"Bob Vale\", sex: male, roles: [family], conditions: [substance_misuse]}"},
                                    {"    agency: recovery\n", "    agency: police\n"},
                                    {"    agency: mh\n", "    agency: police\n"}});
    CHECK_FALSE(point(load(relative), "review-needs-no-agency").applicable);
}

TEST_CASE("review: schools and children's services when children lived with the victim or perpetrator", "[review]") {
    requireMet(load(kBase), "review-children-no-school");
    auto noSchool = variant(kBase, {{"    agency: school\n", "    agency: police\n"}, {"    agency: csc\n", "    agency: police\n"}});
    auto f = requireOneFinding(load(noSchool), "review-children-no-school");
    CHECK(f.id == "kim");
    CHECK(f.message.find("h1") != std::string::npos);
    // Grown up by the reference date: not a child.
    auto adult = variant(noSchool, {{"born: 2015-04-01", "born: 1999-04-01"}});
    CHECK_FALSE(point(load(adult), "review-children-no-school").applicable);
    // A child who never lived with either of them.
    auto apart = variant(noSchool, {{"members: [vera, paul, kim]", "members: [vera, paul]"}});
    CHECK_FALSE(point(load(apart), "review-children-no-school").applicable);
    // No date of birth but the role child: still a child.
    auto byRole = variant(noSchool, {{"born: 2015-04-01, parents", "roles: [child], parents"}});
    requireOneFinding(load(byRole), "review-children-no-school");
    // Either a school or children's services in the chronology meets the point.
    requireMet(load(variant(kBase, {{"    agency: school\n", "    agency: police\n"}})), "review-children-no-school");
}

TEST_CASE("review: every missed opportunity has analysis", "[review]") {
    requireMet(load(kBase), "review-mo-without-analysis");
    auto bare = variant(kBase, {{"    analysis: \"The notification met the threshold for an assessment.\"\n", ""}});
    auto f = requireOneFinding(load(bare), "review-mo-without-analysis");
    CHECK(f.id == "e5");
    CHECK(f.message.find("e5") != std::string::npos);
    auto none = variant(kBase, {{"    missed_opportunity: \"No assessment of Kim's needs.\"\n", ""}});
    CHECK_FALSE(point(load(none), "review-mo-without-analysis").applicable);
}

TEST_CASE("review: the genogram has the victim's and perpetrator's parents", "[review]") {
    requireMet(load(kBase), "review-genogram-no-parents");
    auto f = requireOneFinding(load(variant(kBase, {{"    parents: [vmum, vdad]\n", ""}})), "review-genogram-no-parents");
    CHECK(f.id == "vera");
    CHECK(f.message.find("victim") != std::string::npos);
    auto g = requireOneFinding(load(variant(kBase, {{"    parents: [pmum, pdad]\n", ""}})), "review-genogram-no-parents");
    CHECK(g.id == "paul");
}

TEST_CASE("review: a DASH after each physical abuse incident", "[review]") {
    requireMet(load(kBase), "review-no-dash-after-physical");
    auto noDash = variant(kBase, {{"tags: [incident, physical_abuse, risk_assessment]\n    risk: medium\n",
                                   "tags: [incident, physical_abuse]\n"}});
    auto f = requireOneFinding(load(noDash), "review-no-dash-after-physical");
    CHECK(f.id == "e3");
    CHECK(f.message.find("Test Police") != std::string::npos);
    // Already marked as a gap by the reviewer: nothing more to say.
    requireMet(load(variant(noDash, {{"tags: [incident, physical_abuse]", "tags: [incident, physical_abuse, dash_not_done]"}})),
               "review-no-dash-after-physical");
    // A DASH by another agency a week later, about the same person, counts.
    auto later = variant(noDash, {{"    what: \"Vera assessed for low mood.\"\n",
                                   "    what: \"Vera assessed for low mood.\"\n  - id: e8\n    date: 2019-05-08\n"
                                   "    agency: police\n    source: agency_record\n    people: [vera]\n"
                                   "    what: \"DASH completed.\"\n    tags: [risk_assessment]\n    risk: standard\n"}});
    requireMet(load(later), "review-no-dash-after-physical");
    // Only family knew: no agency could have done a DASH.
    auto familyOnly = variant(noDash, {{"    agency: police\n    source: agency_record\n    people: [vera, paul, kim]",
                                        "    source: family\n    people: [vera, paul, kim]"}});
    CHECK_FALSE(point(load(familyOnly), "review-no-dash-after-physical").applicable);
}

TEST_CASE("review: information about risk is shared, one finding per agency", "[review]") {
    requireMet(load(kBase), "review-risk-not-shared");
    auto unshared = variant(kBase, {{"    shared_with: [csc, school]\n", ""}});
    auto f = requireOneFinding(load(unshared), "review-risk-not-shared");
    CHECK(f.id == "e3");
    CHECK(f.message.find("Test Police") != std::string::npos);
    CHECK(f.message.find("e3 (medium risk)") != std::string::npos);
    // Two such police events: still one finding for the police, naming both.
    auto two = variant(unshared, {{"    what: \"Paul was convicted of assaulting a former partner.\"\n",
                                   "    what: \"Paul was convicted of assaulting a former partner.\"\n"
                                   "    tags: [physical_abuse]\n"}});
    auto g = requireOneFinding(load(two), "review-risk-not-shared");
    CHECK(g.message.find("e1") != std::string::npos);
    CHECK(g.message.find("e3") != std::string::npos);
    // Marked information_not_shared: the reviewer has it.
    requireMet(load(variant(unshared, {{"tags: [incident, physical_abuse, risk_assessment]",
                                        "tags: [incident, physical_abuse, risk_assessment, information_not_shared]"}})),
               "review-risk-not-shared");
}

TEST_CASE("review: overdue actions name the owner and the target", "[review]") {
    Case c = load(kBase);
    requireMet(c, "review-action-overdue");
    const long later = daysFromCivil(2022, 6, 1);
    auto it = point(c, "review-action-overdue", later);
    CHECK_FALSE(it.met);
    auto f = findings(c, "review-action-overdue", later);
    REQUIRE(f.size() == 1);
    CHECK(f[0].id == "R1.1");
    CHECK(f[0].message.find("Head of Public Protection") != std::string::npos);
    CHECK(f[0].message.find("31 Mar 2022") != std::string::npos);
    CHECK(f[0].message.find("Test Police") != std::string::npos);
    CHECK(f[0].line == 96);   // the action's target
    // Complete actions are never overdue.
    Case done = load(variant(kBase, {{"status: in_progress", "status: complete\n        completed: 2022-05-01"}}));
    CHECK(findings(done, "review-action-overdue", later).empty());
}

TEST_CASE("check --summary shows the checklist on one screen", "[review][cli]") {
    genochron::test::TempDir tmp("review-summary");
    auto path = tmp.write("case.yaml", variant(kBase, {{"source: family", "source: panel"}}));
    auto r = genochron::test::runCli("check --summary --today 2022-06-01 '" + path + "'");
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK(r.out.find("\u2717 Information from family and friends") != std::string::npos);
    CHECK(r.out.find("\u2713 The perpetrator's history before the relationship") != std::string::npos);
    CHECK(r.out.find("\u2717 Action plan on track") != std::string::npos);   // R1.1 overdue on 1 June 2022
    CHECK(r.out.find("9 of 11 points met") != std::string::npos);
    CHECK(r.out.find("Findings by category") != std::string::npos);
    CHECK(r.out.find("R1.1") != std::string::npos);
    CHECK(r.out.find("Head of Public Protection") != std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') < 40);   // one screen
    // The findings themselves are not listed.
    CHECK(r.out.find("[review-no-family-voice]") == std::string::npos);

    auto j = genochron::test::runCli("check --summary --json --today 2022-01-31 '" + path + "'");
    auto json = nlohmann::json::parse(j.out);
    REQUIRE(json["checklist"].size() == 11);
    CHECK(json["checklist"][0]["code"] == "review-no-family-voice");
    CHECK(json["checklist"][0]["met"] == false);
    CHECK(json["checklist"][9]["met"] == true);

    // Leaving out the review leaves out its findings; a filter keeps only its category.
    auto noReview = genochron::test::runCli("check --no-review --no-publication '" + path + "'");
    CHECK(noReview.out.find("[review-") == std::string::npos);
    auto onlyReview = genochron::test::runCli("check --category review --json '" + path + "'");
    const auto onlyReviewJson = nlohmann::json::parse(onlyReview.out);   // kept alive for the loop
    for (const auto& f : onlyReviewJson["findings"]) CHECK(f["category"] == "review");
    auto badDay = genochron::test::runCli("check --today 31/02/2022 '" + path + "'");
    CHECK(badDay.exitCode == 2);
}

TEST_CASE("review: every missed opportunity answered by a recommendation", "[review]") {
    requireMet(load(kBase), "review-mo-without-recommendation");
    auto f = requireOneFinding(load(variant(kBase, {{"    addresses: [e5]\n", ""}})), "review-mo-without-recommendation");
    CHECK(f.id == "e5");
    CHECK(f.message.find("MO1 (e5)") != std::string::npos);
    CHECK(f.message.find("addresses:") != std::string::npos);
    // Answering another event does not answer this one.
    auto g = requireOneFinding(load(variant(kBase, {{"addresses: [e5]", "addresses: [e7]"}})), "review-mo-without-recommendation");
    CHECK(g.id == "e5");
}
