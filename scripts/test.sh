#!/usr/bin/env bash
# The whole test suite, as the README's test command and CI run it.
# Installs and starts what the tests need: Debian's chromium (report and dashboard browser tests, never a downloaded browser)
# and the CJK font fonts-wqy-microhei (chart files and screenshots with Chinese text).
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
