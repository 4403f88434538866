// Times the genogram on generated families (200 and 2,000 people by default): load +
// layout + draw to PDF, median of 3, beside `dot -Tpdf` on the same family written as a
// plain graph (people, a point per couple, parent -> couple -> child). The dot column is
// skipped when the `dot` program is not installed. Times are CPU time (user + system):
// ours of this process, dot's of the child process (the machine may be shared).
//   build/tests/bench_genogram [people ...]
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/figures/views.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <time.h>

using namespace genochron;

namespace {

struct GenPerson {
    std::string id;
    bool male;
    int born;
    int gen;
    std::vector<std::string> parents;
    bool married = false;
};

struct GenCouple {
    int a, b;   // indices into people
};

// A forest of families over five generations: couples have two to four children, most
// children marry someone from outside (and now and then a child of another family).
struct Family {
    std::vector<GenPerson> people;
    std::vector<GenCouple> couples;
};

Family generateFamily(int target, unsigned seed) {
    std::mt19937 rng(seed);
    Family f;
    auto add = [&](bool male, int born, int gen, std::vector<std::string> parents = {}) {
        f.people.push_back({fmt::format("p{}", f.people.size() + 1), male, born, gen, std::move(parents)});
        return int(f.people.size() - 1);
    };
    std::vector<int> tree;       // founding tree of each person
    std::vector<int> singles;    // unmarried children, for the odd marriage between two trees
    int trees = 0;
    while (int(f.people.size()) < target) {
        // A new founding couple, then their descendants breadth first, five generations deep.
        int a = add(true, 1900 + trees % 9, 0), b = add(false, 1902 + trees % 7, 0);
        tree.resize(f.people.size(), trees);
        f.people[a].married = f.people[b].married = true;
        f.couples.push_back({a, b});
        std::deque<int> queue{int(f.couples.size() - 1)};
        while (!queue.empty() && int(f.people.size()) < target) {
            GenCouple cp = f.couples[queue.front()];
            queue.pop_front();
            const int gen = f.people[cp.a].gen, born = f.people[cp.a].born;
            if (gen >= 5) continue;
            const int kids = 2 + int(rng() % 3);
            for (int k = 0; k < kids && int(f.people.size()) < target; ++k) {
                int child = add(rng() % 2, born + 24 + 2 * k, gen + 1, {f.people[cp.a].id, f.people[cp.b].id});
                tree.resize(f.people.size(), trees);
                if (rng() % 4 == 0 || int(f.people.size()) >= target) {
                    singles.push_back(child);
                    continue;
                }
                int spouse = -1;
                if (rng() % 25 == 0)   // now and then, a child of an earlier tree
                    for (int s : singles)
                        if (!f.people[s].married && f.people[s].gen == gen + 1 && tree[s] != trees) {
                            spouse = s;
                            break;
                        }
                if (spouse < 0) {
                    spouse = add(!f.people[child].male, f.people[child].born + 1, gen + 1);
                    tree.resize(f.people.size(), trees);
                }
                f.people[child].married = f.people[spouse].married = true;
                f.couples.push_back({child, spouse});
                queue.push_back(int(f.couples.size() - 1));
            }
        }
        ++trees;
    }
    return f;
}

std::string toYaml(const Family& f) {
    std::string s = "format: genochron/1\ncase:\n  title: \"Benchmark family\"\n  kind: DHR\n  reference_date: 2021-06-14\n";
    s += "people:\n";
    for (auto& p : f.people) {
        s += fmt::format("  - {{id: {}, name: \"Person {} Surname\", sex: {}, born: {}", p.id, p.id, p.male ? "male" : "female",
                         p.born);
        if (!p.parents.empty()) s += fmt::format(", parents: [{}, {}]", p.parents[0], p.parents[1]);
        s += "}\n";
    }
    s += "partnerships:\n";
    for (std::size_t i = 0; i < f.couples.size(); ++i)
        s += fmt::format("  - {{partners: [{}, {}], status: {}, from: {}}}\n", f.people[f.couples[i].a].id,
                         f.people[f.couples[i].b].id, i % 5 == 3 ? "divorced" : "married", f.people[f.couples[i].a].born + 22);
    return s;
}

// The plain graph anyone would hand to dot: people, a point per couple, parent -> couple -> child.
std::string toDot(const Family& f) {
    std::string s = "digraph family {\n  node [shape=box];\n";
    for (auto& p : f.people) s += fmt::format("  {} [label=\"Person {} Surname\"];\n", p.id, p.id);
    for (std::size_t i = 0; i < f.couples.size(); ++i) {
        s += fmt::format("  u{} [shape=point];\n  {} -> u{};\n  {} -> u{};\n", i, f.people[f.couples[i].a].id, i,
                         f.people[f.couples[i].b].id, i);
    }
    for (auto& p : f.people) {
        if (p.parents.empty()) continue;
        for (std::size_t i = 0; i < f.couples.size(); ++i)
            if ((f.people[f.couples[i].a].id == p.parents[0] && f.people[f.couples[i].b].id == p.parents[1]) ||
                (f.people[f.couples[i].a].id == p.parents[1] && f.people[f.couples[i].b].id == p.parents[0])) {
                s += fmt::format("  u{} -> {};\n", i, p.id);
                break;
            }
    }
    return s + "}\n";
}

// CPU seconds of this process so far.
double cpuNow() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// CPU seconds (user + system) of finished child processes so far.
double childCpu() {
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

double seconds(double a, double b) { return b - a; }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty()) sizes = {200, 2000};
    const bool haveDot = std::system("command -v dot >/dev/null 2>&1") == 0;
    const auto dir = std::filesystem::temp_directory_path();
    std::printf("%-8s %9s %9s %9s %9s %11s %9s %7s  %s\n", "people", "load", "layout", "scene", "pdf", "ours total",
                "dot -Tpdf", "ratio", "quality (crossings/gap/off-row/inversions)");
    for (int n : sizes) {
        Family fam = generateFamily(n, 7);
        const std::string yaml = (dir / fmt::format("genochron-bench-genogram-{}.yaml", n)).string();
        const std::string gv = (dir / fmt::format("genochron-bench-genogram-{}.gv", n)).string();
        const std::string pdf = (dir / fmt::format("genochron-bench-genogram-{}.pdf", n)).string();
        writeFileAtomic(yaml, toYaml(fam));
        writeFileAtomic(gv, toDot(fam));
        std::vector<double> load, layout, scene, paint, total, dot;
        genogram::Quality q;
        for (int rep = 0; rep < 3; ++rep) {
            double t0 = cpuNow();
            auto r = loadCaseFile(yaml);
            if (!r.ok()) {
                std::fprintf(stderr, "the generated family is invalid\n");
                return 1;
            }
            double t1 = cpuNow();
            genogram::Layout l = genogram::layoutGenogram(ViewCase::named(r.model->people.empty() ? Case{} : *r.model));
            q = l.quality;
            double t2 = cpuNow();
            ViewOptions vo;
            Document d = buildGenogramView(ViewCase::named(*r.model), vo);   // lays out again, then builds the scene
            double t3 = cpuNow();
            paintToFile(d, pdf, PaintOptions{});
            double t4 = cpuNow();
            load.push_back(seconds(t0, t1));
            layout.push_back(seconds(t1, t2));
            scene.push_back(seconds(t2, t3) - seconds(t1, t2));
            paint.push_back(seconds(t3, t4));
            total.push_back(seconds(t0, t1) + seconds(t2, t4));   // load + (layout + scene) + pdf, once each
            if (haveDot) {
                double d0 = childCpu();
                int rc = std::system(fmt::format("dot -Tpdf '{}' -o '{}.dot.pdf' 2>/dev/null", gv, pdf).c_str());
                double d1 = childCpu();
                if (rc == 0) dot.push_back(seconds(d0, d1));
            }
        }
        double ours = median(total);
        std::string dotCol = dot.empty() ? "-" : fmt::format("{:.0f} ms", median(dot) * 1000);
        std::string ratio = dot.empty() ? "-" : fmt::format("{:.2f}x", ours / median(dot));
        std::printf("%-8d %6.0f ms %6.0f ms %6.0f ms %6.0f ms %8.0f ms %9s %7s  %d/%d/%d/%d\n", int(fam.people.size()),
                    median(load) * 1000, median(layout) * 1000, median(scene) * 1000, median(paint) * 1000, ours * 1000,
                    dotCol.c_str(), ratio.c_str(), q.crossings, q.partnerGap, q.partnersOffRow, q.siblingInversions);
        if (!std::getenv("GENOCHRON_BENCH_KEEP"))   // keep the files to look at them
            for (auto& p : {yaml, gv, pdf, pdf + ".dot.pdf"}) std::filesystem::remove(p);
    }
    return 0;
}
