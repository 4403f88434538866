// render's page orientation: what is asked for, else what prints the figure best.
#include "core/io/atomic_file.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace genochron;
using namespace genochron::test;

namespace {

// Cairo writes each page's MediaBox as "[ 0 0 W H ]".
bool isLandscapePdf(const std::string& path) {
    const std::string pdf = readFile(path);
    const auto at = pdf.find("/MediaBox [ 0 0 ");
    REQUIRE(at != std::string::npos);
    double w = 0, h = 0;
    REQUIRE(std::sscanf(pdf.c_str() + at + 16, "%lf %lf", &w, &h) == 2);
    return w > h;
}

}  // namespace

TEST_CASE("render on a paper page: landscape for time axes, the larger print for a genogram, or as asked", "[render]") {
    TempDir dir("render-orientation");
    const std::string cas = "'" + sample("ashford-dhr.yaml") + "'";
    for (const char* view : {"timeline", "chronology", "actions"}) {
        INFO(view);
        const std::string out = dir.file(std::string(view) + ".pdf");
        REQUIRE(runCli("render " + cas + " --view " + view + " --page a4 -o '" + out + "'").exitCode == 0);
        CHECK(isLandscapePdf(out));
        REQUIRE(runCli("render " + cas + " --view " + view + " --page a4 --portrait -o '" + out + "'").exitCode == 0);
        CHECK_FALSE(isLandscapePdf(out));
    }
    // The sample's family is much wider than tall: landscape prints it larger.
    const std::string g = dir.file("genogram.pdf");
    REQUIRE(runCli("render " + cas + " --view genogram --page a3 -o '" + g + "'").exitCode == 0);
    CHECK(isLandscapePdf(g));
    REQUIRE(runCli("render " + cas + " --view genogram --page a3 --portrait -o '" + g + "'").exitCode == 0);
    CHECK_FALSE(isLandscapePdf(g));
    // One family line of three generations is taller than wide: portrait.
    const std::string tall = dir.write("tall.yaml", R"(format: genochron/1
case: {title: "Tall family", kind: DHR, reference_date: 2021-06-14}
people:
  - {id: a, name: Ann Example, sex: female, born: 1940-01-01}
  - {id: b, name: Bea Example, sex: female, born: 1965-01-01, parents: [a]}
  - {id: c, name: Cal Example, sex: male, born: 1990-01-01, parents: [b], roles: [victim], index: true}
)");
    const std::string t = dir.file("tall.pdf");
    auto r = runCli("render '" + tall + "' --view genogram --page a4 --no-legend -o '" + t + "'");
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(isLandscapePdf(t));
    // Both at once is a mistake, and nothing is written.
    const std::string both = dir.file("both.pdf");
    CHECK(runCli("render " + cas + " --view genogram --page a4 --portrait --landscape -o '" + both + "'").exitCode == 2);
    CHECK_FALSE(std::filesystem::exists(both));
}
