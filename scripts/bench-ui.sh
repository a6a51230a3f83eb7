#!/usr/bin/env bash
# UI benchmark: builds the release, generates the province dataset beside it, serves both
# on 127.0.0.1 and measures bundle size, time to app-ready and drill latency in headless
# Chromium. Prints the figures and whether each goal is met (exit 1 if one is missed).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
PORT="${ANJU_BENCH_PORT:-8799}"
trunk build --release --offline
mkdir -p dist/bench
cargo run -q --release -p anju-data --bin anju-gen -- --preset province --out dist/bench/province
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/index.html" >/dev/null && break; sleep 0.2; done
node tests/bench/ui-bench.mjs "$PORT" demo= province=bench/province/index.json
