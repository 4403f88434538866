// Importing agency chronology spreadsheets: every rule of the importer, on the
// fictional fixtures in tests/data/import.
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "core/import/chronology_cells.hpp"
#include "core/import/chronology_csv.hpp"
#include "core/publish/chronology_export.hpp"

#include <catch2/catch.hpp>

using namespace genochron;

namespace {

std::string fixture(const std::string& name) { return std::string(GENOCHRON_TEST_DATA) + "/import/" + name; }

Case importCase() {
    auto res = loadCaseFile(fixture("case.yaml"));
    INFO((res.diagnostics.items().empty() ? "" : formatDiagnostic(res.diagnostics.items().front())));
    REQUIRE(res.ok());
    return *res.model;
}

ImportPlan plan(const Case& c, const std::string& csv, const std::string& agency = "police",
                std::vector<std::pair<std::string, std::string>> map = {}) {
    ChronologyImportOptions o;
    o.agency = agency;
    o.map = std::move(map);
    return planChronologyImport(c, csv, "sheet.csv", o);
}

std::string errorsOf(const ImportPlan& p) {
    std::string s;
    for (auto& d : p.diagnostics.items()) s += formatDiagnostic(d) + "\n";
    return s;
}

const Diagnostic* firstError(const ImportPlan& p) {
    for (auto& d : p.diagnostics.items())
        if (d.severity == Severity::Error) return &d;
    return nullptr;
}

Date day(const char* s) { return *parseDate(s).date; }

}  // namespace

TEST_CASE("a Chronolator-style police sheet imports with every column understood", "[import]") {
    Case c = importCase();
    auto p = plan(c, readFile(fixture("police.csv")));
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 3);
    CHECK(p.rowsRead == 3);
    CHECK(p.duplicates == 0);

    const Event& a = p.added[0];
    CHECK(a.id == "e003");   // next free ids, in row order
    CHECK(a.date == day("2018-09-14"));
    CHECK(a.time == "22:40");
    CHECK(a.agency == "police");
    CHECK(a.source == Source::AgencyRecord);
    CHECK(a.sourceRef == "Police IMR 2.1");
    CHECK(a.what == "Neighbour called police after hearing shouting. Jo said Dale had pushed her, and that \"it was nothing\".");
    CHECK(a.action == "Dale arrested; DASH completed (medium).");
    CHECK(a.analysis == "No referral to the IDVA service was made.");
    CHECK(a.people == std::vector<std::string>{"jo", "dale"});
    CHECK(a.tags == std::vector<std::string>{"incident", "physical_abuse", "arrest"});
    CHECK(a.risk == Risk::Medium);
    CHECK(a.missedOpportunity == "IDVA referral not made after a medium-risk DASH");

    const Event& b = p.added[1];
    CHECK(b.id == "e004");
    CHECK(b.date.approximate());   // '?' marks an uncertain date
    CHECK(b.date.precision() == DatePrecision::Month);
    CHECK(b.date.first().month == 3);
    CHECK(b.what == "Officers attended a report of a car blocking the road.\nDale was present and was spoken to about parking.");
    CHECK_FALSE(b.risk);
    CHECK_FALSE(b.isMissedOpportunity());

    const Event& f = p.added[2];
    CHECK(f.date == day("2019-05-03"));
    CHECK(f.time == "21:35");
    CHECK(f.source == Source::Family);   // the source cell says family
    CHECK(f.agency == "police");         // still the police's record of it
    CHECK(f.people == std::vector<std::string>{"jo", "maureen"});   // "Jo and Maureen"
}

TEST_CASE("headers are matched ignoring case, spaces and punctuation", "[import]") {
    Case c = importCase();
    std::string csv = "START-DATE ,  source_of_information:,EVENT DETAILS,action taken,Reviewer comment,PERSONS,tags,Risk,"
                      "missed opportunity,End Date,TIME\n"
                      "01/06/2020,Ref 9,Something happened.,Advice given.,Panel view.,Dale,incident,high,yes,02/06/2020,09:05\n";
    auto p = plan(c, csv);
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 1);
    auto& e = p.added[0];
    CHECK(e.sourceRef == "Ref 9");
    CHECK(e.what == "Something happened.");
    CHECK(e.action == "Advice given.");
    CHECK(e.analysis == "Panel view.");
    CHECK(e.people == std::vector<std::string>{"dale"});
    CHECK(e.risk == Risk::High);
    CHECK(e.isMissedOpportunity());
    REQUIRE(e.end);
    CHECK(*e.end == day("2020-06-02"));
    CHECK(e.time == "09:05");
    for (auto& [h, f] : p.columns) CHECK_FALSE(f.empty());
}

