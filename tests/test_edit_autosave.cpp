// Autosave and recovery: written atomically when dirty, offered when newer, removed on save.
#include "core/io/autosave.hpp"
#include "core/io/case_io.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <unistd.h>

using namespace genochron;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "genochron-autosave-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()));
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

Case sample() {
    auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/minimal.yaml");
    REQUIRE(res.ok());
    return *res.model;
}

}  // namespace

TEST_CASE("the autosave is a hidden file next to the case", "[edit]") {
    CHECK(autosavePathFor("/cases/ashford.yaml") == "/cases/.ashford.autosave.yaml");
    CHECK(autosavePathFor("minimal.yaml") == ".minimal.autosave.yaml");
}

TEST_CASE("autosave writes only when dirty, changed and the interval has passed", "[edit]") {
    TempDir dir;
    std::string casePath = (dir.path / "case.yaml").string();
    Case c = sample();
    saveCaseFile(c, casePath);
    Autosaver saver(60s);
    saver.setCasePath(casePath);
    auto t0 = Autosaver::Clock::now();
    std::string autoPath = autosavePathFor(casePath);

    CHECK_FALSE(saver.tick(c, false, 1, t0 + 120s));   // clean: nothing to keep
    CHECK_FALSE(fs::exists(autoPath));
    c.info.title = "Edited title";
    CHECK_FALSE(saver.tick(c, true, 2, t0));           // first change: the interval starts
    CHECK_FALSE(saver.tick(c, true, 2, t0 + 59s));
    CHECK(saver.tick(c, true, 2, t0 + 60s));
    REQUIRE(fs::exists(autoPath));
    CHECK_FALSE(saver.tick(c, true, 2, t0 + 200s));    // unchanged since: no rewrite
    auto reread = loadCaseFile(autoPath);
    REQUIRE(reread.ok());
    CHECK(*reread.model == c);
    CHECK(saver.lastError().empty());
}

TEST_CASE("an autosave newer than the case is offered for recovery", "[edit]") {
    TempDir dir;
    std::string casePath = (dir.path / "case.yaml").string();
    Case c = sample();
    saveCaseFile(c, casePath);
    CHECK_FALSE(findRecovery(casePath));

    Case edited = c;
    edited.info.title = "Unsaved title";
    Autosaver saver(1s);
    saver.setCasePath(casePath);
    auto t0 = Autosaver::Clock::now();
    saver.tick(edited, true, 7, t0);
    REQUIRE(saver.tick(edited, true, 7, t0 + 2s));
    // File times can be equal within the filesystem's resolution: make the case older.
    fs::last_write_time(casePath, fs::last_write_time(autosavePathFor(casePath)) - 10s);
    auto rec = findRecovery(casePath);
    REQUIRE(rec);
    auto recovered = loadCaseFile(*rec);
    REQUIRE(recovered.ok());
    CHECK(recovered.model->info.title == "Unsaved title");

    SECTION("a later save of the case makes the autosave stale") {
        fs::last_write_time(casePath, fs::last_write_time(*rec) + 10s);
        CHECK_FALSE(findRecovery(casePath));
    }
    SECTION("a clean save removes the autosave") {
        saveCaseFile(edited, casePath);
        saver.onSaved();
        CHECK_FALSE(fs::exists(autosavePathFor(casePath)));
        CHECK_FALSE(findRecovery(casePath));
    }
    SECTION("declining recovery removes it") {
        discardAutosave(casePath);
        CHECK_FALSE(findRecovery(casePath));
    }
}

TEST_CASE("an untitled case has no autosave and a failed write is reported, not thrown", "[edit]") {
    Case c = sample();
    Autosaver saver(1s);
    auto t0 = Autosaver::Clock::now();
    CHECK_FALSE(saver.tick(c, true, 1, t0));
    CHECK_FALSE(saver.tick(c, true, 1, t0 + 5s));
    saver.setCasePath("/nonexistent-folder-genochron/case.yaml");
    saver.tick(c, true, 2, t0);
    CHECK_FALSE(saver.tick(c, true, 2, t0 + 5s));
    CHECK_FALSE(saver.lastError().empty());
}
