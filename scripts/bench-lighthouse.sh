#!/usr/bin/env bash
# Phones in the field: Lighthouse's mobile run (simulated slow 4G, a 4× slower CPU) on the
# release build served as the serve command serves it (precompressed .br/.gz), for the
# root and a county of the bundled demo data. Prints the median of each figure over the
# runs and whether each goal is met (exit 1 if one is missed).
# With a git ref, builds it as bench-ab.sh does (kept in target/ab/<commit>) and audits
# the two builds in turn, a run of each at a time, printing each figure's ratio.
# Usage: scripts/bench-lighthouse.sh [runs] [git ref]   (default 3 runs; Lighthouse varies run to run)
# Lighthouse is installed on first use into target/lighthouse (not a test dependency:
# CI never runs it, and it is 176 MB).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
source scripts/bench-serve.sh
source scripts/ab-build.sh
RUNS="${1:-3}"
REF="${2:-}"
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
if [ -z "$REF" ]; then
  node tests/bench/lighthouse.mjs "$LH" "$PORT" "$RUNS"
else
  ab_ref "$REF"
  serve_dist "$((PORT + 1))" "$REF_DIR"
  node tests/bench/lighthouse.mjs "$LH" --ab "${SHA:0:7}=$((PORT + 1))" "working tree=$PORT" "$RUNS"
fi
