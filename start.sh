#!/usr/bin/env bash
# Runs TrustLedger on the embedded defaults: the local chain (Anvil, Besu-like), the contracts,
# a demo department, CertService (SQLite) and the Verifier. Ctrl-C stops everything it started.
# Ports (all on 127.0.0.1): chain 8545, CertService 5080, Verifier 5090; override with
# DEVNET_PORT, CERTSERVICE_PORT, VERIFIER_PORT.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
chain_port="${DEVNET_PORT:-8545}"
cert_port="${CERTSERVICE_PORT:-5080}"
verifier_port="${VERIFIER_PORT:-5090}"
state="$root/devnet/.state"
rpc="http://127.0.0.1:$chain_port"

devnet/setup.sh
echo "start: building (Release)"
dotnet build TrustLedger.slnx -c Release --nologo --no-restore -v q
mkdir -p "$state"
# State from an older layout (before departments, keys and types moved into the store, before
# certificates were encrypted at rest, before the AuditTrail, status and data contracts, before anchors were
# kept per issuer and status changes carried ids, before status histories were kept per issuer) cannot be upgraded in
# place: set it aside, start fresh.
if [[ -e "$state/certservice.db" && "$(cat "$state/LAYOUT" 2>/dev/null)" != "11" ]]; then
  aside="$root/devnet/.state-old-$(date +%Y%m%d%H%M%S)"
  mv "$state" "$aside" && mkdir -p "$state"
  echo "start: earlier devnet state moved to ${aside#$root/} (its layout predates this version)"
fi
echo 11 >"$state/LAYOUT"
export TRUSTLEDGER_KEYSTORE_PASSPHRASE=dev-only-keystore-passphrase

for port in "$chain_port" "$cert_port" "$verifier_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "start: port $port on 127.0.0.1 is already in use; stop what holds it or choose another port" >&2
    exit 1
  fi
done

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo
  echo "start: stopping (pids ${pids[*]:-none})"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

wait_for() { # url, what, pid
  for _ in $(seq 1 120); do
    if ! kill -0 "$3" 2>/dev/null; then echo "start: $2 exited; see $state/$2.log" >&2; exit 1; fi
    if curl -fsS -o /dev/null 2>/dev/null "$1" -H 'Content-Type: application/json' ${4:+--data "$4"}; then return 0; fi
    sleep 0.5
  done
  echo "start: $2 did not come up; see $state/$2.log" >&2
  exit 1
}

echo "start: chain on $rpc (state kept in devnet/.state)"
devnet/anvil.sh "$chain_port" "$state/anvil-state.json" >"$state/chain.log" 2>&1 &
pids+=($!)
wait_for "$rpc" chain "${pids[-1]}" '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}'

dotnet devnet/Deployer/bin/Release/net10.0/TrustLedger.Deployer.dll --rpc "$rpc" --record "$state/deployment.json" --keystore "$state/keystore"

# Chain__BlockPeriod: the devnet mines a block a second (a stall is three periods without one).
export Chain__RpcUrl="$rpc" Chain__DeploymentFile="$state/deployment.json" Keystore__Directory="$state/keystore" Chain__BlockPeriod=00:00:01
ASPNETCORE_ENVIRONMENT=Development Storage__ConnectionString="Data Source=$state/certservice.db" \
  Documents__VerifierPublicUrl="http://127.0.0.1:$verifier_port" \
  dotnet CertService/bin/Release/net10.0/TrustLedger.CertService.dll \
  --contentRoot "$root/CertService/bin/Release/net10.0" --urls "http://127.0.0.1:$cert_port" >"$state/certservice.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$cert_port/health" certservice "${pids[-1]}"

ASPNETCORE_ENVIRONMENT=Development CertService__BaseUrl="http://127.0.0.1:$cert_port" Verifier__PublicUrl="http://127.0.0.1:$verifier_port" Receipts__KeystoreDirectory="$state/verifier-keystore" \
  dotnet Verifier/bin/Release/net10.0/TrustLedger.Verifier.dll \
  --contentRoot "$root/Verifier/bin/Release/net10.0" --urls "http://127.0.0.1:$verifier_port" >"$state/verifier.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$verifier_port/health" verifier "${pids[-1]}"

# Onboard the demo department through the admin API (a no-op when it is already on board): its
# certificate types, its electronic seal and a fresh API key.
cs="http://127.0.0.1:$cert_port"
demo_code=11610100MB29570176
demo_key=$(devnet/onboard-demo.sh "$cs")

