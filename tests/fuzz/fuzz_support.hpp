// Shared by the fuzz harnesses (tests/fuzz/fuzz_<name>.cpp). A harness defines
// LLVMFuzzerTestOneInput; it is built two ways:
//   - with clang and -DGENOCHRON_FUZZ=ON: a libFuzzer program (tests/fuzz/run.sh runs campaigns);
//   - in the normal build: linked with replay_main.cpp, a small driver that runs the corpus,
//     the kept crashers and a fixed number of deterministic mutants under ctest.
// A harness reports a broken promise with FUZZ_CHECK, which prints and aborts: libFuzzer
// keeps the input as a crasher, the replay driver fails the test naming the input.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(cond, ...)                                                   \
    do {                                                                        \
        if (!(cond)) {                                                          \
            std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            std::fprintf(stderr, __VA_ARGS__);                                  \
            std::fprintf(stderr, "\n");                                         \
            std::abort();                                                       \
        }                                                                       \
    } while (0)
