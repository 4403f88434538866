// Reading what people really save: UTF-16 files, several YAML documents, merge keys, and
// values that fail to parse (kept as written, reported, written back unchanged).
#include "core/io/case_io.hpp"
#include "core/model/edit.hpp"
#include "core/model/validate.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace genochron;

namespace {

const Diagnostic* findCode(const LoadResult& r, const std::string& code) {
    for (auto& d : r.diagnostics.items())
        if (d.code == code) return &d;
    return nullptr;
}

std::string utf16(const std::string& ascii, bool bigEndian, bool bom) {
    std::string out;
    if (bom) out += bigEndian ? std::string("\xFE\xFF") : std::string("\xFF\xFE");
    for (char c : ascii) {
        if (bigEndian) { out += '\0'; out += c; }
        else { out += c; out += '\0'; }
    }
    return out;
}

}  // namespace

TEST_CASE("a case saved as UTF-16 or UTF-32 is told to save it as UTF-8", "[io][errors]") {
    const std::string text = "format: genochron/1\ncase: {title: x}\n";
    for (bool be : {false, true})
        for (bool bom : {false, true}) {
            auto r = loadCaseString(utf16(text, be, bom), "case.yaml");
            REQUIRE_FALSE(r.model);
            auto* d = findCode(r, "encoding");
            REQUIRE(d);
            CHECK(d->message.find("UTF-16") != std::string::npos);
            CHECK(d->message.find("save it as UTF-8") != std::string::npos);
            CHECK(d->message.find("NUL") == std::string::npos);
        }
    auto r = loadCaseString(std::string("\xFF\xFE\0\0f\0\0\0", 8), "case.yaml");
    REQUIRE(findCode(r, "encoding"));
    CHECK(findCode(r, "encoding")->message.find("UTF-32") != std::string::npos);
    // through the file reader too (which drops only a UTF-8 byte order mark)
    test::TempDir dir("utf16");
    auto path = dir.write("case.yaml", utf16(text, false, true));
    auto rf = loadCaseFile(path);
    REQUIRE(findCode(rf, "encoding"));
}

TEST_CASE("a second YAML document is an error that names where it starts - an empty one a warning", "[io][errors]") {
    auto r = loadCaseString("format: genochron/1\ncase: {title: x}\n---\nformat: genochron/1\npeople: [{id: a}]\n", "c.yaml");
    REQUIRE_FALSE(r.model);   // not opened: a save would drop the second document
    auto* d = findCode(r, "second-document");
    REQUIRE(d);
    CHECK(d->severity == Severity::Error);
    CHECK(d->line == 3);
    auto empty = loadCaseString("---\nformat: genochron/1\ncase: {title: x}\n---\n", "c.yaml");
    REQUIRE(empty.ok());
    REQUIRE(findCode(empty, "second-document"));
    CHECK(findCode(empty, "second-document")->severity == Severity::Warning);
    // a document end marker alone is fine
    auto ended = loadCaseString("format: genochron/1\ncase: {title: x}\n...\n", "c.yaml");
    CHECK(ended.ok());
    CHECK_FALSE(findCode(ended, "second-document"));
    // a syntax error in a later document is still a syntax error
    auto bad = loadCaseString("format: genochron/1\n---\n[unclosed\n", "c.yaml");
    CHECK(findCode(bad, "yaml-syntax"));
}

TEST_CASE("the << merge key is an error where it is, and kept on save", "[io][errors]") {
    const char* text = "format: genochron/1\nagencies:\n  - &p {id: police, kind: police}\n  - <<: *p\n    id: gp\n";
    auto r = loadCaseString(text, "c.yaml");
    REQUIRE(r.model);
    auto* d = findCode(r, "merge-key");
    REQUIRE(d);
    CHECK(d->severity == Severity::Error);
    CHECK(d->line == 4);
    CHECK(d->message.find("write the keys out in full") != std::string::npos);
    CHECK(r.model->agencies[1].kind == AgencyKind::Other);   // not merged, and said so
    std::string saved = saveCaseToString(*r.model);
    CHECK(saved.find("<<:") != std::string::npos);
    CHECK(saved.find("kind: police") != std::string::npos);
    auto again = loadCaseString(saved, "c.yaml");
    REQUIRE(again.model);
    CHECK(findCode(again, "merge-key"));
    CHECK_FALSE(caseDifference(*r.model, *again.model));
    // a quoted "<<" is an ordinary (unknown) key
    auto q = loadCaseString("format: genochron/1\n\"<<\": 1\n", "c.yaml");
    CHECK_FALSE(findCode(q, "merge-key"));
}

