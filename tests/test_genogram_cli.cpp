// `genochron layout` (the genogram as JSON with its quality) and `render --view genogram`.
#include "support.hpp"
#include "test_genogram_support.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

using namespace genochron;
using namespace genochron::test;

namespace {

std::string family(const std::string& name) {
    return "'" + std::string(GENOCHRON_TEST_DATA) + "/families/" + name + ".yaml'";
}

}  // namespace

TEST_CASE("genochron layout prints the geometry and its quality as JSON", "[genogram][cli]") {
    auto r = runCli("layout " + family("four-generations"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["people"].size() == 18);
    for (auto& p : j["people"]) {
        for (const char* key : {"id", "label", "sex", "x", "y", "w", "h", "generation"}) CHECK(p.contains(key));
    }
    CHECK(j["people"][0]["w"] == 36);
    REQUIRE(j["unions"].size() == 6);
    CHECK(j["unions"][0].contains("partners"));
    CHECK(j["unions"][0].contains("children"));
    std::set<std::string> kinds;
    for (auto& ln : j["lines"]) {
        kinds.insert(ln["kind"].get<std::string>());
        CHECK(ln["points"].size() >= 2);
    }
    CHECK(kinds == std::set<std::string>{"partnership", "descent", "sibship", "child", "relation"});
    REQUIRE(j["bbox"].size() == 4);
    CHECK(j["bbox"][2].get<double>() > 300);
    auto q = j["quality"];
    CHECK(q["crossings"] == 0);
    CHECK(q["partner_gap"] == 0);
    CHECK(q["partners_off_row"] == 0);
    CHECK(q["sibling_inversions"] == 0);
    // Relation lines measured against the family: an extra key, the four above unchanged.
    REQUIRE(q.contains("relation_crossings"));
    CHECK(q["relation_crossings"].get<int>() <= 5);
}

TEST_CASE("genochron layout --person --depth draws the family around someone", "[genogram][cli]") {
    auto r = runCli("layout '" + sample("ashford-dhr.yaml") + "' --person nicole --depth 1");
    REQUIRE(r.exitCode == 0);
    CHECK(nlohmann::json::parse(r.out)["people"].size() == 12);
    auto bad = runCli("layout '" + sample("ashford-dhr.yaml") + "' --person nobody");
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("nobody") != std::string::npos);
    CHECK(bad.out.empty());
}

TEST_CASE("genochron layout --anonymise gives opaque ids and pseudonyms", "[genogram][cli]") {
    auto r = runCli("layout '" + sample("ashford-dhr.yaml") + "' --anonymise");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("Nicole") == std::string::npos);
    CHECK(r.out.find("nicole") == std::string::npos);
    CHECK(r.out.find("Ashford") == std::string::npos);
    auto j = nlohmann::json::parse(r.out);
    for (auto& p : j["people"]) CHECK(p["id"].get<std::string>().rfind("p", 0) == 0);
    CHECK(j["quality"]["crossings"] == 0);
}

TEST_CASE("genochron render --view genogram writes PNG, SVG and PDF", "[genogram][cli]") {
    TempDir dir("genogram-render");
    for (const char* ext : {"png", "svg", "pdf"}) {
        std::string out = dir.file(std::string("g.") + ext);
        auto r = runCli("render '" + sample("ashford-dhr.yaml") + "' --view genogram --theme print -o '" + out + "'");
        INFO(r.err);
        CHECK(r.exitCode == 0);
        CHECK(std::filesystem::file_size(out) > 1000);
    }
    auto bad = runCli("render '" + sample("ashford-dhr.yaml") + "' --view genogram --person nobody -o '" +
                      dir.file("x.png") + "'");
    CHECK(bad.exitCode == 2);
    CHECK_FALSE(std::filesystem::exists(dir.file("x.png")));   // nothing half-written
}
