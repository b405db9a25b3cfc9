#!/usr/bin/env bash
# End-to-end timing of `segmenta segment` on the standard synthetic sizes, next to DuckDB alone reading the
# same CSV and grouping by customer. Prints a Markdown table of medians (wall seconds) and peak RSS.
#
#   bench/e2e.sh [sizes...]        sizes: small medium large xlarge (default: medium large)
#   REPEATS=3 DATA=bench/data bench/e2e.sh large
#
# Data: ../shared/bench/gen_transactions.py --seed 42 (needs numpy: apt-get install python3-numpy python3-scipy).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=${DATA:-$ROOT/bench/data}
REPEATS=${REPEATS:-3}
SIZES=("$@"); [ $# -eq 0 ] && SIZES=(medium large)
GEN=$ROOT/../shared/bench/gen_transactions.py
declare -A ROWS=([small]=100000 [medium]=1000000 [large]=10000000 [xlarge]=50000000)

if ! /usr/bin/python3 -c "import numpy" 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy python3-scipy >/dev/null
fi
mkdir -p "$DATA"
dotnet build src/Segmenta.Cli -c Release -v q >/dev/null
dotnet build bench/Segmenta.Benchmarks -c Release -v q >/dev/null
CLI=$ROOT/src/Segmenta.Cli/bin/Release/net10.0/segmenta
BASE=$ROOT/bench/Segmenta.Benchmarks/bin/Release/net10.0/Segmenta.Benchmarks

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# wall seconds and max RSS (MiB) of one command, via GNU time
measure() { /usr/bin/time -f "%e %M" -o /tmp/seg-time.txt "$@" >/dev/null; awk '{printf "%s %.0f\n", $1, $2/1024}' /tmp/seg-time.txt; }

echo "| size | rows | DuckDB read+group (s) | segmenta segment, CSV out (s) | ratio | peak RSS segmenta (MiB) |"
echo "|---|---|---|---|---|---|"
for size in "${SIZES[@]}"; do
  csv=$DATA/$size.csv
  [ -f "$csv" ] || /usr/bin/python3 "$GEN" --rows "${ROWS[$size]}" --seed 42 --out "$csv" --customers-out "$DATA/${size}_customers.csv" --truth-out "$DATA/${size}_truth.json" --quiet
  rows=$(( $(wc -l <"$csv") - 1 ))
  b=(); s=(); m=()
  for i in $(seq 1 "$REPEATS"); do
    read -r t _ < <(measure "$BASE" duckdb-baseline "$csv"); b+=("$t")
    out=$(mktemp -d /tmp/seg-bench.XXXXXX)
    read -r t rss < <(measure "$CLI" segment --input "$csv" --format csv --out "$out/out" --db "$out/s.duckdb" --json); s+=("$t"); m+=("$rss")
    rm -rf "$out"
  done
  bm=$(printf '%s\n' "${b[@]}" | median); sm=$(printf '%s\n' "${s[@]}" | median); mm=$(printf '%s\n' "${m[@]}" | median)
  printf "| %s | %s | %.2f | %.2f | %s | %.0f |\n" "$size" "$rows" "$bm" "$sm" "$(awk -v a="$sm" -v b="$bm" 'BEGIN{printf "%.2f", a/b}')" "$mm"
done
