#!/usr/bin/env bash
# HTTP load test of `evidence serve`, end to end and bounded (about 2 minutes): builds the CLI and the load driver
# (bench/EvidenceCatalog.LoadTest) in Release, runs `evidence demo` in bench/out/server-load/, makes two API tokens,
# serves the demo SQLite store (access snapshot in --access-dir, so no section is degraded and every report is
# cached) and drives it with the `reports` and `sections` modes; then, when PostgreSQL can run, starts a throwaway
# PostgreSQL server, a second `evidence serve` on a fresh schema of it, and drives that with `ingest`. Servers are
# stopped on exit, however the script ends. Results: bench/out/server-load/summary.txt.
#
#   bench/server-load.sh
#   RATE=1000 DURATION=20 WARMUP=3 bench/server-load.sh     # reports/sections: open-loop rate, measured and warm-up seconds
#   EVENTS=2000000 CHUNK=10000 CONCURRENCY=4 bench/server-load.sh   # ingest: events, events per request, requests in flight
#   NO_POSTGRES=1 bench/server-load.sh                      # reports and sections only
#   PG_PORT=55439 PG_OPTIONS='-c shared_buffers=1GB' PG_DURABLE=1 bench/server-load.sh   # passed to .ci/postgres.sh
#
# PostgreSQL: the script starts its own server with .ci/postgres.sh on PG_PORT (default 55439, clear of the tests' 55432
# and bench/store-postgres.sh's 55433) and stops it at the end. If a server already answers on PG_PORT it is used as it
# is (a new schema, dropped at the end) and left running. .ci/postgres.sh turns fsync, synchronous_commit and full_page_writes off unless PG_DURABLE=1.
# The HTTP servers listen on 127.0.0.1:PORT and PORT+1 (default 5090, 5091).
set -euo pipefail

cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

OUT=bench/out/server-load
EVIDENCE="$PWD/src/EvidenceCatalog.Cli/bin/Release/net10.0/evidence"
LOADTEST="$PWD/bench/EvidenceCatalog.LoadTest/bin/Release/net10.0/evidence-loadtest"
ACCOUNT=northwind-cloud
PORT="${PORT:-5090}"
RATE="${RATE:-1000}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-3}"
EVENTS="${EVENTS:-2000000}"
CHUNK="${CHUNK:-10000}"
CONCURRENCY="${CONCURRENCY:-4}"
export PG_PORT="${PG_PORT:-55439}"

command -v curl >/dev/null || { echo "server-load.sh: curl is needed (apt-get install curl)" >&2; exit 2; }

server_pids=()
pg_started=0
pg_schema=""

say() { echo "server-load.sh: $*" >&2; }

