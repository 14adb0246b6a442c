#!/usr/bin/env bash
# kboss HTTP benchmark: GET /health (baseline) vs the anonymous price quote
# GET /dev/cpcc/cpcwidget/accrual_price.dspy, both with wrk on loopback.
#
# Usage: bench/run.sh            (BENCH_SECONDS=10 per measurement by default)
#        BENCH_SECONDS=30 WARMUP_SECONDS=5 bench/run.sh
#
# Exit code: 0 when the benchmark ran (PASS or FAIL against the target ratio is
# printed, not signalled); non-zero when something broke (build, start-up, the
# quote check, wrk errors).
set -euo pipefail

BENCH_SECONDS="${BENCH_SECONDS:-10}"
WARMUP_SECONDS="${WARMUP_SECONDS:-5}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-32}"
TARGET_RATIO="0.3"
EXPECTED_TOTAL='"total_price":64.08'

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
RESULTS_DIR="$SCRIPT_DIR/results"
RESULTS_FILE="$RESULTS_DIR/latest.txt"

for v in BENCH_SECONDS WARMUP_SECONDS WRK_THREADS WRK_CONNECTIONS; do
  if ! [[ "${!v}" =~ ^[0-9]+$ ]] || [ "${!v}" -lt 1 ]; then
    echo "bench: $v must be a positive integer (got '${!v}')" >&2
    exit 2
  fi
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kboss-bench.XXXXXX")"
SERVER_PID=""
SERVER_LOG="$WORK_DIR/server.log"

# Fails (with the app's exit status) when the app is no longer running.
ensure_server_alive() {
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    local st=0
    wait "$SERVER_PID" 2>/dev/null || st=$?
    SERVER_PID=""
    die "the app exited unexpectedly (exit status $st) $1"
  fi
}

cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ] && [ -s "$SERVER_LOG" ]; then
    echo "---- last lines of the server log ----" >&2
    tail -n 30 "$SERVER_LOG" >&2 || true
  fi
  if [ -n "${BENCH_KEEP:-}" ]; then log "kept $WORK_DIR"; else rm -rf "$WORK_DIR"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
if ! command -v wrk >/dev/null 2>&1; then
  log "wrk not found, installing it with apt"
  export DEBIAN_FRONTEND=noninteractive
  timeout 120 $SUDO apt-get install -y -qq wrk >/dev/null 2>&1 \
    || { timeout 180 $SUDO apt-get update -qq && timeout 120 $SUDO apt-get install -y -qq wrk >/dev/null; } \
    || die "could not install wrk (apt-get install -y wrk)"
fi
for t in curl dotnet wrk timeout; do
  command -v "$t" >/dev/null 2>&1 || die "'$t' is required"
done

# Busy and total jiffies of the whole machine, from /proc/stat.
# (user nice system idle iowait irq softirq steal; guest time is already part of user.)
machine_ticks() { awk '$1 == "cpu" { t = 0; for (i = 2; i <= 9 && i <= NF; i++) t += $i; print t - $5 - $6, t; exit }' /proc/stat; }
# Percent of the machine's CPU that was busy between two machine_ticks samples.
busy_pct() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); d = y[2] - x[2]; printf "%.0f", (d > 0 ? 100 * (y[1] - x[1]) / d : 0) }'; }

# ---------------------------------------------------------------- build
log "building src/WebApi (Release)"
BUILD_LOG="$WORK_DIR/build.log"
if ! timeout 240 dotnet build "$REPO_DIR/src/WebApi" -c Release -nologo -v q -nodeReuse:false >"$BUILD_LOG" 2>&1; then
  tail -n 30 "$BUILD_LOG" >&2
  die "dotnet build failed"
fi
APP_DIR="$REPO_DIR/src/WebApi/bin/Release/net10.0"
APP_DLL="$APP_DIR/Kboss.WebApi.dll"
[ -f "$APP_DLL" ] || die "build output not found: $APP_DLL"

