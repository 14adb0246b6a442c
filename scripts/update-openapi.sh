#!/usr/bin/env bash
# Regenerates clients/openapi.json from the running app's /swagger/v1/swagger.json, then the TypeScript client
# clients/ts/src/kboss-client.ts from it (NSwag 14.8.0, the dotnet tool of .config/dotnet-tools.json; ADR 0024).
# Usage: scripts/update-openapi.sh   (builds and starts the app on a free loopback port with a throwaway data folder)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet build src/WebApi -c Debug -v q -nologo >/dev/null
Kboss__DataFolder="$tmp/data" Bootstrap__AdminPassword="$(openssl rand -hex 16)" Urls="http://127.0.0.1:$port" \
  Logging__LogLevel__Default=Warning dotnet run --no-build --project src/WebApi >"$tmp/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/swagger/v1/swagger.json" | python3 -c 'import json,sys; json.dump(json.load(sys.stdin), open("clients/openapi.json","w",encoding="utf-8"), ensure_ascii=False, indent=2); open("clients/openapi.json","a").write("\n")'
echo "clients/openapi.json updated"
dotnet tool restore >/dev/null
dotnet nswag run clients/ts/nswag.json >/dev/null
echo "clients/ts/src/kboss-client.ts updated"
