// `import gedcom`: GEDCOM 5.5.1 and 7.0 family trees (fixtures in tests/data/gedcom, wholly
// fictional, each holding every construct the importer reads), their encodings, dates, the
// FAMC/FAMS reconciliation, and merging into an existing case by gedcom_id.
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/import/gedcom.hpp"
#include "core/io/case_io.hpp"
#include "import_support.hpp"

#include <catch2/catch.hpp>
#include <glib.h>

using namespace genochron;
using namespace genochron::test;

namespace {

std::string q(const std::string& s) { return "'" + s + "'"; }

std::string gedcomFixture(const std::string& name) { return readBytes(std::string(GENOCHRON_TEST_DATA) + "/gedcom/" + name); }

GedcomPlan importInto(const Case& c, const std::string& bytes, const std::string& name = "tree.ged") {
    GedcomImportOptions opt;
    opt.displayName = name;
    return planGedcomImport(c, bytes, opt);
}

const Person& byGedcom(const GedcomPlan& p, const std::string& xref) {
    for (auto& x : p.result.people)
        if (x.gedcomId == xref) return x;
    FAIL("no person from " << xref);
    throw std::logic_error("unreachable");
}

const Partnership* partnership(const Case& c, const std::string& a, const std::string& b) {
    for (auto& pt : c.partnerships)
        if ((pt.partners[0] == a && pt.partners[1] == b) || (pt.partners[0] == b && pt.partners[1] == a)) return &pt;
    return nullptr;
}

std::string dateOf(const std::optional<Date>& d) { return d ? (d->known() ? d->toString() : "unknown") : "none"; }

bool anyContains(const std::vector<std::string>& v, const std::string& a, const std::string& b = "") {
    return std::any_of(v.begin(), v.end(), [&](auto& s) { return s.find(a) != std::string::npos && s.find(b) != std::string::npos; });
}

std::string dump(const GedcomPlan& p) {
    std::string s;
    for (auto& d : p.diagnostics.items()) s += formatDiagnostic(d) + "\n";
    for (auto& n : p.notes) s += "note: " + n + "\n";
    for (auto& r : p.reconciled) s += "reconciled: " + r + "\n";
    return s;
}

std::string convertTo(const std::string& utf8, const char* to) {
    gsize n = 0;
    gchar* out = g_convert(utf8.data(), gssize(utf8.size()), to, "UTF-8", nullptr, &n, nullptr);
    REQUIRE(out);
    std::string s(out, n);
    g_free(out);
    return s;
}

}  // namespace

