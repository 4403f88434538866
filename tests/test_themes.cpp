// Themes across reviews (genochron themes): counts from anonymised cases, the CSV (one
// row per case and totals), the PDF charts, and the audit against every case.
#include "core/anonymise/anonymise_terms.hpp"
#include "core/io/case_io.hpp"
#include "core/publish/themes.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace genochron;

namespace {

const char* kCaseA = R"(format: genochron/1
case: {title: "Review of Zelda", kind: DHR}
agencies:
  - {id: police, name: Police, kind: police}
  - {id: gp, name: Surgery, kind: health}
people:
  - {id: zelda, name: Zelda Quist, roles: [victim]}
events:
  - {id: e1, date: 2019-05-03, agency: police, tags: [physical_abuse, dash_not_done], missed_opportunity: "No DASH", analysis: x}
  - {id: e2, date: 2019-06-01, agency: gp, tags: [ccb_isolation, information_not_shared], missed_opportunity: "Not asked", analysis: x}
  - {id: e3, date: 2019-07-01, source: family, tags: [ccb_monitoring], missed_opportunity: "Zelda told her sister", analysis: x}
  - {id: e4, date: 2019-08-01, agency: police, tags: [information_not_shared], publish: false}
recommendations:
  - id: R1
    text: Do it
    actions:
      - {id: R1.1, text: a, lead: police, target: 2024-01-01, status: in_progress}
      - {id: R1.2, text: b, lead: police, target: 2026-01-01, status: not_started}
  - id: R2
    text: Done
    actions:
      - {id: R2.1, text: c, lead: gp, target: 2024-01-01, status: complete, completed: 2023-12-01}
)";

Case load(const std::string& text) {
    auto r = loadCaseString(text, "t.yaml");
    INFO(r.diagnostics.items().size());
    REQUIRE(r.ok());
    return *r.model;
}

std::vector<std::vector<std::string>> rowsOf(const std::string& csv) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(csv);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream ls(line);
        while (std::getline(ls, cell, ',')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

std::string cellOf(const std::vector<std::vector<std::string>>& rows, std::size_t row, const std::string& col) {
    for (std::size_t i = 0; i < rows[0].size(); ++i)
        if (rows[0][i] == col) return i < rows[row].size() ? rows[row][i] : std::string("(missing)");
    FAIL("no column " << col);
    return {};
}

}  // namespace

TEST_CASE("one case's themes, from its anonymised view", "[themes]") {
    const Case c = load(kCaseA);
    AnonymisedCase a = anonymise(c);
    auto t = themes::caseThemes(a, daysFromCivil(2025, 1, 1), "Case 1");
    CHECK(t.events == 3);   // the unpublished entry is not counted
    CHECK(t.missedOpportunities == 3);
    CHECK(t.moByKind[AgencyKind::Police] == 1);
    CHECK(t.moByKind[AgencyKind::Health] == 1);
    CHECK(t.moWithoutAgency == 1);
    CHECK(t.moCoerciveControl == 2);
    CHECK(t.moByTag["physical_abuse"] == 1);
    CHECK(t.informationNotShared == 1);   // e4 is internal only
    CHECK(t.dashNotDone == 1);
    CHECK(t.recommendations == 2);
    CHECK(t.recommendationsByStatus[ActionStatus::InProgress] == 1);
    CHECK(t.recommendationsByStatus[ActionStatus::Complete] == 1);
    CHECK(t.actions == 3);
    CHECK(t.actionsOverdue == 1);   // R1.1 past its target; R1.2 not yet; R2.1 complete
    CHECK(themes::caseThemes(a, daysFromCivil(2026, 6, 1), "x").actionsOverdue == 2);
}

TEST_CASE("the CSV: one row per case then totals, no names", "[themes]") {
    const Case c = load(kCaseA);
    AnonymisedCase a = anonymise(c);
    std::vector<themes::CaseThemes> rows;
    rows.push_back(themes::caseThemes(a, daysFromCivil(2025, 1, 1), "Case 1"));
    rows.push_back(themes::caseThemes(a, daysFromCivil(2025, 1, 1), "Case 2"));
    auto table = themes::makeTable(rows);
    std::string csv = themes::toCsv(table);
    auto r = rowsOf(csv);
    REQUIRE(r.size() == 4);
    CHECK(r[1][0] == "Case 1");
    CHECK(r[3][0] == "Total");
    CHECK(cellOf(r, 3, "missed_opportunities") == "6");
    CHECK(cellOf(r, 3, "mo_agency_police") == "2");
    CHECK(cellOf(r, 3, "mo_no_agency") == "2");
    CHECK(cellOf(r, 3, "mo_tag_ccb_isolation") == "2");
    CHECK(cellOf(r, 1, "dash_not_done") == "1");
    CHECK(cellOf(r, 3, "actions_overdue") == "2");
    CHECK(csv.find("Zelda") == std::string::npos);
    CHECK(csv.find("Quist") == std::string::npos);
    Document d = themes::toDocument(table);
    CHECK(d.pages.size() == 2);
}

