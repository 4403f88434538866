// `genochron render CASE --view timeline -o OUT`: the figure through the command line.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace genochron::test;

namespace {

std::string head(const std::string& path, std::size_t n) {
    std::ifstream in(path, std::ios::binary);
    std::string s(n, '\0');
    in.read(s.data(), std::streamsize(n));
    s.resize(std::size_t(in.gcount()));
    return s;
}

}  // namespace

TEST_CASE("render --view timeline writes PNG, SVG and PDF in both themes", "[timeline][cli]") {
    TempDir dir("timeline-cli");
    const std::string cs = "'" + sample("ashford-dhr.yaml") + "'";
    auto png = runCli("render " + cs + " --view timeline --dpi 40 -o '" + dir.file("t.png") + "'");
    INFO(png.err);
    CHECK(png.exitCode == 0);
    CHECK(head(dir.file("t.png"), 8) == "\x89PNG\r\n\x1a\n");
    auto pdf = runCli("render " + cs + " --view timeline --theme print -o '" + dir.file("t.pdf") + "'");
    CHECK(pdf.exitCode == 0);
    CHECK(head(dir.file("t.pdf"), 5) == "%PDF-");
    auto svg = runCli("render " + cs + " --view timeline --person adam --tag incident -o '" + dir.file("t.svg") + "'");
    CHECK(svg.exitCode == 0);
    CHECK(head(dir.file("t.svg"), 5) == "<?xml");
}

TEST_CASE("render --view timeline refuses an unknown person and writes nothing", "[timeline][cli]") {
    TempDir dir("timeline-cli-bad");
    auto r = runCli("render '" + sample("ashford-dhr.yaml") + "' --view timeline --person nobody -o '" +
                    dir.file("t.png") + "'");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("nobody") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("t.png")));
}
