// Times `check` on a generated 20,000-event case: load + validate + every check.
//   build/tests/bench_check [events] [--write FILE]   (--write: only write the generated case, for timing the CLI)
// Prints wall time and this process's CPU time (the machine is shared: compare CPU), and
// the CPU time of each family of checks on its own.
#include "../bench/gen_case.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "core/check/check.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

using namespace genochron;

namespace {
double cpuNow() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}
double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
    int events = argc > 1 ? std::atoi(argv[1]) : 20000;
    std::string text = bench::generateCase(events);
    if (argc > 3 && std::string(argv[2]) == "--write") {
        writeFileAtomic(argv[3], text);
        return 0;
    }
    auto path = (std::filesystem::temp_directory_path() / "genochron-bench-check.yaml").string();
    writeFileAtomic(path, text);
    std::vector<double> load, checks, loadCpu, checksCpu, language, publication, review;
    std::size_t findings = 0;
    for (int i = 0; i < 3; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        double c0 = cpuNow();
        auto r = loadCaseFile(path);
        auto t1 = std::chrono::steady_clock::now();
        double c1 = cpuNow();
        if (!r.ok()) {
            std::fprintf(stderr, "generated case is invalid\n");
            return 1;
        }
        runChecks(*r.model, CheckOptions{}, r.diagnostics);
        auto t2 = std::chrono::steady_clock::now();
        double c2 = cpuNow();
        load.push_back(std::chrono::duration<double>(t1 - t0).count());
        checks.push_back(std::chrono::duration<double>(t2 - t1).count());
        loadCpu.push_back(c1 - c0);
        checksCpu.push_back(c2 - c1);
        findings = r.diagnostics.items().size();
        // Each family alone (CPU).
        auto family = [&](void (*check)(const Case&, const CheckOptions&, Diagnostics&), std::vector<double>& into) {
            Diagnostics d(path);
            double a = cpuNow();
            check(*r.model, CheckOptions{}, d);
            into.push_back(cpuNow() - a);
        };
        family(checkLanguage, language);
        family(checkPublication, publication);
        family(checkReview, review);
    }
    std::printf("check on %d events (%.1f MB), median of 3, %zu findings\n", events, double(text.size()) / 1e6, findings);
    std::printf("  wall: load+validate %.3f s, checks %.3f s, total %.3f s\n", median(load), median(checks),
                median(load) + median(checks));
    std::printf("  cpu:  load+validate %.3f s, checks %.3f s, total %.3f s (language %.3f, publication %.3f, review %.3f)\n",
                median(loadCpu), median(checksCpu), median(loadCpu) + median(checksCpu), median(language),
                median(publication), median(review));
    std::filesystem::remove(path);
    return 0;
}
