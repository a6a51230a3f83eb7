# Sourced by the A/B benchmarks (bench-ab.sh, bench-lighthouse.sh): the release build of a
# git ref and of the working tree, each in a target directory of its own. Cargo names a
# workspace's own crates by their path within the workspace, so two checkouts sharing one
# take each other's builds as up to date (seen: a second checkout's build served the
# first one's wasm).
AB="$ROOT/target/ab"

# ab_build <source dir> <out dir> <target dir> [presets…]: the release build into
# <out>/dist and the generator's presets beside it (dist/bench/<preset>).
ab_build() {
  local src="$1" out="$2" target="$3"
  shift 3
  rm -rf "$out/dist"
  mkdir -p "$out"
  (cd "$src" && CARGO_TARGET_DIR="$target" trunk build --release --offline --dist "$out/dist" >/dev/null)
  for p in "$@"; do ab_preset "$src" "$out" "$target" "$p"; done
}

# ab_preset <source dir> <out dir> <target dir> <preset>: the preset, by that source's own
# generator (each in the format its build reads), unless it is there already.
ab_preset() {
  [ -f "$2/dist/bench/$4/index.json" ] ||
    (cd "$1" && CARGO_TARGET_DIR="$3" cargo run -q --release -p anju-data --bin anju-gen -- --preset "$4" --out "$2/dist/bench/$4" >/dev/null)
}

# ab_ref <git ref> [presets…]: builds the ref once into target/ab/<commit> (kept and
# reused) with the presets; sets SHA and REF_DIR.
ab_ref() {
  SHA="$(git rev-parse --verify "$1^{commit}")"
  REF_DIR="$AB/$SHA"
  shift
  if [ ! -f "$REF_DIR/.done" ]; then
    echo "[ab] building $SHA in $REF_DIR"
    rm -rf "$REF_DIR"
    mkdir -p "$REF_DIR/src"
    git archive "$SHA" | tar -x -C "$REF_DIR/src"
    ab_build "$REF_DIR/src" "$REF_DIR" "$REF_DIR/target"
    touch "$REF_DIR/.done"
  fi
  for p in "$@"; do ab_preset "$REF_DIR/src" "$REF_DIR" "$REF_DIR/target" "$p"; done
  # Served as the serve command serves (a ref from before the build wrote .br files gets them here).
  ls "$REF_DIR"/dist/*.wasm.br >/dev/null 2>&1 || node "$ROOT/scripts/precompress.mjs" "$REF_DIR/dist" >/dev/null
}