# Other work on the machine skews the figures (client and server share its cores): note it before starting.
m0="$(machine_ticks)"; sleep 1; m1="$(machine_ticks)"
IDLE_BUSY_PCT="$(busy_pct "$m0" "$m1")"
if [ "$IDLE_BUSY_PCT" -gt 20 ]; then
  log "WARNING: the machine is already ${IDLE_BUSY_PCT}% busy before the benchmark; figures will be noisy"
fi

# ---------------------------------------------------------------- port
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    if ! ss -Htln "sport = :$p" | grep -q .; then echo "$p"; return; fi
  done
  return 1
}
PORT="$(free_port)" || die "no free port found"
BASE="http://127.0.0.1:$PORT"

# ---------------------------------------------------------------- server
ADMIN_PASSWORD="Bn$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | cut -c1-20)x9"
mkdir -p "$WORK_DIR/data"
log "starting the app on $BASE (data folder $WORK_DIR/data)"
(
  cd "$APP_DIR"
  export Kboss__DataFolder="$WORK_DIR/data"
  export Bootstrap__AdminPassword="$ADMIN_PASSWORD"
  export Urls="$BASE"
  export Logging__LogLevel__Default=Warning
  exec dotnet "$APP_DLL"
) >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

deadline=$((SECONDS + 60))
until curl -fsS --max-time 2 -o /dev/null "$BASE/health" 2>/dev/null; do
  ensure_server_alive "during start-up"
  [ "$SECONDS" -lt "$deadline" ] || die "GET /health did not answer within 60 s"
  sleep 0.25
done
log "app is up (pid $SERVER_PID)"

# ---------------------------------------------------------------- quote URL
# Percent-encodes a string byte by byte (RFC 3986 unreserved characters are kept).
urlencode() {
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9._~-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  printf '%s' "$out"
}

CPCID='AROU9udKtPNyh0AZtO_WY'
RESOURCES='[{"type":"cpu","model":"INTEL(R) XEON(R) PLATINUM 8582C","amount":4},{"type":"memory","model":"Samsung DDR4 DIMMs","amount":8192},{"type":"disk","model":"DATA","amount":512},{"type":"gpu","model":"RTX5090-32G","amount":2}]'
QUOTE_PATH="/dev/cpcc/cpcwidget/accrual_price.dspy?cpcid=$(urlencode "$CPCID")&resources=$(urlencode "$RESOURCES")&duration=1&duration_unit=$(urlencode '小时')"
HEALTH_URL="$BASE/health"
QUOTE_URL="$BASE$QUOTE_PATH"

log "checking the quote"
QUOTE_BODY="$(curl -fsS --max-time 10 "$QUOTE_URL")" || die "the quote request failed"
case "$QUOTE_BODY" in
  *"$EXPECTED_TOTAL"*) log "quote OK ($EXPECTED_TOTAL)" ;;
  *) printf '%s\n' "$QUOTE_BODY" >&2; die "the quote did not return $EXPECTED_TOTAL" ;;
esac

# ---------------------------------------------------------------- wrk
# Server CPU time (user + system) in clock ticks, from /proc.
CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"
server_cpu_ticks() { sed 's/^.*) //' "/proc/$SERVER_PID/stat" | awk '{ print $12 + $13 }'; }
# CPU time of this script's finished children (so wrk's, once it has exited), in clock ticks.
client_cpu_ticks() { sed 's/^.*) //' "/proc/$$/stat" | awk '{ print $14 + $15 }'; }

