#!/usr/bin/env bash
# Big-screen soak: builds the release, serves it on 127.0.0.1 and runs 1,000 carousel
# steps at a 50 ms interval in headless Chromium, printing JS heap + wasm memory at the
# start and the end (exit 1 if it grew more than 5%).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
PORT="${ANJU_BENCH_PORT:-8798}"
trunk build --release --offline
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/index.html" >/dev/null && break; sleep 0.2; done
node tests/bench/screen-soak.mjs "$PORT" "${1:-1000}" "${2:-view=screen&node=520603&interval=0.05}"
