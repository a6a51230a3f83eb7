#!/usr/bin/env bash
# Phones in the field: Lighthouse's mobile run (simulated slow 4G, a 4× slower CPU) on the
# release build served as the serve command serves it (precompressed .br/.gz), for the
# root and a county of the bundled demo data. Prints the median of each figure over the
# runs and whether each goal is met (exit 1 if one is missed).
# Usage: scripts/bench-lighthouse.sh [runs]   (default 3; Lighthouse varies run to run)
# Lighthouse is installed on first use into target/lighthouse (not a test dependency:
# CI never runs it, and it is 176 MB).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
source scripts/bench-serve.sh
RUNS="${1:-3}"
LIGHTHOUSE_VERSION=13.5.0
LH="$ROOT/target/lighthouse/node_modules/.bin/lighthouse"
if [ "$("$LH" --version 2>/dev/null || true)" != "$LIGHTHOUSE_VERSION" ]; then
  say "installing lighthouse $LIGHTHOUSE_VERSION into target/lighthouse"
  mkdir -p target/lighthouse
  npm install --prefix target/lighthouse --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION"
fi
PORT="${ANJU_BENCH_PORT:-8797}"
trunk build --release --offline
serve_dist "$PORT"
node tests/bench/lighthouse.mjs "$LH" "$PORT" "$RUNS"
