#!/usr/bin/env bash
# Aggregator benchmark: 2.6 million household rows (national scale, with identity
# columns) generated, then aggregated; prints time and peak memory (goals: 60 s, 2 GiB).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p anju-cli -p anju-data
mkdir -p bench-out
./target/release/anju gen-registers --national --with-identity --out bench-out/national-registers.csv
/usr/bin/time -v ./target/release/anju aggregate --input bench-out/national-registers.csv --out bench-out/national-agg 2> bench-out/aggregate-time.txt | tail -1
secs=$(awk -F': ' '/Elapsed/ {print $2}' bench-out/aggregate-time.txt)
kb=$(awk -F': ' '/Maximum resident/ {print $2}' bench-out/aggregate-time.txt)
echo "wall clock: $secs; peak memory: $((kb / 1024)) MiB"
./target/release/anju-validate bench-out/national-agg/index.json | tail -1
[ "$kb" -le $((2 * 1024 * 1024)) ] || { echo "goal peak memory ≤ 2 GiB: MISSED"; exit 1; }
echo "goal peak memory ≤ 2 GiB: met"
