// The column mapping a chair sees and corrects (--map, remembered per agency as
// agencies[].import_map), columns kept in extras, and CSV decoding line by line.
#include "core/import/chronology_csv.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace genochron;
using genochron::test::runCli;
using genochron::test::TempDir;

namespace {

std::string fixture(const std::string& name) { return std::string(GENOCHRON_TEST_DATA) + "/import/" + name; }

Case importCase() {
    auto res = loadCaseFile(fixture("case.yaml"));
    REQUIRE(res.ok());
    return *res.model;
}

ImportPlan plan(const Case& c, const std::string& csv, std::vector<std::pair<std::string, std::string>> map = {}) {
    ChronologyImportOptions o;
    o.agency = "idva";
    o.map = std::move(map);
    return planChronologyImport(c, csv, "sheet.csv", o);
}

std::string q(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("columns with no field are kept in the event's extras and saved with it", "[import][mapping]") {
    Case c = importCase();
    auto p = plan(c, "Date,Event,Officer,,Crime ref\n01/03/2020,Seen.,PC 4471,loose note,44/19/0031\n");
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 1);
    using KV = std::pair<std::string, std::string>;
    CHECK(p.added[0].extras == std::vector<KV>{{"Officer", "PC 4471"}, {"column 4", "loose note"}, {"Crime ref", "44/19/0031"}});
    CHECK(p.mapping[2].field == "extras");
    bool noted = false;
    for (auto& n : p.notes) noted = noted || n.find("kept in each event's extras") != std::string::npos;
    CHECK(noted);

    applyImportPlan(c, p);
    std::string yaml = saveCaseToString(c);
    CHECK_THAT(yaml, Catch::Contains("extras:") && Catch::Contains("Crime ref") && Catch::Contains("44/19/0031"));
    auto back = loadCaseString(yaml, "back.yaml");
    REQUIRE(back.ok());
    CHECK(back.model->events.back().extras == p.added[0].extras);
    for (auto& d : back.diagnostics.items()) CHECK(d.code != "unknown-key");   // a known key, not a stray one

    SECTION("--map sends a column to a field or to extras, or drops it") {
        auto m = plan(c, "Date,Event,Officer,Notes\n02/03/2020,Seen again.,PC 4471,x\n",
                      parseColumnMap("Officer=source_ref,Event=extras,Notes=what"));
        REQUIRE(m.ok());
        CHECK(m.added[0].sourceRef == "PC 4471");
        CHECK(m.added[0].what == "x");
        CHECK(m.added[0].extras == std::vector<KV>{{"Event", "Seen again."}});
        CHECK(m.mapping[2].how == "--map");
    }
}

TEST_CASE("cli: a --map is remembered for the agency and applied to its next sheet", "[import][mapping][cli]") {
    TempDir dir("import-remember");
    std::string path = dir.write("case.yaml", readFile(fixture("case.yaml")));
    std::string first = dir.write("idva1.csv", "When,Narrative,Worker\n01/10/2019,First contact.,Sam\n");
    std::string second = dir.write("idva2.csv", "When,Narrative,Worker\n05/10/2019,Second contact.,Sam\n");
    auto none = runCli("import chronology " + q(first) + " --agency idva --into " + q(path));
    CHECK(none.exitCode == 2);   // no date column without the map
    auto r = runCli("import chronology " + q(first) + " --agency idva --into " + q(path) + " --map 'When=date,Narrative=what'");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("'When' -> date (--map)") && Catch::Contains("'Worker' -> extras") &&
                          Catch::Contains("remembered in the case"));
    auto loaded = loadCaseFile(path);
    REQUIRE(loaded.ok());
    using KV = std::pair<std::string, std::string>;
    CHECK(loaded.model->agency("idva")->importMap == std::vector<KV>{{"When", "date"}, {"Narrative", "what"}});

    auto next = runCli("import chronology " + q(second) + " --agency idva --into " + q(path));
    INFO(next.err);
    REQUIRE(next.exitCode == 0);
    CHECK_THAT(next.out, Catch::Contains("'When' -> date (remembered for idva)") && Catch::Contains("1 new event"));
    auto forget = runCli("import chronology " + q(second) + " --agency idva --into " + q(path) + " --forget-map --dry-run");
    CHECK(forget.exitCode == 2);
    auto other = runCli("import chronology " + q(second) + " --agency gp --into " + q(path) + " --dry-run");
    CHECK(other.exitCode == 2);   // remembered for idva only
}

TEST_CASE("a CSV with one bad byte keeps its valid UTF-8 lines and reads only that line as Windows-1252", "[import][mapping]") {
    Case c = importCase();
    // Line 2 is UTF-8 ("Café", an en dash); line 3 came from an old sheet in Windows-1252 ("£300").
    std::string csv = "Date,Event\n"
                      "01/01/2020,Caf\xC3\xA9 visit \xE2\x80\x93 seen\n"
                      "02/01/2020,\xA3" "300 taken from her account\n";
    auto p = plan(c, csv);
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 2);
    CHECK(p.added[0].what == "Caf\u00e9 visit \u2013 seen");   // not garbled into "CafÃ©"
    CHECK(p.added[1].what == "\u00a3" "300 taken from her account");
    REQUIRE_FALSE(p.notes.empty());
    CHECK_THAT(p.notes.front(), Catch::Contains("line 3 is not UTF-8") && Catch::Contains("Windows-1252"));

    SECTION("a line that is neither is refused with its line number") {
        std::string bad = "Date,Event\n01/01/2020,fine\n02/01/2020,bad \x81 byte\n";
        CHECK_THROWS_WITH(plan(c, bad), Catch::Contains("sheet.csv:3") && Catch::Contains("neither UTF-8 nor Windows-1252"));
    }
}
