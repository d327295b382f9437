#!/usr/bin/env bash
# End-to-end load run on loopback. Starts its own stack (Anvil, CertService on PostgreSQL or SQLite, the
# Verifier) in a temporary folder, then drives, with hey (Debian), a fixed number of requests per phase:
#   1. data-only issuance (document: none; sealed with SM2, encrypted, durable, anchored),
#   2. issuance with a sealed PDF (document stage: render, sign, encrypt),
#   3. a deep queue (mining paused while 20,000 certificates are imported), to see how many one anchor takes,
#   4. verification of a data-only bundle (every check, including the SM2 data seal).
# It records throughput and p50/p99 latency (hey), acceptance-to-anchored (CertService's anchoring
# latency view), batch sizes, the resident memory of each process every second, a CPU profile of each
# service under load (dotnet-trace), and the per-verification crypto cost measured in the same run.
# Results: benchmarks/.results/load-STORE.txt (key=value) and profile-*.txt; benchmarks/run.sh turns them
# into docs/performance.md. Every process it starts is stopped by its pid.
# Usage: benchmarks/load.sh [postgres|sqlite]
#   LOAD_ISSUE (default 120000), LOAD_PDF (3000), LOAD_VERIFY (60000), LOAD_CONCURRENCY (64), LOAD_PROFILE (1)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
store="${1:-postgres}"
issue_n="${LOAD_ISSUE:-120000}"
pdf_n="${LOAD_PDF:-3000}"
verify_n="${LOAD_VERIFY:-60000}"
concurrency="${LOAD_CONCURRENCY:-64}"
profile="${LOAD_PROFILE:-1}"
[[ "$store" == postgres || "$store" == sqlite ]] || { echo "load: store must be postgres or sqlite" >&2; exit 2; }

results="$root/benchmarks/.results"
mkdir -p "$results"
devnet/setup.sh
if ! command -v hey >/dev/null 2>&1; then
  [[ "$(id -u)" -eq 0 ]] || { echo "load: hey is missing; install Debian's hey package (needs root)" >&2; exit 1; }
  echo "load: installing hey from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null
fi
dotnet tool restore >/dev/null
dotnet build TrustLedger.slnx -c Release --nologo --no-restore -v q
dotnet build benchmarks/Benchmarks -c Release --nologo -v q

