// Importing agency chronologies sent as tables in Word documents (the IMR template):
// documents written here as Word lays them out, read to the same events as the CSV.
#include "core/import/cell_table.hpp"
#include "core/import/chronology_csv.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "import_support.hpp"

#include <catch2/catch.hpp>

using namespace genochron;
using genochron::test::TempDir;
using test::wCell;
using test::wRow;
using test::wTable;

namespace {

std::string fixture(const std::string& name) { return std::string(GENOCHRON_TEST_DATA) + "/import/" + name; }

Case importCase() {
    auto res = loadCaseFile(fixture("case.yaml"));
    REQUIRE(res.ok());
    return *res.model;
}

std::string errorsOf(const ImportPlan& p) {
    std::string s;
    for (auto& d : p.diagnostics.items()) s += formatDiagnostic(d) + "\n";
    return s;
}

std::string notesOf(const ImportPlan& p) {
    std::string s;
    for (auto& n : p.notes) s += n + "\n";
    return s;
}

ImportPlan plan(const Case& c, const std::string& bytes, const std::string& name, ChronologyImportOptions o = {}) {
    if (o.agency.empty()) o.agency = "police";
    return planChronologyImport(c, bytes, name, o);
}

const std::vector<std::string> kHeader = {"Start Date", "Time", "Source of Information", "Event Details", "Action Taken",
                                          "Comment", "People", "Tags", "DASH", "Missed Opportunity"};

// tests/data/import/police.csv in the IMR template: a details table, then the chronology
// with a repeating header row, a year heading across the row, a cell of two paragraphs,
// a tracked deletion, a text box's fallback copy, and the header repeated after a page break.
std::string imrBody() {
    std::string details = wTable({wRow({"Agency", "Fernley Police"}), wRow({"IMR author", "DI Example"}),
                                  wRow({"Date of report", "01/06/2021"})},
                                 2);
    std::string rows;
    rows += wRow(kHeader, true);
    rows += wRow({wCell("2018", "<w:gridSpan w:val=\"10\"/>")});
    // Row 1: the what-happened cell carries a tracked deletion and a text box whose VML
    // fallback holds the same text again (Word writes both).
    std::string what1 =
        "<w:tc><w:tcPr/><w:p><w:r><w:t xml:space=\"preserve\">Neighbour called police after hearing shouting. </w:t></w:r>"
        "<w:del w:id=\"1\" w:author=\"IMR author\"><w:r><w:delText>Jo was drunk. </w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"IMR author\"><w:r><w:t xml:space=\"preserve\">Jo said Dale had pushed her, "
        "and that \"it was nothing\".</w:t></w:r></w:ins>"
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing/></mc:Choice><mc:Fallback><w:pict>"
        "<w:txbxContent><w:p><w:r><w:t>Text box copy</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p></w:tc>";
    rows += wRow({"14/09/2018", "22:40", "Police IMR 2.1", what1, "Dale arrested; DASH completed (medium).",
                  "No referral to the IDVA service was made.", "Jo; Dale", "incident; physical_abuse; arrest", "Medium",
                  "IDVA referral not made after a medium-risk DASH"});
    rows += wRow({wCell("2019", "<w:gridSpan w:val=\"10\"/>")});
    rows += wRow({"?03/2019", "", "Police IMR 2.2",
                  "Officers attended a report of a car blocking the road.\fDale was present and was spoken to about parking.",
                  "Words of advice.", "", "Dale", "", "", ""});
    rows += wRow(kHeader);   // the header typed again at the top of a new page
    rows += wRow({"3 May 2019", "2135", "Family statement (Maureen)",
                  "Maureen said Jo rang her in tears, saying Dale had taken her car keys and phone.", "", "",
                  "Jo and Maureen", "ccb_isolation; ccb_devices", "", ""});
    return test::wPara("Individual Management Review: Fernley Police") + details + test::wPara("Chronology") +
           wTable({rows}, 10);
}

}  // namespace

TEST_CASE("a Word IMR table imports the same events as the CSV of the same chronology", "[import][docx]") {
    TempDir dir("docx-imr");
    Case c = importCase();
    auto fromCsv = plan(c, readFile(fixture("police.csv")), "police.csv");
    REQUIRE(fromCsv.ok());
    std::string bytes = test::makeDocx(dir.file("imr.docx"), imrBody());
    auto p = plan(c, bytes, "imr.docx");
    INFO(errorsOf(p) << notesOf(p));
    REQUIRE(p.ok());
    CHECK(p.format == TableFormat::Docx);
    CHECK(p.source == "table 2");
    REQUIRE(p.added.size() == fromCsv.added.size());
    for (std::size_t i = 0; i < p.added.size(); ++i) {
        INFO(i);
        CHECK(p.added[i] == fromCsv.added[i]);
    }
    CHECK_THAT(p.added[0].what, !Catch::Contains("drunk") && !Catch::Contains("Text box"));   // deleted, and a duplicate
    CHECK(p.added[1].what.find('\n') != std::string::npos);   // two paragraphs, two lines
    CHECK_THAT(notesOf(p), Catch::Contains("header row repeated at row 6") &&
                               Catch::Contains("section headings (one cell across the row) at row 2, 4") &&
                               Catch::Contains("table 1") && Catch::Contains("not a chronology table"));

    SECTION("re-importing adds nothing") {
        applyImportPlan(c, p);
        auto again = plan(c, bytes, "imr.docx");
        REQUIRE(again.ok());
        CHECK(again.added.empty());
        CHECK(again.duplicates == 3);
    }
}

