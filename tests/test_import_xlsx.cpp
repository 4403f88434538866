// Importing agency chronologies sent as Excel workbooks: workbooks built here with
// libxlsxwriter (title rows, real date cells, rich text, merged and hidden cells, several
// sheets), read to the same events as the same chronology in CSV.
#include "core/import/cell_table.hpp"
#include "core/import/chronology_csv.hpp"
#include "core/import/detail/readers.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "import_support.hpp"

#include <catch2/catch.hpp>

using namespace genochron;
using genochron::test::TempDir;

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

lxw_datetime dt(int y, int m, int d, int h = 0, int min = 0) { return lxw_datetime{y, m, d, h, min, 0}; }

const char* kWhat1 = "Neighbour called police after hearing shouting. Jo said Dale had pushed her, and that \"it was nothing\".";
const char* kWhat2 = "Officers attended a report of a car blocking the road.\nDale was present and was spoken to about parking.";
const char* kWhat3 = "Maureen said Jo rang her in tears, saying Dale had taken her car keys and phone.";

// tests/data/import/police.csv as a police analyst would send it from Excel: a merged
// title row and a notes row above the header, dates as date cells, times as time cells,
// a rich-text cell, an uncertain date kept as text.
void policeSheet(lxw_workbook* wb, lxw_worksheet* ws, bool richText = true) {
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* ukDate = workbook_add_format(wb);
    format_set_num_format(ukDate, "dd/mm/yyyy");
    lxw_format* longDate = workbook_add_format(wb);
    format_set_num_format(longDate, "[$-809]d mmmm yyyy;@");
    lxw_format* time = workbook_add_format(wb);
    format_set_num_format(time, "hh:mm");
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);

    worksheet_merge_range(ws, 0, 0, 0, 9, "Fernley Police: chronology for the Domestic Homicide Review", bold);
    worksheet_write_string(ws, 1, 0, "Prepared by the IMR author. OFFICIAL-SENSITIVE.", nullptr);
    const char* headers[] = {"Start Date", "Time", "Source of Information", "Event Details", "Action Taken",
                             "Comment", "People", "Tags", "DASH", "Missed Opportunity"};
    for (int i = 0; i < 10; ++i) worksheet_write_string(ws, 3, lxw_col_t(i), headers[i], bold);

    auto d1 = dt(2018, 9, 14);
    worksheet_write_datetime(ws, 4, 0, &d1, ukDate);
    auto t1 = dt(0, 0, 0, 22, 40);
    worksheet_write_datetime(ws, 4, 1, &t1, time);
    worksheet_write_string(ws, 4, 2, "Police IMR 2.1", nullptr);
    if (richText) {
        lxw_rich_string_tuple a = {bold, const_cast<char*>("Neighbour called police")};
        lxw_rich_string_tuple b = {nullptr, const_cast<char*>(" after hearing shouting. Jo said Dale had pushed her, "
                                                              "and that \"it was nothing\".")};
        lxw_rich_string_tuple* frags[] = {&a, &b, nullptr};
        worksheet_write_rich_string(ws, 4, 3, frags, nullptr);
    } else {
        worksheet_write_string(ws, 4, 3, kWhat1, nullptr);
    }
    worksheet_write_string(ws, 4, 4, "Dale arrested; DASH completed (medium).", nullptr);
    worksheet_write_string(ws, 4, 5, "No referral to the IDVA service was made.", nullptr);
    worksheet_write_string(ws, 4, 6, "Jo; Dale", nullptr);
    worksheet_write_string(ws, 4, 7, "incident; physical_abuse; arrest", nullptr);
    worksheet_write_string(ws, 4, 8, "Medium", nullptr);
    worksheet_write_string(ws, 4, 9, "IDVA referral not made after a medium-risk DASH", nullptr);

    worksheet_write_string(ws, 5, 0, "?03/2019", nullptr);
    worksheet_write_string(ws, 5, 2, "Police IMR 2.2", nullptr);
    worksheet_write_string(ws, 5, 3, kWhat2, wrap);
    worksheet_write_string(ws, 5, 4, "Words of advice.", nullptr);
    worksheet_write_string(ws, 5, 6, "Dale", nullptr);

    auto d3 = dt(2019, 5, 3);
    worksheet_write_datetime(ws, 6, 0, &d3, longDate);
    auto t3 = dt(0, 0, 0, 21, 35);
    worksheet_write_datetime(ws, 6, 1, &t3, time);
    worksheet_write_string(ws, 6, 2, "Family statement (Maureen)", nullptr);
    worksheet_write_string(ws, 6, 3, kWhat3, nullptr);
    worksheet_write_string(ws, 6, 6, "Jo and Maureen", nullptr);
    worksheet_write_string(ws, 6, 7, "ccb_isolation; ccb_devices", nullptr);
}