TEST_CASE("GEDCOM dates map onto the case's date forms", "[gedcom][date]") {
    auto d = [](const char* v) {
        auto g = parseGedcomDate(v);
        INFO(v << ": " << g.error);
        return g.date ? g.date->toString() : "error: " + g.error;
    };
    CHECK(d("1750") == "1750");
    CHECK(d("MAR 1750") == "1750-03");
    CHECK(d("3 mar 1750") == "1750-03-03");
    CHECK(d("ABT 1748") == "~1748");
    CHECK(d("Abt. 1748") == "~1748");
    CHECK(d("EST 1772") == "~1772");
    CHECK(d("CAL JUN 1775") == "~1775-06");
    CHECK(d("BEF 1780") == "<1780");
    CHECK(d("AFT 12 JAN 1840") == ">1840-01-12");
    CHECK(d("BET 1801 AND 1803") == "1801..1803");
    CHECK(d("BET MAR 1801 AND 2 APR 1801") == "1801-03..1801-04-02");
    CHECK(d("FROM 1803 TO 1804") == "1803..1804");
    CHECK(d("FROM 1803") == ">1803");
    CHECK(d("TO 1804") == "<1804");
    CHECK(d("INT 1782 (about the year of the great storm)") == "1782");
    CHECK(d("12 MAR 1750/51") == "1751-03-12");   // dual year: the later is today's reckoning
    CHECK(d("12 MAY 1750/51") == "1750-05-12");
    CHECK(d("1699/00") == "1700");
    CHECK(d("@#DGREGORIAN@ 1 JAN 1800") == "1800-01-01");
    CHECK(d("@#DJULIAN@ 2 SEP 1752") == "1752-09-13");   // the day Britain changed calendars
    CHECK(d("JULIAN 20 JAN 1740") == "1740-01-31");
    CHECK(d("GREGORIAN 20 JAN 1740") == "1740-01-20");
    CHECK(d("1066") == "1066");
    auto julian = parseGedcomDate("@#DJULIAN@ 2 SEP 1752");
    CHECK_THAT(julian.note, Catch::Contains("Julian") && Catch::Contains("1752-09-13"));
    CHECK_THAT(parseGedcomDate("INT 1782 (storm)").note, Catch::Contains("phrase"));

    SECTION("what is not a date is an error that says why, never a guess") {
        CHECK_THAT(d("31 FEB 1806"), Catch::StartsWith("error:") && Catch::Contains("no day 31"));
        CHECK_THAT(d("(the year of the storm)"), Catch::Contains("phrase"));
        CHECK_THAT(d("@#DHEBREW@ 5 TSH 5560"), Catch::Contains("calendar"));
        CHECK_THAT(d("FRENCH_R 1 VEND 8"), Catch::Contains("calendar"));
        CHECK_THAT(d("44 BCE"), Catch::Contains("common era"));
        CHECK_THAT(d("999"), Catch::Contains("out of range"));
        CHECK_THAT(d("BET 1810 AND 1800"), Catch::Contains("before it starts"));
        CHECK_THAT(d("BET 1810"), Catch::Contains("AND"));
        CHECK_THAT(d("12 SMARCH 1750"), Catch::Contains("not a month"));
        CHECK_THAT(d("1750 or so"), Catch::StartsWith("error:"));
        CHECK_THAT(d(""), Catch::StartsWith("error:"));
    }
}