run_wrk() { # seconds url outfile
  local t0 t1 c0 c1 m0 m1
  t0="$(server_cpu_ticks)"; c0="$(client_cpu_ticks)"; m0="$(machine_ticks)"
  timeout $(($1 + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$1s" --timeout 5s --latency "$2" >"$3" 2>&1 \
    || { cat "$3" >&2; die "wrk failed against ${2%%\?*}"; }
  ensure_server_alive "while wrk ran against ${2%%\?*}"
  t1="$(server_cpu_ticks)"; c1="$(client_cpu_ticks)"; m1="$(machine_ticks)"
  if grep -qiE 'unable to connect|connection refused' "$3"; then cat "$3" >&2; die "wrk could not connect to ${2%%\?*}"; fi
  {
    echo "server_cpu_seconds: $(awk -v a="$t0" -v b="$t1" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", (b - a) / hz }')"
    echo "client_cpu_seconds: $(awk -v a="$c0" -v b="$c1" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", (b - a) / hz }')"
    echo "machine_busy_cpu_seconds: $(awk -v a="$m0" -v b="$m1" -v hz="$CLK_TCK" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.2f", (y[1] - x[1]) / hz }')"
  } >>"$3"
}

log "warming up (${WARMUP_SECONDS} s per endpoint)"
run_wrk "$WARMUP_SECONDS" "$HEALTH_URL" "$WORK_DIR/warm-health.txt"
run_wrk "$WARMUP_SECONDS" "$QUOTE_URL" "$WORK_DIR/warm-quote.txt"

log "measuring GET /health (${BENCH_SECONDS} s)"
run_wrk "$BENCH_SECONDS" "$HEALTH_URL" "$WORK_DIR/health.txt"
log "measuring GET accrual_price.dspy (${BENCH_SECONDS} s)"
run_wrk "$BENCH_SECONDS" "$QUOTE_URL" "$WORK_DIR/quote.txt"

# Requests/sec from a wrk report.
rps_of() { awk '/^Requests\/sec:/ { print $2; found = 1 } END { if (!found) exit 1 }' "$1"; }
# p99 latency in ms from the --latency distribution (wrk prints us, ms or s).
p99_ms_of() {
  awk '$1 == "99%" {
         v = $2; u = v; sub(/[a-z]+$/, "", v); sub(/^[0-9.]+/, "", u)
         f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1
         if (f < 0) exit 1
         printf "%.2f\n", v * f; found = 1; exit
       }
       END { if (!found) exit 1 }' "$1"
}
# Server CPU per request in microseconds, and the server's average CPU use in cores.
cpu_us_per_req_of() {
  awk '/^server_cpu_seconds:/ { c = $2 } /requests in/ { n = $1 } END { if (n > 0) printf "%.0f", c * 1e6 / n; else print "n/a" }' "$1"
}
cpu_cores_of() {
  awk -v d="$BENCH_SECONDS" '/^server_cpu_seconds:/ { printf "%.2f", $2 / d }' "$1"
}
# "app A, wrk W, other processes O" in cores (other = whole machine busy - app - wrk).
cpu_split_of() {
  awk -v d="$BENCH_SECONDS" '/^server_cpu_seconds:/ { s = $2 } /^client_cpu_seconds:/ { c = $2 } /^machine_busy_cpu_seconds:/ { m = $2 }
       END { o = m - s - c; if (o < 0) o = 0; printf "app %.2f, wrk %.2f, other processes %.2f cores", s / d, c / d, o / d }' "$1"
}
# Responses that were not 2xx/3xx.
non2xx_of() { awk '/Non-2xx or 3xx responses:/ { n += $NF } END { print n + 0 }' "$1"; }
# Socket errors (connect, read, write, timeout) added up.
socket_errors_of() {
  awk '/Socket errors:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) { x = $i; sub(",", "", x); n += x } }
       END { print n + 0 }' "$1"
}

