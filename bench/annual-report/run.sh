#!/usr/bin/env bash
# Annual report benchmark: 100,000 generated cases over two years and 30 units, then the district annual report
# computation timed (the GROUP BY query and the computation the page and the API use). Aim: < 2 s.
#
#   bash bench/annual-report/run.sh                     # SQLite
#   BENCH_PROVIDER=postgres bash bench/annual-report/run.sh
#
# Knobs: BENCH_CASES (100000), BENCH_RUNS (5), BENCH_PROVIDER (sqlite|postgres), ZWGK_TEST_PG (PostgreSQL server).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ARGS=(--cases "${BENCH_CASES:-100000}" --runs "${BENCH_RUNS:-5}" --provider "${BENCH_PROVIDER:-sqlite}")
[[ -n "${ZWGK_TEST_PG:-}" ]] && ARGS+=(--pg "$ZWGK_TEST_PG")
dotnet build -c Release -v q --artifacts-path "$ROOT/bench/.artifacts" "$ROOT/bench/Zwgk.Bench.AnnualReport" >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet "$ROOT/bench/.artifacts/bin/Zwgk.Bench.AnnualReport/release/Zwgk.Bench.AnnualReport.dll" "${ARGS[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
