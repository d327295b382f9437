#!/usr/bin/env bash
# Installs what TrustLedger needs beyond the .NET SDK and Node 20: the pinned chain tooling from npm
# (Anvil, solc-js, OpenZeppelin) and the .NET packages. Safe to run again; it only does what is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not installed ($2)" >&2; exit 1; }; }
need dotnet "install the .NET 10 SDK"
need node "install Node.js 20"
need npm "install Node.js 20 (npm comes with it)"

stamp="$root/devnet/node_modules/.trustledger-lock"
if [[ ! -f "$stamp" ]] || ! cmp -s "$root/devnet/package-lock.json" "$stamp"; then
  echo "setup: installing pinned chain tooling (npm ci in devnet/)"
  npm ci --prefix "$root/devnet" --no-audit --no-fund --loglevel=error
  cp "$root/devnet/package-lock.json" "$stamp"
fi

# The storage tests run against a real PostgreSQL 15 (each test process starts a private cluster).
if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "setup: PostgreSQL is missing; install Debian's postgresql package (needs root)" >&2
    exit 1
  fi
  echo "setup: installing PostgreSQL from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  # The package starts a system cluster; the tests use their own, so stop it again.
  pg_ctlcluster --help >/dev/null 2>&1 && for cluster in $(pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}'); do pg_ctlcluster ${cluster%/*} ${cluster#*/} stop || true; done
fi

# Certificate PDFs embed a CJK face with TrueType outlines (PDFsharp reads no CFF) and DejaVu for Latin.
if [[ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf || ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "setup: fonts are missing; install Debian's fonts-droid-fallback and fonts-dejavu-core (needs root)" >&2
    exit 1
  fi
  echo "setup: installing fonts from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-droid-fallback fonts-dejavu-core >/dev/null
fi

# Tools only the tests need (test.sh asks for them; start.sh does not): Chromium for the browser test of
# the citizen page, and Debian's docker-compose, whose `config` checks the generated Besu compose file
# without a container engine.
if [[ "${1:-}" == "--with-browser" || "${1:-}" == "--for-tests" ]]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ "$(id -u)" -ne 0 ]]; then
      echo "setup: ${missing[*]} missing; install Debian's packages ${missing[*]} (needs root)" >&2
      exit 1
    fi
    echo "setup: installing ${missing[*]} from Debian's packages (for the tests)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

echo "setup: restoring .NET packages"
dotnet restore "$root/TrustLedger.slnx" --nologo -v q