std::string policeWorkbook(const TempDir& dir, const std::string& name = "police.xlsx", bool constantMemory = false) {
    return test::makeXlsx(dir.file(name), [&](lxw_workbook* wb) {
        policeSheet(wb, workbook_add_worksheet(wb, "Chronology"), !constantMemory);
    }, constantMemory);
}

readers::ExcelDateStyle dayStyle() { return readers::excelDateStyle(14, ""); }

}  // namespace

TEST_CASE("an Excel workbook with a title row and real date cells imports the same events as its CSV", "[import][xlsx]") {
    TempDir dir("xlsx-police");
    Case c = importCase();
    auto fromCsv = plan(c, readFile(fixture("police.csv")), "police.csv");
    REQUIRE(fromCsv.ok());
    std::string bytes = policeWorkbook(dir);
    auto p = plan(c, bytes, "police.xlsx");
    INFO(errorsOf(p) << notesOf(p));
    REQUIRE(p.ok());
    CHECK(p.format == TableFormat::Xlsx);
    CHECK(p.headerRow == 4);   // found under the merged title and the notes row
    CHECK_THAT(notesOf(p), Catch::Contains("the header is row 4") && Catch::Contains("Fernley Police"));
    REQUIRE(p.added.size() == fromCsv.added.size());
    for (std::size_t i = 0; i < p.added.size(); ++i) {
        INFO(i);
        CHECK(p.added[i] == fromCsv.added[i]);
    }
    CHECK(p.added[0].what == kWhat1);   // the rich-text runs joined
    CHECK(p.added[0].time == "22:40");  // a time cell
    CHECK(p.added[1].date.approximate());
    CHECK(p.added[2].date.toString() == "2019-05-03");   // custom format "[$-809]d mmmm yyyy;@"

    SECTION("inline strings (constant-memory writers) read the same as shared strings") {
        auto q = plan(c, policeWorkbook(dir, "inline.xlsx", true), "inline.xlsx");
        INFO(errorsOf(q));
        REQUIRE(q.ok());
        REQUIRE(q.added.size() == p.added.size());
        for (std::size_t i = 0; i < q.added.size(); ++i) CHECK(q.added[i] == p.added[i]);
    }
    SECTION("imported once, neither the workbook nor the CSV adds anything again") {
        applyImportPlan(c, p);
        auto again = plan(c, bytes, "police.xlsx");
        REQUIRE(again.ok());
        CHECK(again.added.empty());
        CHECK(again.duplicates == 3);
        auto csv = plan(c, readFile(fixture("police.csv")), "police.csv");
        REQUIRE(csv.ok());
        CHECK(csv.added.empty());
    }
}

TEST_CASE("Excel serial dates: 1900 and 1904 systems, the phantom 29 February 1900, times", "[import][xlsx]") {
    using readers::excelSerialText;
    CHECK(excelSerialText(43588, false, dayStyle()) == "2019-05-03");
    CHECK(excelSerialText(43588 - 1462, true, dayStyle()) == "2019-05-03");   // 1904 system: 1,462 days fewer
    CHECK(excelSerialText(1, false, dayStyle()) == "1900-01-01");
    CHECK(excelSerialText(59, false, dayStyle()) == "1900-02-28");
    CHECK(excelSerialText(60, false, dayStyle()) == "29/02/1900");   // Lotus's day that never was: the date rules refuse it
    CHECK(excelSerialText(61, false, dayStyle()) == "1900-03-01");
    CHECK(excelSerialText(0, true, dayStyle()) == "1904-01-01");
    CHECK(excelSerialText(43588.899305555555, false, readers::excelDateStyle(22, "")) == "2019-05-03 21:35");
    CHECK(excelSerialText(43588.0, false, readers::excelDateStyle(22, "")) == "2019-05-03");   // midnight: no time
    CHECK(excelSerialText(0.5, false, readers::excelDateStyle(20, "")) == "12:00");
    CHECK(excelSerialText(0.99999999, false, readers::excelDateStyle(0, "hh:mm")) == "00:00");
    CHECK(excelSerialText(43588, false, readers::excelDateStyle(0, "mmm yyyy")) == "2019-05");
    CHECK(excelSerialText(43588, false, readers::excelDateStyle(0, "yyyy")) == "2019");
    CHECK_FALSE(excelSerialText(-1, false, dayStyle()));
    CHECK_FALSE(excelSerialText(3e6, false, dayStyle()));

    using readers::excelDateStyle;
    CHECK(excelDateStyle(0, "[$-809]dd mmmm yyyy;@").isDate);
    CHECK(excelDateStyle(0, "\"Date: \"dd/mm/yy").hasDay);
    CHECK(excelDateStyle(0, "hh:mm AM/PM").hasTime);
    CHECK_FALSE(excelDateStyle(0, "hh:mm AM/PM").hasMonth);
    CHECK_FALSE(excelDateStyle(0, "0.00").isDate);
    CHECK_FALSE(excelDateStyle(0, "General").isDate);
    CHECK_FALSE(excelDateStyle(0, "[h]:mm").isDate);        // a duration
    CHECK_FALSE(excelDateStyle(0, "[Red]0;[Blue]-0").isDate);
    CHECK_FALSE(excelDateStyle(0, "\"day\" 0").isDate);      // quoted letters are not a format
    CHECK_FALSE(excelDateStyle(2, "").isDate);
    CHECK(excelDateStyle(17, "").hasMonth);
    CHECK_FALSE(excelDateStyle(17, "").hasDay);
}