TEST_CASE("GEDCOM 5.5.1: every construct of the fixture", "[gedcom]") {
    GedcomPlan p = importInto(Case{}, gedcomFixture("every-construct-551.ged"), "every-construct-551.ged");
    INFO(dump(p));
    REQUIRE(p.ok());
    CHECK(p.version == "5.5.1");
    CHECK(p.encoding == "UTF-8");
    CHECK(p.individuals == 17);
    CHECK(p.families == 5);
    CHECK(p.result.people.size() == 17);

    const Person& josiah = byGedcom(p, "@I1@");
    CHECK(josiah.id == "i1");
    CHECK(josiah.name == "Josiah Penhallow");
    CHECK(josiah.pseudonym.empty());   // sensitive until the chair gives one
    CHECK(josiah.aliases == std::vector<std::string>{"Jos Penhallow"});
    CHECK(josiah.sex == Sex::Male);
    CHECK(dateOf(josiah.born) == "~1748");
    CHECK(dateOf(josiah.died) == "1801..1803");
    CHECK(josiah.notes == "Josiah kept the mill at Tregarrow. His ledger runs from the first of May\nand ends in a different hand.");

    const Person& charity = byGedcom(p, "@I2@");
    CHECK(charity.aliases == std::vector<std::string>{"Cherry"});
    CHECK(dateOf(charity.born) == "1751-03-12");
    CHECK(dateOf(charity.died) == "1782-09-13");

    const Person& will = byGedcom(p, "@I3@");
    CHECK(dateOf(will.born) == "~1772");
    CHECK(dateOf(will.died) == "unknown");   // DEAT Y: died, date not known
    CHECK(will.parents == std::vector<std::string>{"i1", "i2"});
    CHECK(will.parentage == Parentage::Biological);
    CHECK(dateOf(byGedcom(p, "@I4@").died) == ">1840");

    SECTION("twins where the file says so, both ways") {
        const Person& hope = byGedcom(p, "@I5@");
        const Person& faith = byGedcom(p, "@I6@");
        CHECK(hope.twin == "i6");
        CHECK(faith.twin == "i5");
        CHECK_FALSE(hope.identicalTwin);
    }
    SECTION("adopted, foster and step children; the family drawn when there are several") {
        const Person& baker = byGedcom(p, "@I7@");   // PEDI adopted into F2, PEDI birth in F4
        CHECK(baker.parents == std::vector<std::string>{"i3", "i4"});
        CHECK(baker.parentage == Parentage::Adoptive);
        CHECK_THAT(baker.notes, Catch::Contains("also a biological child of i9 and i10 (@F4@)"));
        CHECK(dateOf(baker.born) == "~1802-02-14");   // from the baptism
        CHECK(dateOf(baker.died) == "~1870");         // from the burial
        CHECK(byGedcom(p, "@I8@").parentage == Parentage::Foster);
        CHECK(dateOf(byGedcom(p, "@I8@").born) == "1803..1804");
        const Person& peter = byGedcom(p, "@I16@");   // _FREL Step, _MREL Natural
        CHECK(peter.parentage == Parentage::Step);
        CHECK(peter.parents == std::vector<std::string>{"i9", "i10"});
        const Person& wenna = byGedcom(p, "@I17@");   // ADOP event naming the family
        CHECK(wenna.parentage == Parentage::Adoptive);
        CHECK(wenna.parents == std::vector<std::string>{"i14", "i15"});
    }
    SECTION("names: slashes, an empty surname, sex unknown; a bad date is a warning at its line") {
        CHECK(byGedcom(p, "@I12@").name == "Kitto");
        const Person& jory = byGedcom(p, "@I11@");
        CHECK(jory.sex == Sex::Unknown);
        CHECK_FALSE(jory.born);
        bool warned = false;
        for (auto& d : p.diagnostics.items())
            if (d.code == "gedcom-date" && d.id.empty() && d.message.find("@I11@") != std::string::npos) {
                warned = true;
                CHECK(d.severity == Severity::Warning);
                CHECK(formatDiagnostic(d).rfind("every-construct-551.ged:", 0) == 0);
                CHECK(d.line > 0);
                CHECK(d.column > 0);
            }
        CHECK(warned);
        CHECK(dateOf(byGedcom(p, "@I9@").born) == "<1780");
        CHECK(dateOf(byGedcom(p, "@I10@").born) == "1782");
    }
    SECTION("partnerships: MARR, ENGA, DIV, separation, unmarried partners") {
        const Partnership* f1 = partnership(p.result, "i1", "i2");
        REQUIRE(f1);
        CHECK(f1->status == PartnershipStatus::Married);
        CHECK(dateOf(f1->from) == "1770-11-04");
        const Partnership* f2 = partnership(p.result, "i3", "i4");
        REQUIRE(f2);
        CHECK(f2->status == PartnershipStatus::Divorced);
        CHECK(dateOf(f2->from) == "1815");
        REQUIRE(f2->history.size() == 2);
        CHECK(f2->history[0].status == PartnershipStatus::Engaged);
        CHECK(dateOf(f2->history[0].from) == "1796");
        CHECK(dateOf(f2->history[0].to) == "1797");
        CHECK(f2->history[1].status == PartnershipStatus::Married);
        CHECK(dateOf(f2->history[1].from) == "1797");
        const Partnership* f4 = partnership(p.result, "i9", "i10");
        REQUIRE(f4);
        CHECK(f4->status == PartnershipStatus::Separated);
        CHECK(dateOf(f4->from) == "1810");
        const Partnership* f5 = partnership(p.result, "i14", "i15");
        REQUIRE(f5);
        CHECK(f5->status == PartnershipStatus::Cohabiting);   // _STAT Partners
        // F3 gets its WIFE from @I13@'s FAMS.
        CHECK(partnership(p.result, "i3", "i13"));
        CHECK(p.result.partnerships.size() == 5);
    }
    SECTION("FAMC/FAMS against HUSB/WIFE/CHIL: every disagreement reconciled and said") {
        auto& r = p.reconciled;
        CHECK(anyContains(r, "@I7@ says it is a child of @F2@ (FAMC) but @F2@ has no CHIL @I7@"));
        CHECK(anyContains(r, "@I11@ says it is a child of @F2@"));
        CHECK(anyContains(r, "@F2@ names @I12@ as a child (CHIL) but @I12@ has no FAMC @F2@"));
        CHECK(anyContains(r, "@I13@ says it is a partner in @F3@ (FAMS)", "taken as its WIFE"));
        CHECK(anyContains(r, "@I15@ says it is a partner in @F5@ (FAMS)", "taken as its WIFE"));
        CHECK(anyContains(r, "@F3@ names @I3@ as its HUSB but @I3@ has no FAMS @F3@"));
        CHECK(anyContains(r, "@I14@ says it is a partner in @F2@", "not followed"));
        // Kitto is CHIL of F2 (I3+I4) and FAMC of F3 (I3+I13): drawn with his own FAMC's family.
        const Person& kitto = byGedcom(p, "@I12@");
        CHECK(kitto.parents == std::vector<std::string>{"i3", "i13"});
        CHECK_THAT(kitto.notes, Catch::Contains("i3 and i4 (@F2@)"));
        // Pointers to records that are not there: warnings, the link left out.
        int missing = 0;
        for (auto& d : p.diagnostics.items()) missing += d.code == "gedcom-missing-record";
        CHECK(missing == 2);   // @I99@ as a child of F5, @F9@ as a family of I13
    }
    SECTION("the case saves and loads back as the same case") {
        std::string saved = saveCaseToString(p.result);
        auto back = loadCaseString(saved, "saved.yaml");
        INFO(saved);
        REQUIRE(back.model);
        CHECK_FALSE(caseDifference(p.result, *back.model));
        CHECK(back.model->person("i1")->gedcomId == "@I1@");
    }
}

