#!/usr/bin/env bash
# National-scale benchmark: builds the release, generates the `national` preset (≈9.6
# million people, 1,081 files, ≈310 MB) into dist/bench/national, serves both on
# 127.0.0.1 and measures app-ready, memory and drill latency down to a building in
# headless Chromium (tests/bench/national.mjs). A command, not a test.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
PORT="${ANJU_BENCH_PORT:-8798}"
trunk build --release --offline
mkdir -p dist/bench
cargo run -q --release -p anju-data --bin anju-gen -- --preset national --out dist/bench/national
node tests/e2e/serve.mjs "$PORT" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/index.html" >/dev/null && break; sleep 0.2; done
node tests/bench/national.mjs "$PORT" bench/national/index.json "${1:-12}"
