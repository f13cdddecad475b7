#!/usr/bin/env bash
# Import benchmark: `import --site` on a generated old-site folder (1,000 saved document pages by default, plus copies
# and navigation pages), into a fresh SQLite database, Release build, run as an operator would. Prints documents/s.
#
# Builds Release into bench/.artifacts (never touching src/*/bin or obj), generates the folder and a filled column
# mapping with bench/Zwgk.Bench.Import, runs the import twice (once to migrate, once more to show that a re-run only
# finds duplicates) and deletes the temporary directory. BENCH_DOCS changes the number of documents; BENCH_PUBLISH=0
# imports drafts instead of publishing.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BENCH_DIR="$ROOT/bench"
ARTIFACTS="$BENCH_DIR/.artifacts"
DOCS="${BENCH_DOCS:-1000}"
PUBLISH_FLAG=$([ "${BENCH_PUBLISH:-1}" = "1" ] && echo "--publish" || echo "")
WORK="$(mktemp -d -t zwgk-import-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
log() { printf '[import-bench] %s\n' "$*" >&2; }

log "building Release (artifacts in bench/.artifacts)"
dotnet publish "$ROOT/src/Zwgk.Web/Zwgk.Web.csproj" -c Release --artifacts-path "$ARTIFACTS" -o "$WORK/app" -nologo -v quiet >"$WORK/build-web.log" 2>&1 \
  || { cat "$WORK/build-web.log"; exit 1; }
dotnet publish "$BENCH_DIR/Zwgk.Bench.Import/Zwgk.Bench.Import.csproj" -c Release --artifacts-path "$ARTIFACTS" -o "$WORK/gen" -nologo -v quiet >"$WORK/build-gen.log" 2>&1 \
  || { cat "$WORK/build-gen.log"; exit 1; }

log "generating $DOCS documents"
dotnet "$WORK/gen/Zwgk.Bench.Import.dll" "$WORK/site" "$DOCS" >&2

# First start (migrations, units, catalog) outside the measured run.
cd "$WORK/app"
ASPNETCORE_ENVIRONMENT=Production dotnet Zwgk.Web.dll import --site "$WORK/empty-site" --mapping "$WORK/none.json" \
  --Zwgk:DataDirectory="$WORK/data" --Zwgk:LoadDemoContent=false >/dev/null 2>"$WORK/first-start.log" || true

log "importing (report below; progress and logs in $WORK are deleted at exit)"
start=$(date +%s.%N)
ASPNETCORE_ENVIRONMENT=Production dotnet Zwgk.Web.dll import --site "$WORK/site" $PUBLISH_FLAG \
  --Zwgk:DataDirectory="$WORK/data" --Zwgk:LoadDemoContent=false --Logging:LogLevel:Default=Warning \
  >"$WORK/report.txt" 2>"$WORK/progress.log"
end=$(date +%s.%N)
head -1 "$WORK/report.txt"
awk -v s="$start" -v e="$end" -v n="$DOCS" 'BEGIN { printf "process wall time (start-up included): %.1f s, %.1f documents/s\n", e - s, n / (e - s) }'

log "re-running (everything is a duplicate now)"
ASPNETCORE_ENVIRONMENT=Production dotnet Zwgk.Web.dll import --site "$WORK/site" $PUBLISH_FLAG \
  --Zwgk:DataDirectory="$WORK/data" --Zwgk:LoadDemoContent=false --Logging:LogLevel:Default=Warning 2>/dev/null | head -1