TEST_CASE("GEDCOM 7.0: calendars as words, SEX X, PEDI OTHER with a phrase, shared notes, @@", "[gedcom]") {
    GedcomPlan p = importInto(Case{}, gedcomFixture("every-construct-70.ged"));
    INFO(dump(p));
    REQUIRE(p.ok());
    CHECK(p.version == "7.0");
    CHECK(p.result.people.size() == 7);
    const Person& ez = byGedcom(p, "@I1@");
    CHECK(dateOf(ez.born) == "1740-01-31");   // JULIAN 20 JAN 1740
    CHECK(dateOf(ez.died) == "1790..1795");
    CHECK(ez.notes == "Ezekiel was apprenticed to a cooper\nand later kept the ferry.");
    CHECK(byGedcom(p, "@I3@").sex == Sex::Other);
    CHECK(byGedcom(p, "@I3@").parentage == Parentage::Step);
    CHECK(byGedcom(p, "@I4@").parentage == Parentage::Biological);
    CHECK(byGedcom(p, "@I6@").parentage == Parentage::Foster);
    CHECK(byGedcom(p, "@I7@").parentage == Parentage::Adoptive);
    CHECK(byGedcom(p, "@I4@").twin == "i5");
    CHECK(byGedcom(p, "@I5@").twin == "i4");
    CHECK(byGedcom(p, "@I5@").identicalTwin);
    CHECK(byGedcom(p, "@I5@").notes == "@home on the quay");
    const Partnership* f1 = partnership(p.result, "i1", "i2");
    REQUIRE(f1);
    CHECK(f1->status == PartnershipStatus::Divorced);
    CHECK_FALSE(f1->from);
    REQUIRE(f1->history.size() == 1);
    CHECK(dateOf(f1->history[0].from) == "1769-05-01");
}

