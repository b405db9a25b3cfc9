#!/usr/bin/env bash
# End-to-end `segmenta segment` on each engine: the same CSV imported (parsed once by the DuckDB importer, then
# bulk-copied to the server), features, 4 schemes, customers.csv streamed back. Prints a Markdown table: wall
# seconds (median), the run's own step times, peak RSS of the segmenta process and of the server processes.
#
#   ENGINES="duckdb postgres clickhouse" REPEATS=1 DATA=/work/bench-data bench/e2e-engines.sh medium large
#
# Servers: SEGMENTA_BENCH_PG / SEGMENTA_BENCH_CH (segmenta --source addresses, with PG_PIDS / CH_PIDS for memory)
# when set; otherwise the script starts its own with scripts/services/ and stops them at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=${DATA:-$ROOT/bench/data}
REPEATS=${REPEATS:-1}
ENGINES=${ENGINES:-"duckdb postgres clickhouse"}
SIZES=("$@"); [ $# -eq 0 ] && SIZES=(medium large)
dotnet build src/Segmenta.Cli -c Release -v q >/dev/null
CLI=$ROOT/src/Segmenta.Cli/bin/Release/net10.0/segmenta

services=$(mktemp -d /tmp/segmenta-bench.XXXXXX); chmod 755 "$services"
PGDIR=""; CHBASE=""
cleanup() {
  [ -n "$PGDIR" ] && scripts/services/stop-pg.sh "$PGDIR" >/dev/null 2>&1 || true
  [ -n "$CHBASE" ] && scripts/services/stop-ch-cluster.sh "$CHBASE" >/dev/null 2>&1 || true
  rm -rf "$services"
}
trap cleanup EXIT
if [[ " $ENGINES " == *" postgres "* ]] && [ -z "${SEGMENTA_BENCH_PG:-}" ]; then
  scripts/services/install.sh
  eval "$(scripts/services/start-pg.sh 56432 "$services/pg")"; SEGMENTA_BENCH_PG=$PG_SOURCE
fi
if [[ " $ENGINES " == *" clickhouse "* ]] && [ -z "${SEGMENTA_BENCH_CH:-}" ]; then
  scripts/services/install.sh
  eval "$(scripts/services/start-ch-cluster.sh "$services/ch" 38123 48123)"; SEGMENTA_BENCH_CH=$CH_SOURCE
fi

# Server processes: every postgres process of the bench cluster, or both ClickHouse nodes.
server_pids() {
  case $1 in
    postgres) [ -n "$PGDIR" ] && { local pm; pm=$(head -1 "$PGDIR/data/postmaster.pid"); echo "$pm $(pgrep -P "$pm" | tr '\n' ' ')"; } || echo "${PG_PIDS:-}" ;;
    clickhouse) [ -n "$CHBASE" ] && cat "$CHBASE"/node*/pid | tr '\n' ' ' || echo "${CH_PIDS:-}" ;;
  esac
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "| engine | size | rows | wall (s) | connect | import+load | segment | fetch | write csv | peak RSS segmenta (MiB) | peak RSS server (MiB) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for size in "${SIZES[@]}"; do
  csv=$DATA/$size.csv
  rows=$(( $(wc -l <"$csv") - 1 ))
  for engine in $ENGINES; do
    case $engine in
      # --no-snapshot: the engines are compared on the segmentation itself (a snapshot always goes to the local
      # DuckDB store; bench/README.md "Snapshots" has its cost).
      duckdb) args=(--db "$services/s.duckdb" --no-snapshot) ;;
      postgres) args=(--engine postgres --source "$SEGMENTA_BENCH_PG" --no-snapshot) ;;
      clickhouse) args=(--engine clickhouse --source "$SEGMENTA_BENCH_CH" --no-snapshot) ;;
    esac
    walls=(); last=""
    for i in $(seq 1 "$REPEATS"); do
      out=$(mktemp -d /tmp/seg-bench-out.XXXXXX)
      peak=0
      /usr/bin/time -f "%e %M" -o "$out/time" "$CLI" segment --input "$csv" --format csv --out "$out/o" "${args[@]}" --json >"$out/run.json" &
      runner=$!
      while kill -0 "$runner" 2>/dev/null; do
        pids=$(server_pids "$engine")
        if [ -n "$pids" ]; then
          rss=$(ps -o rss= -p $(echo $pids | tr ' ' ',') 2>/dev/null | awk '{s+=$1} END {print s+0}')
          [ "$rss" -gt "$peak" ] && peak=$rss
        fi
        sleep 0.5
      done
      wait "$runner"
      read -r wall client < "$out/time"
      walls+=("$wall")
      last=$(python3 -c "import json,sys; s=json.load(open('$out/run.json'))['seconds']; print(' | '.join(str(round(s.get(k,0) + (s.get('write_xlsx',0) if k=='write_csv' else 0),1)) for k in ['connect','import','segment','fetch','write_csv']))")
      clientmib=$((client / 1024)); servermib=$((peak / 1024))
      rm -rf "$out"
    done
    wall=$(printf '%s\n' "${walls[@]}" | median)
    printf "| %s | %s | %s | %.1f | %s | %s | %s |\n" "$engine" "$size" "$rows" "$wall" "$last" "$clientmib" "$([ "$engine" = duckdb ] && echo "—" || echo "$servermib")"
  done
done
