#!/usr/bin/env bash
# A/B benchmark: builds the dashboard at a named git ref and in the working tree, gives
# each the province and national presets written by its own generator (the same tree,
# ids and sharding; each in the format its build reads), serves both on 127.0.0.1 and
# measures them interleaved in one headless Chromium (tests/bench/ab.mjs): bundle and
# index sizes, cold load, drills with and without a shard fetch, memory after 12 county
# drills. Prints a table with the ratio working tree / ref.
# Usage: scripts/bench-ab.sh <git ref> [rounds] [presets…]   (default: 12 province national)
# The ref's build and data are kept in target/ab/<commit> and reused.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
REF="${1:?usage: scripts/bench-ab.sh <git ref> [rounds] [presets…]}"
shift
ROUNDS=12
if [ $# -gt 0 ]; then ROUNDS="$1"; shift; fi
PRESETS=("$@")
[ ${#PRESETS[@]} -gt 0 ] || PRESETS=(province national)
source scripts/ab-build.sh
HEAD_DIR="$AB/worktree"
ab_ref "$REF" "${PRESETS[@]}"
echo "[ab] building the working tree"
ab_build "$ROOT" "$HEAD_DIR" "$ROOT/target" "${PRESETS[@]}"
ls "$HEAD_DIR"/dist/*.wasm.br >/dev/null 2>&1 || node scripts/precompress.mjs "$HEAD_DIR/dist" >/dev/null

PORT_A="${ANJU_AB_PORT:-8811}"
PORT_B=$((PORT_A + 1))
source scripts/bench-serve.sh
serve_dist "$PORT_A" "$REF_DIR"
serve_dist "$PORT_B" "$HEAD_DIR"
node tests/bench/ab.mjs "${SHA:0:7}=$PORT_A" "working tree=$PORT_B" "${PRESETS[@]}" --rounds "$ROUNDS" \
  --dist "$REF_DIR/dist" "$HEAD_DIR/dist"