TEST_CASE("GEDCOM encodings: ANSEL, UTF-16 with and without a BOM, Windows-1252, CRLF", "[gedcom][encoding]") {
    const std::string body = "1 GEDC\n2 VERS 5.5.1\n0 @I1@ INDI\n1 NAME ";
    auto tree = [&](const std::string& charset, const std::string& name) {
        return "0 HEAD\n1 CHAR " + charset + "\n" + body + name + "\n1 SEX F\n0 TRLR\n";
    };
    SECTION("ANSEL: combining marks come before their letter and are composed") {
        // "Éloïse /Müller-Łukasz/ Ærø": E2=acute, E8=umlaut, A1=Ł, A5=Æ, B2=ø
        GedcomPlan p = importInto(Case{}, tree("ANSEL", "\xE2" "Elo\xE8" "ise /M\xE8uller-\xA1ukasz/ \xA5r\xB2"));
        INFO(dump(p));
        REQUIRE(p.ok());
        CHECK(p.encoding == "ANSEL");
        CHECK(p.result.people[0].name == "\u00C9lo\u00EFse M\u00FCller-\u0141ukasz \u00C6r\u00F8");
        CHECK(anselToUtf8("\xF0" "c") == "\u00E7");   // cedilla
        int bad = 0;
        CHECK(anselToUtf8("a\x85" "b", &bad) == "a\uFFFD" "b");
        CHECK(bad == 1);
    }
    SECTION("a header that says ANSEL over UTF-8 text is read as UTF-8, and said") {
        GedcomPlan p = importInto(Case{}, tree("ANSEL", "Zo\u00EB /Tr\u00E9ve/"));
        REQUIRE(p.ok());
        CHECK(p.result.people[0].name == "Zo\u00EB Tr\u00E9ve");
        CHECK(anyContains(p.notes, "CHAR ANSEL but the text is UTF-8"));
    }
    SECTION("UTF-16: with a BOM either way, and without one") {
        std::string text = tree("UNICODE", "Zo\u00EB /Tr\u00E9ve/");
        for (auto [enc, bom] : {std::pair{"UTF-16LE", std::string("\xFF\xFE")}, std::pair{"UTF-16BE", std::string("\xFE\xFF")},
                                std::pair{"UTF-16LE", std::string()}, std::pair{"UTF-16BE", std::string()}}) {
            INFO(enc << (bom.empty() ? " without BOM" : " with BOM"));
            GedcomPlan p = importInto(Case{}, bom + convertTo(text, enc));
            INFO(dump(p));
            REQUIRE(p.ok());
            CHECK(p.encoding == enc);
            CHECK(p.result.people[0].name == "Zo\u00EB Tr\u00E9ve");
        }
    }
    SECTION("Windows-1252 (ANSI), CRLF line ends, a UTF-8 BOM, leading spaces") {
        GedcomPlan p = importInto(Case{}, tree("ANSI", "Zo\xEB /Tr\xE9ve/"));
        REQUIRE(p.ok());
        CHECK(p.result.people[0].name == "Zo\u00EB Tr\u00E9ve");
        std::string crlf = "\xEF\xBB\xBF" "0 HEAD\r\n  1 CHAR UTF-8\r\n0 @I1@ INDI\r\n  1 NAME Ann /Vose/\r\n  1 NOTE a\r\n    2 CONC b\r\n0 TRLR\r\n";
        GedcomPlan q = importInto(Case{}, crlf);
        INFO(dump(q));
        REQUIRE(q.ok());
        CHECK(q.result.people[0].name == "Ann Vose");
        CHECK(q.result.people[0].notes == "ab");
    }
}