TEST_CASE("other header names: Event Date, Details, Outcome, Comments, DASH", "[import]") {
    Case c = importCase();
    auto p = plan(c, "Event Date,Details,Outcome,Comments,DASH\n2020-06-01,Seen.,Nothing.,Noted.,standard\n");
    REQUIRE(p.ok());
    CHECK(p.added[0].what == "Seen.");
    CHECK(p.added[0].action == "Nothing.");
    CHECK(p.added[0].analysis == "Noted.");
    CHECK(p.added[0].risk == Risk::Standard);
}

TEST_CASE("import --map names columns the importer cannot guess", "[import]") {
    Case c = importCase();
    std::string csv = readFile(fixture("custom_headers.csv"));
    auto without = plan(c, csv, "idva");
    CHECK_FALSE(without.ok());   // no date column
    auto with = plan(c, csv, "idva", parseColumnMap("When=date, Narrative=what,Ref=source_ref,Who=people"));
    INFO(errorsOf(with));
    REQUIRE(with.ok());
    REQUIRE(with.added.size() == 2);
    CHECK(with.added[0].date == day("2019-10-01"));
    CHECK(with.added[0].sourceRef == "IDVA 1");
    CHECK(with.added[1].people == std::vector<std::string>{"jo"});   // "Amy" is Jo's pseudonym
    CHECK(with.added[1].agency == "idva");

    SECTION("a --map header the sheet does not have is an error") {
        auto bad = plan(c, csv, "idva", parseColumnMap("When=date,Narative=what"));
        REQUIRE_FALSE(bad.ok());
        CHECK_THAT(errorsOf(bad), Catch::Contains("'Narative'") && Catch::Contains("did you mean 'Narrative'"));
    }
    SECTION("a --map field that does not exist is refused") {
        CHECK_THROWS_WITH(parseColumnMap("When=dat"), Catch::Contains("did you mean 'date'"));
        CHECK_THROWS_WITH(parseColumnMap("When"), Catch::Contains("Header=field"));
    }
    SECTION("--map can ignore a column") {
        auto p = plan(c, "Date,Event,Details\n2020-01-01,Short.,Long text.\n", "police", parseColumnMap("Details=ignore"));
        REQUIRE(p.ok());
        CHECK(p.added[0].what == "Short.");
    }
}

TEST_CASE("UK dates, two-digit years, written months, ISO and '?' all import", "[import]") {
    Case c = importCase();
    std::string csv = "Date,Event\n"
                      "03/05/2019,a\n"
                      "3/5/19,b\n"
                      "3 May 2019,c\n"
                      "May 2019,d\n"
                      "2019-05-03,e\n"
                      "?03/05/2019,f\n"
                      "03/05/2019 21:35,g\n"
                      "03/05/2019 00:00,h\n"
                      "unknown,i\n";
    auto p = plan(c, csv);
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 9);
    for (int i : {0, 1, 2, 4, 6, 7}) CHECK(p.added[std::size_t(i)].date == day("2019-05-03"));
    CHECK(p.added[3].date.precision() == DatePrecision::Month);
    CHECK(p.added[5].date.approximate());
    CHECK(p.added[5].date.first().day == 3);
    CHECK(p.added[6].time == "21:35");   // Excel's date-and-time cell
    CHECK(p.added[7].time.empty());      // Excel's midnight means no time
    CHECK_FALSE(p.added[8].date.known());
}

TEST_CASE("times are normalised to HH:MM - a bad time is an error", "[import]") {
    using chron::normaliseTime;
    CHECK(normaliseTime("21:35") == "21:35");
    CHECK(normaliseTime("9:05") == "09:05");
    CHECK(normaliseTime("2135") == "21:35");
    CHECK(normaliseTime("21.35") == "21:35");
    CHECK(normaliseTime("21:35:59") == "21:35");
    CHECK(normaliseTime("9:05 pm") == "21:05");
    CHECK(normaliseTime("12:10am") == "00:10");
    CHECK_FALSE(normaliseTime("25:00"));
    CHECK_FALSE(normaliseTime("evening"));
    Case c = importCase();
    auto p = plan(c, "Date,Time,Event\n2020-01-01,late,x\n");
    REQUIRE_FALSE(p.ok());
    CHECK(firstError(p)->line == 2);
    CHECK(firstError(p)->column == 2);
}

