#!/usr/bin/env bash
# Login timing: an existing user name versus an unknown one (issue 9 §1.5). Both must cost the same work (one
# password hash) and answer the same statuses, so timing tells nothing about which names exist.
#   bash bench/auth/login-timing.sh                 # publishes src/Zwgk.Web in Release under bench/.artifacts
#   APP_DLL=src/Zwgk.Web/bin/Debug/net10.0/Zwgk.Web.dll bash bench/auth/login-timing.sh   # use an existing build
# Prints, per name, the status sequence of six failed attempts and the median time of the four 401 answers
# (each round uses fresh names, so lockouts never mix); ROUNDS=5 by default.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-5}
if [[ -z "${APP_DLL:-}" ]]; then
  dotnet publish src/Zwgk.Web -c Release --artifacts-path bench/.artifacts -o bench/.artifacts/auth-app >/dev/null
  APP_DLL=bench/.artifacts/auth-app/Zwgk.Web.dll
fi
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ASPNETCORE_ENVIRONMENT=Production dotnet "$APP_DLL" --urls "http://127.0.0.1:$PORT" --Zwgk:DataDirectory="$DATA" \
  --Zwgk:LoadDemoContent=false --Logging:LogLevel:Default=Warning >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
URL="http://127.0.0.1:$PORT/api/v1/auth/login"
attempt() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"Wrong-pass-$RANDOM\"}" "$URL"; }
# Warm-up (JIT, connection pools) on unknown names that are not measured. The one existing account, "admin", locks
# after five failures, so it is measured once (the median of its four 401s absorbs its first, colder request).
for i in $(seq 3); do attempt "warm$i" >/dev/null; done
measure() {
  local name=$1 codes="" times=()
  for i in $(seq 6); do read -r code t < <(attempt "$name"); codes+="$code "; [[ $code == 401 ]] && times+=("$t"); done
  printf '%-22s %s median401=%ss\n' "$name" "$codes" "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}
measure admin
for r in $(seq "$ROUNDS"); do measure "nobody-$r-$RANDOM"; done
