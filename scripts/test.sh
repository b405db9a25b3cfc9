#!/usr/bin/env bash
# The whole test suite, as the README's test command and CI run it.
# Installs and starts what the tests need (today: nothing beyond the .NET SDK and NuGet packages).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
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
