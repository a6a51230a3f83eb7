#!/usr/bin/env bash
# Big-screen soak: builds the release, serves it on 127.0.0.1 and runs 1,000 carousel
# steps at a 50 ms interval in headless Chromium, printing JS heap + wasm memory at the
# start and the end (exit 1 if it grew more than 5%).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
source scripts/bench-serve.sh
PORT="${ANJU_BENCH_PORT:-8798}"
trunk build --release --offline
serve_dist "$PORT"
node tests/bench/screen-soak.mjs "$PORT" "${1:-1000}" "${2:-view=screen&node=520603&interval=0.05}"
