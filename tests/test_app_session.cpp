// The app's open case and the file on disk: a second window on the same case, a save
// after another program changed the file, autosaves that belong to another window.
#include "app/session/session.hpp"
#include "core/io/autosave.hpp"
#include "core/io/case_io.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace genochron;
using namespace genochron::app;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

const char* kCase = "format: genochron/1\ncase: {title: Review of a fictional case}\n"
                    "people:\n  - {id: ava, name: Ava Field}\n";

void rename(CaseSession& s, const std::string& title) {
    CaseInfo info = s.model().info;
    info.title = title;
    REQUIRE(s.execute(std::make_unique<SetCaseInfo>(info, "title")));
}

std::string titleOnDisk(const std::string& path) {
    auto r = loadCaseFile(path);
    REQUIRE(r.model);
    return r.model->info.title;
}

}  // namespace

TEST_CASE("a save after another program changed the file asks instead of overwriting", "[app][session][lock]") {
    test::TempDir dir("session-changed");
    auto path = dir.write("case.yaml", kCase);
    EventBus bus;
    CaseSession s(bus);
    s.open(path);
    CHECK(s.lock().held());
    CHECK_FALSE(s.changedOnDisk());
    rename(s, "Edited in the app");

    // the command line (or an editor) saves the case meanwhile
    auto other = loadCaseFile(path);
    REQUIRE(other.model);
    other.model->info.title = "Changed by an import";
    saveCaseFile(*other.model, path);
    CHECK(s.changedOnDisk());
    CHECK_THROWS_AS(s.save(), CaseSession::ChangedOnDisk);
    CHECK(titleOnDisk(path) == "Changed by an import");   // untouched
    CHECK(s.dirty());

    SECTION("overwrite, when the user says so") {
        s.save(true);
        CHECK(titleOnDisk(path) == "Edited in the app");
        CHECK_FALSE(s.changedOnDisk());
        CHECK_FALSE(s.dirty());
        rename(s, "Edited again");
        s.save();   // our own save is not a change on disk
        CHECK(titleOnDisk(path) == "Edited again");
    }
    SECTION("reload") {
        s.reload();
        CHECK(s.model().info.title == "Changed by an import");
        CHECK_FALSE(s.dirty());
        CHECK_FALSE(s.changedOnDisk());
        CHECK(s.lock().held());
    }
    SECTION("save as") {
        s.saveAs(dir.file("mine.yaml"));
        CHECK(titleOnDisk(dir.file("mine.yaml")) == "Edited in the app");
        CHECK(titleOnDisk(path) == "Changed by an import");
        CHECK(s.lock().held());
        CHECK(fs::exists(dir.file(".mine.yaml.lock")));
        CHECK_FALSE(fs::exists(dir.file(".case.yaml.lock")));   // the old file's lock is let go
    }
    SECTION("the file deleted") {
        fs::remove(path);
        CHECK(s.changedOnDisk());
        CHECK_THROWS_AS(s.save(), CaseSession::ChangedOnDisk);
        CHECK_FALSE(fs::exists(path));
    }
}

TEST_CASE("a second window on a case is warned and never takes the first one's autosave", "[app][session][lock]") {
    test::TempDir dir("session-two");
    auto path = dir.write("case.yaml", kCase);
    EventBus bus;
    CaseSession first(bus), second(bus);
    first.open(path);
    first.setAutosaveInterval(0s);
    REQUIRE(first.lock().held());
    rename(first, "First window's unsaved edit");
    REQUIRE(first.tickAutosave());
    const std::string firstAutosave = autosavePathFor(path);
    REQUIRE(fs::exists(firstAutosave));
    fs::last_write_time(path, fs::last_write_time(firstAutosave) - 10s);   // the autosave is newer

    second.open(path);
    second.setAutosaveInterval(0s);
    CHECK(second.lock().state() == CaseLock::State::HeldByOther);
    CHECK(second.lock().other().pid == ::getpid());
    CHECK_FALSE(second.recovery());   // not offered: it belongs to a live window
    second.discardRecovery();
    CHECK(fs::exists(firstAutosave));   // and not deleted
    rename(second, "Second window's edit");
    REQUIRE(second.tickAutosave());
    const std::string secondAutosave = autosavePathFor(path, ::getpid());
    CHECK(fs::exists(secondAutosave));
    CHECK(titleOnDisk(firstAutosave) == "First window's unsaved edit");   // not overwritten

    // the second saves first; then the first is asked
    second.save();
    CHECK_FALSE(fs::exists(secondAutosave));
    CHECK(fs::exists(firstAutosave));
    CHECK_THROWS_AS(first.save(), CaseSession::ChangedOnDisk);

    SECTION("once the first window closes, a new window holds the lock and is offered its autosave") {
        first.discardRecovery();   // the holder may discard its own
        CHECK_FALSE(fs::exists(firstAutosave));
    }
    SECTION("the first window's lock outlives the second") {
        second.newCase();
        CHECK(fs::exists(dir.file(".case.yaml.lock")));
        CHECK(first.lock().held());
    }
}

TEST_CASE("a crashed window's autosave is offered to the next one that opens the case", "[app][session][lock]") {
    test::TempDir dir("session-crash");
    auto path = dir.write("case.yaml", kCase);
    auto res = loadCaseFile(path);
    REQUIRE(res.model);
    res.model->info.title = "Unsaved before the crash";
    saveCaseFile(*res.model, autosavePathFor(path));
    fs::last_write_time(path, fs::last_write_time(autosavePathFor(path)) - 10s);
    // its lock is left behind, by a process that has gone
    pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    std::ofstream(dir.file(".case.yaml.lock")) << "genochron lock\npid: " << child << "\nhost: " << host << "\n";

    EventBus bus;
    CaseSession s(bus);
    s.open(path);
    CHECK(s.lock().held());
    CHECK(s.lock().staleRemoved());
    REQUIRE(s.recovery());
    CHECK(*s.recovery() == autosavePathFor(path));
}
