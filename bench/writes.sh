#!/usr/bin/env bash
# kboss write benchmark: 64 connections POST a stock add (add_cpcwidget.dspy, add_opt=yes) for BENCH_SECONDS while a
# paced probe measures GET /health; then the same burst against the legacy-shape Python baseline
# (/work/shared/tools/legacy_shape_server.py, or $LEGACY_SERVER) in the same run. Prints writes/s of both, the
# ratio, /health p99 during the burst, errors, and whether the final stock is exact; PASS/FAIL against the targets
# (>= 2000 writes/s, 0 errors, exact stock, /health p99 < 50 ms).
#
# Usage: bench/writes.sh     (BENCH_SECONDS=10 WARMUP_SECONDS=30 WRK_CONNECTIONS=64 WRK_THREADS=2 by default)
# Exit code: 0 when the benchmark ran (the verdict is printed); non-zero when something broke.
set -euo pipefail

BENCH_SECONDS="${BENCH_SECONDS:-10}"
WARMUP_SECONDS="${WARMUP_SECONDS:-30}" # tiered JIT needs ~20 s under full load to optimise the hot path
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-64}"
LEGACY_SERVER="${LEGACY_SERVER:-/work/shared/tools/legacy_shape_server.py}"
TARGET_WPS=2000
TARGET_HEALTH_P99_MS=50

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
RESULTS_FILE="$SCRIPT_DIR/results/writes-latest.txt"
for v in BENCH_SECONDS WARMUP_SECONDS WRK_THREADS WRK_CONNECTIONS; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "bench: $v must be a positive integer (got '${!v}')" >&2; exit 2; }
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for t in curl dotnet wrk timeout /usr/bin/python3; do command -v "$t" >/dev/null 2>&1 || die "'$t' is required"; done
/usr/bin/python3 -c 'import aiohttp' 2>/dev/null || die "the baseline needs python3-aiohttp (apt-get install -y python3-aiohttp)"

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kboss-wbench.XXXXXX")"
PIDS=()
cleanup() {
  local rc=$? p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true
  done
  [ "$rc" -ne 0 ] && [ -s "$WORK_DIR/server.log" ] && tail -n 30 "$WORK_DIR/server.log" >&2
  if [ -n "${BENCH_KEEP:-}" ]; then log "kept $WORK_DIR"; else rm -rf "$WORK_DIR"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_up() { # url pid
  local deadline=$((SECONDS + 60))
  until curl -fsS --max-time 2 -o /dev/null "$1/health" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || die "the server exited during start-up"
    [ "$SECONDS" -lt "$deadline" ] || die "GET $1/health did not answer within 60 s"
    sleep 0.25
  done
}
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# ---------------------------------------------------------------- kboss
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
log "building src/WebApi (Release)"
timeout 300 dotnet build "$REPO_DIR/src/WebApi" -c Release -nologo -v q -nodeReuse:false >"$WORK_DIR/build.log" 2>&1 \
  || { tail -n 30 "$WORK_DIR/build.log" >&2; die "dotnet build failed"; }
APP_DIR="$REPO_DIR/src/WebApi/bin/Release/net10.0"
PORT="$(free_port)"; BASE="http://127.0.0.1:$PORT"
ADMIN_PASSWORD="Bn$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | cut -c1-20)x9"
mkdir -p "$WORK_DIR/data"
log "starting kboss on $BASE"
( cd "$APP_DIR"; export Kboss__DataFolder="$WORK_DIR/data" Bootstrap__AdminPassword="$ADMIN_PASSWORD" Urls="$BASE" \
    Logging__LogLevel__Default=Warning; exec dotnet Kboss.WebApi.dll ) >"$WORK_DIR/server.log" 2>&1 &
SERVER_PID=$!; PIDS+=("$SERVER_PID")
wait_up "$BASE" "$SERVER_PID"

TOKEN="$(curl -fsS --max-time 10 -X POST "$BASE/user/login.dspy" --data-urlencode username=admin \
  --data-urlencode "password=$ADMIN_PASSWORD" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["token"])')" \
  || die "admin login failed"

CPCID='AROU9udKtPNyh0AZtO_WY'; CLUSTER='4hBm8atruISOU2bs24t_N'; MODEL='RTX5090-32G'
export BENCH_BODY="cpcid=$CPCID&clusterid=$CLUSTER&type=gpu&resource_unit=$(urlencode 卡)&unit_price=6&model=$MODEL&stock=1&charge_unit=$(urlencode 小时)&account_unit=$(urlencode 元)&add_opt=yes"
export BENCH_AUTH="Bearer $TOKEN"
# "<stock> <audit rows of stock adds>" of the benchmark's widget, read from the database file.
stock() {
  python3 - "$WORK_DIR/data/kboss.db" "$CPCID" "$CLUSTER" "$MODEL" <<'PY'
import sqlite3, sys
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=30)
s = con.execute("select s.stock from cpcwidget_stock s join cpcwidget w on w.id = s.widget_id "
                "where w.cpcid = ? and s.cluster_id = ? and w.type = 'gpu' and w.model = ?", sys.argv[2:]).fetchone()[0]
a = con.execute("select count(*) from audit_log where action = 'cpcc.widget.stock_added'").fetchone()[0]
print(s, a)
PY
}
curl -fsS --max-time 10 -X POST -H "Authorization: $BENCH_AUTH" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data "$BENCH_BODY" "$BASE/dev/cpcc/cpcwidget/add_cpcwidget.dspy" | grep -q '"status":true' || die "the stock add failed"

