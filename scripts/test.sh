#!/usr/bin/env bash
# Runs the whole test suite. Installs and starts what the tests need (PostgreSQL 15, Chromium, CJK fonts),
# then runs every test project against SQLite and a real PostgreSQL server.
# Ends with one line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

# 1. System packages (Debian).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 2. PostgreSQL: start the cluster and make sure the test role exists.
PGVER=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1}')
PGCLUSTER=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $2}')
if [ -z "$PGVER" ]; then
  PGVER=$(ls /usr/lib/postgresql | sort -V | tail -1); PGCLUSTER=main
  $SUDO pg_createcluster "$PGVER" "$PGCLUSTER" >/dev/null
fi
$SUDO pg_ctlcluster "$PGVER" "$PGCLUSTER" start 2>/dev/null || true
for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
as_postgres() { if [ "$(id -u)" = "0" ]; then su postgres -s /bin/sh -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='zwgk'\"" | grep -q 1 \
  || as_postgres "psql -qc \"CREATE ROLE zwgk LOGIN SUPERUSER PASSWORD 'zwgk'\""
export ZWGK_TEST_PG="${ZWGK_TEST_PG:-Host=127.0.0.1;Port=5432;Username=zwgk;Password=zwgk;Database=postgres}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 3. Build and test (xunit.v3 on Microsoft.Testing.Platform, selected in global.json).
LOG=$(mktemp)
dotnet build Zwgk.sln -c Release 2>&1 | grep -E "error|Warn|Elapsed" | head -50
dotnet test --solution Zwgk.sln -c Release --no-build --no-progress 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}

# 4. One summary line from the runner's totals ("total: N / failed: N / succeeded: N / skipped: N").
num() { grep -E "^\s*$1: [0-9]+" "$LOG" | tail -1 | grep -oE "[0-9]+" || echo 0; }
passed=$(num succeeded); failed=$(num failed); skipped=$(num skipped)
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "no test results found (build or runner failure)"; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$LOG"
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
