#!/usr/bin/env bash
# Search benchmark: Lucene (our engine) vs SQLite FTS5 (trigram) on the same generated corpus.
#   bash bench/search/run.sh                 # 1,000,000 documents (the headline run; about an hour for both engines)
#   BENCH_DOCS=100000 bash bench/search/run.sh
#   BENCH_ENGINES=lucene bash bench/search/run.sh
# Reports indexing documents/s, query latency p50/p95/p99 per query class, peak memory (VmHWM) and recall@10 / MRR on
# the judged query set, per engine; writes bench/results/search-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCS="${BENCH_DOCS:-1000000}"
ENGINES="${BENCH_ENGINES:-lucene fts5}"
WORK="${BENCH_WORK:-$(mktemp -d /tmp/zwgk-search-bench.XXXXXX)}"
OUT="bench/results/search-$(date +%Y%m%d-%H%M).md"
mkdir -p bench/results "$WORK"
dotnet build bench/Zwgk.Bench.Search -c Release --artifacts-path bench/.artifacts -v q --nologo >/dev/null
BIN="bench/.artifacts/bin/Zwgk.Bench.Search/release/Zwgk.Bench.Search.dll"

declare -A RESULT
for engine in $ENGINES; do
  echo "== $engine: $DOCS documents (work dir $WORK/$engine)" >&2
  # Each engine's summary is kept in a file as soon as it is done, so a later engine's failure loses nothing.
  dotnet "$BIN" "$engine" --docs "$DOCS" --dir "$WORK/$engine" | tail -n 1 > "$WORK/$engine.json"
  RESULT[$engine]="$(cat "$WORK/$engine.json")"
  echo "   $engine: ${RESULT[$engine]}" >&2
  rm -rf "${WORK:?}/$engine"
done

{
  echo "# Search benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $DOCS generated documents + planted"
  echo
  echo "| Engine | Docs/s indexed | Index MB | Peak RSS MB | p50 ms | p95 ms | p99 ms | recall@10 | MRR |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for engine in $ENGINES; do
    python3 - "$engine" "${RESULT[$engine]}" <<'PY'
import json, sys
e, d = sys.argv[1], json.loads(sys.argv[2])
l = d["latency"]; j = d["judged"]
print(f"| {e} | {d['docsPerSecond']:.0f} | {d['indexMb']:.0f} | {d['peakRssMb']:.0f} | {l['p50']:.1f} | {l['p95']:.1f} | {l['p99']:.1f} | {j['recallAt10']:.3f} | {j['mrr']:.3f} |")
PY
  done
  echo
  echo "Per query class (p50 / p95 / p99 ms):"
  echo
  echo "| Engine | short | long | pinyin | filtered |"
  echo "|---|---|---|---|---|"
  for engine in $ENGINES; do
    python3 - "$engine" "${RESULT[$engine]}" <<'PY'
import json, sys
e, d = sys.argv[1], json.loads(sys.argv[2])
c = d["classes"]
cell = lambda k: f"{c[k]['p50']:.1f} / {c[k]['p95']:.1f} / {c[k]['p99']:.1f}" if k in c else "-"
print(f"| {e} | {cell('short')} | {cell('long')} | {cell('pinyin')} | {cell('filtered')} |")
PY
  done
  echo
  echo "Judged recall@10 per class:"
  echo
  for engine in $ENGINES; do
    python3 - "$engine" "${RESULT[$engine]}" <<'PY'
import json, sys
e, d = sys.argv[1], json.loads(sys.argv[2])
print(f"- {e}: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(d["judged"]["perClass"].items())))
PY
  done
  echo
  echo "Raw:"
  echo
  for engine in $ENGINES; do echo "    ${RESULT[$engine]}"; done
} | tee "$OUT"
echo "written to $OUT" >&2
