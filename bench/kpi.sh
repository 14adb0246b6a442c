#!/usr/bin/env bash
# KPI benchmark (issue 11 deliverable 10, ADR 0032): 1,000,000 bills in SQLite, then the operator KPI, the revenue
# analysis and the operator bill list (page 1 vs page 10,000) timed over HTTP, and the query plans printed.
#
# Usage: bench/kpi.sh                 (KPI_BILLS=1000000 KPI_CUSTOMERS=200 KPI_RUNS=15 by default)
#        BENCH_KEEP=1 bench/kpi.sh    (keep the temp folder: database, server log)
# Run by hand; not part of scripts/test.sh. Exit 0 when it ran (PASS/FAIL printed), non-zero when something broke.
set -euo pipefail

KPI_BILLS="${KPI_BILLS:-1000000}"
KPI_CUSTOMERS="${KPI_CUSTOMERS:-200}"
KPI_RUNS="${KPI_RUNS:-15}"
TARGET_MS=200

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kboss-kpi-bench.XXXXXX")"
SERVER_LOG="$WORK_DIR/server.log"
SERVER_PID=""

log() { printf '[kpi-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ] && [ -s "$SERVER_LOG" ]; then tail -n 30 "$SERVER_LOG" >&2 || true; fi
  if [ -n "${BENCH_KEEP:-}" ]; then log "kept $WORK_DIR"; else rm -rf "$WORK_DIR"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for t in curl dotnet python3; do command -v "$t" >/dev/null 2>&1 || die "'$t' is required"; done

log "building src/WebApi and bench/KpiBench (Release)"
dotnet build "$REPO_DIR/src/WebApi" -c Release -nologo -v q >"$WORK_DIR/build.log" 2>&1 \
  || { tail -n 30 "$WORK_DIR/build.log" >&2; die "build failed"; }
dotnet build "$SCRIPT_DIR/KpiBench" -c Release -nologo -v q >>"$WORK_DIR/build.log" 2>&1 \
  || { tail -n 30 "$WORK_DIR/build.log" >&2; die "build failed"; }
APP_DLL="$REPO_DIR/src/WebApi/bin/Release/net10.0/Kboss.WebApi.dll"
HELPER="$SCRIPT_DIR/KpiBench/bin/Release/net10.0/KpiBench.dll"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"
ADMIN_PASSWORD="Kb$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' | cut -c1-16)x9"
DB="$WORK_DIR/data/kboss.db"
mkdir -p "$WORK_DIR/data"
log "starting the app on $BASE"
(
  cd "$(dirname "$APP_DLL")"
  export Kboss__DataFolder="$WORK_DIR/data" Bootstrap__AdminPassword="$ADMIN_PASSWORD" Urls="$BASE"
  export Logging__LogLevel__Default=Warning
  exec dotnet "$APP_DLL"
) >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
deadline=$((SECONDS + 90))
until curl -fsS --max-time 2 -o /dev/null "$BASE/health" 2>/dev/null; do
  kill -0 "$SERVER_PID" 2>/dev/null || die "the app exited during start-up"
  [ "$SECONDS" -lt "$deadline" ] || die "the app did not answer /health within 90 s"
  sleep 0.5
done

# form POST; prints the body
post() { local token="$1" path="$2"; shift 2; curl -fsS -H "Authorization: Bearer $token" "$@" "$BASE$path"; }
field() {
  python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["status"], d; print(d["data"][sys.argv[1]])' "$1"
}
login() {
  curl -fsS --data-urlencode "username=$1" --data-urlencode "password=$2" "$BASE/user/login.dspy" | field token
}

log "creating an operator org, its operator and $KPI_CUSTOMERS customers through the API"
ADMIN="$(login admin "$ADMIN_PASSWORD")"
ORG="$(post "$ADMIN" /user/add_org.dspy -d name=bench-operator -d kind=operator | field id)"
post "$ADMIN" /user/add_user.dspy -d username=benchop -d "password=$ADMIN_PASSWORD" -d roles=operator \
  -d "orgid=$ORG" >/dev/null
OP="$(login benchop "$ADMIN_PASSWORD")"
for i in $(seq 1 "$KPI_CUSTOMERS"); do
  post "$OP" /user/add_org.dspy -d "name=bench-customer-$i" -d kind=customer >/dev/null
done

log "inserting $KPI_BILLS bills (one transaction, plain SQL)"
dotnet "$HELPER" fill "$DB" "$ORG" "$KPI_BILLS"

# Median wall time in ms of KPI_RUNS GETs (after 3 warm-up calls); checks the answer is status:true.
time_get() {
  local path="$1"
  for _ in 1 2 3; do
    curl -fsS -H "Authorization: Bearer $OP" "$BASE$path" | grep -q '"status":true' || die "$path failed"
  done
  for _ in $(seq 1 "$KPI_RUNS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $OP" "$BASE$path"
  done | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", 1000 * a[int((NR + 1) / 2)] }'
}

log "timing (median of $KPI_RUNS runs each)"
KPI_MS="$(time_get "/kpi/operate_kpi.dspy?type=%E8%BF%90%E8%90%A5&userid=$ORG")"
REV_MS="$(time_get "/kpi/revenue_analysis.dspy?time=month")"
PROFIT_MS="$(time_get "/kpi/profit_analysis.dspy?time=month")"
P1_MS="$(time_get "/kpi/operator_get_all_bill.dspy?orgid=$ORG&current_page=1&page_size=20")"
P10K_MS="$(time_get "/kpi/operator_get_all_bill.dspy?orgid=$ORG&current_page=10000&page_size=20")"
TOTAL="$(curl -fsS -H "Authorization: Bearer $OP" \
  "$BASE/kpi/operator_get_all_bill.dspy?orgid=$ORG&current_page=10000&page_size=20" | field total_num)"

verdict() { awk -v v="$1" -v t="$TARGET_MS" 'BEGIN { print (v < t ? "PASS" : "FAIL") }'; }
RATIO="$(awk -v a="$P10K_MS" -v b="$P1_MS" 'BEGIN { printf "%.2f", a / b }')"

echo
echo "== query plans (EXPLAIN QUERY PLAN of the statements the endpoints send) =="
dotnet "$HELPER" plans "$DB" "$ORG"
echo "== KPI benchmark: $KPI_BILLS bills, $KPI_CUSTOMERS customers, $(nproc) cores, median of $KPI_RUNS =="
printf '%-58s %10s  %s\n' "request" "ms" "target"
printf '%-58s %10s  %s\n' "GET /kpi/operate_kpi.dspy (type=运营)" "$KPI_MS" "< $TARGET_MS ms $(verdict "$KPI_MS")"
printf '%-58s %10s  %s\n' "GET /kpi/revenue_analysis.dspy (time=month)" "$REV_MS" "< $TARGET_MS ms $(verdict "$REV_MS")"
printf '%-58s %10s  %s\n' "GET /kpi/profit_analysis.dspy (time=month)" "$PROFIT_MS" "(no target)"
printf '%-58s %10s\n' "GET /kpi/operator_get_all_bill.dspy page 1" "$P1_MS"
printf '%-58s %10s\n' "GET /kpi/operator_get_all_bill.dspy page 10,000" "$P10K_MS"
echo "page 10,000 / page 1 = $RATIO (total_num $TOTAL)"
