#!/usr/bin/env bash
# The whole test suite, as the README's test command and CI run it.
# Installs (as root, only when missing) and starts what the tests need:
# - Debian's chromium (report and dashboard browser tests, never a downloaded browser) and the CJK font fonts-wqy-microhei (chart
#   files and screenshots with Chinese text);
# - a PostgreSQL 15 server and a 2-shard ClickHouse cluster on loopback (scripts/services/) for the engine tests; it
#   exports SEGMENTA_TEST_PG / SEGMENTA_TEST_CH for the tests and stops both when the script exits. Already-running
#   servers can be reused by setting those variables beforehand.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Install only what is missing, and only where we can (root with apt-get). Without them the report tests fail
# with a message saying what to install; they never skip.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: ${missing[*]} missing and cannot be installed here (needs root and apt-get); report tests will fail" >&2
  fi
fi

# A free loopback port at or after $1 (and, for ClickHouse, its TCP/interserver companions +877/+886 too).
free_port() {
  local p=$1
  while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || (echo >"/dev/tcp/127.0.0.1/$((p + 877))") 2>/dev/null \
        || (echo >"/dev/tcp/127.0.0.1/$((p + 886))") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
services=$(mktemp -d /tmp/segmenta-services.XXXXXX)
chmod 755 "$services"
PGDIR=""; CHBASE=""
cleanup() {
  [ -n "$PGDIR" ] && scripts/services/stop-pg.sh "$PGDIR" >/dev/null 2>&1 || true
  [ -n "$CHBASE" ] && scripts/services/stop-ch-cluster.sh "$CHBASE" >/dev/null 2>&1 || true
  rm -rf "$services"
}
trap cleanup EXIT
if [ -z "${SEGMENTA_TEST_PG:-}" ] || [ -z "${SEGMENTA_TEST_CH:-}" ]; then
  scripts/services/install.sh
fi
if [ -z "${SEGMENTA_TEST_PG:-}" ]; then
  eval "$(scripts/services/start-pg.sh "$(free_port 55432)" "$services/pg")"
  export SEGMENTA_TEST_PG="$PG_SOURCE"
fi
if [ -z "${SEGMENTA_TEST_CH:-}" ]; then
  http1=$(free_port 18123); http2=$(free_port $((http1 + 10000)))
  eval "$(scripts/services/start-ch-cluster.sh "$services/ch" "$http1" "$http2")"
  export SEGMENTA_TEST_CH="$CH_SOURCE"
fi
echo "servers: SEGMENTA_TEST_PG=$SEGMENTA_TEST_PG SEGMENTA_TEST_CH=$SEGMENTA_TEST_CH"

dotnet restore Segmenta.slnx
dotnet build Segmenta.slnx --no-restore -c Release
log=$(mktemp)
set +e
dotnet test Segmenta.slnx --no-build -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line over all test projects ("N passed, N failed").
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", p); printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
