// Saves that always load again: every scalar quoted where it must be, the written file
// read back before it replaces the old one, saves through symbolic links, stale temp files.
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

using namespace genochron;
namespace fs = std::filesystem;

namespace {

const char* kBase = R"(format: genochron/1
case:
  title: "Review"
  kind: DHR
agencies:
  - {id: police, name: Police, kind: police}
people:
  - {id: sam, name: Sam Example, sex: female}
  - {id: lee, name: Lee Example, sex: male}
partnerships:
  - {partners: [sam, lee], status: married}
events:
  - {id: e001, date: 2019-05-03, agency: police, people: [sam], what: "Police attended."}
recommendations:
  - id: R1
    text: "Do better"
    actions:
      - {id: R1.1, text: "Audit", lead: police, status: in_progress, updates: [{date: 2024-07-01, text: "First audit"}]}
)";

Case base() {
    auto r = loadCaseString(kBase, "base.yaml");
    REQUIRE(r.ok());
    return *r.model;
}

// Text that people paste from Word, web pages, PDFs and e-mail, and words YAML readers
// like to turn into something else.
std::vector<std::string> hostileStrings() {
    std::vector<std::string> v = {
        "non\uFFFEchar", "plane\U0001FFFFend", "fdd0\uFDD0x", "Line one\u2028line two", "para\u2029graph", "next\u0085line", "del\x7f", "bell\x07", "esc\x1b[0m",
        "back\bspace", "form\ffeed", "vertical\vtab", "c1\u0080\u009f", "bom\uFEFFinside", "\uFEFFleading bom",
        "yes", "no", "on", "off", "Y", "n", "~", "null", "NULL", "Null", "true", "FALSE",
        "0x1F", "1e3", "012", "0o17", "0b101", "1_000", "12:30", "190:20:30", ".inf", "-.inf", ".NaN", "+1",
        "-2.5", ".5", "2019-05-03", "2001-12-14 21:59:43.10 -5", "<<", "=", " leading", "trailing ",
        "a: b", "a #b", "#hash", "- dash", "? what", ": colon", "[bracket", "{brace", "x,y", "'single",
        "\"double", "!tag", "&anchor", "*alias", "|pipe", ">fold", "%percent", "@at", "`tick", " ",
        "\t", "a\tb", "a\n", "a\n\n", "\nafter", "a\r\nb", "a\rb", "line1\n  line2\n", "key:",
        "\u00a0nbsp edge\u00a0", "---", "...", "Zoë Ó'Brien", "emoji \U0001F600", "back\\slash",
        "\\n is not a newline", "mixed\u2028é\u00a0\x7f", "ends with colon:", "tab\tand: colon",
        "   \n  \n", "a\n   \nb\n", std::string(3000, 'x') + " long"};
    std::string controls;
    for (int c = 1; c < 0x20; ++c) controls += char(c);
    v.push_back(controls);
    return v;
}

void requireRoundTrip(const Case& c) {
    std::string saved = saveCaseToString(c);
    auto r = loadCaseString(saved, "saved.yaml");
    INFO(saved.substr(0, 4000));
    for (auto& d : r.diagnostics.items())
        if (d.severity == Severity::Error) INFO(formatDiagnostic(d));
    REQUIRE(r.model);
    auto diff = caseDifference(c, *r.model);
    CHECK_FALSE(diff);
    if (diff) {
        INFO(*diff);
        CHECK(false);
    }
}

}  // namespace