# Show the whole path once: issue a demo certificate, wait for its anchor, verify its bundle.
api="$cs/api/v1/certificates"
key="X-Api-Key: $demo_key"
accepted=$(curl -fsS -X POST "$api" -H "$key" -H 'Content-Type: application/json' \
  --data @CertService/Types/v1/samples/business-licence.json)
id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$accepted")
echo "start: demo certificate $id accepted (pending); waiting for its anchor"
for _ in $(seq 1 60); do
  view=$(curl -fsS "$api/$id" -H "$key")
  grep -q '"status":"anchored"' <<<"$view" && break
  sleep 0.5
done
block=$(sed -E 's/.*"blockNumber":([0-9]+).*/\1/' <<<"$view")
curl -fsS "$api/$id/bundle" -H "$key" >"$state/demo-bundle.json"
report=$(curl -sS -X POST "http://127.0.0.1:$verifier_port/api/v1/verify" -H 'Content-Type: application/json' --data @"$state/demo-bundle.json")
echo "start: anchored in block $block; Verifier says:"
echo "  verdict: $(sed -E 's/.*"verdict":"([a-z]+)".*/\1/' <<<"$report")"
grep -o '"name":"[a-z-]*","status":"[a-z]*"' <<<"$report" | sed -E 's/"name":"([a-z-]+)","status":"([a-z]+)"/  \2  \1/'
echo "  (bundle saved to devnet/.state/demo-bundle.json)"
curl -fsS "$api/$id/pdf" -H "$key" -o "$state/demo-certificate.pdf" && echo "  sealed PDF saved to devnet/.state/demo-certificate.pdf"
pdf_report=$(curl -sS -X POST "http://127.0.0.1:$verifier_port/api/v1/verify/pdf" \
  -F "document=@$state/demo-certificate.pdf;type=application/pdf" -F "bundle=@$state/demo-bundle.json;type=application/json")
echo "start: the sealed PDF with its bundle, Verifier says: $(sed -E 's/.*"verdict":"([a-z]+)".*/\1/' <<<"$pdf_report")"
grep -o '"name":"\(document\|seal\)-[a-z]*","status":"[a-z]*"' <<<"$pdf_report" | sed -E 's/"name":"([a-z-]+)","status":"([a-z]+)"/  \2  \1/'
page=$(sed -E 's/.*"verificationUrl":"([^"]+)".*/\1/' <<<"$(curl -fsS "$api/$id" -H "$key")")
echo "start: the citizen page its QR code opens: $page (English: add &lang=en)"

cat <<TXT

TrustLedger is running (logs in devnet/.state/*.log):
  chain RPC    $rpc  (chain id 1337, 1-second blocks, free gas)
  CertService  http://127.0.0.1:$cert_port   API docs: http://127.0.0.1:$cert_port/docs
  Verifier     http://127.0.0.1:$verifier_port   OpenAPI: http://127.0.0.1:$verifier_port/openapi/v1.json

Demo department: 西安市市场监督管理局（演示）, credit code $demo_code
  its API key, new this run (DEVELOPMENT ONLY): $demo_key
  admin API key (DEVELOPMENT ONLY): dev-admin-key

Try it (copy and paste into another terminal, from this folder):

  key='$demo_key'
  id=\$(curl -s -X POST http://127.0.0.1:$cert_port/api/v1/certificates -H "X-Api-Key: \$key" \\
    -H 'Content-Type: application/json' --data @CertService/Types/v1/samples/business-licence.json \\
    | sed -E 's/.*"id":"([^"]+)".*/\1/'); echo "issued \$id"
  sleep 4   # one anchoring interval plus a block
  curl -s http://127.0.0.1:$cert_port/api/v1/certificates/\$id/bundle -H "X-Api-Key: \$key" > bundle.json
  curl -s -X POST http://127.0.0.1:$verifier_port/api/v1/verify -H 'Content-Type: application/json' -d @bundle.json
  curl -s http://127.0.0.1:$cert_port/api/v1/certificates/\$id/pdf -H "X-Api-Key: \$key" -o certificate.pdf   # sealed PDF with QR code
  curl -s -X POST http://127.0.0.1:$verifier_port/api/v1/verify/pdf -F document=@certificate.pdf -F bundle=@bundle.json

Press Ctrl-C to stop everything.
TXT
wait -n "${pids[@]}" || true
echo "start: a process exited; see devnet/.state/*.log" >&2
