#!/usr/bin/env bash
# The browser's import benchmark (issue 20): builds the release, writes a large register
# workbook (14 cities × 12 months, about 480,000 rows and 50 MB, with identity columns),
# times the command on it, then imports it in headless Chromium and prints rows per
# second, the longest main-thread task (goal under 50 ms) and the builds' sizes.
# Usage: scripts/bench-import.sh [cities]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cities=${1:-14}
cargo build -q --release -p anju-cli
trunk build --release --offline > /dev/null
mkdir -p target/bench-import
book=target/bench-import/registers-$cities.xlsx
[ -f "$book" ] || ./target/release/anju gen-registers --format xlsx --cities "$cities" --periods 12 --with-identity --out "$book"
start=$(date +%s.%N)
last=$(./target/release/anju aggregate --input "$book" --out target/bench-import/agg --en | tail -1)
end=$(date +%s.%N)
rows=$(echo "$last" | grep -oE 'read [0-9]+' | grep -oE '[0-9]+')
echo "command: $rows rows in $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}') s = $(awk -v r="$rows" -v a="$start" -v b="$end" 'BEGIN {printf "%.0f", r / (b - a)}') rows/s"
port=8797
node scripts/serve-static.mjs "$port" > /dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
node tests/bench/import.mjs "$port" "$book"
