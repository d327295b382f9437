#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser that takes an attacker's bytes (tests/Fuzz/Harnesses.cs):
# SharpFuzz instruments the TrustLedger assemblies, AFL++ (Debian's afl++) drives each harness from its
# seed corpus (tests/Fuzz/Corpus/TARGET) for the given time. A crash is an input whose exception the
# endpoint would not have turned into a 400: it is copied to tests/Fuzz/.results/TARGET/ and replayed on
# the plain build; the run fails when it reproduces there.
# Replay one with the plain build (the instrumented one in .build needs AFL's shared memory and faults without it):
#   dotnet build tests/Fuzz && dotnet tests/Fuzz/bin/Debug/net10.0/TrustLedger.Fuzz.dll TARGET FILE
# and keep it under tests/Fuzz/Regressions/TARGET/, which FuzzRegressionTests replays on every run.
# Usage: tests/fuzz.sh [SECONDS_PER_TARGET (default 60)] [TARGET...]   (all targets when none is named)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-60}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(canonicalizer bundle pdf-signature qr-payload csv-batch json-batch dataset-csv dataset-ndjson)
fi

if ! command -v afl-fuzz >/dev/null 2>&1; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "fuzz: afl-fuzz is missing; install Debian's afl++ package (needs root)" >&2
    exit 1
  fi
  echo "fuzz: installing AFL++ from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi

tools="$root/tests/Fuzz/.tools"
if [[ ! -x "$tools/sharpfuzz" ]]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

build="$root/tests/Fuzz/.build"
rm -rf "$build"
dotnet publish tests/Fuzz/Fuzz.csproj -c Release -o "$build" --nologo -v q >/dev/null
# Coverage comes from the project's own assemblies and the parsers they hand attacker bytes to.
for assembly in TrustLedger.Ledger.dll TrustLedger.CertService.dll TrustLedger.Verifier.dll CsvHelper.dll; do
  "$tools/sharpfuzz" "$build/$assembly" >/dev/null
done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_QUIET=1
export DOTNET_TieredPGO=0 DOTNET_gcServer=0
results="$root/tests/Fuzz/.results"
plain="$root/tests/Fuzz/.plain"
rm -rf "$plain"
mkdir -p "$results"
failed=0
for target in "${targets[@]}"; do
  out="$(mktemp -d)"
  # -t: a .NET start-up is slow on the first exec; -m none: the runtime reserves far more than it uses.
  afl-fuzz -V "$seconds" -t 10000+ -m none -i "tests/Fuzz/Corpus/$target" -o "$out" -- dotnet "$build/TrustLedger.Fuzz.dll" "$target" >"$out/afl.log" 2>&1 || true
  stats="$out/default/fuzzer_stats"
  if [[ ! -f "$stats" ]]; then
    echo "fuzz: $target did not run; afl-fuzz said:" >&2
    tail -20 "$out/afl.log" >&2
    failed=1
    rm -rf "$out"
    continue
  fi
  execs=$(awk -F: '/^execs_done/ {gsub(/ /,"",$2); print $2}' "$stats")
  paths=$(awk -F: '/^corpus_count/ {gsub(/ /,"",$2); print $2}' "$stats")
  crashes=$(find "$out/default/crashes" -type f ! -name README.txt | wc -l)
  hangs=$(find "$out/default/hangs" -type f ! -name README.txt | wc -l)
  echo "fuzz: $target ${seconds}s: $execs executions, $paths inputs in the corpus, $crashes crashes, $hangs hangs"
  if [[ "$crashes" -gt 0 ]]; then
    mkdir -p "$results/$target"
    cp "$out"/default/crashes/id:* "$results/$target/"
    # SharpFuzz's out-of-process fork server reports "crash" (sig:02) for whatever input was running
    # when its .NET child died for any reason (a kill, a starved machine), so each record is replayed
    # on the plain build: one that throws or dies there is a crash and fails the run; one that does
    # not is reported as not reproducible and kept for a look.
    if [[ ! -f "$plain/TrustLedger.Fuzz.dll" ]]; then
      dotnet build tests/Fuzz/Fuzz.csproj -c Release -o "$plain" --nologo -v q >/dev/null
    fi
    for record in "$out"/default/crashes/id:*; do
      log="$results/$target/$(basename "$record").log"
      status=0
      timeout 60 dotnet "$plain/TrustLedger.Fuzz.dll" "$target" "$record" >"$log" 2>&1 || status=$?
      if [[ "$status" -eq 0 ]]; then
        echo "fuzz: $target: $(basename "$record") does not reproduce on the plain build (kept in $results/$target)"
      elif [[ "$status" -eq 124 ]]; then
        echo "fuzz: $target: $(basename "$record") hangs on the plain build (more than 60 s)" >&2
        failed=1
      else
        echo "fuzz: $target: $(basename "$record") reproduces (exit $status): a crash; see $log" >&2
        failed=1
      fi
    done
  fi
  rm -rf "$out"
done

if [[ "$failed" -ne 0 ]]; then
  echo "fuzz: crashes or a harness that could not run; inputs in tests/Fuzz/.results" >&2
  exit 1
fi