TEST_CASE("a UTF-8 byte order mark, Windows line ends, empty trailing columns and blank lines", "[import]") {
    Case c = importCase();
    std::string bytes = readFile(fixture("gp_excel.csv"));
    REQUIRE(bytes.substr(0, 3) == "\xEF\xBB\xBF");
    REQUIRE(bytes.find("\r\n") != std::string::npos);
    auto p = plan(c, bytes, "gp");
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == 2);
    CHECK(p.rowsRead == 2);   // the blank line and the row of empty cells are not rows
    CHECK(p.added[0].date == day("2019-06-02"));   // "Date" still recognised after the BOM
    CHECK(p.added[0].sourceRef == "GP IMR 1.4");
    CHECK(p.added[0].what == "Jo asked for help with sleep, anxious, low mood.");
    CHECK(p.added[0].analysis == "Routine enquiry not made, although the injury in 2017 was on file.");
    CHECK(p.added[1].date == day("2019-07-15"));
    for (auto& d : p.diagnostics.items()) CHECK(d.code != "column-not-imported");   // empty headers are silent

    SECTION("the same sheet without BOM and with LF line ends imports the same") {
        std::string lf = bytes.substr(3);
        for (std::size_t at; (at = lf.find("\r\n")) != std::string::npos;) lf.replace(at, 2, "\n");
        auto q = plan(c, lf, "gp");
        REQUIRE(q.ok());
        REQUIRE(q.added.size() == p.added.size());
        for (std::size_t i = 0; i < q.added.size(); ++i) CHECK(q.added[i] == p.added[i]);
    }
}

TEST_CASE("line breaks typed in a cell on Windows become plain line breaks", "[import]") {
    Case c = importCase();
    auto p = plan(c, "Date,Event\r\n01/01/2020,\"first line\r\nsecond line\"\r\n");
    REQUIRE(p.ok());
    CHECK(p.added[0].what == "first line\nsecond line");
}

TEST_CASE("UTF-16 with a BOM and Windows-1252 sheets are converted to UTF-8", "[import]") {
    Case c = importCase();
    SECTION("UTF-16 little-endian") {
        std::string u8 = "Date,Event\r\n01/01/2020,Caf\xC3\xA9 visit\r\n";
        std::string u16 = "\xFF\xFE";
        for (unsigned char ch : std::string("Date,Event\r\n01/01/2020,Caf")) u16 += char(ch), u16 += '\0';
        u16 += "\xE9";
        u16 += '\0';
        for (unsigned char ch : std::string(" visit\r\n")) u16 += char(ch), u16 += '\0';
        auto p = plan(c, u16);
        INFO(errorsOf(p));
        REQUIRE(p.ok());
        CHECK(p.added[0].what == "Caf\xC3\xA9 visit");
        CHECK_THAT(p.notes.front(), Catch::Contains("UTF-16"));
    }
    SECTION("Windows-1252 from Excel's plain CSV") {
        auto p = plan(c, readFile(fixture("windows1252.csv")));
        REQUIRE(p.ok());
        CHECK(p.added[0].what == "\u201cDale\u2019s\u201d bank card used for \u00a3300 without Jo knowing.");
        CHECK_THAT(p.notes.front(), Catch::Contains("Windows-1252"));
    }
    SECTION("UTF-16 without a BOM is refused, not garbled") {
        std::string u16;
        for (unsigned char ch : std::string("Date,Event\n")) u16 += char(ch), u16 += '\0';
        CHECK_THROWS_WITH(plan(c, u16), Catch::Contains("CSV UTF-8"));
    }
}

TEST_CASE("quoted cells keep their commas, quotes and line breaks - rows are numbered by file line", "[import]") {
    Case c = importCase();
    std::string csv = "Date,Event,Source\n"
                      "01/01/2020,\"One, two, \"\"three\"\"\",Ref 1\n"
                      "02/01/2020,\"a\nb\nc\",Ref 2\n"
                      "not a date,x,Ref 3\n";
    auto p = plan(c, csv);
    REQUIRE_FALSE(p.ok());
    const Diagnostic* e = firstError(p);
    REQUIRE(e);
    CHECK(e->line == 6);   // the third record starts on line 6, after a three-line cell
    CHECK(e->column == 1);
    CHECK(p.added.empty());
    auto ok = plan(c, csv.substr(0, csv.find("not a date")));
    REQUIRE(ok.ok());
    CHECK(ok.added[0].what == "One, two, \"three\"");
    CHECK(ok.added[1].what == "a\nb\nc");
}