out="$results/load-$store.txt"
work="$(mktemp -d /tmp/trustledger-load-XXXXXX)"
chmod 711 "$work" # the postgres user must reach its data folder inside; nothing here becomes listable
pids=()
pg_pid=""
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "$pg_pid" ]]; then kill "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; fi
  mkdir -p "$results/logs-$store" && cp "$work"/*.log "$results/logs-$store/" 2>/dev/null || true
  rm -rf "$work"
}
trap stop_all EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
wait_for() { # url what pid [json body]
  for _ in $(seq 1 240); do
    kill -0 "$3" 2>/dev/null || { echo "load: $2 exited; its log:" >&2; tail -20 "$work/$2.log" >&2; exit 1; }
    curl -fsS -o /dev/null "$1" -H 'Content-Type: application/json' ${4:+--data "$4"} 2>/dev/null && return 0
    sleep 0.5
  done
  echo "load: $2 did not come up" >&2; exit 1
}
now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
record() { echo "$1=$2" >>"$out"; }

chain_port=$(free_port); cert_port=$(free_port); verifier_port=$(free_port)
rpc="http://127.0.0.1:$chain_port"
cs="http://127.0.0.1:$cert_port"
verifier="http://127.0.0.1:$verifier_port"
: >"$out"
record store "$store"
record date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
record cores "$(nproc)"
record block_period_s 1   # devnet/anvil.sh mines a block a second (Besu QBFT: blockperiodseconds)
record concurrency "$concurrency"

# The development passphrase the services read from appsettings.Development.json (public, devnet only).
export TRUSTLEDGER_KEYSTORE_PASSPHRASE=dev-only-keystore-passphrase
devnet/anvil.sh "$chain_port" "$work/anvil-state.json" >"$work/chain.log" 2>&1 &
pids+=($!)
wait_for "$rpc" chain "${pids[-1]}" '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}'
dotnet devnet/Deployer/bin/Release/net10.0/TrustLedger.Deployer.dll --rpc "$rpc" --record "$work/deployment.json" --keystore "$work/keystore" >/dev/null

if [[ "$store" == postgres ]]; then
  # A private cluster with PostgreSQL's durable defaults (fsync and synchronous_commit on): "durable" means it.
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_port=$(free_port)
  mkdir -p "$work/pg"
  as_pg=()
  if [[ "$(id -u)" -eq 0 ]]; then chown postgres:postgres "$work/pg"; as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
  "${as_pg[@]}" "$bin/initdb" -D "$work/pg/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$bin/postgres" -D "$work/pg/data" -p "$pg_port" -h 127.0.0.1 -k "$work/pg" -c max_connections=200 -c shared_buffers=512MB >"$work/postgres.log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 1 60); do "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break; sleep 0.5; done
  "$bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE trustledger" >/dev/null
  export Storage__Provider=Postgres Storage__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=trustledger;Maximum Pool Size=100"
  record postgres "$("$bin/postgres" --version)"
else
  export Storage__Provider=Sqlite Storage__ConnectionString="Data Source=$work/certservice.db"
fi

export ASPNETCORE_ENVIRONMENT=Development
export Chain__RpcUrl="$rpc" Chain__DeploymentFile="$work/deployment.json" Keystore__Directory="$work/keystore"
export Logging__LogLevel__Default=Warning
# The load comes from one address; the anonymous rate limit (RateLimits:Anonymous) is for citizens, not for this.
export RateLimits__Anonymous__PermitLimit=100000000
# Batches are cut every block period (1 s on the devnet) rather than the 5 s default: the latency target is in block periods.
Anchoring__Interval=00:00:01 Documents__VerifierPublicUrl="$verifier" \
  dotnet CertService/bin/Release/net10.0/TrustLedger.CertService.dll --contentRoot "$root/CertService/bin/Release/net10.0" --urls "$cs" >"$work/certservice.log" 2>&1 &
pids+=($!); cert_pid=$!
wait_for "$cs/health" certservice "$cert_pid"
CertService__BaseUrl="$cs" Receipts__KeystoreDirectory="$work/verifier-keystore" \
  dotnet Verifier/bin/Release/net10.0/TrustLedger.Verifier.dll --contentRoot "$root/Verifier/bin/Release/net10.0" --urls "$verifier" >"$work/verifier.log" 2>&1 &
pids+=($!); verifier_pid=$!
wait_for "$verifier/health" verifier "$verifier_pid"
key=$(devnet/onboard-demo.sh "$cs")
admin='X-Api-Key: dev-admin-key'

# Resident memory of each process, every second, for the whole run. PostgreSQL is the postmaster and its
# backends together, by proportional set size (shared buffers counted once, not once per backend).
(
  while :; do
    t=$(date +%s)
    for p in certservice:$cert_pid verifier:$verifier_pid chain:${pids[0]}; do
      echo "$t ${p%%:*} $(awk '/VmRSS/ {print $2}' "/proc/${p#*:}/status" 2>/dev/null || echo 0)"
    done
    if [[ -n "$pg_pid" ]]; then
      echo "$t postgres $(for q in "$pg_pid" $(pgrep -P "$pg_pid"); do cat "/proc/$q/smaps_rollup" 2>/dev/null; done | awk '/^Pss:/ {s += $2} END {print s + 0}')"
    fi
    sleep 1
  done
) >"$work/rss.txt" &
sampler=$!
pids+=("$sampler")
run_start=$(date +%s)

sample="CertService/Types/v1/samples/business-licence.json"
sed '0,/{/s//{"document":"none",/' "$sample" >"$work/data-only.json"
cp "$sample" "$work/with-pdf.json"

hey_figures() { # phase file
  local file="$2"
  record "$1.requests_per_s" "$(awk '/Requests\/sec/ {print $2}' "$file")"
  record "$1.p50_ms" "$(awk '/50% in/ {printf "%.1f", $3 * 1000}' "$file")"
  record "$1.p99_ms" "$(awk '/99% in/ {printf "%.1f", $3 * 1000}' "$file")"
  record "$1.ok" "$(awk '/\[20[02]\]/ {s += $2} END {print s + 0}' "$file")"
  record "$1.errors" "$(awk '/^  \[[0-9]+\]/ && !/\[20[02]\]/ {s += $2} END {print s + 0}' "$file")"
}
wait_anchored() { # since-iso phase
  local view
  for _ in $(seq 1 900); do
    view=$(curl -fsS "$cs/api/v1/admin/anchoring/latency?since=$1" -H "$admin")
    grep -q '"pending":0,' <<<"$view" && break
    sleep 1
  done
  echo "$view" >"$results/anchoring-$store-$2.json"
  record "$2.certificates" "$(sed -E 's/.*"certificates":([0-9]+).*/\1/' <<<"$view")"
  record "$2.pending" "$(sed -E 's/.*"pending":([0-9]+).*/\1/' <<<"$view")"
  record "$2.batches" "$(sed -E 's/.*"batches":([0-9]+).*/\1/' <<<"$view")"
  record "$2.largest_batch" "$(sed -E 's/.*"largestBatch":([0-9]+).*/\1/' <<<"$view")"
  record "$2.anchored_p50_s" "$(sed -E 's/.*"p50":([0-9.]+|null).*/\1/' <<<"$view")"
  record "$2.anchored_p99_s" "$(sed -E 's/.*"p99":([0-9.]+|null).*/\1/' <<<"$view")"
  record "$2.first_accepted" "$(sed -E 's/.*"firstAcceptedAt":"([^"]+)".*/\1/' <<<"$view")"
  record "$2.last_anchored" "$(sed -E 's/.*"lastAnchoredAt":"([^"]+)".*/\1/' <<<"$view")"
}
cpu_ticks() { # pids...: user + system CPU in clock ticks, summed
  local q total=0
  for q in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$q/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}
service_pids() { # name: the pids whose CPU counts for it (PostgreSQL: the postmaster and its backends)
  case "$1" in
    certservice) echo "$cert_pid" ;;
    verifier) echo "$verifier_pid" ;;
    chain) echo "${pids[0]}" ;;
    postgres) [[ -n "$pg_pid" ]] && echo "$pg_pid $(pgrep -P "$pg_pid" | tr '\n' ' ')" ;;
  esac
}
cpu_start() { for n in certservice verifier chain postgres; do eval "cpu0_$n=$(cpu_ticks $(service_pids $n))"; done; }
cpu_end() { # phase requests: CPU milliseconds per request of each process over the phase
  local n ticks hz
  hz=$(getconf CLK_TCK)
  for n in certservice verifier chain postgres; do
    [[ -n "$(service_pids $n)" ]] || continue
    ticks=$(( $(cpu_ticks $(service_pids $n)) - $(eval echo "\$cpu0_$n") ))
    record "$1.cpu_us_per_request.$n" "$(awk -v t="$ticks" -v hz="$hz" -v r="$2" 'BEGIN {printf "%.0f", t * 1e6 / hz / r}')"
  done
}
profile_service() { # pid name seconds
  [[ "$profile" == 1 ]] || return 0
  (sleep 8 && dotnet dotnet-trace collect -p "$1" --profile dotnet-sampled-thread-time --duration "00:00:00:$3" --format speedscope -o "$work/$2.nettrace" || true) >"$work/trace-$2.log" 2>&1 &
  echo $!
}
wait_pid() { [[ -n "${1:-}" ]] || return 0; while kill -0 "$1" 2>/dev/null; do sleep 0.5; done; }