TEST_CASE("a workbook saved in the 1904 date system reads its dates right", "[import][xlsx]") {
    TempDir dir("xlsx-1904");
    Case c = importCase();
    // libxlsxwriter writes 1900 serials; shift the numbers and mark the workbook 1904.
    std::string path = dir.file("mac.xlsx");
    test::makeXlsx(path, [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
        lxw_format* f = workbook_add_format(wb);
        format_set_num_format(f, "dd/mm/yyyy");
        worksheet_write_string(ws, 0, 0, "Date", nullptr);
        worksheet_write_string(ws, 0, 1, "Event", nullptr);
        worksheet_write_number(ws, 1, 0, 43588 - 1462, f);
        worksheet_write_string(ws, 1, 1, "Seen at the surgery.", nullptr);
    });
    std::string bytes = test::editZip(path, "xl/workbook.xml", [](std::string xml) {
        auto at = xml.find("<workbookPr");
        REQUIRE(at != std::string::npos);
        xml.insert(at + 11, " date1904=\"1\"");
        return xml;
    });
    auto p = plan(c, bytes, "mac.xlsx");
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    CHECK(p.added[0].date.toString() == "2019-05-03");
    CHECK_THAT(notesOf(p), Catch::Contains("1904"));
}

TEST_CASE("merged cells: a date merged down holds for each row - a row merged across is a heading", "[import][xlsx]") {
    TempDir dir("xlsx-merge");
    Case c = importCase();
    std::string bytes = test::makeXlsx(dir.file("m.xlsx"), [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
        lxw_format* f = workbook_add_format(wb);
        format_set_num_format(f, "dd/mm/yyyy");
        const char* h[] = {"Date", "Source", "Event", "Action"};
        for (int i = 0; i < 4; ++i) worksheet_write_string(ws, 0, lxw_col_t(i), h[i], nullptr);
        worksheet_merge_range(ws, 1, 0, 1, 3, "2019", nullptr);   // a section heading row
        worksheet_merge_range(ws, 2, 0, 3, 0, "", f);
        auto d = dt(2019, 6, 2);
        worksheet_write_datetime(ws, 2, 0, &d, f);
        worksheet_write_string(ws, 2, 1, "Ref 1", nullptr);
        worksheet_write_string(ws, 2, 2, "Morning visit.", nullptr);
        worksheet_write_string(ws, 3, 1, "Ref 2", nullptr);
        worksheet_write_string(ws, 3, 2, "Evening call.", nullptr);
    });
    auto p = plan(c, bytes, "m.xlsx");
    INFO(errorsOf(p) << notesOf(p));
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 2);
    CHECK(p.added[0].date.toString() == "2019-06-02");
    CHECK(p.added[1].date.toString() == "2019-06-02");
    CHECK(p.added[1].what == "Evening call.");
    CHECK_THAT(notesOf(p), Catch::Contains("merged down") && Catch::Contains("A3:A4") &&
                               Catch::Contains("section heading") && Catch::Contains("'2019'"));
}

