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
SHA="$(git rev-parse --verify "$REF^{commit}")"
AB="$ROOT/target/ab"
REF_DIR="$AB/$SHA"
HEAD_DIR="$AB/worktree"
# A target directory for each side: cargo names a workspace's own crates by their path
# within the workspace, so two checkouts sharing one take each other's builds as up to
# date (seen: a second checkout's build served the first one's wasm).
# build <source dir> <out dir> <target dir>: the release build into <out>/dist and the
# presets beside it.
build() {
  local src="$1" out="$2"
  export CARGO_TARGET_DIR="$3"
  rm -rf "$out/dist"
  mkdir -p "$out"
  (cd "$src" && trunk build --release --offline --dist "$out/dist" >/dev/null)
  for p in "${PRESETS[@]}"; do
    (cd "$src" && cargo run -q --release -p anju-data --bin anju-gen -- --preset "$p" --out "$out/dist/bench/$p" >/dev/null)
  done
}

if [ ! -f "$REF_DIR/.done" ]; then
  echo "[ab] building $REF ($SHA) in $REF_DIR"
  rm -rf "$REF_DIR"
  mkdir -p "$REF_DIR/src"
  git archive "$SHA" | tar -x -C "$REF_DIR/src"
  build "$REF_DIR/src" "$REF_DIR" "$REF_DIR/target"
  touch "$REF_DIR/.done"
fi
for p in "${PRESETS[@]}"; do
  [ -f "$REF_DIR/dist/bench/$p/index.json" ] || (cd "$REF_DIR/src" && CARGO_TARGET_DIR="$REF_DIR/target" cargo run -q --release -p anju-data --bin anju-gen -- --preset "$p" --out "$REF_DIR/dist/bench/$p" >/dev/null)
done
echo "[ab] building the working tree"
build "$ROOT" "$HEAD_DIR" "$ROOT/target"
# Both served alike, precompressed (a ref from before the build wrote .br files gets them here).
for d in "$REF_DIR" "$HEAD_DIR"; do
  ls "$d"/dist/*.wasm.br >/dev/null 2>&1 || node scripts/precompress.mjs "$d/dist" >/dev/null
done

PORT_A="${ANJU_AB_PORT:-8811}"
PORT_B=$((PORT_A + 1))
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for pair in "$REF_DIR:$PORT_A" "$HEAD_DIR:$PORT_B"; do
  (cd "${pair%:*}" && exec node "$ROOT/tests/e2e/serve.mjs" "${pair##*:}" >/dev/null 2>&1) &
  pids+=($!)
done
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/index.html" >/dev/null && break; sleep 0.2; done
done
node tests/bench/ab.mjs "${SHA:0:7}=$PORT_A" "working tree=$PORT_B" "${PRESETS[@]}" --rounds "$ROUNDS" \
  --dist "$REF_DIR/dist" "$HEAD_DIR/dist"
