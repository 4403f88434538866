#!/usr/bin/env bash
# First command of the README: install, build, and draw the bundled sample's figures.
#   scripts/setup.sh [CASE]      (default: samples/ashford-dhr.yaml)
# Writes the figures to out/ and says where; opens the app when a display is present.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
case_file="${1:-samples/ashford-dhr.yaml}"
out="$root/out"
mkdir -p "$out"
bin="$root/build/genochron"
echo
echo "== check $case_file"
"$bin" check "$case_file" --quiet | tail -n 40 || true   # exit 1 = findings to read, not a failure
"$bin" check "$case_file" --summary 2>/dev/null || true
echo
echo "== figures"
for view in genogram timeline chronology actions; do
  "$bin" render "$case_file" --view "$view" -o "$out/$view.png" --dpi 150
  "$bin" render "$case_file" --view "$view" -o "$out/$view.pdf"
  "$bin" render "$case_file" --view "$view" -o "$out/$view-anonymised.pdf" --anonymise
done
"$bin" pack "$case_file" -o "$out/report-pack-anonymised.pdf" --anonymise 2>/dev/null || true
"$bin" export chronology "$case_file" -o "$out/chronology.csv"
"$bin" layout "$case_file" > "$out/genogram-layout.json"
echo
echo "Figures are in $out:"
ls -1 "$out" | sed 's/^/  /'
if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
  echo "Opening the desktop app (close the window to finish)..."
  "$bin" open "$case_file" || true
fi