TEST_CASE("several sheets: the chronology sheet is chosen, or --sheet - a clear error lists them", "[import][xlsx]") {
    TempDir dir("xlsx-sheets");
    Case c = importCase();
    auto simple = [](lxw_worksheet* ws, const char* what) {
        worksheet_write_string(ws, 0, 0, "Date", nullptr);
        worksheet_write_string(ws, 0, 1, "Event", nullptr);
        worksheet_write_string(ws, 1, 0, "01/02/2020", nullptr);
        worksheet_write_string(ws, 1, 1, what, nullptr);
    };
    std::string one = test::makeXlsx(dir.file("one.xlsx"), [&](lxw_workbook* wb) {
        lxw_worksheet* notes = workbook_add_worksheet(wb, "Notes");
        worksheet_write_string(notes, 0, 0, "Read me first", nullptr);
        simple(workbook_add_worksheet(wb, "Police chronology"), "From the chronology sheet.");
        lxw_worksheet* lookup = workbook_add_worksheet(wb, "Lookup");
        simple(lookup, "From a hidden sheet.");
        worksheet_hide(lookup);
    });
    auto p = plan(c, one, "one.xlsx");
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 1);
    CHECK(p.added[0].what == "From the chronology sheet.");
    CHECK(p.source == "sheet 'Police chronology'");
    CHECK_THAT(notesOf(p), Catch::Contains("sheet 'Lookup' is hidden"));

    ChronologyImportOptions o;
    o.sheet = "lookup";   // names are matched ignoring case; hidden sheets can be asked for
    auto hidden = plan(c, one, "one.xlsx", o);
    REQUIRE(hidden.ok());
    CHECK(hidden.added[0].what == "From a hidden sheet.");

    std::string two = test::makeXlsx(dir.file("two.xlsx"), [&](lxw_workbook* wb) {
        simple(workbook_add_worksheet(wb, "2019"), "From 2019.");
        simple(workbook_add_worksheet(wb, "2020"), "From 2020.");
    });
    auto both = plan(c, two, "two.xlsx");
    REQUIRE_FALSE(both.ok());
    CHECK_THAT(errorsOf(both), Catch::Contains("several sheets look like chronologies") && Catch::Contains("'2019'") &&
                                   Catch::Contains("'2020'") && Catch::Contains("--sheet"));
    o.sheet = "2";   // a number counts sheets in workbook order
    auto second = plan(c, two, "two.xlsx", o);
    REQUIRE(second.ok());
    CHECK(second.added[0].what == "From 2020.");
    o.sheet = "2021";
    CHECK_THROWS_WITH(plan(c, two, "two.xlsx", o), Catch::Contains("no sheet '2021'") && Catch::Contains("1. '2019'"));
}

TEST_CASE("hidden rows and columns are imported and listed, or left out with --skip-hidden", "[import][xlsx]") {
    TempDir dir("xlsx-hidden");
    Case c = importCase();
    std::string bytes = test::makeXlsx(dir.file("h.xlsx"), [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
        const char* h[] = {"Date", "Event", "Internal note"};
        for (int i = 0; i < 3; ++i) worksheet_write_string(ws, 0, lxw_col_t(i), h[i], nullptr);
        for (int r = 1; r <= 3; ++r) {
            worksheet_write_string(ws, lxw_row_t(r), 0, ("0" + std::to_string(r) + "/03/2020").c_str(), nullptr);
            worksheet_write_string(ws, lxw_row_t(r), 1, ("Entry " + std::to_string(r)).c_str(), nullptr);
            worksheet_write_string(ws, lxw_row_t(r), 2, "note", nullptr);
        }
        lxw_row_col_options hide{};
        hide.hidden = 1;
        worksheet_set_row_opt(ws, 2, LXW_DEF_ROW_HEIGHT, nullptr, &hide);
        worksheet_set_column_opt(ws, 2, 2, 10, nullptr, &hide);
    });
    auto p = plan(c, bytes, "h.xlsx");
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    CHECK(p.added.size() == 3);
    CHECK_THAT(notesOf(p), Catch::Contains("1 row is hidden in Excel (3)") && Catch::Contains("column C is hidden"));
    REQUIRE(p.added[1].extras.size() == 1);   // "Internal note" is no field: kept
    CHECK(p.added[1].extras[0] == std::pair<std::string, std::string>("Internal note", "note"));

    ChronologyImportOptions o;
    o.skipHidden = true;
    auto q = plan(c, bytes, "h.xlsx", o);
    REQUIRE(q.ok());
    REQUIRE(q.added.size() == 2);
    CHECK(q.added[1].what == "Entry 3");
    CHECK(q.added[0].extras.empty());
}