TEST_CASE("hostile text in every kind of field is read back exactly", "[io][save]") {
    for (const auto& s : hostileStrings()) {
        INFO("string: " << s);
        Case c = base();
        c.info.title = s;
        c.events[0].what = s;
        c.events[0].analysis = s + "\n";
        c.events[0].sourceRef = s;
        c.events[0].time = s;   // invalid as a time (an error on load), but kept exactly
        c.events[0].tags = {s, "incident"};
        c.people[0].aliases = {s, "Sammy"};
        c.people[0].notes = "Notes:\n" + s + "\nend\n";
        c.people[1].id = s;   // an id that is also a YAML word
        c.partnerships[0].partners[1] = s;
        c.events[0].people = {"sam", s};
        c.agencies[0].name = s;
        c.recommendations[0].actions[0].updates[0].text = s;
        c.recommendations[0].actions[0].owner = s;
        c.events[0].meta.lintIgnore.push_back({s, s});
        if (!s.empty()) {
            c.events[0].meta.extras.emplace_back(s, yaml::Node::scalar(s, true));
            auto seq = yaml::Node::sequence();
            seq.push(yaml::Node::scalar(s, true));
            auto map = yaml::Node::map();
            map.put(yaml::Node::scalar(s, true), yaml::Node::scalar(s, true));
            seq.push(map);
            c.meta.extras.emplace_back("x_" + s, seq);
        }
        requireRoundTrip(c);
    }
}

TEST_CASE("words a YAML 1.1 reader would turn into booleans, nulls or numbers are quoted", "[io][save]") {
    for (std::string w : {"yes", "No", "on", "OFF", "y", "~", "null", "0x1F", "1e3", "012", "12:30", "2019-05-03", "<<"}) {
        Case c = base();
        c.events[0].what = w;
        c.people[0].aliases = {w};
        std::string saved = saveCaseToString(c);
        INFO(saved);
        CHECK(saved.find("what: \"" + w + "\"") != std::string::npos);
        CHECK(saved.find("aliases: [\"" + w + "\"]") != std::string::npos);
    }
    // ordinary text stays plain, so files stay readable
    Case c = base();
    c.events[0].what = "Police attended at 22:40, 3 officers";
    CHECK(saveCaseToString(c).find("what: Police attended at 22:40, 3 officers") != std::string::npos);
}

TEST_CASE("plain unknown values another tool wrote stay plain - quoted ones stay quoted", "[io][save]") {
    auto r = loadCaseString(std::string(kBase) + "x_count: 3\nx_flag: yes\nx_text: \"3\"\n", "x.yaml");
    REQUIRE(r.model);
    std::string saved = saveCaseToString(*r.model);
    CHECK(saved.find("x_count: 3\n") != std::string::npos);
    CHECK(saved.find("x_flag: yes\n") != std::string::npos);
    CHECK(saved.find("x_text: \"3\"\n") != std::string::npos);
}

TEST_CASE("text that is not UTF-8 is refused with the field named, and nothing is written", "[io][save]") {
    test::TempDir dir("save-utf8");
    std::string path = dir.file("case.yaml");
    saveCaseFile(base(), path);
    std::string before = readFile(path);
    Case c = base();
    c.events[0].what = "caf\xe9";
    try {
        saveCaseFile(c, path);
        FAIL("saved");
    } catch (const GenochronError& e) {
        CHECK(std::string(e.what()).find("events[0].what") != std::string::npos);
    }
    CHECK(readFile(path) == before);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);
}

TEST_CASE("a save whose file would read back differently is refused and the old file stays", "[io][save]") {
    test::TempDir dir("save-verify");
    std::string path = dir.file("case.yaml");
    saveCaseFile(base(), path);
    std::string before = readFile(path);
    Case c = base();
    c.publication.emplace();
    c.publication->childAge = 99;   // out of range: the loader reads the default instead
    try {
        saveCaseFile(c, path);
        FAIL("saved");
    } catch (const GenochronError& e) {
        std::string m = e.what();
        INFO(m);
        CHECK(m.find("not saved") != std::string::npos);
        CHECK(m.find("publication") != std::string::npos);
        CHECK(m.find("unchanged") != std::string::npos);
    }
    CHECK(readFile(path) == before);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);
    // and a check that throws refuses any write
    CHECK_THROWS(writeFileAtomic(path, "other", [](const std::string&) { throw GenochronError("no"); }));
    CHECK(readFile(path) == before);
}

