#!/usr/bin/env bash
# The TypeScript client (clients/ts, ADR 0024), run by scripts/test.sh after the build: installs it (npm ci), fails
# when src/kboss-client.ts differs from what NSwag generates from clients/openapi.json, compiles it with tsc --strict
# and runs its smoke test, which starts the built app and goes through the typed client only.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dotnet tool restore >/dev/null
dotnet nswag run clients/ts/nswag.json /variables:Output="$tmp/kboss-client.ts" >"$tmp/nswag.log" 2>&1 &
nswag=$!
(cd clients/ts && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
wait "$nswag" || { cat "$tmp/nswag.log" >&2; exit 1; }
if ! cmp -s "$tmp/kboss-client.ts" clients/ts/src/kboss-client.ts; then
  echo "ts client: clients/ts/src/kboss-client.ts is stale: run scripts/update-openapi.sh" >&2
  exit 1
fi
# Type-checks strictly and emits dist/ (git-ignored) for the smoke test.
(cd clients/ts && npx --no-install tsc -p tsconfig.json --strict)
node clients/ts/dist/smoke/smoke.js
echo "ts client: up to date, compiles strictly, smoke test passed ($((SECONDS - start)) s)"
