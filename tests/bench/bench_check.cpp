// Times `check` on a generated 20,000-event case: load + validate + every check.
//   build/tests/bench_check [events]
#include "../bench/gen_case.hpp"
#include "core/atomic_file.hpp"
#include "core/case_io.hpp"
#include "core/check.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

using namespace genochron;

int main(int argc, char** argv) {
    int events = argc > 1 ? std::atoi(argv[1]) : 20000;
    std::string text = bench::generateCase(events);
    auto path = (std::filesystem::temp_directory_path() / "genochron-bench-check.yaml").string();
    writeFileAtomic(path, text);
    std::vector<double> load, checks;
    std::size_t findings = 0;
    for (int i = 0; i < 3; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        auto r = loadCaseFile(path);
        auto t1 = std::chrono::steady_clock::now();
        if (!r.ok()) {
            std::fprintf(stderr, "generated case is invalid\n");
            return 1;
        }
        runChecks(*r.model, CheckOptions{}, r.diagnostics);
        auto t2 = std::chrono::steady_clock::now();
        load.push_back(std::chrono::duration<double>(t1 - t0).count());
        checks.push_back(std::chrono::duration<double>(t2 - t1).count());
        findings = r.diagnostics.items().size();
    }
    std::sort(load.begin(), load.end());
    std::sort(checks.begin(), checks.end());
    std::printf("check on %d events (%.1f MB): load+validate %.3f s, checks %.3f s, total %.3f s (median of 3), %zu findings\n",
                events, double(text.size()) / 1e6, load[1], checks[1], load[1] + checks[1], findings);
    std::filesystem::remove(path);
    return 0;
}
