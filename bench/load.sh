#!/usr/bin/env bash
# Bounded loopback load test of the REST API (see bench/README.md, docs/server.md): a server on 127.0.0.1, a
# transactions file uploaded and segmented through the API, then CLIENTS concurrent clients querying customers by
# RFM segment for SECONDS per phase: cold (8 concurrent, pages 1-20 once each), cold with CLIENTS concurrent (every
# request a distinct page never asked before, pages 21..), warm (random page of the first 20, from the page cache).
# Usage: bench/load.sh [transactions.csv] [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-/work/bench-data/large.csv}
clients=${2:-200}
seconds=${3:-30}
port=${PORT:-5099}
url="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/segmenta-load.XXXXXX)
dotnet build src/Segmenta.Cli -c Release -v q -clp:ErrorsOnly
dotnet build bench/Segmenta.LoadTest -c Release -v q -clp:ErrorsOnly
cli=(dotnet src/Segmenta.Cli/bin/Release/net10.0/segmenta.dll)
json() { /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

admin_pw="load-$(date +%s%N)"
SEGMENTA_ADMIN_PASSWORD="$admin_pw" "${cli[@]}" serve --db "$work/store.duckdb" --init-admin admin
# The per-key rate limit is raised for the test only (default 6,000 requests a minute per key).
Segmenta__RequestsPerMinute=100000000 "${cli[@]}" serve --db "$work/store.duckdb" --urls "$url" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 200); do curl -sf "$url/health" >/dev/null && break; sleep 0.3; done

csrf=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' -d "{\"name\":\"admin\",\"password\":\"$admin_pw\"}" "$url/api/v1/auth/login" | json '["csrf_token"]')
key=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{"name":"load","role":"analyst"}' "$url/api/v1/api-keys" | json '["key"]')

start=$(date +%s)
curl -sf -X POST -T "$data" -H "X-Api-Key: $key" -H 'Content-Type: text/csv' "$url/api/v1/uploads/transactions?fileName=$(basename "$data")" >"$work/upload.json"
echo "upload + import check: $(( $(date +%s) - start )) s, rows read $(json '["load"]["rows_read"]' <"$work/upload.json")"
start=$(date +%s)
location=$(curl -sf -D - -o /dev/null -H "X-Api-Key: $key" -H 'Content-Type: application/json' -d '{}' "$url/api/v1/runs" | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
while :; do
  status=$(curl -sf -H "X-Api-Key: $key" "$url$location" | json '["status"]')
  [ "$status" = succeeded ] && break
  [ "$status" = failed ] || [ "$status" = cancelled ] && { echo "run $status"; cat "$work/server.log"; exit 1; }
  sleep 2
done
echo "run: $(( $(date +%s) - start )) s"
# The page tables (one sorted copy of the segment table per scheme) are built in the background after the run; the
# cold phases measure them, so wait until the server logs that they are ready.
start=$(date +%s)
for _ in $(seq 1 600); do grep -q "Page tables of run" "$work/server.log" && break; sleep 1; done
echo "page tables: $(grep -o "Page tables of run.*" "$work/server.log" | head -1) (waited $(( $(date +%s) - start )) s)"
echo "store size with the page tables: $(du -h "$work/store.duckdb" | cut -f1)"
echo "load average before the clients: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Segmenta.LoadTest/bin/Release/net10.0/Segmenta.LoadTest.dll "$url" "$key" "$clients" "$seconds"