# psql of the PostgreSQL install .ci/postgres.sh uses (PATH first, then the newest Debian/Ubuntu one).
pg_psql() {
  local psql
  psql="$(command -v psql 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -t/ -k4,4 -n -r | head -n 1 || true)"
  [ -n "$psql" ] && "$psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}

stop_server() {
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${server_pids[@]}"; do
    stop_server "$pid"
  done
  if [ "$pg_started" = 1 ]; then
    .ci/postgres.sh stop || true
  elif [ -n "$pg_schema" ]; then
    pg_psql -c "DROP SCHEMA IF EXISTS $pg_schema CASCADE" >/dev/null 2>&1 || say "could not drop schema $pg_schema on 127.0.0.1:$PG_PORT"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# NAME STORE PORT: starts `evidence serve` in the background and waits (up to 30 s) until /readyz answers 200.
start_server() {
  local name="$1" store="$2" port="$3" i
  "$EVIDENCE" serve --store "$store" --tokens "$OUT/tokens.txt" --sign-key "$OUT/demo/demo-signing-key.pem" \
    --access-dir "$OUT/access" --urls "http://127.0.0.1:$port" >"$OUT/$name.log" 2>&1 &
  SERVER_PID=$!
  server_pids+=("$SERVER_PID")
  for i in $(seq 1 60); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; then
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      say "$name did not start:"
      tail -n 5 "$OUT/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  say "$name is not ready after 30 s:"
  tail -n 5 "$OUT/$name.log" >&2
  exit 1
}

status=0
# MODE ARGS...: one load driver run, hard-limited by `timeout` on top of its own --max-seconds; output into the summary.
drive() {
  local limit=$(( ${DURATION%.*} + ${WARMUP%.*} + 60 ))
  [ "$1" = ingest ] && limit=420
  echo "\$ evidence-loadtest $*" | tee -a "$OUT/summary.txt"
  if ! timeout --kill-after=5 "$limit" "$LOADTEST" "$@" 2>&1 | tee -a "$OUT/summary.txt"; then
    status=1
  fi
  echo | tee -a "$OUT/summary.txt"
}

say "building the CLI and the load driver (Release)"
dotnet build src/EvidenceCatalog.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/EvidenceCatalog.LoadTest -c Release -v quiet -nologo >/dev/null

rm -rf "$OUT"
mkdir -p "$OUT/access"
(cd "$OUT" && "$EVIDENCE" demo --dir demo >demo.log)
# The demo's access snapshot (demo/access/ACCOUNT.json; demo/access-snapshot.json before the demo wrote the serve layout).
if [ -f "$OUT/demo/access/$ACCOUNT.json" ]; then
  cp "$OUT/demo/access/$ACCOUNT.json" "$OUT/access/$ACCOUNT.json"
else
  cp "$OUT/demo/access-snapshot.json" "$OUT/access/$ACCOUNT.json"
fi
(
  umask 077
  "$EVIDENCE" token add --tokens "$OUT/tokens.txt" --user load-reader@bench --account "$ACCOUNT" --role auditor >"$OUT/read.token" 2>/dev/null
  "$EVIDENCE" token add --tokens "$OUT/tokens.txt" --user load-ingest@bench --account "$ACCOUNT" --role admin >"$OUT/ingest.token" 2>/dev/null
)

{
  commit='? (not a git checkout)'
  if git rev-parse --git-dir >/dev/null 2>&1; then
    commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (src/ has local changes)')"
  fi
  echo "evidence serve load test, $(date -u '+%Y-%m-%dT%H:%M:%SZ'), commit $commit"
  echo "nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} | tee "$OUT/summary.txt"

start_server server-sqlite "sqlite:$OUT/demo/evidence.db" "$PORT"
common=(--url "http://127.0.0.1:$PORT" --token-file "$OUT/read.token" --account "$ACCOUNT" --server-pid "$SERVER_PID"
  --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP")
drive reports "${common[@]}"
drive sections "${common[@]}"
stop_server "$SERVER_PID"

if [ "${NO_POSTGRES:-0}" = 1 ]; then
  say "NO_POSTGRES=1: ingest skipped"
else
  if .ci/postgres.sh status >/dev/null 2>&1; then
    say "using the PostgreSQL server already running on 127.0.0.1:$PG_PORT (left running)"
  elif .ci/postgres.sh start; then
    pg_started=1
  else
    say "PostgreSQL is not available: ingest skipped"
    exit "$status"
  fi
  pg_schema="loadtest_$(date +%s)_$$"
  PG_STORE="postgres:$(.ci/postgres.sh connection);Schema=$pg_schema"
  "$EVIDENCE" store init --store "$PG_STORE"
  # 10,000 events a day up to yesterday, ids evt-RUN-N: unique, so every event is accepted, none a duplicate.
  "$EVIDENCE" generate-events --days $(( (EVENTS + 9999) / 10000 )) --per-day 10000 --seed 7 --org "$ACCOUNT" --out "$OUT/events.jsonl" >/dev/null 2>&1
  echo "PostgreSQL $(pg_psql -At -c 'SHOW server_version' 2>/dev/null || echo '?') on 127.0.0.1:$PG_PORT, fsync $(pg_psql -At -c 'SHOW fsync' 2>/dev/null || echo '?'), schema $pg_schema" | tee -a "$OUT/summary.txt"
  start_server server-postgres "$PG_STORE" $((PORT + 1))
  drive ingest --url "http://127.0.0.1:$((PORT + 1))" --token-file "$OUT/ingest.token" --account "$ACCOUNT" --server-pid "$SERVER_PID" \
    --events "$OUT/events.jsonl" --total "$EVENTS" --chunk "$CHUNK" --concurrency "$CONCURRENCY"
  stop_server "$SERVER_PID"
  rm -f "$OUT/events.jsonl"
fi

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
[ "$status" = 0 ] || say "FAILED: see $OUT/summary.txt"
exit "$status"