# CPU time (user + system) of process $1 in seconds, from /proc.
cpu_s() { sed 's/^.*) //' "/proc/$1/stat" | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($12 + $13) / hz }'; }
us_per() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { if (n > 0) printf "%.0f", (b - a) * 1e6 / n; else print "n/a" }'; }
burst() { # seconds base outfile
  timeout $(($1 + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$1s" --timeout 5s --latency -s "$SCRIPT_DIR/post-form.lua" \
    "$2/dev/cpcc/cpcwidget/add_cpcwidget.dspy" >"$3" 2>&1 || { cat "$3" >&2; die "wrk failed against $2"; }
}
field() { awk -v k="$1:" '$1 == k { print $2; f = 1 } END { if (!f) print "n/a" }' "$2"; }
rps_of() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
sock_errors_of() { awk '/Socket errors:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) { x = $i; sub(",", "", x); n += x } } END { print n + 0 }' "$1"; }
p99_of() { awk '$1 == "99%" { v = $2; u = v; sub(/[a-z]+$/, "", v); sub(/^[0-9.]+/, "", u); printf "%.2f", v * (u == "us" ? 0.001 : u == "s" ? 1000 : 1) }' "$1"; }

log "kboss: warm-up ${WARMUP_SECONDS} s"
burst "$WARMUP_SECONDS" "$BASE" "$WORK_DIR/warm.txt"
read -r S0 A0 <<<"$(stock)"
log "kboss: ${WRK_CONNECTIONS} connections for ${BENCH_SECONDS} s, /health probed every 10 ms"
/usr/bin/python3 "$SCRIPT_DIR/health_probe.py" 127.0.0.1 "$PORT" "$BENCH_SECONDS" 10 >"$WORK_DIR/health.txt" &
PROBE_PID=$!
C0="$(cpu_s "$SERVER_PID")"
burst "$BENCH_SECONDS" "$BASE" "$WORK_DIR/kboss.txt"
C1="$(cpu_s "$SERVER_PID")"
wait "$PROBE_PID" || die "the /health probe failed"
kill -0 "$SERVER_PID" 2>/dev/null || die "kboss exited under load"
sleep 1 # answers still in flight when wrk stopped are committed but not counted by wrk
read -r S1 A1 <<<"$(stock)"
K_OK="$(field status_true "$WORK_DIR/kboss.txt")"; K_BAD="$(field status_not_true "$WORK_DIR/kboss.txt")"
K_SOCK="$(sock_errors_of "$WORK_DIR/kboss.txt")"; K_RPS="$(rps_of "$WORK_DIR/kboss.txt")"; K_P99="$(p99_of "$WORK_DIR/kboss.txt")"
K_WPS="$(awk -v n="$K_OK" -v d="$BENCH_SECONDS" 'BEGIN { printf "%.0f", n / d }')"
H_P99="$(field health_p99_ms "$WORK_DIR/health.txt")"; H_MAX="$(field health_max_ms "$WORK_DIR/health.txt")"
H_ERR="$(field health_errors "$WORK_DIR/health.txt")"
# Exact: every committed add (one audit row each) added its stock once, and wrk saw every add it counted.
EXACT="no"
if [ "$((S1 - S0))" -eq "$((A1 - A0))" ] && [ "$((S1 - S0))" -ge "$K_OK" ] && [ "$((S1 - S0))" -le "$((K_OK + WRK_CONNECTIONS))" ]; then
  EXACT="yes"
fi
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true

# ---------------------------------------------------------------- baseline
[ -f "$LEGACY_SERVER" ] || die "baseline not found: $LEGACY_SERVER"
LPORT="$(free_port)"; LBASE="http://127.0.0.1:$LPORT"
log "starting the legacy-shape baseline on $LBASE"
/usr/bin/python3 "$LEGACY_SERVER" "$LPORT" >"$WORK_DIR/legacy.log" 2>&1 &
LEGACY_PID=$!; PIDS+=("$LEGACY_PID")
wait_up "$LBASE" "$LEGACY_PID"
burst "$WARMUP_SECONDS" "$LBASE" "$WORK_DIR/lwarm.txt"
log "baseline: ${WRK_CONNECTIONS} connections for ${BENCH_SECONDS} s"
L0="$(cpu_s "$LEGACY_PID")"
burst "$BENCH_SECONDS" "$LBASE" "$WORK_DIR/legacy.txt"
L1="$(cpu_s "$LEGACY_PID")"
L_OK="$(field status_true "$WORK_DIR/legacy.txt")"; L_BAD="$(field status_not_true "$WORK_DIR/legacy.txt")"
L_WPS="$(awk -v n="$L_OK" -v d="$BENCH_SECONDS" 'BEGIN { printf "%.0f", n / d }')"; L_P99="$(p99_of "$WORK_DIR/legacy.txt")"

# ---------------------------------------------------------------- report
ERRORS=$((K_BAD + K_SOCK + H_ERR))
VERDICT="$(awk -v w="$K_WPS" -v h="$H_P99" -v e="$ERRORS" -v x="$EXACT" -v tw="$TARGET_WPS" -v th="$TARGET_HEALTH_P99_MS" \
  'BEGIN { print (w >= tw && h < th && e == 0 && x == "yes") ? "PASS" : "FAIL" }')"
mkdir -p "$(dirname "$RESULTS_FILE")"
{
  echo "kboss write benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO_DIR" diff --quiet HEAD 2>/dev/null || echo ' (dirty)')"
  echo "machine: $(nproc) cores, load average before the run: $LOAD_BEFORE; load: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${BENCH_SECONDS}s POST add_cpcwidget.dspy add_opt=yes stock=1 (after ${WARMUP_SECONDS} s warm-up), loopback"
  echo
  printf '%-30s %9s %9s %7s %11s %14s\n' "server" "writes/s" "p99 (ms)" "errors" "requests/s" "CPU us/write"
  printf '%-30s %9s %9s %7s %11.0f %14s\n' "kboss" "$K_WPS" "$K_P99" "$((K_BAD + K_SOCK))" "$K_RPS" \
    "$(us_per "$C0" "$C1" "$K_OK")"
  printf '%-30s %9s %9s %7s %11.0f %14s\n' "legacy-shape Python baseline" "$L_WPS" "$L_P99" "$L_BAD" \
    "$(rps_of "$WORK_DIR/legacy.txt")" "$(us_per "$L0" "$L1" "$L_OK")"
  echo
  echo "ratio kboss / baseline writes/s = $(awk -v k="$K_WPS" -v l="$L_WPS" 'BEGIN { printf "%.2f", (l > 0 ? k / l : 0) }')"
  echo "kboss final stock exact: $EXACT (stock +$((S1 - S0)), audit rows +$((A1 - A0)), adds answered before wrk stopped $K_OK)"
  echo "/health during the kboss burst: p99 $H_P99 ms, max $H_MAX ms, errors $H_ERR ($(field health_probes "$WORK_DIR/health.txt") probes)"
  grep -h '^first_failure:' "$WORK_DIR/kboss.txt" || true
  echo "targets: >= $TARGET_WPS writes/s, 0 errors, exact stock, /health p99 < $TARGET_HEALTH_P99_MS ms => $VERDICT"
} | tee "$RESULTS_FILE"
