#!/usr/bin/env bash
# Installs what building, serving and testing Anju need, skipping whatever is already
# present at the right version (seconds when nothing is missing). Sourced by serve.sh
# and test.sh; also runnable on its own. Facts behind each step: shared/toolchain.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION=0.21.14
MIN_WASM_OPT=123

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Rust and the wasm target.
command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup first"; exit 1; }
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Debian packages: Chromium for the browser tests, CJK fonts so Chinese is not boxes, and
# an emoji font so that names with emoji (the hostile-data tests) render as emoji.
missing=()
for pkg in chromium chromium-driver fonts-noto-cjk fonts-noto-color-emoji; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Trunk, pinned: 0.22 needs a newer rustc than this machine's.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  # --force: cargo's records may say "installed" when the binary is gone.
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen CLI: exactly the version of the wasm-bindgen crate in Cargo.lock.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  # No --locked: its lock pins a crate version the registry here does not have.
  cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

# npm: Playwright (driving Debian's Chromium, never a downloaded browser) and a recent
# wasm-opt (Debian's binaryen 108 produces a broken module).
# axe-core checks every view against WCAG in the browser tests; terser minifies the
# builds' script glue after each build (scripts/minify-js.mjs).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] || [ ! -d node_modules/pdf-lib ] || [ ! -d node_modules/@axe-core/playwright ] || [ ! -d node_modules/terser ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
# Verify rather than trust: every tool at the version the build needs.
[ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ] || { say "trunk $TRUNK_VERSION is not on PATH"; exit 1; }
[ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WB_VERSION" ] || { say "wasm-bindgen $WB_VERSION is not on PATH"; exit 1; }
[ -x /usr/bin/chromium ] || { say "/usr/bin/chromium is missing"; exit 1; }
wo="$(wasm-opt --version | grep -oE '[0-9]+' | head -1)"
if [ "${wo:-0}" -lt "$MIN_WASM_OPT" ]; then
  say "wasm-opt $wo on PATH is older than $MIN_WASM_OPT"; exit 1
fi
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $wo, $(/usr/bin/chromium --version 2>/dev/null | head -1)"
