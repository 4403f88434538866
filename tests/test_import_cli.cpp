// `genochron import chronology` and `genochron export chronology` as a chair runs them:
// exit codes, messages, and the case file left alone whenever anything is wrong.
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace genochron;
using genochron::test::runCli;
using genochron::test::TempDir;

namespace {

std::string fixture(const std::string& name) { return std::string(GENOCHRON_TEST_DATA) + "/import/" + name; }

std::string q(const std::string& s) { return "'" + s + "'"; }

// A copy of the fixture case in a fresh folder, so tests can change it.
std::string caseCopy(const TempDir& dir) { return dir.write("case.yaml", readFile(fixture("case.yaml"))); }

std::size_t eventCount(const std::string& path) {
    auto res = loadCaseFile(path);
    REQUIRE(res.ok());
    return res.model->events.size();
}

}  // namespace

TEST_CASE("cli: import merges a sheet, saves, and says what it did", "[import][cli]") {
    TempDir dir("import-ok");
    std::string path = caseCopy(dir);
    auto r = runCli("import chronology " + q(fixture("police.csv")) + " --agency police --into " + q(path));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("3 rows read: 3 new events (e003 to e005), 0 rows already in the case"));
    CHECK_THAT(r.err, Catch::Contains("note: the case file was rewritten in canonical form") &&
                          Catch::Contains("comment line"));
    CHECK(eventCount(path) == 5);

    SECTION("importing it again adds nothing and leaves the file as it is") {
        std::string before = readFile(path);
        auto again = runCli("import chronology " + q(fixture("police.csv")) + " --agency police --into " + q(path));
        CHECK(again.exitCode == 0);
        CHECK_THAT(again.out, Catch::Contains("0 new events, 3 rows already in the case"));
        CHECK(readFile(path) == before);
    }
}

TEST_CASE("cli: a bad row reports FILE:ROW:COL, exits 2 and changes nothing", "[import][cli]") {
    TempDir dir("import-bad");
    std::string path = caseCopy(dir);
    std::string before = readFile(path);
    std::string csv = fixture("bad_date_row7.csv");
    auto r = runCli("import chronology " + q(csv) + " --agency police --into " + q(path));
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains(csv + ":7:1: error: '31/02/2020' is not a date"));
    CHECK_THAT(r.err, Catch::Contains("nothing was imported"));
    CHECK(readFile(path) == before);   // byte for byte
}

TEST_CASE("cli: unknown agency, unknown person and unreadable sheets exit 2", "[import][cli]") {
    TempDir dir("import-refuse");
    std::string path = caseCopy(dir);
    std::string before = readFile(path);
    auto agency = runCli("import chronology " + q(fixture("police.csv")) + " --agency polce --into " + q(path));
    CHECK(agency.exitCode == 2);
    CHECK_THAT(agency.err, Catch::Contains("did you mean 'police'"));
    auto person = runCli("import chronology " + q(fixture("unknown_person.csv")) + " --agency gp --into " + q(path));
    CHECK(person.exitCode == 2);
    CHECK_THAT(person.err, Catch::Contains("unknown_person.csv:3:3: error: unknown person 'Stacey'"));
    auto missing = runCli("import chronology " + q(dir.file("nope.csv")) + " --agency gp --into " + q(path));
    CHECK(missing.exitCode == 2);
    auto empty = runCli("import chronology " + q(fixture("empty.csv")) + " --agency gp --into " + q(path));
    CHECK(empty.exitCode == 2);
    CHECK_THAT(empty.err, Catch::Contains("empty"));
    auto noSub = runCli("import " + q(fixture("police.csv")));
    CHECK(noSub.exitCode == 2);
    CHECK(readFile(path) == before);
}

TEST_CASE("cli: --dry-run and --map", "[import][cli]") {
    TempDir dir("import-dry");
    std::string path = caseCopy(dir);
    std::string before = readFile(path);
    auto r = runCli("import chronology " + q(fixture("custom_headers.csv")) + " --agency idva --into " + q(path) +
                    " --map 'When=date,Narrative=what' --map 'Ref=source_ref,Who=people' --dry-run");
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("2 new events") && Catch::Contains("'When' -> date") &&
                          Catch::Contains("dry run: nothing was written"));
    CHECK(readFile(path) == before);
}

TEST_CASE("cli: export chronology writes CSV that imports into an empty copy", "[import][cli]") {
    TempDir dir("export");
    std::string path = caseCopy(dir);
    std::string out = dir.file("chronology.csv");
    auto r = runCli("export chronology " + q(path) + " -o " + q(out));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    std::string csv = readFile(out);
    CHECK(csv.rfind("id,date,time,end,agency,agency_name,source,source_ref,people,what,action,analysis,tags,risk,"
                    "missed_opportunity,mo_number,shared_with,publish",
                    0) == 0);
    CHECK_THAT(csv, Catch::Contains("Joanna Fenwick"));   // the named export holds names

    // An empty copy of the case: the same file without its events.
    std::string text = readFile(path);
    std::string emptyCase = dir.write("empty.yaml", text.substr(0, text.find("\nevents:")) + "\n");
    auto imp = runCli("import chronology " + q(out) + " --into " + q(emptyCase));
    INFO(imp.err);
    CHECK(imp.exitCode == 0);
    auto a = loadCaseFile(path), b = loadCaseFile(emptyCase);
    REQUIRE((a.ok() && b.ok()));
    REQUIRE(b.model->events.size() == a.model->events.size());
    for (auto& e : a.model->events) {
        const Event* f = b.model->event(e.id);
        REQUIRE(f);
        CHECK(f->what == e.what);
        CHECK(f->date == e.date);
        CHECK(f->source == e.source);
        CHECK(f->people == e.people);
    }

    auto bad = runCli("export chronology " + q(path) + " -o " + q(dir.file("x.txt")));
    CHECK(bad.exitCode == 2);
}
