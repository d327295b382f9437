#!/usr/bin/env bash
# One command for the whole performance run: the micro-benchmarks, the OpenSSL reference in the same
# invocation, then the end-to-end load run (benchmarks/load.sh postgres); writes docs/performance.md.
# Usage: benchmarks/run.sh [BenchmarkDotNet filter, default *]. Takes about 20 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
devnet/setup.sh
command -v openssl >/dev/null || { echo "benchmarks: openssl is required for the reference figures" >&2; exit 1; }
out="$root/benchmarks/.results"
rm -rf "$out" && mkdir -p "$out"
dotnet build benchmarks/Benchmarks -c Release --nologo -v q
dotnet run -c Release --no-build --project benchmarks/Benchmarks -- --filter "${1:-*}" --job short --exporters json --artifacts "$out/bdn"
{
  openssl version
  openssl speed -seconds 3 sm2
  openssl speed -seconds 3 -evp sm3
  openssl speed -seconds 3 -evp sm4-ctr
  openssl speed -seconds 3 -evp aes-256-gcm
} >"$out/openssl.txt" 2>&1
benchmarks/load.sh postgres
dotnet run -c Release --no-build --project benchmarks/Benchmarks -- report "$out/bdn/results" "$out/openssl.txt" "$out" docs/performance.md
echo "benchmarks: wrote docs/performance.md"
