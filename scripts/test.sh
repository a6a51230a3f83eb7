#!/usr/bin/env bash
# Runs every check: formatting, clippy, native unit/property tests, the release build, and
# the browser end-to-end tests against it (Playwright driving Debian's Chromium).
set -euo pipefail
step() { printf "[test] %s\n" "$*"; }
source "$(dirname "$0")/setup.sh"

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
step "native tests"
cargo test --workspace --quiet
step "release build"
trunk build --release --offline
step "bundle budget"
node scripts/check-budget.mjs dist
step "browser tests"
npx playwright test
