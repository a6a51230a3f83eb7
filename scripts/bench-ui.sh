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
node tests/bench/ui-bench.mjs "$PORT" demo= province=bench/province/index.json
