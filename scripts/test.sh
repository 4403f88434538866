#!/usr/bin/env bash
# Second command of the README: build with warnings as errors and run the whole test suite.
#   scripts/test.sh            warnings-as-errors build + every test (ctest)
#   SANITIZE=1 scripts/test.sh the same under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/install-deps.sh
dir=build-test
extra=()
if [ "${SANITIZE:-0}" = 1 ]; then
  dir=build-asan
  extra=(-DGENOCHRON_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
  export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
fi
cmake -S . -B "$dir" -DGENOCHRON_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
cd "$dir"
ctest --output-on-failure -j"$(nproc)" --timeout 300
