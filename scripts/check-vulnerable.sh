#!/usr/bin/env bash
# Dependency vulnerability check (issue 10), run by .ci/run.
#   scripts/check-vulnerable.sh [solution]   exit 1 when a project references a package (direct or transitive) with a
#                                            known vulnerability (`dotnet list package --vulnerable`).
#   scripts/check-vulnerable.sh --selftest   shows that a vulnerable package fails: a canary project referencing
#                                            Newtonsoft.Json 12.0.1 (GHSA-5crp-9r3c-p9vr) with the repo's build settings,
#                                            audited against a local advisory feed on loopback, must fail to restore.
# Both lines of defence need vulnerability data from a package source (its VulnerabilityInfo resource). A source
# without it (an offline mirror, like this VM's) makes `dotnet list package --vulnerable` answer "no vulnerable
# packages" and NuGetAudit stay silent: this script checks for the data and says so (exit 1 with
# SEGMENTA_REQUIRE_VULN_DATA=1, else a warning). With data, the build itself also fails: NuGetAudit (on by default,
# all packages on .NET 10) reports NU1901-NU1904 at restore and Directory.Build.props treats warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = --selftest ]; then
  work=$(mktemp -d /tmp/segmenta-vuln.XXXXXX)
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  feed="http://127.0.0.1:$port"
  mkdir -p "$work/feed/v3/vulnerabilities" "$work/canary"
  echo "{\"version\":\"3.0.0\",\"resources\":[{\"@id\":\"$feed/v3/vulnerabilities/index.json\",\"@type\":\"VulnerabilityInfo/6.7.0\"}]}" >"$work/feed/v3/index.json"
  echo "[{\"@name\":\"base\",\"@id\":\"$feed/v3/vulnerabilities/base.json\",\"@updated\":\"2026-11-01T00:00:00Z\",\"comment\":\"selftest\"},{\"@name\":\"update\",\"@id\":\"$feed/v3/vulnerabilities/update.json\",\"@updated\":\"2026-11-01T00:00:00Z\",\"comment\":\"selftest\"}]" >"$work/feed/v3/vulnerabilities/index.json"
  echo '{"newtonsoft.json":[{"severity":2,"url":"https://github.com/advisories/GHSA-5crp-9r3c-p9vr","versions":"(, 13.0.1)"}]}' >"$work/feed/v3/vulnerabilities/base.json"
  echo '{}' >"$work/feed/v3/vulnerabilities/update.json"
  /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/feed" >/dev/null 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
  cp Directory.Build.props "$work/canary/"
  cat >"$work/canary/canary.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="12.0.1" /></ItemGroup>
</Project>
XML
  cat >"$work/canary/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <auditSources><clear /><add key="advisories" value="$feed/v3/index.json" allowInsecureConnections="true" /></auditSources>
</configuration>
XML
  for _ in $(seq 1 50); do curl -sf "$feed/v3/index.json" >/dev/null && break; sleep 0.1; done
  if dotnet restore "$work/canary/canary.csproj" >"$work/restore.txt" 2>&1; then
    cat "$work/restore.txt"; echo "SELFTEST FAILED: a package with a known vulnerability restored without error"; exit 1
  fi
  grep -m1 "NU1903" "$work/restore.txt" || { cat "$work/restore.txt"; echo "SELFTEST FAILED: restore failed for another reason"; exit 1; }
  echo "selftest ok: Newtonsoft.Json 12.0.1 fails the restore (NU1903 as error) once vulnerability data is available"
  exit 0
fi

target=${1:-Segmenta.slnx}
has_data=0
for source in $(dotnet nuget list source --format short | awk '$1 ~ /^E/ {print $2}'); do
  case $source in
    http*) curl -sf -m 20 "$source" | grep -q '"VulnerabilityInfo' && has_data=1 ;;
  esac
done
out=$(mktemp)
dotnet list "$target" package --vulnerable --include-transitive 2>&1 | tee "$out"
if grep -q "has the following vulnerable packages" "$out"; then rm -f "$out"; echo "vulnerable packages found"; exit 1; fi
rm -f "$out"
if [ $has_data = 0 ]; then
  echo "WARNING: no package source offers vulnerability data (no VulnerabilityInfo resource in its service index), so"
  echo "         'no vulnerable packages' above means 'not checked'. Run this where nuget.org is reachable directly."
  [ "${SEGMENTA_REQUIRE_VULN_DATA:-0}" = 1 ] && exit 1
fi
echo "vulnerability check done"
