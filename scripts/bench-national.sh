#!/usr/bin/env bash
# National-scale benchmark: builds the release, generates the `national` preset (≈9.6
# million people, 1,081 files, ≈310 MB) into dist/bench/national, serves both on
# 127.0.0.1 and measures app-ready, memory and drill latency down to a building in
# headless Chromium (tests/bench/national.mjs). A command, not a test.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
source scripts/bench-serve.sh
PORT="${ANJU_BENCH_PORT:-8798}"
trunk build --release --offline
mkdir -p dist/bench
cargo run -q --release -p anju-data --bin anju-gen -- --preset national --out dist/bench/national
serve_dist "$PORT"
node tests/bench/national.mjs "$PORT" bench/national/index.json "${1:-12}"