TEST_CASE("an unterminated quote is reported where it starts", "[import]") {
    Case c = importCase();
    CHECK_THROWS_WITH(plan(c, "Date,Event\n01/01/2020,fine\n02/01/2020,\"never closed\n03/01/2020,x\n"),
                      Catch::Contains("sheet.csv:3:2:") && Catch::Contains("never ends"));
}

TEST_CASE("importing the same sheet again adds nothing", "[import]") {
    Case c = importCase();
    std::string csv = readFile(fixture("police.csv"));
    auto first = plan(c, csv);
    REQUIRE(first.ok());
    applyImportPlan(c, first);
    REQUIRE(c.events.size() == 5);
    auto again = plan(c, csv);
    REQUIRE(again.ok());
    CHECK(again.added.empty());
    CHECK(again.duplicates == 3);

    SECTION("case, spacing and punctuation changes are still the same event") {
        std::string edited = csv;
        auto at = edited.find("Neighbour called police");
        edited.replace(at, 23, "NEIGHBOUR  called   police");
        auto p = plan(c, edited);
        REQUIRE(p.ok());
        CHECK(p.added.empty());
        CHECK(p.duplicates == 3);
    }
    SECTION("a new row among old ones is the only one added, with the next free id") {
        std::string more = csv + "01/01/2020,,Police IMR 2.9,A new entry.,,,,,,\n";
        auto p = plan(c, more);
        REQUIRE(p.ok());
        REQUIRE(p.added.size() == 1);
        CHECK(p.added[0].id == "e006");
        CHECK(p.duplicates == 3);
    }
}

TEST_CASE("a bad date in row 7 names row 7 and imports nothing", "[import]") {
    Case c = importCase();
    auto p = plan(c, readFile(fixture("bad_date_row7.csv")));
    REQUIRE_FALSE(p.ok());
    CHECK(p.added.empty());
    const Diagnostic* e = firstError(p);
    REQUIRE(e);
    CHECK(e->line == 7);
    CHECK(e->column == 1);
    CHECK_THAT(formatDiagnostic(*e), Catch::StartsWith("sheet.csv:7:1: error:") && Catch::Contains("31/02/2020"));
    CHECK_THROWS(applyImportPlan(c, p));
    CHECK(c.events.size() == 2);
}

TEST_CASE("an unknown agency is refused with the nearest id", "[import]") {
    Case c = importCase();
    CHECK_THROWS_WITH(plan(c, readFile(fixture("police.csv")), "polce"),
                      Catch::Contains("'polce'") && Catch::Contains("did you mean 'police'"));
    auto p = plan(c, readFile(fixture("police.csv")), "");
    REQUIRE_FALSE(p.ok());
    CHECK_THAT(errorsOf(p), Catch::Contains("--agency"));
}

TEST_CASE("an unknown person is an error with its row - people match by id, name, alias, pseudonym", "[import]") {
    Case c = importCase();
    auto p = plan(c, readFile(fixture("unknown_person.csv")));
    REQUIRE_FALSE(p.ok());
    CHECK(p.added.empty());
    CHECK_THAT(errorsOf(p), Catch::Contains("sheet.csv:3:3: error: unknown person 'Stacey'"));

    auto q = plan(c, "Date,Event,People\n2020-01-01,x,\"jo, Dale Fenwick; jojo / Carol\"\n");
    INFO(errorsOf(q));
    REQUIRE(q.ok());
    CHECK(q.added[0].people == std::vector<std::string>{"jo", "dale", "maureen"});
}

TEST_CASE("sheets without rows, headers or a date column get a clear error", "[import]") {
    Case c = importCase();
    auto check = [&](const char* file, const char* words) {
        auto p = plan(c, readFile(fixture(file)));
        INFO(file);
        REQUIRE_FALSE(p.ok());
        CHECK_THAT(errorsOf(p), Catch::Contains(words));
        CHECK(p.added.empty());
    };
    check("empty.csv", "the sheet is empty");
    check("header_only.csv", "no rows");
    check("no_header.csv", "not headers");
    check("no_date_column.csv", "no date column");
}