TEST_CASE("genochron themes over the samples and test cases: a row per case and totals - PDF charts", "[themes][cli]") {
    test::TempDir dir("themes-cli");
    std::string files;
    int n = 0;
    for (const char* f : {"samples/ashford-dhr.yaml", "samples/minimal.yaml", "tests/data/canary.yaml",
                          "tests/data/timeline/marks.yaml", "tests/data/families/pregnancy-loss.yaml",
                          "tests/data/families/four-generations.yaml", "tests/data/families/twins.yaml"}) {
        files += std::string(" '") + GENOCHRON_SOURCE_DIR + "/" + f + "'";
        ++n;
    }
    std::string csv = dir.file("t.csv"), pdf = dir.file("t.pdf");
    auto r = test::runCli("themes" + files + " --today 2025-01-01 -o '" + csv + "'");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    std::ifstream in(csv, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto rows = rowsOf(text);
    REQUIRE(int(rows.size()) == n + 2);
    CHECK(rows.back()[0] == "Total");
    CHECK(std::stoi(cellOf(rows, 1, "missed_opportunities")) >= 20);
    CHECK(r.err.find("Case 1: ") != std::string::npos);   // which is which: on stderr, not in the file
    auto p = test::runCli("themes" + files + " --today 2025-01-01 -o '" + pdf + "'");
    INFO(p.err);
    REQUIRE(p.exitCode == 0);
    for (const char* f : {"samples/ashford-dhr.yaml", "tests/data/canary.yaml"}) {
        CHECK(test::runCli("audit '" + pdf + "' --case '" + GENOCHRON_SOURCE_DIR + "/" + f + "'").exitCode == 0);
        CHECK(test::runCli("audit '" + csv + "' --case '" + GENOCHRON_SOURCE_DIR + "/" + f + "'").exitCode == 0);
    }
    // A bad extension or an invalid case: an error and nothing written.
    std::string bad = dir.file("t.txt");
    CHECK(test::runCli("themes" + files + " -o '" + bad + "'").exitCode != 0);
    std::string broken = dir.write("broken.yaml", "format: genochron/1\npeople:\n  - {id: a, born: 2019-02-30}\n");
    std::string out2 = dir.file("u.csv");
    auto b = test::runCli("themes '" + broken + "'" + files + " -o '" + out2 + "'");
    CHECK(b.exitCode == 2);
    CHECK(b.err.find("broken.yaml:3:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out2));
}

TEST_CASE("themes refuses an output that would carry a real name of any case", "[themes][audit]") {
    test::TempDir dir("themes-refuse");
    // Case B's tag is made of case A's victim's real name: it would reach the CSV's columns.
    std::string a = dir.write("a.yaml", kCaseA);
    std::string b = dir.write("b.yaml", "format: genochron/1\nagencies:\n  - {id: trust, name: Trust, kind: da_service}\n"
                                         "events:\n  - {id: e1, date: 2020, agency: trust, missed_opportunity: m, analysis: x, tags: [zelda]}\n");
    std::string out = dir.file("t.csv");
    auto r = test::runCli("themes '" + a + "' '" + b + "' -o '" + out + "'");
    INFO(r.err);
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("refused") != std::string::npos);
    CHECK(r.err.find("Zelda") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("a pregnancy node named only by what it is is not a name - a named one is", "[themes][anonymise]") {
    const Case c = load(R"(format: genochron/1
people:
  - {id: m, name: Mae Rook, sex: female}
  - {id: p1, name: "Pregnancy", parents: [m], pregnancy: pregnancy}
  - {id: p2, name: "Miscarriage 2012", parents: [m], pregnancy: miscarriage}
  - {id: p3, name: "Lily Rook", parents: [m], pregnancy: stillbirth}
)");
    anon::CaseSecrets s(c);
    bool pregnancy = false, lily = false;
    for (auto& t : s.terms()) {
        pregnancy = pregnancy || t.text == "Pregnancy" || t.text == "Miscarriage 2012";
        lily = lily || t.text == "Lily Rook";
    }
    CHECK_FALSE(pregnancy);
    CHECK(lily);
}
