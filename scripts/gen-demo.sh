#!/usr/bin/env bash
# Regenerates the committed demo dataset (public/data) from the generator's demo preset.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q --release -p anju-data --bin anju-gen -- --preset demo --out public/data
cargo run -q --release -p anju-data --bin anju-validate -- public/data/index.json
