// --person with --anonymise: the anonymised case has opaque ids, so the CLI translates
// the id the case file uses ("adam") to the published one ("p3"); the published id is
// accepted too. What comes out still passes the audit.
#include "core/io/case_io.hpp"
#include "core/anonymise/view_case.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace genochron;
using namespace genochron::test;

namespace {

const std::string kSample = sample("ashford-dhr.yaml");

std::string publishedId(const std::string& realId) {
    auto res = loadCaseFile(kSample);
    REQUIRE(res.ok());
    AnonymisedCase a = anonymise(*res.model);
    return a.idMap().at(realId);
}

std::string q(const std::string& s) { return "'" + s + "'"; }

std::size_t peopleIn(const std::string& layoutJson) {
    return nlohmann::json::parse(layoutJson).at("people").size();
}

}  // namespace

TEST_CASE("render --person with --anonymise takes the case file's id, and the output passes the audit",
          "[anonymise][cli]") {
    TempDir dir("anon-person");
    const std::string pid = publishedId("adam");
    REQUIRE(pid != "adam");
    for (const char* view : {"timeline", "genogram", "chronology"}) {
        for (const std::string& id : {std::string("adam"), pid}) {
            // Named by the kind of id, not the id: an output called "...-adam.pdf" names him.
            const std::string which = id == "adam" ? "real-id" : "published-id";
            std::string out = dir.file(std::string(view) + "-" + which + ".pdf");
            auto r = runCli("render " + q(kSample) + " --view " + view + " --person " + id + " --anonymise -o " + q(out));
            INFO(view << " --person " << id << ": " << r.err);
            REQUIRE(r.exitCode == 0);
            auto a = runCli("audit " + q(out) + " --case " + q(kSample));
            INFO(a.out << a.err);
            CHECK(a.exitCode == 0);
        }
        // The real id and the published id pick the same person: the same figure.
        std::ifstream f1(dir.file(std::string(view) + "-real-id.pdf"), std::ios::binary),
            f2(dir.file(std::string(view) + "-published-id.pdf"), std::ios::binary);
        std::string b1((std::istreambuf_iterator<char>(f1)), {}), b2((std::istreambuf_iterator<char>(f2)), {});
        CHECK(b1 == b2);
    }
    // An id that is neither is still refused, and nothing is written.
    std::string bad = dir.file("nobody.pdf");
    auto r = runCli("render " + q(kSample) + " --view timeline --person nobody --anonymise -o " + q(bad));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("nobody") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(bad));
}

TEST_CASE("layout --person with --anonymise draws the same family as without", "[anonymise][cli][genogram]") {
    TempDir dir("anon-person-layout");
    auto named = runCli("layout " + q(kSample) + " --person adam --depth 1");
    REQUIRE(named.exitCode == 0);
    auto whole = runCli("layout " + q(kSample) + " --anonymise");
    REQUIRE(whole.exitCode == 0);
    for (const std::string& id : {std::string("adam"), publishedId("adam")}) {
        auto anon = runCli("layout " + q(kSample) + " --person " + id + " --depth 1 --anonymise");
        INFO(anon.err);
        REQUIRE(anon.exitCode == 0);
        CHECK(peopleIn(anon.out) == peopleIn(named.out));
        CHECK(peopleIn(anon.out) < peopleIn(whole.out));
        std::string json = dir.write(std::string("layout-") + (id == "adam" ? "real-id" : "published-id") + ".json", anon.out);
        auto a = runCli("audit " + q(json) + " --case " + q(kSample));
        INFO(a.out << a.err);
        CHECK(a.exitCode == 0);
    }
}
