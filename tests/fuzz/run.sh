#!/usr/bin/env bash
# Long fuzzing campaigns with libFuzzer (clang, ASan + UBSan, coverage-instrumented core).
#   tests/fuzz/run.sh build                 configure and build every harness in build-fuzz/
#   tests/fuzz/run.sh NAME [RUNS] [ARGS...] run fuzz_NAME for RUNS inputs (default 10,000,000),
#                                           at low priority, one process; extra ARGS go to libFuzzer
#   tests/fuzz/run.sh merge NAME            minimise what a campaign found into tests/fuzz/corpus/NAME
#   tests/fuzz/run.sh replay NAME FILE...   run inputs (e.g. a crasher) through the instrumented harness
# Campaign files go to build-fuzz/work/NAME/: corpus/ (new inputs), crashes/, log.txt.
# A crasher that is fixed is kept in tests/fuzz/regressions/NAME/ (ctest replays it for ever).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
jobs=${JOBS:-2}

configure() {
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DGENOCHRON_FUZZ=ON -DGENOCHRON_BUILD_APP=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
}
build_one() { configure; nice -n 19 cmake --build "$build" -j"$jobs" --target "fuzz_$1"; }

cmd=${1:-}
case "$cmd" in
  build)
    configure
    for f in "$root"/tests/fuzz/fuzz_*.cpp; do n=$(basename "$f" .cpp); build_one "${n#fuzz_}"; done ;;
  merge)
    name=$2; build_one "$name"
    work=$build/work/$name
    "$build/tests/fuzz/fuzz_$name" -merge=1 "$root/tests/fuzz/corpus/$name" "$work/corpus" ;;
  replay)
    name=$2; shift 2; build_one "$name"
    "$build/tests/fuzz/fuzz_$name" -runs=1 "$@" ;;
  ""|-h|--help)
    sed -n '2,10p' "$0"; exit 0 ;;
  *)
    name=$cmd; runs=${2:-10000000}; shift; [ $# -gt 0 ] && shift
    build_one "$name"
    work=$build/work/$name
    mkdir -p "$work/corpus" "$work/crashes"
    dict=()
    [ -f "$root/tests/fuzz/$name.dict" ] && dict=(-dict="$root/tests/fuzz/$name.dict")
    echo "fuzz_$name: $runs inputs; log in $work/log.txt"
    nice -n 19 "$build/tests/fuzz/fuzz_$name" -runs="$runs" -max_len="${MAX_LEN:-8192}" -timeout=25 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/crashes/" "${dict[@]}" "$@" \
      "$work/corpus" "$root/tests/fuzz/corpus/$name" "$root/tests/fuzz/regressions/$name" 2>&1 | tee "$work/log.txt" | grep -E "^#[0-9]+ +(pulse|DONE)|ERROR|SUMMARY|stat::|Done" ;;
esac
