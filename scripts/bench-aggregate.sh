#!/usr/bin/env bash
# Aggregator benchmark: 2.6 million household rows (national scale, with identity
# columns) as CSV, then aggregated; prints time, rows per second and peak memory against
# the goals (60 s, 2 GiB; fails when either is missed). Then an XLSX of 200,000 rows for
# the workbook reader's rows per second.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p anju-cli -p anju-data
mkdir -p bench-out
./target/release/anju gen-registers --national --with-identity --out bench-out/national-registers.csv
rows=$(($(wc -l < bench-out/national-registers.csv) - 1))
/usr/bin/time -v ./target/release/anju aggregate --input bench-out/national-registers.csv --out bench-out/national-agg 2> bench-out/aggregate-time.txt | tail -1
secs=$(awk -F': ' '/Elapsed/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' bench-out/aggregate-time.txt)
kb=$(awk -F': ' '/Maximum resident/ {print $2}' bench-out/aggregate-time.txt)
echo "CSV: $rows rows in $secs s = $(awk -v r="$rows" -v s="$secs" 'BEGIN {printf "%.0f", r / s}') rows/s; peak memory: $((kb / 1024)) MiB"
./target/release/anju-validate bench-out/national-agg/index.json | tail -1
ok=1
if awk -v s="$secs" 'BEGIN {exit !(s <= 60)}'; then echo "goal time ≤ 60 s: met"; else echo "goal time ≤ 60 s: MISSED"; ok=0; fi
if [ "$kb" -le $((2 * 1024 * 1024)) ]; then echo "goal peak memory ≤ 2 GiB: met"; else echo "goal peak memory ≤ 2 GiB: MISSED"; ok=0; fi
# Workbooks: 6 cities × 3 counties × 4 sites × 6 buildings × about 40 households × 12
# months, about 200,000 rows in one sheet.
./target/release/anju gen-registers --format xlsx --cities 6 --periods 12 --with-identity --out bench-out/registers.xlsx
start=$(date +%s.%N)
last=$(./target/release/anju aggregate --input bench-out/registers.xlsx --out bench-out/xlsx-agg --en | tail -1)
end=$(date +%s.%N)
xrows=$(echo "$last" | grep -oE 'read [0-9]+' | grep -oE '[0-9]+')
echo "XLSX: $xrows rows in $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}') s = $(awk -v r="$xrows" -v a="$start" -v b="$end" 'BEGIN {printf "%.0f", r / (b - a)}') rows/s"
[ "$ok" = 1 ]
