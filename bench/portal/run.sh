#!/usr/bin/env bash
# Portal benchmark: N documents (default 100,000) in SQLite, wrk on loopback (127.0.0.1 only).
#
#   bash bench/portal/run.sh
#
# Builds Release into bench/.artifacts (never touching src/*/bin or obj), creates a temporary data directory,
# starts the app once so it migrates and seeds, stops it, bulk-loads documents with bench/Zwgk.Bench.Seed,
# restarts it as in production and runs wrk against the document page and a column list page, cold and hot.
# Prints a results table and writes it to bench/results/portal-<date>.md (bench/results/ is git-ignored).
#
# Environment knobs (all optional):
#   BENCH_DOCS=100000        documents to generate
#   BENCH_DURATION=20s       wrk duration per scenario
#   BENCH_CONNECTIONS=64     wrk connections
#   BENCH_THREADS=2          wrk threads
#   BENCH_WARMUP=60          maximum warm-up seconds per page type (JIT tier-up, caches); stops earlier once stable
#   BENCH_PORT=              port on 127.0.0.1 (default: a free one)
#   BENCH_SCENARIOS=...      space-separated subset of: doc-cold doc-hot column-cold column-cold-year column-hot
#   BENCH_NICE=              scheduling priority for the app and wrk, e.g. -10 on a busy shared machine (needs root)
#   BENCH_SQL_LOG=1          also log every SQL command the app runs (slower; for profiling, see bench/README.md)
#   BENCH_KEEP=1             keep the temporary directory (database, logs) instead of deleting it
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR="$ROOT/bench"
LUA_DIR="$BENCH_DIR/portal"
DOCS=${BENCH_DOCS:-100000}
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
WARMUP_MAX=${BENCH_WARMUP:-60}
WARMUP_CHUNK=8
SCENARIOS=${BENCH_SCENARIOS:-doc-cold doc-hot column-cold column-cold-year column-hot}
HOST=127.0.0.1
NICE=()
[[ -n "${BENCH_NICE:-}" ]] && NICE=(nice -n "$BENCH_NICE")

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zwgk-bench.XXXXXX")
SERVER_PID=""

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  stop_server
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- prerequisites -------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || die "dotnet SDK not found"
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  if ! apt-get install -y wrk >/dev/null 2>&1; then
    apt-get update >/dev/null && apt-get install -y wrk >/dev/null || die "could not install wrk"
  fi
fi
command -v curl >/dev/null || die "curl not found"

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
if [[ -n "${BENCH_PORT:-}" ]]; then
  PORT=$BENCH_PORT
  port_in_use "$PORT" && die "port $PORT on $HOST is already in use"
else
  for _ in $(seq 1 50); do
    PORT=$((20000 + RANDOM % 20000))
    port_in_use "$PORT" || break
  done
fi
BASE="http://$HOST:$PORT"

# --- build ---------------------------------------------------------------------------------------------------
ARTIFACTS="$BENCH_DIR/.artifacts"
APP="$WORK/app"
SEED="$WORK/seed"
log "building Release (artifacts in bench/.artifacts)"
build_start=$SECONDS
dotnet publish "$ROOT/src/Zwgk.Web/Zwgk.Web.csproj" -c Release --artifacts-path "$ARTIFACTS" -o "$APP" -nologo -v quiet >"$WORK/build-web.log" 2>&1 \
  || { tail -30 "$WORK/build-web.log" >&2; die "building src/Zwgk.Web failed"; }
dotnet publish "$BENCH_DIR/Zwgk.Bench.Seed/Zwgk.Bench.Seed.csproj" -c Release --artifacts-path "$ARTIFACTS" -o "$SEED" -nologo -v quiet >"$WORK/build-seed.log" 2>&1 \
  || { tail -30 "$WORK/build-seed.log" >&2; die "building bench/Zwgk.Bench.Seed failed"; }
log "built in $((SECONDS - build_start))s"

# --- server control ------------------------------------------------------------------------------------------
DATA="$WORK/data"
mkdir -p "$DATA"

show_log() { # last lines of an app log, without the one-time admin password lines of a first start
  tail -30 "$1" | grep -v -i -E 'password|密码' >&2 || true
}

