// Times the report pack (anonymised, audited in memory, annex-free) on a generated review, and
// on the sample: pages, size, CPU seconds and peak memory. Not run by ctest; figures go in notes.
//   build/tests/bench_pack [people] [events]        (default 2000 people, 20000 events)
//   build/tests/bench_pack --sample                 (samples/ashford-dhr.yaml)
#include "../bench/gen_pack_case.hpp"
#include "core/io/case_io.hpp"
#include "core/model/date.hpp"
#include "core/publish/report_pack_write.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <sys/resource.h>

using namespace genochron;

namespace {
double cpuNow() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}
double peakMb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_maxrss) / 1024.0;
}
}  // namespace

int main(int argc, char** argv) {
    const bool sample = argc > 1 && std::string(argv[1]) == "--sample";
    const int people = !sample && argc > 1 ? std::atoi(argv[1]) : 2000;
    const int events = !sample && argc > 2 ? std::atoi(argv[2]) : 20000;
    const double c0 = cpuNow();
    LoadResult lr = sample ? loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/ashford-dhr.yaml")
                           : loadCaseString(bench::generatePackCase(people, events), "generated.yaml");
    if (!lr.model) {
        std::fprintf(stderr, "the generated case could not be read\n");
        return 2;
    }
    const double c1 = cpuNow();
    PackWriteOptions o;
    o.anonymise = true;
    o.pack.todayDays = parseDate("2024-06-01").date->earliestDay();
    PackReport r;
    const auto w0 = std::chrono::steady_clock::now();
    std::string bytes = renderReportPack(*lr.model, o, r, "bench.pdf");
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    const double c2 = cpuNow();
    std::printf("%s: %zu people, %zu events; load %.2f s CPU; pack %d pages, %.2f MB, %.2f s CPU (%.2f s wall), peak %.0f MB\n",
                sample ? "sample" : "generated", lr.model->people.size(), lr.model->events.size(), c1 - c0, r.pages,
                double(bytes.size()) / 1e6, c2 - c1, wall, peakMb());
    for (auto& wn : r.warnings) std::printf("  warning: %s\n", wn.c_str());
    return 0;
}