TEST_CASE("bad GEDCOM: a clear error at its line and column, nothing imported", "[gedcom][errors]") {
    auto bad = [](const std::string& text) {
        GedcomPlan p = importInto(Case{}, text, "bad.ged");
        CHECK_FALSE(p.ok());
        CHECK(p.result.people.empty());
        CHECK(p.changes.empty());
        std::string all;
        for (auto& d : p.diagnostics.items())
            if (d.severity == Severity::Error) all += formatDiagnostic(d) + "\n";
        return all;
    };
    CHECK_THAT(bad("0 HEAD\n0 @I1@ INDI\n1 NAME Ann\nNAME Bob\n0 TRLR\n"), Catch::Contains("bad.ged:4:1") && Catch::Contains("level"));
    CHECK_THAT(bad("0 HEAD\n0 @I1@ INDI\n3 NAME Ann\n0 TRLR\n"), Catch::Contains("bad.ged:3:1") && Catch::Contains("level 3 follows level 0"));
    CHECK_THAT(bad("0 HEAD\n0 @I1 INDI\n0 TRLR\n"), Catch::Contains("bad.ged:2:3") && Catch::Contains("not closed"));
    CHECK_THAT(bad("0 HEAD\n0 @I1@ INDI\n1 NA.ME Ann\n0 TRLR\n"), Catch::Contains("bad.ged:3:5"));
    CHECK_THAT(bad("0 HEAD\n0 @I1@ INDI\n0 @I1@ INDI\n0 TRLR\n"), Catch::Contains("defined twice"));
    CHECK_THAT(bad("Name,Born\nAnn,1750\n"), Catch::Contains("level"));
    CHECK_THAT(bad("0 @I1@ INDI\n0 TRLR\n"), Catch::Contains("0 HEAD"));
    CHECK_THAT(bad(std::string("0 HEAD\n0 @I1@ INDI\n1 NAME A\0nn\n", 28)), Catch::Contains("bad.ged:3") && Catch::Contains("NUL"));
    // A tree where someone is their own ancestor makes no family.
    CHECK_THAT(bad("0 HEAD\n0 @I1@ INDI\n1 FAMC @F1@\n1 FAMS @F2@\n0 @I2@ INDI\n1 FAMC @F2@\n1 FAMS @F1@\n"
                   "0 @F1@ FAM\n1 HUSB @I2@\n1 CHIL @I1@\n0 @F2@ FAM\n1 HUSB @I1@\n1 CHIL @I2@\n0 TRLR\n"),
               Catch::Contains("own ancestor"));
}

TEST_CASE("into an existing case: matched by gedcom_id, changes reported, a re-import adds nothing", "[gedcom][merge]") {
    const std::string tree = gedcomFixture("every-construct-70.ged");
    auto first = importInto(Case{}, tree);
    REQUIRE(first.ok());
    Case c = first.result;
    // The chair has worked on the case: a pseudonym, a role, a person of their own.
    c.person("i1")->pseudonym = "Grandfather";
    c.person("i1")->roles = {Role::Family};
    Person own;
    own.id = "i8";   // the id the importer would have picked for a new @I8@
    own.name = "Dora Vale";
    c.people.push_back(own);

    auto again = importInto(c, tree);
    INFO(dump(again));
    REQUIRE(again.ok());
    CHECK(again.changes.empty());
    CHECK(again.result == c);

    std::string changed = tree;
    changed.replace(changed.find("2 DATE ABT 1744"), 15, "2 DATE 1745");
    changed.replace(changed.find("0 TRLR"), 6, "0 @I8@ INDI\n1 NAME Jenifer /Nance/\n1 SEX F\n1 FAMC @F1@\n0 TRLR");
    auto upd = importInto(c, changed);
    INFO(dump(upd));
    REQUIRE(upd.ok());
    REQUIRE(upd.changes.size() == 2);
    CHECK(upd.changes[0].kind == GedcomChange::Kind::ChangePerson);
    CHECK(upd.changes[0].id == "i2");
    CHECK(upd.changes[0].what == std::vector<std::string>{"born: ~1744 -> 1745"});
    CHECK(upd.changes[1].kind == GedcomChange::Kind::AddPerson);
    CHECK(upd.changes[1].id == "i8-2");   // i8 is the chair's own person
    CHECK(upd.result.person("i1")->pseudonym == "Grandfather");
    CHECK(upd.result.person("i1")->roles == std::vector<Role>{Role::Family});
    CHECK(upd.result.person("i8")->name == "Dora Vale");
    CHECK(upd.result.person("i8-2")->parents == std::vector<std::string>{"i1", "i2"});
    CHECK(upd.result.people.size() == c.people.size() + 1);
}

