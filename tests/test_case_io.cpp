// Loading, structural errors with their positions, unknown keys, and round-trips.
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace genochron;

namespace {

const char* kSmall = R"(format: genochron/1
case:
  title: "Review: Sam"
  kind: DHR
  reference_date: 2021-06-14
  scope: {from: 2014-01, to: 2021-06-14}
agencies:
  - id: police
    name: Test Police
    kind: police
people:
  - id: sam
    name: Sam Example
    pseudonym: Alex
    sex: female
    born: 1990-02-03
    roles: [victim]
    index: true
  - id: lee
    name: Lee Example
    sex: male
    roles: [perpetrator]
partnerships:
  - partners: [sam, lee]
    status: cohabiting
    from: 2018
events:
  - date: 2019-05-03
    agency: police
    what: "Police attended."
    people: [sam, lee]
)";

LoadResult load(const std::string& text) { return loadCaseString(text, "case.yaml"); }

const Diagnostic* findCode(const LoadResult& r, const std::string& code) {
    for (auto& d : r.diagnostics.items())
        if (d.code == code) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("a small case loads with every block", "[io]") {
    auto r = load(kSmall);
    REQUIRE(r.ok());
    const Case& c = *r.model;
    CHECK(c.info.title == "Review: Sam");
    CHECK(c.info.kind == CaseKind::DHR);
    REQUIRE(c.info.scopeFrom);
    CHECK(c.info.scopeFrom->toString() == "2014-01");
    CHECK(c.people.size() == 2);
    CHECK(c.people[0].index);
    CHECK(c.people[0].sex == Sex::Female);
    CHECK(c.partnerships[0].status == PartnershipStatus::Cohabiting);
    REQUIRE(c.events.size() == 1);
    CHECK(c.events[0].id == "e001");   // generated when absent
    CHECK(c.events[0].idGenerated);
}

TEST_CASE("every sample loads without errors", "[io][samples]") {
    for (auto& f : std::filesystem::directory_iterator(std::string(GENOCHRON_SOURCE_DIR) + "/samples")) {
        if (f.path().extension() != ".yaml") continue;
        auto r = loadCaseFile(f.path().string());
        INFO(f.path());
        for (auto& d : r.diagnostics.items()) INFO(formatDiagnostic(d));
        CHECK(r.ok());
    }
}

TEST_CASE("YAML syntax errors name line and column", "[io][errors]") {
    auto r = load("format: genochron/1\npeople:\n  - id: a\n    name: [unclosed\n");
    REQUIRE_FALSE(r.ok());
    auto* d = findCode(r, "yaml-syntax");
    REQUIRE(d);
    CHECK(d->line >= 4);
    CHECK(d->column > 0);
    CHECK(formatDiagnostic(*d).rfind("case.yaml:", 0) == 0);
}

TEST_CASE("an empty file is a clear error", "[io][errors]") {
    auto r = load("   \n\n");
    REQUIRE_FALSE(r.model);
    CHECK(findCode(r, "empty"));
}

TEST_CASE("binary garbage is refused, never parsed", "[io][errors]") {
    std::string junk = "format: genochron/1\n";
    junk += std::string("\x89PNG\r\n\x1a\n\0\0\0", 12);
    auto r = load(junk);
    REQUIRE_FALSE(r.model);
    auto* d = findCode(r, "binary");
    REQUIRE(d);
    CHECK(d->line == 4);   // after the PNG signature's own line breaks
    auto r2 = load("format: genochron/1\ncase: {title: \"\xff\xfe\"}\n");
    REQUIRE(findCode(r2, "encoding"));
    CHECK(findCode(r2, "encoding")->line == 2);
}

TEST_CASE("absurd nesting is refused before yaml-cpp recurses", "[io][errors]") {
    std::string deep = "format: genochron/1\nx: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    auto r = load(deep);
    REQUIRE_FALSE(r.model);
    CHECK(findCode(r, "too-deep"));
    std::string dashes = "format: genochron/1\nx:\n";
    for (int i = 0; i < 300; ++i) dashes += std::string(std::size_t(i) * 2, ' ') + "- \n";
    auto r2 = load(dashes);
    CHECK_FALSE(r2.ok());
}

TEST_CASE("an oversized file is refused", "[io][errors]") {
    LoadLimits lim;
    lim.maxBytes = 100;
    auto r = loadCaseString(std::string(kSmall), "case.yaml", lim);
    REQUIRE_FALSE(r.model);
    CHECK(findCode(r, "too-large"));
}

TEST_CASE("wrong types and missing keys are errors where they are", "[io][errors]") {
    auto r = load("format: genochron/1\npeople:\n  - id: a\n    parents: {x: 1}\n  - name: No Id\nevents:\n  - what: x\n");
    REQUIRE_FALSE(r.ok());
    auto* wt = findCode(r, "wrong-type");
    REQUIRE(wt);
    CHECK(wt->line == 4);
    CHECK(wt->column == 14);
    auto* miss = findCode(r, "missing");
    REQUIRE(miss);
    CHECK(miss->line == 5);
    auto* nodate = findCode(r, "missing-date");
    REQUIRE(nodate);
    CHECK(nodate->line == 7);
}

TEST_CASE("unknown enum values suggest the nearest valid one", "[io][errors]") {
    auto r = load("format: genochron/1\npeople:\n  - id: a\n    sex: femal\npartnerships: []\n");
    auto* d = findCode(r, "unknown-value");
    REQUIRE(d);
    CHECK(d->line == 4);
    CHECK(d->column == 10);
    CHECK(d->message.find("did you mean 'female'") != std::string::npos);
    auto r2 = load("format: genochron/1\npartnerships:\n  - partners: [a, b]\n    status: cohabitting\npeople: [{id: a}, {id: b}]\n");
    REQUIRE(findCode(r2, "unknown-value"));
    CHECK(findCode(r2, "unknown-value")->message.find("'cohabiting'") != std::string::npos);
}

TEST_CASE("a malformed date is an error at its position", "[io][errors]") {
    auto r = load("format: genochron/1\nevents:\n  - date: 2019-02-30\n    what: x\n");
    auto* d = findCode(r, "bad-date");
    REQUIRE(d);
    CHECK(d->line == 3);
    CHECK(d->column == 11);
    CHECK(d->message.find("February 2019 has no day 30") != std::string::npos);
}

TEST_CASE("a bad time is an error", "[io][errors]") {
    auto r = load("format: genochron/1\nevents:\n  - date: 2019-02-03\n    time: \"25:99\"\n");
    REQUIRE(findCode(r, "bad-time"));
}

TEST_CASE("duplicate keys in one mapping are errors", "[io][errors]") {
    auto r = load("format: genochron/1\npeople:\n  - id: a\n    id: b\n");
    // yaml-cpp may reject duplicates itself, or hand both to us: either way an error
    CHECK_FALSE(r.ok());
}

TEST_CASE("the format line is required and checked", "[io][errors]") {
    CHECK(findCode(load("people: []\n"), "missing"));
    CHECK(findCode(load("format: genochron/9\n"), "format-version"));
}

TEST_CASE("unknown keys are kept, warned about, and written back", "[io][roundtrip]") {
    auto r = load(std::string(kSmall) + "review_notes: {owner: chair, items: [1, 2]}\n");
    REQUIRE(r.ok());
    auto* w = findCode(r, "unknown-key");
    REQUIRE(w);
    CHECK(w->severity == Severity::Warning);
    std::string saved = saveCaseToString(*r.model);
    CHECK(saved.find("review_notes") != std::string::npos);
    auto r2 = load(saved);
    REQUIRE(r2.ok());
    CHECK(*r2.model == *r.model);
}

TEST_CASE("unknown keys suggest the key that was meant", "[io]") {
    auto r = load("format: genochron/1\npeople:\n  - id: a\n    pseudonymn: B\n");
    auto* w = findCode(r, "unknown-key");
    REQUIRE(w);
    CHECK(w->message.find("did you mean 'pseudonym'") != std::string::npos);
    CHECK(w->line == 4);
}

TEST_CASE("load, save, load gives the same model with stable ids", "[io][roundtrip]") {
    for (auto* name : {"ashford-dhr.yaml", "minimal.yaml"}) {
        auto r = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/" + name);
        REQUIRE(r.ok());
        std::string once = saveCaseToString(*r.model);
        auto r2 = loadCaseString(once, name);
        for (auto& d : r2.diagnostics.items()) INFO(formatDiagnostic(d));
        REQUIRE(r2.ok());
        CHECK(*r2.model == *r.model);
        // and the text is a fixed point: key order and ids do not drift
        CHECK(saveCaseToString(*r2.model) == once);
    }
}

TEST_CASE("generated event ids are written and then stay", "[io][roundtrip]") {
    auto r = load(kSmall);
    REQUIRE(r.ok());
    std::string saved = saveCaseToString(*r.model);
    CHECK(saved.find("id: e001") != std::string::npos);
    auto r2 = load(saved);
    CHECK_FALSE(r2.model->events[0].idGenerated);
    CHECK(r2.model->events[0].id == "e001");
}

TEST_CASE("multi-line text and special characters survive a round-trip", "[io][roundtrip]") {
    auto r = load(kSmall);
    REQUIRE(r.ok());
    Case c = *r.model;
    c.events[0].what = "Line one: with a colon\nLine two, with 'quotes' and \"double\" # not a comment";
    c.events[0].time = "07:05";
    c.people[0].aliases = {"Sammy", "S. O'Neill", "Zoë"};
    auto r2 = load(saveCaseToString(c));
    REQUIRE(r2.ok());
    CHECK(r2.model->events[0].what == c.events[0].what);
    CHECK(r2.model->events[0].time == "07:05");
    CHECK(r2.model->people[0].aliases == c.people[0].aliases);
}

TEST_CASE("lint_ignore is read with its reason and kept", "[io]") {
    auto r = load("format: genochron/1\nevents:\n  - date: 2019\n    what: x\n    lint_ignore: [{rule: a-domestic, reason: quoting the record}]\n");
    REQUIRE(r.ok());
    REQUIRE(r.model->events[0].meta.lintIgnore.size() == 1);
    CHECK(r.model->events[0].meta.lintIgnore[0].reason == "quoting the record");
    auto r2 = load(saveCaseToString(*r.model));
    CHECK(r2.model->events[0].meta.lintIgnore == r.model->events[0].meta.lintIgnore);
    auto bad = load("format: genochron/1\nevents:\n  - date: 2019\n    lint_ignore: [{rule: a-domestic}]\n");
    CHECK_FALSE(bad.ok());
}

TEST_CASE("saving is atomic and never leaves a temp file", "[io][save]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "genochron-test-save";
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto r = load(kSmall);
    REQUIRE(r.ok());
    std::string path = (dir / "case.yaml").string();
    saveCaseFile(*r.model, path);
    saveCaseFile(*r.model, path);
    int files = 0;
    for (auto& e : fs::directory_iterator(dir)) {
        (void)e;
        ++files;
    }
    CHECK(files == 1);
    CHECK(loadCaseFile(path).ok());
    // a folder that does not exist: an error naming the path, nothing written
    CHECK_THROWS_AS(saveCaseFile(*r.model, (dir / "no" / "such" / "case.yaml").string()), GenochronError);
    fs::remove_all(dir);
}

TEST_CASE("an unreadable path is a diagnostic, not a crash", "[io][errors]") {
    auto r = loadCaseFile("/nonexistent/case.yaml");
    REQUIRE_FALSE(r.model);
    REQUIRE(findCode(r, "unreadable"));
    auto r2 = loadCaseFile("/tmp");
    REQUIRE(findCode(r2, "unreadable"));
}