H_RPS="$(rps_of "$WORK_DIR/health.txt")" || die "could not parse Requests/sec for /health"
Q_RPS="$(rps_of "$WORK_DIR/quote.txt")" || die "could not parse Requests/sec for the quote"
H_P99="$(p99_ms_of "$WORK_DIR/health.txt")" || die "could not parse p99 for /health"
Q_P99="$(p99_ms_of "$WORK_DIR/quote.txt")" || die "could not parse p99 for the quote"
H_CPU="$(cpu_us_per_req_of "$WORK_DIR/health.txt")"
Q_CPU="$(cpu_us_per_req_of "$WORK_DIR/quote.txt")"
H_CORES="$(cpu_cores_of "$WORK_DIR/health.txt")"
Q_CORES="$(cpu_cores_of "$WORK_DIR/quote.txt")"
H_BAD="$(non2xx_of "$WORK_DIR/health.txt")"
Q_BAD="$(non2xx_of "$WORK_DIR/quote.txt")"
[ "$H_BAD" -eq 0 ] || die "/health answered $H_BAD requests with a non-2xx status"
[ "$Q_BAD" -eq 0 ] || die "the quote answered $Q_BAD requests with a non-2xx status"
H_SOCK="$(socket_errors_of "$WORK_DIR/health.txt")"
Q_SOCK="$(socket_errors_of "$WORK_DIR/quote.txt")"

awk -v h="$H_RPS" -v q="$Q_RPS" 'BEGIN { exit !(h > 0 && q > 0) }' || die "a measurement served no requests (health $H_RPS/s, quote $Q_RPS/s)"
RATIO="$(awk -v q="$Q_RPS" -v h="$H_RPS" 'BEGIN { printf "%.2f", q / h }')"
VERDICT="$(awk -v q="$Q_RPS" -v h="$H_RPS" -v t="$TARGET_RATIO" 'BEGIN { r = q / h; v = (r >= t) ? "PASS" : "FAIL"; print v }')"

# ---------------------------------------------------------------- report
mkdir -p "$RESULTS_DIR"
{
  echo "kboss benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO_DIR" diff --quiet HEAD 2>/dev/null || echo ' (dirty)')"
  echo "machine: $(nproc) cores, $(uname -sr); dotnet $(dotnet --version); $(wrk -v 2>&1 | head -n1 | awk '{print $1, $2}')"
  echo "machine CPU busy before start: ${IDLE_BUSY_PCT}% of $(nproc) cores"
  echo "CPU during /health: $(cpu_split_of "$WORK_DIR/health.txt")"
  echo "CPU during quote:   $(cpu_split_of "$WORK_DIR/quote.txt")"
  echo "load: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${BENCH_SECONDS}s --latency (after ${WARMUP_SECONDS} s warm-up per endpoint), client and server on the same host"
  echo
  printf '%-42s %12s %10s %14s %12s\n' "endpoint" "requests/s" "p99 (ms)" "app CPU us/req" "app cores"
  printf '%-42s %12s %10s %14s %12s\n' "------------------------------------------" "------------" "----------" "--------------" "------------"
  printf '%-42s %12.0f %10.2f %14s %12s\n' "GET /health" "$H_RPS" "$H_P99" "$H_CPU" "$H_CORES"
  printf '%-42s %12.0f %10.2f %14s %12s\n' "GET /dev/cpcc/cpcwidget/accrual_price.dspy" "$Q_RPS" "$Q_P99" "$Q_CPU" "$Q_CORES"
  echo
  if [ "$H_SOCK" -gt 0 ] || [ "$Q_SOCK" -gt 0 ]; then
    echo "WARNING: wrk reported socket errors (connect/read/write/timeout): /health $H_SOCK, quote $Q_SOCK"
  fi
  if [ "$IDLE_BUSY_PCT" -gt 20 ]; then
    echo "WARNING: the machine was ${IDLE_BUSY_PCT}% busy before the run; figures are noisy"
  fi
  echo "ratio quote_rps / health_rps = $RATIO  (target >= $TARGET_RATIO)  => $VERDICT"
} >"$WORK_DIR/summary.txt"

{
  cat "$WORK_DIR/summary.txt"
  echo
  echo "===== wrk: GET /health ====="
  cat "$WORK_DIR/health.txt"
  echo
  echo "===== wrk: GET accrual_price.dspy ====="
  cat "$WORK_DIR/quote.txt"
} >"$RESULTS_FILE"

echo
cat "$WORK_DIR/summary.txt"
echo
echo "(full wrk output in ${RESULTS_FILE#"$REPO_DIR"/})"