# A warm-up and the bundle the verification phase uses: one data-only certificate, anchored.
id=$(curl -fsS -X POST "$cs/api/v1/certificates" -H "X-Api-Key: $key" -H 'Content-Type: application/json' --data @"$work/data-only.json" | sed -E 's/.*"id":"([^"]+)".*/\1/')
for _ in $(seq 1 60); do curl -fsS "$cs/api/v1/certificates/$id" -H "X-Api-Key: $key" | grep -q '"status":"anchored"' && break; sleep 0.5; done
curl -fsS "$cs/api/v1/certificates/$id/bundle" -H "X-Api-Key: $key" >"$work/bundle.json"
hey -n 2000 -c "$concurrency" -m POST -T application/json -H "X-Api-Key: $key" -D "$work/data-only.json" "$cs/api/v1/certificates" >/dev/null

echo "load: phase 1, $issue_n data-only issuances at concurrency $concurrency ($store)"
since=$(now)
tracer=$(profile_service "$cert_pid" issuance 15)
cpu_start
hey -n "$issue_n" -c "$concurrency" -m POST -T application/json -H "X-Api-Key: $key" -D "$work/data-only.json" "$cs/api/v1/certificates" >"$work/issue.txt"
wait_pid "$tracer"
cpu_end issue "$issue_n"
hey_figures issue "$work/issue.txt"
wait_anchored "$since" issue
cp "$work/issue.txt" "$results/hey-$store-issue.txt"

