#!/usr/bin/env bash
# Message form under load (issue 12): wrk on loopback against POST /api/v1/messages.
#   bash bench/messages/run.sh                  # publishes src/Zwgk.Web in Release under bench/.artifacts
#   APP_DLL=src/Zwgk.Web/bin/Debug/net10.0/Zwgk.Web.dll bash bench/messages/run.sh
# 1. flood: one address posts as fast as it can for BENCH_DURATION; the limiter must accept at most the configured
#    submissions (Zwgk:PublicForms:SubmitsPerTenMinutes, default 10) and answer 429 to the rest, never 5xx.
# 2. spread: the same load with a different X-Forwarded-For per request (many citizens at once): every post should be
#    accepted, and none may be lost.
# 3. every 201's 查询码 is looked up with GET /api/v1/messages/{code} (the lookup limit is raised for this run only),
#    and the database must hold every one of them: as many messages as 201s, plus at most the posts still in flight
#    when wrk stopped (one per connection per run; wrk never reads those answers).
# Exits non-zero when a check fails. Knobs: BENCH_DURATION=15s, BENCH_CONNECTIONS=16, BENCH_THREADS=2.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
if [[ -z "${APP_DLL:-}" ]]; then
  dotnet publish src/Zwgk.Web -c Release --artifacts-path bench/.artifacts -o bench/.artifacts/messages-app -nologo -v quiet >/dev/null
  APP_DLL=bench/.artifacts/messages-app/Zwgk.Web.dll
fi
APP_DLL=$(realpath "$APP_DLL")
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
( cd "$(dirname "$APP_DLL")" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet "$APP_DLL" --urls "$BASE" \
    --Zwgk:DataDirectory="$WORK/data" --Zwgk:LoadDemoContent=false --Zwgk:PublicForms:LookupsPerMinute=100000 \
    --Logging:LogLevel:Default=Warning ) >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 240); do curl -sf "$BASE/healthz" >/dev/null && break; kill -0 $APP || { tail -20 "$WORK/app.log" | grep -v -i -E 'password|密码'; exit 1; }; sleep 0.5; done
LIMIT=$(python3 - "$ROOT/src/Zwgk.Web/appsettings.json" <<'PY'
import json,sys
d=json.load(open(sys.argv[1])).get("Zwgk",{}).get("PublicForms",{})
print(d.get("SubmitsPerTenMinutes",10))
PY
)
fail=0
run() { # $1 mode
  BENCH_MODE=$1 BENCH_OUT="$WORK/codes-$1" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency \
    -s "$ROOT/bench/messages/post.lua" "$BASE" >"$WORK/wrk-$1.txt" 2>&1 || { cat "$WORK/wrk-$1.txt"; exit 1; }
  local line; line=$(grep '^BENCH ' "$WORK/wrk-$1.txt")
  echo "$1: $line, $(awk '/^Requests\/sec:/{print $2}' "$WORK/wrk-$1.txt") req/s, p50 $(awk '/^ +50%/{print $2}' "$WORK/wrk-$1.txt"), p99 $(awk '/^ +99%/{print $2}' "$WORK/wrk-$1.txt")"
  eval "$(sed -n 's/^BENCH created=\([0-9]*\) limited=\([0-9]*\) other=\([0-9]*\) socket_errors=\([0-9]*\).*/created=\1 limited=\2 other=\3 sockerr=\4/p' <<<"$line")"
}
run flood
if (( created > LIMIT )); then echo "FAIL flood: $created accepted from one address, limit $LIMIT"; fail=1; fi
if (( limited == 0 )); then echo "FAIL flood: no 429"; fail=1; fi
if (( other > 0 || sockerr > 0 )); then echo "FAIL flood: $other other statuses, $sockerr socket errors"; fail=1; fi
flood_created=$created
run spread
if (( other > 0 || sockerr > 0 )); then echo "FAIL spread: $other other statuses, $sockerr socket errors"; fail=1; fi
if (( created == 0 )); then echo "FAIL spread: nothing accepted"; fail=1; fi
total=$((flood_created + created))
cat "$WORK"/codes-* > "$WORK/all-codes" 2>/dev/null || : > "$WORK/all-codes"
python3 - "$BASE" "$WORK/all-codes" "$WORK/data/zwgk.db" "$total" "$CONNECTIONS" <<'PY' || fail=1
import concurrent.futures, json, sqlite3, sys, urllib.request, urllib.error
base, path, db, total, connections = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
codes = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
def look(code):
    try:
        with urllib.request.urlopen(f"{base}/api/v1/messages/{code}", timeout=30) as r:
            return r.status == 200 and "title" in json.load(r)
    except urllib.error.HTTPError:
        return False
with concurrent.futures.ThreadPoolExecutor(8) as ex:
    found = sum(ex.map(look, codes))
stored = sqlite3.connect(db).execute("select count(*) from Messages").fetchone()[0]
# wrk stops mid-flight: up to one post per connection per run may be stored after wrk stopped reading its answer.
print(f"lookup: {found}/{len(codes)} 查询码 found; 201 answers {total}; messages stored {stored} (at most {2 * connections} answered after wrk stopped)")
bad = (len(codes) != total or found != len(codes) or stored < total or stored > total + 2 * connections
       or "MISSING" in codes or len(set(codes)) != len(codes))
if bad: print("FAIL: an accepted message is missing, unfindable, or a code repeats")
sys.exit(1 if bad else 0)
PY
if (( fail )); then echo "messages bench: FAILED"; exit 1; fi
echo "messages bench: passed"
