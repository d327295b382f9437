#!/usr/bin/env bash
# Runs the local chain the way a Besu QBFT network behaves for TrustLedger:
# chain id 1337, free gas (base fee 0, gas price 0), London rules (no PUSH0), one block a second
# (a QBFT block period), bound to loopback, state kept on disk so a restart keeps the chain.
# Usage: devnet/anvil.sh [PORT] [STATE_FILE]   (execs anvil: its pid is this script's pid)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${1:-${DEVNET_PORT:-8545}}"
state="${2:-$here/.state/anvil-state.json}"
anvil="$here/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
if [[ ! -x "$anvil" ]]; then
  echo "anvil is not installed: run 'npm ci --prefix devnet' (./start.sh and ./test.sh do)" >&2
  exit 1
fi
mkdir -p "$(dirname "$state")"
exec "$anvil" \
  --host 127.0.0.1 --port "$port" \
  --chain-id 1337 --hardfork london \
  --base-fee 0 --gas-price 0 --disable-min-priority-fee \
  --block-time 1 \
  --state "$state" --state-interval 5 \
  --silent