// ---------------------------------------------------------------- values that failed to parse

namespace {

const char* kBroken = R"(format: genochron/1
case:
  title: Review
  scope: {from: 2019-13, to: 2021-06}
publication: {child_age: 99}
agencies:
  - {id: police, name: Police, kind: police}
people:
  - id: sam
    name: Sam
    sex: femal
    born: 2019-02-30
    roles: [victim, wizard]
    notes: kept
    notes: twice
  - just a name
  - id: lee
    aliases: {nick: Lee}
partnerships:
  - partners: [sam, lee]
    status: married
    history:
      - {from: 2010}
      - {status: dating, from: 2009}
events:
  - {id: e1, date: 2019-01-05, agency: police, what: first, missed_opportunity: "MO a"}
  - {id: e2, date: 2019-02-31, time: "25:61", agency: police, what: second, missed_opportunity: "MO b"}
  - {id: e3, date: 2019-03-07, agency: police, what: third, missed_opportunity: "MO c"}
recommendations:
  - id: R1
    actions:
      - {id: R1.1, text: t, lead: police, status: in_progress, updates: [{date: 2024-13-01, text: u}]}
)";

bool hasError(const Diagnostics& d, const std::string& code, int line = 0) {
    for (auto& x : d.items())
        if (x.code == code && x.severity == Severity::Error && (!line || x.line == line)) return true;
    return false;
}

}  // namespace

TEST_CASE("values that failed to parse are kept as written, reported, and written back unchanged", "[io][unread]") {
    auto r = loadCaseString(kBroken, "broken.yaml");
    REQUIRE(r.model);
    const Case& c = *r.model;
    // the errors are there, where they were
    CHECK(hasError(r.diagnostics, "bad-date", 4));        // scope.from
    CHECK(hasError(r.diagnostics, "wrong-type", 5));      // child_age
    CHECK(hasError(r.diagnostics, "unknown-value", 11));  // sex
    CHECK(hasError(r.diagnostics, "bad-date", 12));       // born
    CHECK(hasError(r.diagnostics, "unknown-value", 13));  // wizard
    CHECK(hasError(r.diagnostics, "duplicate-key", 15));
    CHECK(hasError(r.diagnostics, "wrong-type", 16));     // a person that is a string
    CHECK(hasError(r.diagnostics, "wrong-type", 18));     // aliases as a mapping
    CHECK(hasError(r.diagnostics, "missing", 23));        // a history item without status
    CHECK(hasError(r.diagnostics, "bad-date", 27));
    CHECK(hasError(r.diagnostics, "bad-time", 27));
    CHECK(hasError(r.diagnostics, "bad-date", 32));       // an update's date
    // the model keeps the original text beside the typed fallback
    CHECK_FALSE(c.people[0].born);
    REQUIRE(c.people[0].meta.unread.count("born"));
    CHECK(c.people[0].meta.unread.at("born").value.Scalar() == "2019-02-30");
    CHECK(c.events[1].meta.unread.count("date"));
    CHECK(c.people[1].meta.unreadItem);
    CHECK(c.partnerships[0].history.size() == 2);   // the item without status is kept, not dropped

    std::string saved = saveCaseToString(c);
    INFO(saved);
    for (const char* kept : {"from: 2019-13", "child_age: 99", "sex: femal", "born: 2019-02-30", "- wizard",
                             "notes: twice", "- just a name", "aliases:", "nick: Lee", "- from: 2010",
                             "date: 2019-02-31", "time: \"25:61\"", "date: 2024-13-01"})
        CHECK(saved.find(kept) != std::string::npos);
    auto again = loadCaseString(saved, "broken.yaml");
    REQUIRE(again.model);
    CHECK_FALSE(caseDifference(c, *again.model));
    CHECK(saveCaseToString(*again.model) == saved);
    // the same errors again, none lost and none added
    auto codes = [](const Diagnostics& d) {
        std::multiset<std::string> s;
        for (auto& x : d.items())
            if (x.severity == Severity::Error) s.insert(x.code);
        return s;
    };
    CHECK(codes(again.diagnostics) == codes(r.diagnostics));
    // and the model alone reports them (as the app's findings do), until fixed
    Diagnostics live("broken.yaml");
    validateCase(c, live);
    CHECK(hasError(live, "bad-date", 12));
    CHECK(hasError(live, "duplicate-key", 15));
}

