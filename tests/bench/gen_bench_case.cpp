// Writes a large fictional case for benchmarks of the app and the CLI:
//   build/tests/gen_bench_case OUT.yaml [EVENTS=20000] [PEOPLE=40]
// then e.g. `genochron-app open OUT.yaml --tab timeline --animate --frames 600 --frame-stats`.
#include "gen_case.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: gen_bench_case OUT.yaml [EVENTS=20000] [PEOPLE=40]\n");
        return 2;
    }
    int events = argc > 2 ? std::atoi(argv[2]) : 20000;
    int people = argc > 3 ? std::atoi(argv[3]) : 40;
    if (events < 1 || people < 2) {
        std::fprintf(stderr, "gen_bench_case: EVENTS must be at least 1 and PEOPLE at least 2\n");
        return 2;
    }
    std::ofstream out(argv[1], std::ios::binary);
    out << genochron::bench::generateCase(events, 12, people);
    if (!out) {
        std::fprintf(stderr, "gen_bench_case: cannot write %s\n", argv[1]);
        return 1;
    }
    std::printf("%s: %d events, %d people, 12 agencies\n", argv[1], events, people);
    return 0;
}
