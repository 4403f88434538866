// The `check` command and the exit codes every subcommand shares.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace genochron::test;

TEST_CASE("check on every sample exits 0 or 1", "[cli][check]") {
    for (auto* name : {"ashford-dhr.yaml", "minimal.yaml"}) {
        auto r = runCli("check '" + sample(name) + "'");
        INFO(name << "\n" << r.out << r.err);
        CHECK((r.exitCode == 0 || r.exitCode == 1));
    }
}

TEST_CASE("check --json prints every finding with its fields", "[cli][check]") {
    TempDir tmp("check-json");
    auto path = tmp.write("case.yaml", "format: genochron/1\nevents:\n  - {date: 2019, missed_opportunity: x}\n");
    auto r = runCli("check --json '" + path + "'");
    CHECK(r.exitCode == 1);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].is_array());
    REQUIRE_FALSE(j["findings"].empty());
    bool found = false;
    for (auto& f : j["findings"]) {
        for (auto* k : {"severity", "category", "code", "message", "file", "line", "column", "id"}) CHECK(f.contains(k));
        if (f["code"] == "missed-opportunity-without-analysis") {
            found = true;
            CHECK(f["category"] == "consistency");
            CHECK(f["line"] == 3);
            CHECK(f["id"] == "e001");
            CHECK(f["severity"] == "warning");
        }
    }
    CHECK(found);
}

TEST_CASE("malformed files exit 2 with file, line and column", "[cli][check]") {
    TempDir tmp("check-bad");
    struct Bad {
        const char* name;
        std::string text;
        const char* expect;   // must appear in stderr or stdout
    };
    std::vector<Bad> bad = {
        {"syntax.yaml", "format: genochron/1\npeople:\n  - id: a\n    name: [oops\n", "syntax.yaml:"},
        {"empty.yaml", "", "empty.yaml:1:1: error"},
        {"binary.yaml", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10), "binary.yaml:1:"},
        {"deep.yaml", "format: genochron/1\nx: " + std::string(3000, '[') + "\n", "deep.yaml:2:"},
        {"ref.yaml", "format: genochron/1\npeople:\n  - {id: a, parents: [b]}\n", "ref.yaml:3:"},
        {"enum.yaml", "format: genochron/1\npeople:\n  - id: a\n    sex: mail\n", "ref.yaml"},
        {"date.yaml", "format: genochron/1\nevents:\n  - date: 31/02/2019\n", "date.yaml:3:11: error"},
        {"nodate.yaml", "format: genochron/1\nevents:\n  - what: x\n", "nodate.yaml:3:5: error"},
        {"notmap.yaml", "- just\n- a list\n", "notmap.yaml:1:1: error"},
    };
    bad[5].expect = "enum.yaml:4:10: error";
    for (auto& b : bad) {
        auto path = tmp.write(b.name, b.text);
        auto r = runCli("check '" + path + "'");
        INFO(b.name << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exitCode == 2);
        CHECK((r.out + r.err).find(b.expect) != std::string::npos);
    }
    auto r = runCli("check /no/such/file.yaml");
    CHECK(r.exitCode == 2);
    CHECK((r.out + r.err).find("/no/such/file.yaml") != std::string::npos);
}

TEST_CASE("every subcommand has --help", "[cli]") {
    for (auto* sub : {"check", "render", "open"}) {
        auto r = runCli(std::string(sub) + " --help");
        INFO(sub << r.err);
        CHECK(r.exitCode == 0);
        CHECK(r.out.find("Usage") != std::string::npos);
    }
    auto top = runCli("--help");
    CHECK(top.exitCode == 0);
    for (auto* sub : {"check", "render", "layout", "import", "export", "audit"}) {
        INFO(sub);
        CHECK(top.out.find(sub) != std::string::npos);
        CHECK(runCli(std::string(sub) + " --help").exitCode == 0);
    }
}

TEST_CASE("bad input never writes a partial output file", "[cli][render]") {
    TempDir tmp("render-bad");
    auto path = tmp.write("bad.yaml", "format: genochron/1\npeople:\n  - {id: a, parents: [nobody]}\n");
    auto out = tmp.file("out.png");
    auto r = runCli("render '" + path + "' --view genogram -o '" + out + "'");
    CHECK(r.exitCode == 2);
    CHECK_FALSE(std::filesystem::exists(out));
    auto r2 = runCli("render '" + sample("minimal.yaml") + "' --view genogram -o '" + tmp.file("out.bmp") + "'");
    CHECK(r2.exitCode == 2);
    CHECK(r2.err.find(".png, .svg or .pdf") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp.file("out.bmp")));
    for (auto& e : std::filesystem::directory_iterator(tmp.path)) CHECK(e.path().filename() == "bad.yaml");
}

TEST_CASE("unknown subcommands and options exit 2", "[cli]") {
    CHECK(runCli("frobnicate x").exitCode == 2);
    CHECK(runCli("check --no-such-flag x.yaml").exitCode == 2);
}
