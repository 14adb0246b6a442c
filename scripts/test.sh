#!/usr/bin/env bash
# Runs every test of kboss and installs what the tests need (README: "Set up").
# Works on a fresh Debian machine with only the .NET 10 SDK, Node.js and apt.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages the tests use: a real OpenSSH server for the SSH adapter tests (they start it on loopback);
# curl and jq for docs/first-hour.sh (FirstHourTests runs it, issue 10).
need=()
for pkg in ${KBOSS_TEST_APT_PACKAGES:-openssh-server curl jq}; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}"
fi

dotnet restore Kboss.sln --nologo -v q
dotnet build Kboss.sln --no-restore --nologo -v q -c Debug
log=$(mktemp)
# The harness (ADR 0020) writes its figures here; they are printed after the tests.
export KBOSS_HARNESS_SUMMARY="${KBOSS_HARNESS_SUMMARY:-$(mktemp --suffix=.txt)}"
: > "$KBOSS_HARNESS_SUMMARY"
set +e
# TypeScript client (issue 10, ADR 0024): stale check, tsc --strict, Node smoke test against the built app.
bash scripts/test-ts-client.sh
ts_status=$?
dotnet test Kboss.sln --no-build --nologo -c Debug 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$ts_status" -eq 0 ] || status=$ts_status
set -e
if [ -s "$KBOSS_HARNESS_SUMMARY" ]; then
  cat "$KBOSS_HARNESS_SUMMARY"
  echo "harness: every operation's first example: ${KBOSS_HARNESS_SUMMARY%.txt}.operations.txt"
else
  echo "harness: no summary written (the harness test did not run to its end)"
fi
# One closing line over all test projects: "N passed, N failed".
python3 - "$log" <<'PY'
import re, sys
p = f = s = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+)", line)
    if m:
        f += int(m.group(1)); p += int(m.group(2)); s += int(m.group(3))
print(f"tests: {p} passed, {f} failed, {s} skipped")
PY
rm -f "$log"
exit "$status"
