#!/usr/bin/env bash
# Runs every test: unit and property tests, contract tests and integration tests against real Anvil
# nodes (each fixture starts its own on a free loopback port and stops it by its pid), and the
# end-to-end slice through both services. Installs what it needs first (devnet/setup.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

devnet/setup.sh --for-tests

log="$(mktemp)"
faults_log="$(mktemp)"
trap 'rm -f "$log" "$faults_log"' EXIT
status=0
dotnet test TrustLedger.slnx --nologo --no-restore -c Release -v q --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# The fault-injection suite, short: a few cycles of each scenario against two real CertService processes
# (benchmarks/faults.sh without --short is the full run that docs/reliability.md records).
faults=0
benchmarks/faults.sh --short >"$faults_log" 2>&1 || faults=$?
grep '^faults:' "$faults_log" || true
if [[ "$faults" -ne 0 ]]; then tail -40 "$faults_log"; fi

# Fuzzing: each harness 60 s under AFL++ (tests/fuzz.sh SECONDS for longer runs; docs/security.md records them).
fuzz=0
fuzz_log="$(mktemp)"
tests/fuzz.sh "${TRUSTLEDGER_FUZZ_SECONDS:-60}" >"$fuzz_log" 2>&1 || fuzz=$?
grep '^fuzz:' "$fuzz_log" || true
rm -f "$fuzz_log"

# One closing line for CI and people: totals over every test assembly.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
assemblies=$(grep -Ec '^(Passed|Failed)!' "$log" || true)
echo
echo "test assemblies: $assemblies"
echo "$passed passed, $failed failed, $skipped skipped"
if [[ "$faults" -ne 0 ]]; then
  echo "the fault-injection suite found violations or could not run (exit $faults); its report: benchmarks/.results/faults.txt" >&2
  status=1
fi
if [[ "$fuzz" -ne 0 ]]; then
  echo "fuzzing found crashes or could not run (exit $fuzz); the inputs: tests/Fuzz/.results" >&2
  status=1
fi
if [[ "$status" -ne 0 && "$failed" -eq 0 ]]; then
  echo "dotnet test exited with status $status although no test failed: a build error or an aborted test run (see above)" >&2
fi
if [[ "$status" -eq 0 && "$passed" -eq 0 ]]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
