#!/usr/bin/env bash
# Profiles of a cold load and of drills with a shard fetch (tests/bench/profile.mjs), on a
# release build that keeps its function names (wasm-opt -g), so that the wasm's costs are
# named. Builds the working tree, or the named git ref.
# Usage: scripts/bench-profile.sh [git ref] [preset]   (default: the working tree, province)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
REF="${1:-}"
PRESET="${2:-province}"
export CARGO_TARGET_DIR="$ROOT/target"
if [ -n "$REF" ]; then
  # Its own target directory: sharing one, two checkouts take each other's builds as up
  # to date (cargo names a workspace's crates by their path within it).
  SHA="$(git rev-parse --verify "$REF^{commit}")"
  OUT="$ROOT/target/ab/profile-$SHA"
  export CARGO_TARGET_DIR="$OUT/target"
  rm -rf "$OUT/src" && mkdir -p "$OUT/src"
  git archive "$SHA" | tar -x -C "$OUT/src"
  SRC="$OUT/src"
else
  OUT="$ROOT/target/ab/profile-worktree"
  SRC="$ROOT"
fi
# The page with names kept: the same build, plus --keep-debug for wasm-bindgen and -g for wasm-opt.
sed -e 's/data-wasm-opt-params="/data-keep-debug data-wasm-opt-params="-g /' "$SRC/index.html" > "$SRC/profile.html"
trap 'rm -f "$SRC/profile.html"' EXIT
(cd "$SRC" && trunk build --release --offline=true profile.html --dist "$OUT/dist" >/dev/null)
(cd "$SRC" && cargo run -q --release -p anju-data --bin anju-gen -- --preset "$PRESET" --out "$OUT/dist/bench/$PRESET" >/dev/null)
PORT="${ANJU_PROFILE_PORT:-8821}"
(cd "$OUT" && exec node "$ROOT/tests/e2e/serve.mjs" "$PORT" >/dev/null 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$SRC/profile.html"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/index.html" >/dev/null && break; sleep 0.2; done
node "$ROOT/tests/bench/profile.mjs" "$PORT" "$PRESET"
