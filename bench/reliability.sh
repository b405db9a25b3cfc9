#!/usr/bin/env bash
# Reliability checks too slow or too privileged for the test suite (issue 10). Results go in docs/reliability.md.
#
#   bench/reliability.sh big-file [FILE]   import a > 2 GB CSV (FILE, or /work/bench-data/xlarge.csv, or one generated
#                                          streaming into bench/data/big.csv): wall time, peak RSS, row accounting
#   bench/reliability.sh xlarge [FILE]     the whole `segment` job on the 50M-row xlarge set: wall time, peak RSS
#   bench/reliability.sh disk-full         `segment` writing into a 1 MiB tmpfs (needs root + mount): exit 2, clear
#                                          message, no partial customers.csv
#   bench/reliability.sh soak [RUNS] [FILE] RUNS segment runs in one process (library API): heap / RSS / fds per run
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CLI=$ROOT/src/Segmenta.Cli/bin/Release/net10.0/segmenta
BENCH=$ROOT/bench/Segmenta.Benchmarks/bin/Release/net10.0/Segmenta.Benchmarks
XLARGE=${XLARGE:-/work/bench-data/xlarge.csv}
build_cli() { [ -x "$CLI" ] || dotnet build src/Segmenta.Cli -c Release -v q >/dev/null; }
# GNU time: prints "wall_seconds peak_rss_MiB exit_code" for the command in "$@"
measure() {
  set +e; /usr/bin/time -f "%e %M %x" -o /tmp/seg-rel-time.txt "$@"; set -e
  awk '{printf "wall %s s, peak RSS %.0f MiB, exit %s\n", $1, $2/1024, $3}' /tmp/seg-rel-time.txt
}

case "${1:-}" in
  big-file)
    build_cli
    file=${2:-}
    if [ -z "$file" ]; then
      if [ -f "$XLARGE" ]; then file=$XLARGE; else
        file=$ROOT/bench/data/big.csv; mkdir -p "$(dirname "$file")"
        # Streams rows (never holds the file): 2.2e9 bytes ≈ 48M rows of ~46 bytes.
        [ -f "$file" ] || awk 'BEGIN { print "customer_id,order_date,amount,order_id"; srand(42);
          for (i = 0; i < 48000000; i++) printf "C%07d,2024-%02d-%02d,%.2f,O%09d\n", int(rand()*3000000), 1+int(rand()*12), 1+int(rand()*28), rand()*500, i }' >"$file"
      fi
    fi
    ls -l "$file"
    work=$(mktemp -d /tmp/seg-rel.XXXXXX)
    measure "$CLI" import --input "$file" --db "$work/s.duckdb" --rejects "$work/rejects.csv" --json | tee "$work/out.txt"
    rm -rf "$work" ;;
  xlarge)
    build_cli
    work=$(mktemp -d /tmp/seg-rel.XXXXXX)
    measure "$CLI" segment --input "${2:-$XLARGE}" --format csv --out "$work/out" --db "$work/s.duckdb" --json
    rm -rf "$work" ;;
  disk-full)
    build_cli
    small=${2:-/work/bench-data/small.csv}
    mnt=$(mktemp -d /tmp/seg-tiny.XXXXXX)
    mount -t tmpfs -o size=1m tmpfs "$mnt"
    trap 'umount "$mnt"; rmdir "$mnt"' EXIT
    echo "previous run" >"$mnt/customers.csv"
    set +e; "$CLI" segment --input "$small" --format csv --out "$mnt" --db /tmp/seg-tiny-store.duckdb --no-snapshot 2>"$mnt.err" >/dev/null; code=$?; set -e
    echo "exit code: $code"; echo "stderr: $(cat "$mnt.err")"
    echo "customers.csv now: $(cat "$mnt/customers.csv")"; echo "files left: $(ls -A "$mnt" | tr '\n' ' ')"
    rm -f "$mnt.err" /tmp/seg-tiny-store.duckdb* ;;
  soak)
    dotnet build bench/Segmenta.Benchmarks -c Release -v q >/dev/null
    "$BENCH" soak "${3:-/work/bench-data/small.csv}" "${2:-20}" ;;
  *) sed -n '2,10p' "$0"; exit 3 ;;
esac