TEST_CASE("editing a field replaces its kept text - other kept values stay", "[io][unread][edit]") {
    auto r = loadCaseString(kBroken, "broken.yaml");
    REQUIRE(r.model);
    Case c = *r.model;
    EditHistory h;
    Person sam = c.people[0];
    sam.born = Date::point({1990, 2, 3});
    auto out = h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("sam"), sam, "born"));
    REQUIRE(out.applied);
    CHECK_FALSE(c.people[0].meta.unread.count("born"));
    CHECK(c.people[0].meta.unread.count("sex"));   // not edited: still kept
    std::string saved = saveCaseToString(c);
    CHECK(saved.find("born: 1990-02-03") != std::string::npos);
    CHECK(saved.find("sex: femal") != std::string::npos);
    Diagnostics d;
    validateCase(c, d);
    CHECK_FALSE(hasError(d, "bad-date", 12));
    CHECK(hasError(d, "unknown-value", 11));
    h.undo(c);   // and undo brings the kept text back
    CHECK(c.people[0].meta.unread.count("born"));
    // an edit of another field of the event keeps its bad date
    Event e2 = c.events[1];
    e2.what = "second, edited";
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Event>>(ItemRef::byId("e2"), e2, "what")).applied);
    CHECK(saveCaseToString(c).find("date: 2019-02-31") != std::string::npos);
}

TEST_CASE("opening a case for repair and saving it does not move the missed-opportunity numbers", "[io][unread]") {
    // e2's date is bad; once someone corrects it, MO numbers must be those of the original file
    auto fixedText = [](std::string t) {
        auto at = t.find("2019-02-31");
        return t.replace(at, 10, "2019-02-11");
    };
    auto original = loadCaseString(fixedText(kBroken), "fixed.yaml");
    REQUIRE(original.model);
    auto repaired = loadCaseString(kBroken, "broken.yaml");
    std::string saved = saveCaseToString(*repaired.model);   // the app's save while the date is still bad
    auto fixedAfterSave = loadCaseString(fixedText(saved), "saved.yaml");
    REQUIRE(fixedAfterSave.model);
    CHECK(fixedAfterSave.model->missedOpportunityNumbers() == original.model->missedOpportunityNumbers());
    CHECK(original.model->missedOpportunityNumbers().at("e2") == 2);
}

TEST_CASE("a kept value the emitter cannot write plain is written the same way on every save", "[io][unread]") {
    // Found by the fuzz replay: 'mtime:arried' in a flow mapping is plain for the reader, but the
    // emitter quoted it itself (single quotes), and the next save wrote it double-quoted.
    const char* yaml = "format: genochron/1\n"
                       "case: {title: Flow test, kind: DHR, reference_date: 2021-06-14}\n"
                       "people:\n"
                       "  - {id: rose, name: Rose Moss, sex: female}\n"
                       "  - {id: joe, name: Joe Moss, sex: male}\n"
                       "partnerships:\n"
                       "  - {partners: [rose, joe], status: widowed, from: 2010, "
                       "history: [{status: mtime:arried, from: 1966}, {status: '? odd', from: 1970}]}\n";
    auto r = loadCaseString(yaml, "flow.yaml");
    REQUIRE(r.model);
    std::string saved = saveCaseToString(*r.model);
    INFO(saved);
    CHECK(saved.find("\"mtime:arried\"") != std::string::npos);
    auto again = loadCaseString(saved, "flow.yaml");
    REQUIRE(again.model);
    CHECK_FALSE(caseDifference(*r.model, *again.model));
    CHECK(saveCaseToString(*again.model) == saved);
}