start_server() { # $1 = log file, remaining args = extra app arguments
  local logfile=$1; shift
  # Run from the publish directory so appsettings.json and wwwroot are found exactly as in a deployment.
  ( cd "$APP" && exec "${NICE[@]}" env ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 \
      dotnet Zwgk.Web.dll --urls "$BASE" --Zwgk:DataDirectory="$DATA" "$@" ) >"$logfile" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + 120))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/healthz" || true)" == 200 ]]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { show_log "$logfile"; die "the app exited during start-up (log above)"; }
    (( SECONDS < deadline )) || { show_log "$logfile"; die "the app did not become healthy in 120s"; }
    sleep 0.5
  done
  # Safety: the app must listen on loopback only.
  if command -v ss >/dev/null; then
    local listening bad
    listening=$(ss -ltnpH 2>/dev/null | grep "pid=$SERVER_PID," | awk '{print $4}' || true)
    bad=$(grep -v "^$HOST:" <<<"$listening" | grep . || true)
    [[ -z "$bad" ]] || die "the app listens on a non-loopback address: $bad"
    [[ -n "$listening" ]] || log "note: could not list the app's listening sockets with ss"
  fi
}

# --- 1. first start: migrations and seed data ----------------------------------------------------------------
log "first start (migrations, units, catalog, demo content)"
# The first-start log holds the one-time admin password; it stays in the temporary directory and is never printed.
start_server "$WORK/first-start.log" --Logging:LogLevel:Default=Warning
stop_server

# --- 2. bulk documents ---------------------------------------------------------------------------------------
log "generating $DOCS documents"
dotnet "$SEED/Zwgk.Bench.Seed.dll" --db "$DATA/zwgk.db" --count "$DOCS" --env-out "$WORK/bench.env" | tee "$WORK/seed.log" >&2
set -a
# shellcheck disable=SC1091
source "$WORK/bench.env"
set +a
export BENCH_LUA_DIR="$LUA_DIR"

# --- 3. start as in production -------------------------------------------------------------------------------
server_args=(--Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft=Warning --Logging:LogLevel:Microsoft.AspNetCore=Warning)
if [[ "${BENCH_SQL_LOG:-0}" == 1 ]]; then
  server_args+=(--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information)
fi
log "starting the app (Production, $BASE)"
start_server "$WORK/server.log" "${server_args[@]}"

for url in "/doc/$DOC_MAX_ID" "/column/$LIST_COLUMN_ID?page=2" "/column/$LIST_COLUMN_ID?year=$YEAR_MAX&page=1"; do
  code=$(curl -s -o "$WORK/smoke.html" -w '%{http_code}' --max-time 30 "$BASE$url" || true)
  [[ "$code" == 200 ]] || die "smoke test GET $url returned $code (are the portal pages built?)"
done
DOC_BYTES=$(curl -s --max-time 30 "$BASE/doc/$DOC_MAX_ID?fs=s" | wc -c)
LIST_BYTES=$(curl -s --max-time 30 "$BASE/column/$LIST_COLUMN_ID?page=3" | wc -c)

# --- 4. measure ----------------------------------------------------------------------------------------------
cpu_ticks() { # utime + stime of the server, in clock ticks
  awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"
}
busy_ticks() { # all CPUs: busy and total ticks
  awk '/^cpu /{idle=$5+$6; total=0; for(i=2;i<=NF;i++) total+=$i; print total-idle, total}' /proc/stat
}
to_ms() { # wrk latency (e.g. 812.00us, 3.41ms, 1.20s) -> milliseconds
  awk -v v="$1" 'BEGIN{
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.0f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000 }
    else print "?" }'
}
CLK_TCK=$(getconf CLK_TCK)

run_wrk() { # $1 = name, $2 = script, $3 = mode, $4 = duration, $5 = output file
  # --timeout 10s: wrk's default (2s) drops slow requests from the latency figures instead of reporting them.
  BENCH_MODE=$3 "${NICE[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --timeout 10s --latency -s "$LUA_DIR/$2" "$BASE" >"$5" 2>&1 \
    || { cat "$5" >&2; die "wrk failed for $1"; }
}

