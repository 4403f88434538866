// Two windows on one case: the lock file beside it (live, stale, taken over) and the
// file stamp a save compares before it overwrites.
#include "core/io/autosave.hpp"
#include "core/io/case_io.hpp"
#include "core/io/case_lock.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace genochron;
namespace fs = std::filesystem;

namespace {

std::string thisHost() {
    char buf[256] = {};
    ::gethostname(buf, sizeof buf - 1);
    return buf;
}

// The pid of a process that has ended (and been reaped).
long deadPid() {
    pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

void writeLock(const std::string& path, long pid, const std::string& host) {
    std::ofstream(path) << "genochron lock\npid: " << pid << "\nhost: " << host << "\nuser: sam\nsince: 1765100000\n";
}

}  // namespace

TEST_CASE("the lock file sits beside the case, beside a link's target", "[io][lock]") {
    CHECK(lockPathFor("/cases/ashford.yaml") == "/cases/.ashford.yaml.lock");
    test::TempDir dir("lock-path");
    fs::create_directories(dir.path / "real");
    auto target = dir.write("real/case.yaml", "format: genochron/1\n");
    fs::create_symlink(target, dir.file("link.yaml"));
    CHECK(lockPathFor(dir.file("link.yaml")) == (dir.path / "real" / ".case.yaml.lock").string());
}

TEST_CASE("a second window on a case finds it locked by the first, with its pid and host", "[io][lock]") {
    test::TempDir dir("lock-live");
    auto casePath = dir.write("case.yaml", "format: genochron/1\n");
    auto first = CaseLock::acquire(casePath);
    REQUIRE(first.held());
    CHECK_FALSE(first.staleRemoved());
    REQUIRE(fs::exists(dir.file(".case.yaml.lock")));
    LockOwner written;
    REQUIRE(readLockOwner(dir.file(".case.yaml.lock"), written));
    CHECK(written.pid == ::getpid());
    CHECK(written.host == thisHost());

    auto second = CaseLock::acquire(casePath);   // its own flock: refused even in one process
    CHECK(second.state() == CaseLock::State::HeldByOther);
    CHECK(second.other().pid == ::getpid());
    CHECK(second.other().host == thisHost());
    CHECK(second.other().describe().find(std::to_string(::getpid())) != std::string::npos);
    second.release();   // not ours: nothing removed
    CHECK(fs::exists(dir.file(".case.yaml.lock")));

    first.release();
    CHECK_FALSE(fs::exists(dir.file(".case.yaml.lock")));
    auto third = CaseLock::acquire(casePath);
    CHECK(third.held());
    {
        CaseLock moved = std::move(third);   // a moved lock is released once, by its new owner
        CHECK(moved.held());
        CHECK_FALSE(third.held());
    }
    CHECK_FALSE(fs::exists(dir.file(".case.yaml.lock")));
}

TEST_CASE("a lock whose process has gone is stale and taken over", "[io][lock]") {
    test::TempDir dir("lock-stale");
    auto casePath = dir.write("case.yaml", "format: genochron/1\n");
    long gone = deadPid();
    writeLock(dir.file(".case.yaml.lock"), gone, thisHost());
    auto lock = CaseLock::acquire(casePath);
    REQUIRE(lock.held());
    CHECK(lock.staleRemoved());
    CHECK(lock.other().pid == gone);
    LockOwner now;
    REQUIRE(readLockOwner(dir.file(".case.yaml.lock"), now));
    CHECK(now.pid == ::getpid());
}

TEST_CASE("a lock of a live process, or of another host, is not stale", "[io][lock]") {
    test::TempDir dir("lock-other");
    auto casePath = dir.write("case.yaml", "format: genochron/1\n");
    SECTION("a live process on this host (pid 1 is always there) without a working flock") {
        writeLock(dir.file(".case.yaml.lock"), 1, thisHost());
        auto lock = CaseLock::acquire(casePath);
        CHECK(lock.state() == CaseLock::State::HeldByOther);
        CHECK(lock.other().pid == 1);
    }
    SECTION("another host: its process cannot be checked from here") {
        writeLock(dir.file(".case.yaml.lock"), deadPid(), "laptop-of-someone-else");
        auto lock = CaseLock::acquire(casePath);
        CHECK(lock.state() == CaseLock::State::HeldByOther);
        CHECK(lock.other().host == "laptop-of-someone-else");
        CHECK(lock.other().describe().find("laptop-of-someone-else") != std::string::npos);
        SECTION("... unless the user takes it over") {
            auto taken = CaseLock::acquire(casePath, true);
            CHECK(taken.held());
            CHECK_FALSE(taken.staleRemoved());
            CHECK(taken.other().host == "laptop-of-someone-else");
        }
    }
    SECTION("a lock file that is not ours: live while fresh, stale when old") {
        dir.write(".case.yaml.lock", "");
        CHECK(CaseLock::acquire(casePath).state() == CaseLock::State::HeldByOther);
        fs::last_write_time(dir.file(".case.yaml.lock"), fs::file_time_type::clock::now() - std::chrono::minutes(5));
        auto lock = CaseLock::acquire(casePath);
        CHECK(lock.held());
        CHECK(lock.staleRemoved());
    }
}

TEST_CASE("a window whose lock was taken over does not remove the new owner's lock", "[io][lock]") {
    test::TempDir dir("lock-takeover");
    auto casePath = dir.write("case.yaml", "format: genochron/1\n");
    auto first = CaseLock::acquire(casePath);
    REQUIRE(first.held());
    auto second = CaseLock::acquire(casePath, true);
    REQUIRE(second.held());
    first.release();
    REQUIRE(fs::exists(dir.file(".case.yaml.lock")));
    LockOwner o;
    REQUIRE(readLockOwner(dir.file(".case.yaml.lock"), o));
    CHECK(o.pid == ::getpid());
    CHECK(CaseLock::acquire(casePath).state() == CaseLock::State::HeldByOther);   // second's flock holds
    second.release();
    CHECK_FALSE(fs::exists(dir.file(".case.yaml.lock")));
}

TEST_CASE("the file stamp changes when another program saves the case", "[io][lock]") {
    test::TempDir dir("stamp");
    auto casePath = dir.write("case.yaml", "format: genochron/1\ncase: {title: A}\n");
    const FileStamp read = fileStamp(casePath);
    REQUIRE(read.exists);
    CHECK(fileStamp(casePath) == read);
    SECTION("an atomic save (a new inode, same size)") {
        auto res = loadCaseFile(casePath);
        REQUIRE(res.model);
        saveCaseFile(*res.model, casePath);
        CHECK_FALSE(fileStamp(casePath) == read);
    }
    SECTION("an editor writing in place") {
        std::ofstream(casePath, std::ios::app) << "# more\n";
        CHECK_FALSE(fileStamp(casePath) == read);
    }
    SECTION("deleted") {
        fs::remove(casePath);
        CHECK_FALSE(fileStamp(casePath).exists);
        CHECK_FALSE(fileStamp(casePath) == read);
    }
    SECTION("through a link: the target's") {
        fs::create_symlink(casePath, dir.file("link.yaml"));
        CHECK(fileStamp(dir.file("link.yaml")) == read);
    }
}

TEST_CASE("a window without the lock autosaves to a file of its own", "[io][lock][edit]") {
    CHECK(autosavePathFor("/cases/ashford.yaml", 4123) == "/cases/.ashford.autosave-4123.yaml");
    CHECK(autosavePathFor("/cases/ashford.yaml") == "/cases/.ashford.autosave.yaml");
}
