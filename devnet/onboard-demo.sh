#!/usr/bin/env bash
# Onboards the demo department through CertService's admin API (a no-op when it is on board), grants it
# the shipped certificate types on chain, gives it its electronic seal (SM2, key kept encrypted in the
# keystore, registered on chain; 409 when it exists) and prints a fresh API key for it on stdout.
# Usage: devnet/onboard-demo.sh CERTSERVICE_URL   (admin key: ADMIN_KEY, default the devnet's dev-admin-key)
set -euo pipefail
cs="${1:?usage: onboard-demo.sh CERTSERVICE_URL}"
admin="X-Api-Key: ${ADMIN_KEY:-dev-admin-key}"
demo_code=11610100MB29570176
curl -fsS -o /dev/null -X POST "$cs/api/v1/admin/departments" -H "$admin" -H 'Content-Type: application/json' \
  -d "{\"creditCode\":\"$demo_code\",\"name\":\"西安市市场监督管理局（演示）\"}"
for type in 11100000000013338W001 11100000000013127D001 111000000000131925001; do
  curl -fsS -o /dev/null -X POST "$cs/api/v1/admin/departments/$demo_code/grants" -H "$admin" -H 'Content-Type: application/json' -d "{\"typeCode\":\"$type\"}"
done
curl -sS -o /dev/null -X POST "$cs/api/v1/admin/departments/$demo_code/seals" -H "$admin" -H 'Content-Type: application/json' \
  -d '{"code":"XA-SCJG-DEMO-0001","name":"西安市市场监督管理局行政审批专用章（演示）","type":1,"validFrom":"2026-01-01T00:00:00+08:00","validUntil":"2031-12-31T23:59:59+08:00"}'
curl -fsS -X POST "$cs/api/v1/admin/departments/$demo_code/api-keys" -H "$admin" | sed -E 's/.*"key":"([^"]+)".*/\1/'
