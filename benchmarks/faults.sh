#!/usr/bin/env bash
# The fault-injection suite (issue #13): two CertService instances on one durable PostgreSQL, the local
# chain, steady load through both (single and bulk issuance, PDF and data-only, suspensions and
# revocations, dataset versions) and, one scenario after another: instances SIGKILLed at random moments
# and restarted, the chain node stopped (its pool lost), the chain's clock moved past the back-dating
# window while status changes wait, PostgreSQL restarted, a pending transaction dropped from the pool,
# and a poison certificate in the queue throughout. After each scenario an independent reconciliation
# (plain SQL and JSON-RPC, none of CertService's code) counts what was lost, anchored twice, orphaned,
# silently reversed or out of step, and which processes stopped by themselves. It prints counts, not
# timings, writes benchmarks/.results/faults.txt and exits 1 on any violation.
# Usage: benchmarks/faults.sh [--short] [--cycles N] [--chain-outage SECONDS]   (full run: 100 kill cycles, 90 s outage)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
devnet/setup.sh --for-tests >/dev/null
dotnet build TrustLedger.slnx -c Release --nologo -v q >/dev/null
mkdir -p benchmarks/.results
exec dotnet benchmarks/Faults/bin/Release/net10.0/TrustLedger.Faults.dll --repository "$root" "$@"