TEST_CASE("Word merged cells: vMerge holds a date down its rows - gridSpan places cells by column", "[import][docx]") {
    TempDir dir("docx-merge");
    Case c = importCase();
    std::string rows = wRow({"Date", "Event", "Action"});
    rows += wRow({wCell("02/06/2019", "<w:vMerge w:val=\"restart\"/>"), "Morning visit.", "None."});
    rows += wRow({wCell("", "<w:vMerge/>"), "Evening call.", "Advice."});
    rows += wRow({"03/06/2019", wCell("Seen; the entry runs across two columns.", "<w:gridSpan w:val=\"2\"/>")});
    std::string bytes = test::makeDocx(dir.file("m.docx"), wTable({rows}, 3));
    auto p = plan(c, bytes, "m.docx");
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 3);
    CHECK(p.added[1].date.toString() == "2019-06-02");
    CHECK(p.added[1].what == "Evening call.");
    CHECK(p.added[2].what == "Seen; the entry runs across two columns.");
    CHECK(p.added[2].action.empty());
}

TEST_CASE("a chronology split over several Word tables is read as one - differing tables ask for --sheet", "[import][docx]") {
    TempDir dir("docx-split");
    Case c = importCase();
    auto table = [](const std::vector<std::string>& header, const std::string& date, const std::string& what) {
        return wTable({wRow(header, true) + wRow({date, what})}, 2);
    };
    std::string split = table({"Date", "Event"}, "01/01/2020", "First part.") + test::wPara("") +
                        table({"Date", "Event"}, "01/02/2020", "Second part.");
    auto p = plan(c, test::makeDocx(dir.file("split.docx"), split), "split.docx");
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 2);
    CHECK(p.added[1].what == "Second part.");
    CHECK(p.source == "tables 1, 2");
    CHECK_THAT(notesOf(p), Catch::Contains("same header"));

    std::string differ = table({"Date", "Event"}, "01/01/2020", "Police.") + table({"Date", "Details", "Outcome"}, "01/02/2020", "GP.");
    std::string bytes = test::makeDocx(dir.file("differ.docx"), differ);
    auto q = plan(c, bytes, "differ.docx");
    REQUIRE_FALSE(q.ok());
    CHECK_THAT(errorsOf(q), Catch::Contains("different headers") && Catch::Contains("--sheet N") &&
                                Catch::Contains("table 2 ("));
    ChronologyImportOptions o;
    o.sheet = "2";
    auto second = plan(c, bytes, "differ.docx", o);
    INFO(errorsOf(second));
    REQUIRE(second.ok());
    CHECK(second.added[0].what == "GP.");
    o.sheet = "table 9";
    CHECK_THROWS_WITH(plan(c, bytes, "differ.docx", o), Catch::Contains("no table 'table 9'") && Catch::Contains("table 1: 2 rows"));
}

TEST_CASE("errors in a Word table name the table, row and column - a document without tables is refused", "[import][docx]") {
    TempDir dir("docx-errors");
    Case c = importCase();
    std::string rows = wRow({"Date", "Event"}) + wRow({"01/01/2020", "Fine."}) + wRow({"31/02/2020", "Bad date."});
    auto p = plan(c, test::makeDocx(dir.file("imr.docx"), test::wPara("Intro") + wTable({rows}, 2)), "imr.docx");
    REQUIRE_FALSE(p.ok());
    CHECK_THAT(errorsOf(p), Catch::Contains("imr.docx:table 1, row 3, column 1: error: '31/02/2020' is not a date"));
    CHECK_THROWS_WITH(plan(c, test::makeDocx(dir.file("none.docx"), test::wPara("Only text.")), "none.docx"),
                      Catch::Contains("no tables"));
}

TEST_CASE("cli: the same chronology as CSV, Excel and Word merges to the same events", "[import][docx][cli]") {
    TempDir dir("docx-cli");
    std::string path = dir.write("case.yaml", readFile(fixture("case.yaml")));
    std::string docx = dir.file("imr.docx");
    test::makeDocx(docx, imrBody());
    auto q = [](const std::string& s) { return "'" + s + "'"; };
    auto r = test::runCli("import chronology " + q(docx) + " --agency police --into " + q(path));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("Word document, table 2, header on row 1") && Catch::Contains("3 new events"));
    auto csv = test::runCli("import chronology " + q(fixture("police.csv")) + " --agency police --into " + q(path));
    CHECK(csv.exitCode == 0);
    CHECK_THAT(csv.out, Catch::Contains("0 new events, 3 rows already in the case"));
}