TEST_CASE("errors in a workbook name the file, the sheet and the cell", "[import][xlsx]") {
    TempDir dir("xlsx-errors");
    Case c = importCase();
    std::string bytes = test::makeXlsx(dir.file("police.xlsx"), [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Police 2019");
        worksheet_write_string(ws, 0, 0, "Chronology", nullptr);
        worksheet_write_string(ws, 1, 0, "Event", nullptr);
        worksheet_write_string(ws, 1, 1, "Date", nullptr);
        worksheet_write_string(ws, 1, 2, "People", nullptr);
        worksheet_write_string(ws, 2, 0, "Fine.", nullptr);
        worksheet_write_string(ws, 2, 1, "01/01/2020", nullptr);
        worksheet_write_string(ws, 3, 0, "Not fine.", nullptr);
        worksheet_write_number(ws, 3, 1, 43588, nullptr);   // a date cell left in General format
        worksheet_write_string(ws, 4, 0, "Who?", nullptr);
        worksheet_write_string(ws, 4, 1, "02/01/2020", nullptr);
        worksheet_write_string(ws, 4, 2, "Stacey", nullptr);
    });
    auto p = plan(c, bytes, "police.xlsx");
    REQUIRE_FALSE(p.ok());
    CHECK(p.added.empty());
    std::string e = errorsOf(p);
    CHECK_THAT(e, Catch::Contains("police.xlsx:'Police 2019'!B4: error: '43588' is not a date") &&
                      Catch::Contains("Excel date shown as a number"));
    CHECK_THAT(e, Catch::Contains("police.xlsx:'Police 2019'!C5: error: unknown person 'Stacey'"));
}

TEST_CASE("numbers, booleans and formulas read as Excel shows them", "[import][xlsx]") {
    TempDir dir("xlsx-values");
    Case c = importCase();
    std::string bytes = test::makeXlsx(dir.file("v.xlsx"), [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
        worksheet_write_string(ws, 0, 0, "Date", nullptr);
        worksheet_write_string(ws, 0, 1, "Event", nullptr);
        worksheet_write_string(ws, 0, 2, "Ref", nullptr);
        worksheet_write_string(ws, 0, 3, "Flag", nullptr);
        worksheet_write_string(ws, 1, 0, "2020-01-01", nullptr);
        worksheet_write_formula_str(ws, 1, 1, "=\"Seen\"&\" twice\"", nullptr, "Seen twice");
        worksheet_write_number(ws, 1, 2, 12, nullptr);
        worksheet_write_boolean(ws, 1, 3, 1, nullptr);
    });
    auto p = plan(c, bytes, "v.xlsx");
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    CHECK(p.added[0].what == "Seen twice");   // the formula's cached value
    REQUIRE(p.added[0].extras.size() == 2);
    CHECK(p.added[0].extras[0].second == "12");
    CHECK(p.added[0].extras[1].second == "TRUE");
}

TEST_CASE("the reader is chosen by content, not by the file's name", "[import][xlsx]") {
    TempDir dir("xlsx-detect");
    Case c = importCase();
    std::string bytes = policeWorkbook(dir);
    auto p = plan(c, bytes, "police.csv");   // a workbook with the wrong extension
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    CHECK(p.format == TableFormat::Xlsx);
    CHECK(p.added.size() == 3);

    CHECK(detectTableFormat("Date,Event\n", "x.xlsx") == TableFormat::Csv);
    CHECK_THROWS_WITH(detectTableFormat(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'), "x.xls"),
                      Catch::Contains("97-2003") && Catch::Contains(".xlsx"));
    CHECK_THROWS_WITH(detectTableFormat("%PDF-1.7\n", "x.pdf"), Catch::Contains("PDF"));
    std::string other = test::makeZip(dir.file("other.zip"), {{"readme.txt", "hello"}});
    CHECK_THROWS_WITH(detectTableFormat(other, "other.zip"), Catch::Contains("not an Excel workbook or a Word document"));
    CHECK_THROWS_WITH(detectTableFormat(bytes.substr(0, bytes.size() / 2), "cut.xlsx"), Catch::Contains("cut.xlsx"));
}

TEST_CASE("cli: import chronology of a workbook prints the mapping and merges like the CSV", "[import][xlsx][cli]") {
    TempDir dir("xlsx-cli");
    std::string path = dir.write("case.yaml", readFile(fixture("case.yaml")));
    std::string xlsx = dir.file("police.xlsx");
    policeWorkbook(dir);
    auto q = [](const std::string& s) { return "'" + s + "'"; };
    auto r = test::runCli("import chronology " + q(xlsx) + " --agency police --into " + q(path));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("Excel workbook, sheet Chronology, header on row 4") &&
                          Catch::Contains("'Start Date' -> date") && Catch::Contains("'DASH' -> risk") &&
                          Catch::Contains("3 new events"));
    auto csv = test::runCli("import chronology " + q(fixture("police.csv")) + " --agency police --into " + q(path));
    CHECK(csv.exitCode == 0);
    CHECK_THAT(csv.out, Catch::Contains("0 new events, 3 rows already in the case"));
}
