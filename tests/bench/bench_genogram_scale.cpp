// Genogram layout on shapes that once hung it: one person with many partners (serial
// partners, each with a child), and random families (random partnerships within a
// generation, so partner rows join into large components). Prints the CPU time of the
// family model with its row ordering (buildFamily), of the whole layout, and peak memory.
//   build/tests/bench_genogram_scale [partners=100,400,800] [random=200,2000]
// e.g. bench_genogram_scale partners=800 random=
#include "core/figures/genogram/genogram_graph.hpp"
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/io/case_io.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <time.h>
#include <vector>

using namespace genochron;

namespace {

double cpuNow() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

long peakRssMb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

std::string header() { return "format: genochron/1\ncase: {title: Bench, kind: DHR, reference_date: 2021-06-14}\n"; }

// One person with `n` partners in turn (married, then divorced), a child with each.
std::string manyPartners(int n) {
    std::string people = "people:\n  - {id: hub, name: Hub, sex: male, born: 1950}\n", parts = "partnerships:\n";
    for (int i = 0; i < n; ++i) {
        people += fmt::format("  - {{id: w{0}, name: W{0}, sex: female, born: {1}}}\n", i, 1950 + i % 30);
        people += fmt::format("  - {{id: c{0}, name: C{0}, sex: {1}, born: {2}, parents: [hub, w{0}]}}\n", i,
                              i % 2 ? "male" : "female", 1975 + i % 30);
        parts += fmt::format("  - {{partners: [hub, w{0}], status: {1}, from: {2}}}\n", i, i + 1 < n ? "divorced" : "married",
                             1970 + i % 50);
    }
    return header() + people + parts;
}

// `n` people over five generations; partnerships between random people of one generation
// (about two partners each, so most of a generation is one partner row), children of random
// couples or lone parents of the generation above. Fixed seed.
std::string randomFamily(int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<int> gen(n);
    for (int i = 0; i < n; ++i) gen[i] = i * 5 / n;
    std::vector<std::vector<int>> byGen(5);
    for (int i = 0; i < n; ++i) byGen[gen[i]].push_back(i);
    std::vector<std::pair<int, int>> couples;
    std::set<std::pair<int, int>> seen;
    for (int g = 0; g < 5; ++g) {
        auto& v = byGen[g];
        int links = int(v.size());   // about two partners each: most of a generation joins one row
        for (int k = 0; k < links; ++k) {
            int a = v[rng() % v.size()], b = v[rng() % v.size()];
            if (a == b || seen.count({std::min(a, b), std::max(a, b)})) continue;
            seen.insert({std::min(a, b), std::max(a, b)});
            couples.push_back({a, b});
        }
    }
    std::vector<std::vector<int>> couplesOfGen(5);
    for (std::size_t i = 0; i < couples.size(); ++i) couplesOfGen[gen[couples[i].first]].push_back(int(i));
    std::string people = "people:\n", parts = "partnerships:\n";
    for (int i = 0; i < n; ++i) {
        std::string parents;
        int g = gen[i];
        unsigned r = rng() % 10;
        if (g > 0 && !couplesOfGen[g - 1].empty() && r < 7) {
            auto& cp = couples[couplesOfGen[g - 1][rng() % couplesOfGen[g - 1].size()]];
            parents = fmt::format(", parents: [r{}, r{}]", cp.first, cp.second);
        } else if (g > 0 && r < 8) {
            parents = fmt::format(", parents: [r{}]", byGen[g - 1][rng() % byGen[g - 1].size()]);
        }
        people += fmt::format("  - {{id: r{0}, name: R{0}, sex: {1}, born: {2}{3}}}\n", i, rng() % 2 ? "male" : "female",
                              1900 + 25 * g + int(rng() % 20), parents);
    }
    for (auto& [a, b] : couples)
        parts += fmt::format("  - {{partners: [r{}, r{}], status: married, from: {}}}\n", a, b, 1920 + 25 * gen[a] + int(rng() % 20));
    return header() + people + parts;
}

void run(const std::string& what, const std::string& yaml) {
    auto r = loadCaseString(yaml, what);
    if (!r.model) {
        std::fprintf(stderr, "%s: the generated case does not load\n", what.c_str());
        std::exit(1);
    }
    double t0 = cpuNow();
    auto fam = genogram::detail::buildFamily(*r.model, genogram::LayoutOptions{});
    double t1 = cpuNow();
    std::size_t biggest = 0;
    for (auto& row : fam.rows) {
        std::size_t people = 0;
        for (auto& it : row) people += !it.isUnion;
        biggest = std::max(biggest, people);
    }
    genogram::Layout l = genogram::layoutGenogram(ViewCase::named(*r.model));
    double t2 = cpuNow();
    std::printf("%-22s %6zu people, largest partner row %5zu: family+ordering %8.0f ms, whole layout %8.0f ms, "
                "quality %d/%d/%d/%d, peak RSS %ld MB\n",
                what.c_str(), r.model->people.size(), biggest, (t1 - t0) * 1000, (t2 - t1) * 1000, l.quality.crossings,
                l.quality.partnerGap, l.quality.partnersOffRow, l.quality.siblingInversions, peakRssMb());
    std::fflush(stdout);
}

std::vector<int> numbers(const char* s) {
    std::vector<int> v;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) v.push_back(std::atoi(item.c_str()));
    return v;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> partners = {100, 400, 800}, random = {200, 2000};
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "partners=", 9) == 0) partners = numbers(argv[i] + 9);
        else if (std::strncmp(argv[i], "random=", 7) == 0) random = numbers(argv[i] + 7);
    }
    for (int n : partners) run(fmt::format("{} partners", n), manyPartners(n));
    for (int n : random) run(fmt::format("random family {}", n), randomFamily(n, 11));
    return 0;
}