# Tiered JIT needs a lot of traffic before hot paths reach optimised code (on a busy 2-CPU machine, over a minute):
# the first seconds cost 3-5x more CPU per request than the steady state. Warm up in chunks until the app's CPU time
# per request stops improving (within 10% of the previous chunk), on URLs the measured runs do not use.
warm_until_stable() { # $1 = script, $2 = modes (space-separated, used in turn), $3 = minimum chunks
  local modes=($2) prev="" i=0 deadline=$((SECONDS + WARMUP_MAX)) c0 c1 n ms
  while :; do
    local mode=${modes[$((i % ${#modes[@]}))]}
    i=$((i + 1))
    c0=$(cpu_ticks)
    run_wrk "warm-up" "$1" "$mode" "${WARMUP_CHUNK}s" "$WORK/warmup.txt"
    c1=$(cpu_ticks)
    n=$(sed -n 's/.*responses=\([0-9]*\).*/\1/p' "$WORK/warmup.txt")
    ms=$(awk -v t=$((c1 - c0)) -v n="${n:-0}" -v hz="$CLK_TCK" 'BEGIN{ if (n > 0) printf "%.2f", 1000 * t / hz / n; else print 0 }')
    log "warm-up $1 ($mode) #$i: $(awk '/^Requests\/sec:/{print $2}' "$WORK/warmup.txt") req/s, $ms ms CPU/req"
    if (( i >= $3 )) && [[ -n "$prev" ]] && awk -v a="$ms" -v b="$prev" 'BEGIN{ exit !(a >= 0.9 * b) }'; then break; fi
    (( SECONDS + WARMUP_CHUNK <= deadline )) || break
    prev=$ms
  done
}
log "warm-up (up to ${WARMUP_MAX}s per page type, until CPU per request is stable)"
warm_start=$SECONDS
warm_until_stable doc.lua "warm" 3
warm_until_stable column.lua "cold cold-year" 2
WARM_SECS=$((SECONDS - warm_start))

declare -A DESC=(
  [doc-cold]="/doc/{id}, id random over all documents"
  [doc-hot]="/doc/{id}, 10 fixed ids"
  [column-cold]="/column/$LIST_COLUMN_ID?page=1..200 (never cached)"
  [column-cold-year]="/column/$LIST_COLUMN_ID?year=$YEAR_MIN..$YEAR_MAX&page=1..100 (never cached)"
  [column-hot]="/column/$LIST_COLUMN_ID, 10 fixed URLs (pages 1-5, ±year)"
)
declare -A SCRIPT=([doc-cold]=doc.lua [doc-hot]=doc.lua [column-cold]=column.lua [column-cold-year]=column.lua [column-hot]=column.lua)
declare -A MODE=([doc-cold]=cold [doc-hot]=hot [column-cold]=cold [column-cold-year]=cold-year [column-hot]=hot)

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
for s in $SCENARIOS; do
  [[ -n "${SCRIPT[$s]:-}" ]] || die "unknown scenario $s"
  log "running $s ($DURATION, $THREADS threads, $CONNECTIONS connections)"
  out="$WORK/wrk-$s.txt"
  cpu0=$(cpu_ticks); read -r busy0 total0 < <(busy_ticks)
  run_wrk "$s" "${SCRIPT[$s]}" "${MODE[$s]}" "$DURATION" "$out"
  cpu1=$(cpu_ticks); read -r busy1 total1 < <(busy_ticks)

  rps=$(awk '/^Requests\/sec:/{print $2}' "$out")
  p50=$(to_ms "$(awk '/^ +50%/{print $2}' "$out")")
  p99=$(to_ms "$(awk '/^ +99%/{print $2}' "$out")")
  line=$(grep '^BENCH ' "$out" || true)
  responses=$(sed -n 's/.*responses=\([0-9]*\).*/\1/p' <<<"$line")
  hits=$(sed -n 's/.*cache_hits=\([0-9]*\).*/\1/p' <<<"$line")
  non200=$(sed -n 's/.*non200=\([0-9]*\).*/\1/p' <<<"$line")
  sockerr=$(sed -n 's/.*socket_errors=\([0-9]*\).*/\1/p' <<<"$line")
  hit_pct=$(awk -v h="${hits:-0}" -v n="${responses:-0}" 'BEGIN{ if (n > 0) printf "%.0f%%", 100 * h / n; else print "-" }')
  cpu_ms=$(awk -v t=$((cpu1 - cpu0)) -v n="${responses:-0}" -v hz="$CLK_TCK" 'BEGIN{ if (n > 0) printf "%.2f", 1000 * t / hz / n; else print "-" }')
  # Share of the machine's CPU time that was busy during the run, and how much of that was the server.
  machine=$(awk -v b=$((busy1 - busy0)) -v t=$((total1 - total0)) -v s=$((cpu1 - cpu0)) 'BEGIN{ if (t > 0) printf "%.0f%% (server %.0f%%)", 100 * b / t, 100 * s / t; else print "-" }')
  ROWS+=("| $s | ${DESC[$s]} | ${rps:-?} | ${p50:-?} | ${p99:-?} | $hit_pct | $(( ${non200:-0} + ${sockerr:-0} )) | $cpu_ms | $machine |")
  log "$s: ${rps:-?} req/s, p50 ${p50:-?} ms, p99 ${p99:-?} ms, cache hits $hit_pct, errors $(( ${non200:-0} + ${sockerr:-0} ))"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 5. report -----------------------------------------------------------------------------------------------
DB_MB=$(awk -v b="$DB_BYTES" 'BEGIN{printf "%.0f", b / 1048576}')
STAMP=$(date -u +%Y-%m-%d-%H%M)
REPORT=$(cat <<EOF
# Portal benchmark $(date -u '+%Y-%m-%d %H:%M UTC')

| | |
|---|---|
| Machine | $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr) |
| .NET SDK | $(dotnet --version) |
| Commit | $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "none") $(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo "(working tree has changes)") |
| Documents | $DOC_COUNT public (ids $DOC_MIN_ID..$DOC_MAX_ID), SQLite $DB_MB MB; list column #$LIST_COLUMN_ID $LIST_COLUMN_NAME: $LIST_COLUMN_DOCS documents |
| Page sizes | document page $DOC_BYTES bytes, list page $LIST_BYTES bytes |
| wrk | $THREADS threads, $CONNECTIONS connections, $DURATION per scenario, wrk and the app on the same $(nproc) CPUs${BENCH_NICE:+, both at nice $BENCH_NICE} |
| Warm-up | ${WARM_SECS}s before the first measured run |
| Load average | before $LOAD_BEFORE, after $LOAD_AFTER |

| Scenario | URLs | Req/s | p50 ms | p99 ms | Cache hits | Errors | Server CPU ms/req | Machine busy |
|---|---|---:|---:|---:|---:|---:|---:|---|
$(printf '%s\n' "${ROWS[@]}")

Cache hits: responses that carried an \`Age\` header (served by the output cache). Errors: non-200 responses plus socket errors.
Server CPU ms/req: CPU time the app used during the run divided by responses; 1000 × CPUs ÷ this is the ceiling if the app had the machine to itself.
Machine busy: share of all CPU time that was busy during the run (the rest of the busy time is wrk and anything else running).
EOF
)
mkdir -p "$BENCH_DIR/results"
OUT="$BENCH_DIR/results/portal-$STAMP.md"
printf '%s\n' "$REPORT" >"$OUT"
{
  echo
  echo "<details><summary>Raw wrk output</summary>"
  echo
  for s in $SCENARIOS; do echo "### $s"; echo '```'; cat "$WORK/wrk-$s.txt"; echo '```'; done
  echo "</details>"
} >>"$OUT"
echo
printf '%s\n' "$REPORT"
echo
log "written to ${OUT#"$ROOT/"}"
if [[ "${BENCH_SQL_LOG:-0}" == 1 ]]; then
  cp "$WORK/server.log" "$BENCH_DIR/results/portal-$STAMP-sql.log"
  log "SQL log copied to bench/results/portal-$STAMP-sql.log"
fi