TEST_CASE("saving through a symbolic link updates the file it points to", "[io][save]") {
    test::TempDir dir("save-link");
    fs::create_directories(dir.path / "real");
    std::string target = dir.file("real/case.yaml");
    saveCaseFile(base(), target);
    ::chmod(target.c_str(), 0640);
    fs::create_symlink("real/case.yaml", dir.path / "link.yaml");   // relative
    fs::create_symlink(dir.path / "link.yaml", dir.path / "link2.yaml");   // a link to the link
    Case c = base();
    c.events[0].what = "Edited through the link";
    saveCaseFile(c, dir.file("link2.yaml"));
    CHECK(fs::is_symlink(dir.path / "link.yaml"));
    CHECK(fs::is_symlink(dir.path / "link2.yaml"));
    auto r = loadCaseFile(target);
    REQUIRE(r.model);
    CHECK(r.model->events[0].what == "Edited through the link");
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    CHECK(std::distance(fs::directory_iterator(dir.path / "real"), fs::directory_iterator{}) == 1);
    // a dangling link: the file is created where it points
    fs::create_symlink("real/new.yaml", dir.path / "dangling.yaml");
    saveCaseFile(c, dir.file("dangling.yaml"));
    CHECK(fs::is_symlink(dir.path / "dangling.yaml"));
    CHECK(fs::is_regular_file(dir.path / "real" / "new.yaml"));
    // a loop is an error, not a hang
    fs::create_symlink("loop-b.yaml", dir.path / "loop-a.yaml");
    fs::create_symlink("loop-a.yaml", dir.path / "loop-b.yaml");
    CHECK_THROWS_AS(saveCaseFile(c, dir.file("loop-a.yaml")), GenochronError);
}

TEST_CASE("stale temp files of a killed save are removed on the next save - live and foreign ones stay", "[io][save]") {
    test::TempDir dir("save-stale");
    std::string path = dir.file("case.yaml");
    auto make = [&](const std::string& name, bool old) {
        std::string p = dir.write(name, "half a case");
        if (old) {
            utimbuf t{std::time(nullptr) - 3600, std::time(nullptr) - 3600};
            ::utime(p.c_str(), &t);
        }
        return p;
    };
    make(".case.yaml.tmp-Ab3xY9", true);                // killed save: goes
    make(".case.yaml.tmp-Qq1234", false);               // written a moment ago: may be a save in progress
    std::string locked = make(".case.yaml.tmp-Lk0001", true);   // old, but a live save holds its lock
    make(".case.yaml.tmp-toolong1", true);              // not our pattern
    make(".other.yaml.tmp-Ab3xY9", true);               // another file's
    make("case.yaml.tmp-Ab3xY9", true);                 // not hidden: not ours
    fs::create_symlink("/etc/hostname", dir.path / ".case.yaml.tmp-Sym123");   // never followed or removed
    int lockFd = ::open(locked.c_str(), O_RDONLY);
    REQUIRE(lockFd >= 0);
    REQUIRE(::flock(lockFd, LOCK_EX) == 0);
    saveCaseFile(base(), path);
    CHECK_FALSE(fs::exists(dir.path / ".case.yaml.tmp-Ab3xY9"));
    CHECK(fs::exists(dir.path / ".case.yaml.tmp-Qq1234"));
    CHECK(fs::exists(dir.path / ".case.yaml.tmp-Lk0001"));
    CHECK(fs::exists(dir.path / ".case.yaml.tmp-toolong1"));
    CHECK(fs::exists(dir.path / ".other.yaml.tmp-Ab3xY9"));
    CHECK(fs::exists(dir.path / "case.yaml.tmp-Ab3xY9"));
    CHECK(fs::is_symlink(dir.path / ".case.yaml.tmp-Sym123"));
    ::close(lockFd);
    // once the lock is gone, the next save removes it
    saveCaseFile(base(), path);
    CHECK_FALSE(fs::exists(dir.path / ".case.yaml.tmp-Lk0001"));
}
