#!/usr/bin/env bash
# Reindex benchmark: the real `reindex` command rebuilding the search index from the database (SQLite), with
# N published documents (default 100,000) bulk-loaded by bench/Zwgk.Bench.Seed.
#
#   bash bench/reindex/run.sh
#
# Builds Release into bench/.artifacts, creates a temporary data directory, runs `reindex` once on it (migrations,
# demo content), loads the documents, then times `reindex` and reports documents per second: as measured by the command
# itself (rebuild only) and for the whole process (start-up included). Writes bench/results/reindex-<date>.md.
#
# Environment knobs (all optional):
#   BENCH_DOCS=100000   documents to generate
#   BENCH_RUNS=1        timed reindex runs (the best is reported)
#   BENCH_KEEP=1        keep the temporary directory
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR="$ROOT/bench"
DOCS=${BENCH_DOCS:-100000}
RUNS=${BENCH_RUNS:-1}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zwgk-reindex.XXXXXX")
cleanup() {
  local rc=$?
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v dotnet >/dev/null || die "dotnet SDK not found"

ARTIFACTS="$BENCH_DIR/.artifacts"
APP="$WORK/app"
SEED="$WORK/seed"
DATA="$WORK/data"
mkdir -p "$DATA"
log "building Release (artifacts in bench/.artifacts)"
dotnet publish "$ROOT/src/Zwgk.Web/Zwgk.Web.csproj" -c Release --artifacts-path "$ARTIFACTS" -o "$APP" -nologo -v quiet >"$WORK/build-web.log" 2>&1 \
  || { tail -30 "$WORK/build-web.log" >&2; die "building src/Zwgk.Web failed"; }
dotnet publish "$BENCH_DIR/Zwgk.Bench.Seed/Zwgk.Bench.Seed.csproj" -c Release --artifacts-path "$ARTIFACTS" -o "$SEED" -nologo -v quiet >"$WORK/build-seed.log" 2>&1 \
  || { tail -30 "$WORK/build-seed.log" >&2; die "building bench/Zwgk.Bench.Seed failed"; }

reindex() { # $1 = log file; CPU seconds (user + system) of the process go to $1.cpu
  ( cd "$APP" && exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 dotnet Zwgk.Web.dll reindex \
      --Zwgk:DataDirectory="$DATA" --Logging:LogLevel:Default=Warning ) >"$1" 2>&1
  local rc=$?
  times >"$1.cpu"   # not in a pipeline: a pipeline's subshell has no children of its own
  return $rc
}

# Children's CPU seconds (user + system) from the output of `times`; the difference around a run is its CPU time.
child_cpu() { tail -1 "$1" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.1f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }'; }

# The first run creates the database (migrations, units, catalog, demo content); its log holds the one-time admin
# password and stays in the temporary directory.
log "creating the database"
reindex "$WORK/first.log" || { tail -20 "$WORK/first.log" | grep -v -i -E 'password|密码' >&2; die "first reindex failed"; }

log "generating $DOCS documents"
dotnet "$SEED/Zwgk.Bench.Seed.dll" --db "$DATA/zwgk.db" --count "$DOCS" | tee "$WORK/seed.log" >&2
DB_MB=$(du -m "$DATA/zwgk.db" | cut -f1)

best_rate=0; best_line=""
for run in $(seq 1 "$RUNS"); do
  LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
  times >"$WORK/before-$run.cpu"
  cpu_before=$(child_cpu "$WORK/before-$run.cpu")
  start=$(date +%s.%N)
  reindex "$WORK/run-$run.log" || { tail -20 "$WORK/run-$run.log" >&2; die "reindex failed"; }
  end=$(date +%s.%N)
  LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)
  # 完成：N 条，用时 X 秒，检查点 C
  line=$(grep '完成：' "$WORK/run-$run.log" | tail -1)
  count=$(sed -E 's/.*完成：([0-9]+) 条.*/\1/' <<<"$line")
  secs=$(sed -E 's/.*用时 ([0-9.]+) 秒.*/\1/' <<<"$line")
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  rate=$(awk -v n="$count" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
  wall_rate=$(awk -v n="$count" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')
  detail=$(grep '读库' "$WORK/run-$run.log" | tail -1 || true)
  cpu=$(awk -v a="$cpu_before" -v b="$(child_cpu "$WORK/run-$run.log.cpu")" 'BEGIN { printf "%.1f", b - a }')
  # What the machine's cores would index if the process had them to itself: documents per CPU second × cores.
  ceiling=$(awk -v n="$count" -v c="$cpu" -v k="$(nproc)" 'BEGIN { printf "%.0f", n / c * k }')
  log "run $run: $count documents in ${secs}s (rebuild) = $rate/s; process ${wall}s = $wall_rate/s, CPU ${cpu}s (ceiling on $(nproc) idle cores $ceiling/s); load $LOAD_BEFORE → $LOAD_AFTER; $detail"
  if (( rate > best_rate )); then
    best_rate=$rate
    best_line="| $count | $secs | **$rate** | $wall | $wall_rate | $cpu | $ceiling | $LOAD_BEFORE → $LOAD_AFTER | $detail |"
  fi
done

mkdir -p "$BENCH_DIR/results"
OUT="$BENCH_DIR/results/reindex-$(date +%Y%m%d-%H%M%S).md"
{
  echo "# reindex from the database ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "CPUs: $(nproc) · .NET $(dotnet --version) · commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') · SQLite $DB_MB MB"
  echo
  echo "| Documents | Rebuild s | Documents/s | Process s | Documents/s (process) | CPU s | Documents/s on idle cores | Load average | Detail |"
  echo "|---|---|---|---|---|---|---|---|---|"
  echo "$best_line"
} | tee "$OUT"
log "written to $OUT"