echo "load: phase 2, $pdf_n issuances with a sealed PDF"
since=$(now)
tracer=$(profile_service "$cert_pid" pdf 15)
hey -n "$pdf_n" -c 16 -m POST -T application/json -H "X-Api-Key: $key" -D "$work/with-pdf.json" "$cs/api/v1/certificates" >"$work/pdf.txt"
hey_figures pdf "$work/pdf.txt"
wait_anchored "$since" pdf
wait_pid "$tracer"

echo "load: phase 3, a deep queue: the chain stops mining while two 10,000-row imports wait, then resumes"
# What a slow or stalled chain does: certificates keep being accepted, and the next batch takes as many
# as AnchoringOptions.MaxLeaves (10,000) allows into one anchoring transaction.
line=$(tr -d '\n' <"$work/data-only.json")
LINE="$line" awk 'BEGIN { printf "["; for (i = 0; i < 10000; i++) printf "%s%s", (i ? "," : ""), ENVIRON["LINE"]; print "]" }' >"$work/bulk.json"
rpc_call() { curl -fsS -o /dev/null "$rpc" -H 'Content-Type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}"; }
since=$(now)
rpc_call evm_setIntervalMining '[0]'
for _ in 1 2; do
  curl -fsS -o /dev/null -X POST "$cs/api/v1/certificates:batch" -H "X-Api-Key: $key" -H 'Content-Type: application/json' --data-binary @"$work/bulk.json"
done
rpc_call evm_setIntervalMining '[1]'
wait_anchored "$since" deep

echo "load: phase 4, $verify_n verifications of a data-only bundle"
dotnet benchmarks/Benchmarks/bin/Release/net10.0/Benchmarks.dll verify-cost "$work/bundle.json" >"$work/cost.txt"
record verify.crypto_us "$(awk -F= '/crypto_us/ {print $2}' "$work/cost.txt")"
record verify.crypto_parts "$(awk -F= '/parts/ {print $2}' "$work/cost.txt")"
curl -fsS -X POST "$verifier/api/v1/verify" -H 'Content-Type: application/json' --data @"$work/bundle.json" >"$results/verify-report-$store.json"
record verify.verdict "$(sed -E 's/.*"verdict":"([a-z]+)".*/\1/' "$results/verify-report-$store.json")"
hey -n 2000 -c "$concurrency" -m POST -T application/json -D "$work/bundle.json" "$verifier/api/v1/verify" >/dev/null
tracer=$(profile_service "$verifier_pid" verification 10)
cpu_start
hey -n "$verify_n" -c "$concurrency" -m POST -T application/json -D "$work/bundle.json" "$verifier/api/v1/verify" >"$work/verify.txt"
wait_pid "$tracer"
cpu_end verify "$verify_n"
hey_figures verify "$work/verify.txt"
cp "$work/verify.txt" "$results/hey-$store-verify.txt"

run_end=$(date +%s)
kill "$sampler" 2>/dev/null || true
record run_seconds "$((run_end - run_start))"
for name in certservice verifier chain postgres; do
  grep -q " $name " "$work/rss.txt" || continue
  record "rss.$name.peak_mib" "$(awk -v n="$name" '$2 == n && $3 > m {m = $3} END {printf "%.0f", m / 1024}' "$work/rss.txt")"
  # Flat memory: the highest resident size in the first minute beside the highest in the last.
  record "rss.$name.first_minute_mib" "$(awk -v n="$name" -v s="$run_start" '$2 == n && $1 < s + 60 && $3 > m {m = $3} END {printf "%.0f", m / 1024}' "$work/rss.txt")"
  record "rss.$name.last_minute_mib" "$(awk -v n="$name" -v e="$run_end" '$2 == n && $1 >= e - 60 && $3 > m {m = $3} END {printf "%.0f", m / 1024}' "$work/rss.txt")"
done
cp "$work/rss.txt" "$results/rss-$store.txt"
for trace in issuance pdf verification; do
  [[ -f "$work/$trace.speedscope.json" ]] || continue
  cp "$work/$trace.speedscope.json" "$results/profile-$store-$trace.speedscope.json"
  dotnet benchmarks/Benchmarks/bin/Release/net10.0/Benchmarks.dll profile "$work/$trace.speedscope.json" >"$results/profile-$store-$trace.txt"
done
echo "load: results in ${out#$root/}"
cat "$out"