TEST_CASE("risk, missed opportunity, tags and source kinds read the ways people write them", "[import]") {
    using chron::sourceFromText;
    CHECK(sourceFromText("Family statement") == Source::Family);
    CHECK(sourceFromText("Sophie (friend), interview") == Source::Friend);
    CHECK(sourceFromText("Friends of the victim") == Source::Friend);
    CHECK(sourceFromText("Police IMR 3.1") == Source::AgencyRecord);
    CHECK(sourceFromText("Familyliaison log") == Source::AgencyRecord);   // whole words only
    Case c = importCase();
    auto p = plan(c, "Date,Event,Risk,Missed Opportunity,Tags\n"
                     "2020-01-01,a,MEDIUM risk,No,Routine enquiry not asked\n"
                     "2020-01-02,b,Low,Y,made_up_tag\n"
                     "2020-01-03,c,n/a,,\n");
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    CHECK(p.added[0].risk == Risk::Medium);
    CHECK_FALSE(p.added[0].isMissedOpportunity());
    CHECK(p.added[0].tags == std::vector<std::string>{"routine_enquiry_not_asked"});
    CHECK(p.added[1].risk == Risk::Standard);   // with a warning
    CHECK(p.added[1].isMissedOpportunity());
    CHECK(p.added[1].tags == std::vector<std::string>{"made_up_tag"});   // kept, warned
    CHECK_FALSE(p.added[2].risk);
    CHECK_THAT(errorsOf(p), Catch::Contains("warning: 'Low' read as standard") && Catch::Contains("'made_up_tag'"));
    auto bad = plan(c, "Date,Event,Risk\n2020-01-01,a,very\n");
    CHECK_FALSE(bad.ok());
}

TEST_CASE("export writes RFC 4180 CSV that imports back to the same events", "[import]") {
    auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/ashford-dhr.yaml");
    REQUIRE(res.ok());
    Case full = *res.model;
    std::string csv = chronologyToCsv(ViewCase::named(full));
    CHECK(csv.substr(0, 3) == "id,");   // no BOM
    CHECK(csv.find("\r\n") != std::string::npos);

    Case empty = full;
    empty.events.clear();
    for (auto& r : empty.recommendations) r.addresses.clear();
    ChronologyImportOptions o;   // no --agency: the sheet's agency column says
    auto p = planChronologyImport(empty, csv, "export.csv", o);
    INFO(errorsOf(p));
    REQUIRE(p.ok());
    REQUIRE(p.added.size() == full.events.size());
    for (auto& e : p.added) {
        const Event* orig = full.event(e.id);
        REQUIRE(orig);
        INFO(e.id);
        CHECK(e.date == orig->date);
        CHECK(e.time == orig->time);
        CHECK(e.end == orig->end);
        CHECK(e.agency == orig->agency);
        CHECK(e.source == orig->source);
        CHECK(e.sourceRef == orig->sourceRef);
        CHECK(e.people == orig->people);
        CHECK(e.what == orig->what);
        CHECK(e.action == orig->action);
        CHECK(e.analysis == orig->analysis);
        CHECK(e.tags == orig->tags);
        CHECK(e.risk == orig->risk);
        CHECK(e.missedOpportunity == orig->missedOpportunity);
        CHECK(e.sharedWith == orig->sharedWith);
        CHECK(e.disputedBy == orig->disputedBy);
        CHECK(e.publish == orig->publish);
    }
}

TEST_CASE("export quotes what it must, guards formulas, and numbers missed opportunities", "[import]") {
    CHECK(csvCell("plain") == "plain");
    CHECK(csvCell("a, b") == "\"a, b\"");
    CHECK(csvCell("say \"no\"") == "\"say \"\"no\"\"\"");
    CHECK(csvCell("two\nlines") == "\"two\r\nlines\"");
    CHECK(csvCell("=SUM(A1)") == "'=SUM(A1)");
    CHECK(csvCell("-3 days") == "'-3 days");
    CHECK(csvCell("") == "");

    Case c = importCase();
    c.events[0].what = "=HYPERLINK(\"x\")";
    c.events[0].missedOpportunity = "No routine enquiry";
    std::string csv = chronologyToCsv(ViewCase::named(c));
    CHECK_THAT(csv, Catch::Contains("\"'=HYPERLINK(\"\"x\"\")\""));
    CHECK_THAT(csv, Catch::Contains(",MO1,"));
    Case back = c;
    back.events.clear();
    auto p = planChronologyImport(back, csv, "x.csv", {});
    REQUIRE(p.ok());
    CHECK(p.added[0].what == "=HYPERLINK(\"x\")");   // the guard comes off again
}

TEST_CASE("anonymised export draws only on the anonymised case", "[import]") {
    auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/ashford-dhr.yaml");
    REQUIRE(res.ok());
    const AnonymisedCase anon = anonymise(*res.model);
    std::string csv = chronologyToCsv(anon);
    for (auto& p : res.model->people)
        if (!p.name.empty()) CHECK_THAT(csv, !Catch::Contains(p.name));
    for (auto& e : res.model->events)
        if (!e.publish) CHECK_THAT(csv, !Catch::Contains(e.what.substr(0, 40)));
}
