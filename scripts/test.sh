#!/usr/bin/env bash
# The whole test suite, as the README's test command and CI run it.
# Installs and starts what the tests need (today: nothing beyond the .NET SDK and NuGet packages).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore Segmenta.slnx
dotnet build Segmenta.slnx --no-restore -c Release
dotnet test Segmenta.slnx --no-build -c Release --logger "console;verbosity=normal" "$@"
