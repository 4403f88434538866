#!/usr/bin/env bash
# Installs every Debian 12 package genochron needs to build, test and run.
# Skips apt entirely when everything is already there (fast re-runs, offline CI re-runs).
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libgraphviz-dev libcairo2-dev libpango1.0-dev libfontconfig-dev
  libglfw3-dev libimgui-dev libepoxy-dev
  libyaml-dev libyaml-cpp-dev libcli11-dev libfmt-dev libcsv-dev nlohmann-json3-dev
  libpoppler-glib-dev catch2
  libicu-dev libtesseract-dev tesseract-ocr-eng librsvg2-dev wbritish libqpdf-dev libxlsxwriter-dev libzip-dev libexpat1-dev
  clang libclang-rt-dev
  fonts-dejavu-core fonts-liberation2
  xvfb xauth libgl1-mesa-dri poppler-utils graphviz
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