TEST_CASE("cli: import gedcom creates the case, --dry-run writes nothing, a re-import adds nothing", "[gedcom][cli]") {
    TempDir dir("import-gedcom");
    const std::string ged = std::string(GENOCHRON_TEST_DATA) + "/gedcom/every-construct-551.ged";
    const std::string path = dir.file("family.yaml");
    auto dry = runCli("import gedcom " + q(ged) + " --into " + q(path) + " --dry-run");
    INFO(dry.out << dry.err);
    REQUIRE(dry.exitCode == 0);
    CHECK_THAT(dry.out, Catch::Contains("GEDCOM 5.5.1, UTF-8; 17 people, 5 families") &&
                            Catch::Contains("new case") && Catch::Contains("17 new people") &&
                            Catch::Contains("reconciled") && Catch::Contains("dry run: nothing was written"));
    CHECK_THAT(dry.err, Catch::Contains("every-construct-551.ged:") && Catch::Contains("31 FEB 1806"));
    CHECK_FALSE(std::filesystem::exists(path));

    auto r = runCli("import gedcom " + q(ged) + " --into " + q(path));
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("saved") && Catch::Contains("no pseudonym"));
    auto loaded = loadCaseFile(path);
    REQUIRE(loaded.ok());
    CHECK(loaded.model->people.size() == 17);

    auto again = runCli("import gedcom " + q(ged) + " --into " + q(path));
    INFO(again.out << again.err);
    REQUIRE(again.exitCode == 0);
    CHECK_THAT(again.out, Catch::Contains("0 new people") && Catch::Contains("nothing new to add"));

    auto bad = runCli("import gedcom " + q(dir.write("bad.ged", "0 HEAD\n1 GEDC\nVERS 5.5.1\n")) + " --into " + q(dir.file("new.yaml")));
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.err, Catch::Contains("bad.ged:3:1") && Catch::Contains("was not created"));
    CHECK_FALSE(std::filesystem::exists(dir.file("new.yaml")));
}

TEST_CASE("the sample tree (41 people, 1722-1989) imports, checks and lays out cleanly", "[gedcom][sample]") {
    GedcomPlan p = importInto(Case{}, readBytes(sample("angove-family.ged")), "angove-family.ged");
    INFO(dump(p));
    REQUIRE(p.ok());
    int warnings = 0;
    for (auto& d : p.diagnostics.items()) warnings += d.severity == Severity::Warning;
    CHECK(warnings == 0);
    CHECK(p.result.people.size() == 41);
    CHECK(p.result.partnerships.size() == 13);
    CHECK(p.reconciled.empty());   // an export that agrees with itself
    // The adopted foundling, the foster child, the step-child, the adoption with birth parents in the tree.
    CHECK(byGedcom(p, "@I9@").parentage == Parentage::Adoptive);
    CHECK(byGedcom(p, "@I16@").parentage == Parentage::Foster);
    CHECK(byGedcom(p, "@I36@").parentage == Parentage::Adoptive);
    CHECK_THAT(byGedcom(p, "@I36@").notes, Catch::Contains("biological child of i37 and i38"));
    CHECK(byGedcom(p, "@I12@").twin == "i13");
    CHECK(dateOf(byGedcom(p, "@I2@").born) == "1726-02-14");   // Julian 3 FEB 1725/26

    auto saved = loadCaseString(saveCaseToString(p.result), "angove.yaml");
    REQUIRE(saved.ok());
    genogram::LayoutOptions lo;
    auto l = genogram::layoutGenogram(ViewCase::named(*saved.model), lo);
    CHECK(l.people.size() == 41);
    CHECK(l.quality.crossings == 0);
    CHECK(l.quality.siblingInversions == 0);   // children oldest-left
    CHECK(l.quality.partnersOffRow == 0);
    // Stanley, born 1910 with no death recorded, is presumed dead: no age drawn.
    REQUIRE(l.person("i29"));
    CHECK(l.person("i29")->age.empty());
    REQUIRE(l.person("i34"));
    CHECK_FALSE(l.person("i34")->age.empty());   // Joan, born 1936, is not
}
