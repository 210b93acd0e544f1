#!/usr/bin/env bash
# The PostgreSQL event store end to end through the CLI, on 10 M synthetic events: `evidence ingest` into a fresh
# schema, VACUUM ANALYZE, then `evidence report --store` (no report cache: every run aggregates in the database).
# The server is a throwaway one started by .ci/postgres.sh on its own port, durable (fsync on) and given memory:
#
#   bench/store-postgres.sh                 # RUNS=3 report runs; PG_PORT=55433
#   EVENTS=bench/out/events-1m.jsonl bench/store-postgres.sh
#   KEEP=1 bench/store-postgres.sh          # leave the server running afterwards (.ci/postgres.sh stop with PG_PORT)
#   HTTP=0 bench/store-postgres.sh          # skip the last step: uncached full reports from evidence serve on the store
#
# The events file is made when missing, as bench/runtime-end-to-end.sh makes it:
#   evidence generate-events --days 100 --per-day 100000 --start 2026-01-01 --org northwind-cloud --out bench/out/events-10m.jsonl
# Figures: wall time and peak RSS of each process (/usr/bin/time), in bench/out/store-postgres/summary.txt.
set -euo pipefail

cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUNS="${RUNS:-3}"
export PG_PORT="${PG_PORT:-55433}"
EVENTS="${EVENTS:-bench/out/events-10m.jsonl}"
OUT=bench/out/store-postgres
ORG=northwind-cloud
WINDOW=(--org "$ORG" --from 2026-01-01 --to 2026-04-10)
STORE="postgres:$(.ci/postgres.sh connection)"

for tool in /usr/bin/time jq; do command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install time jq)" >&2; exit 2; }; done
mkdir -p "$OUT"
dotnet build src/EvidenceCatalog.Cli -c Release -v quiet -nologo >/dev/null
rm -rf "$OUT/cli"
cp -a src/EvidenceCatalog.Cli/bin/Release/net10.0 "$OUT/cli"
EVIDENCE=(dotnet "$OUT/cli/evidence.dll")

if [ ! -s "$EVENTS" ]; then
  "${EVIDENCE[@]}" generate-events --days 100 --per-day 100000 --start 2026-01-01 --org "$ORG" --out "$EVENTS"
fi
COUNT=$(wc -l <"$EVENTS")

# Durable, with room for a bulk load: the settings a dedicated 24 GiB machine would be given, not tuned per query.
export PG_DURABLE=1
export PG_OPTIONS="-c shared_buffers=4GB -c effective_cache_size=16GB -c maintenance_work_mem=1GB -c work_mem=64MB -c max_wal_size=16GB -c checkpoint_timeout=30min -c wal_compression=on"
.ci/postgres.sh start
if [ "${KEEP:-0}" != 1 ]; then
  trap '.ci/postgres.sh stop >/dev/null 2>&1' EXIT
fi
sql() { .ci/postgres.sh psql -qAt -c "$1"; }

{
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:  $(git rev-parse --short HEAD)$(git status --porcelain -- src | grep -q . && echo ' (src/ has uncommitted changes)' || true)"
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 " GiB" }'), PostgreSQL $(sql 'SHOW server_version'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "events:  $COUNT in $EVENTS"
} | tee "$OUT/summary.txt"

# timed LABEL COMMAND...: one run; appends "LABEL: S s, RSS MB" to the summary and leaves the seconds in $SECONDS_TAKEN.
timed() {
  local label="$1" t0 t1; shift
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$OUT/time.rss" "$@" >"$OUT/last.out" 2>"$OUT/last.err" || { echo "failed: $*" >&2; tail -n 20 "$OUT/last.err" >&2; exit 1; }
  t1=$(date +%s%N)
  SECONDS_TAKEN=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.2f", d / 1e9 }')
  printf '%s: %s s, peak RSS %s MB\n' "$label" "$SECONDS_TAKEN" "$(awk '{ printf "%.0f", $1 / 1024 }' "$OUT/time.rss")" | tee -a "$OUT/summary.txt"
}

timed "store init" "${EVIDENCE[@]}" store init --store "$STORE"
timed "ingest $COUNT events (fresh schema)" "${EVIDENCE[@]}" ingest --store "$STORE" "$EVENTS"
awk -v n="$COUNT" -v t="$SECONDS_TAKEN" 'BEGIN { printf "  = %.0f events/s\n", n / t }' | tee -a "$OUT/summary.txt"
cat "$OUT/last.out" >>"$OUT/summary.txt"
timed "VACUUM ANALYZE" .ci/postgres.sh psql -q -c "VACUUM ANALYZE evidence.events"
echo "table + indexes: $(sql "SELECT pg_size_pretty(pg_total_relation_size('evidence.events'))")" | tee -a "$OUT/summary.txt"

# Every run aggregates in the database (nothing caches reports); the table and index are in memory after the load and
# VACUUM (shared buffers and the OS cache), as on a server that holds its working set.
for run in $(seq 1 "$RUNS"); do
  timed "report --store, run $run" "${EVIDENCE[@]}" report --store "$STORE" "${WINDOW[@]}" --out "$OUT/report-store.json"
  awk -v n="$COUNT" -v t="$SECONDS_TAKEN" 'BEGIN { printf "  = %.2f M events/s\n", n / t / 1e6 }' | tee -a "$OUT/summary.txt"
done

# The same report streamed from the file: controls and validation must be byte-identical.
timed "report --events (same window, for comparison)" "${EVIDENCE[@]}" report --events "$EVENTS" "${WINDOW[@]}" --out "$OUT/report-events.json"
for part in controls validation; do
  if [ "$(jq -c ".$part" "$OUT/report-store.json")" = "$(jq -c ".$part" "$OUT/report-events.json")" ]; then
    echo "$part: identical in both reports" | tee -a "$OUT/summary.txt"
  else
    echo "$part: DIFFERENT" | tee -a "$OUT/summary.txt"
  fi
done

# The same store behind `evidence serve`: an uncached full report over HTTP (the server's cache keys hold the zone, so
# UTC, Etc/UTC and Etc/GMT are three misses over the same days). HTTP=0 skips it.
if [ "${HTTP:-1}" = 1 ]; then
  HTTP_PORT="${HTTP_PORT:-5091}"
  head -c 32 /dev/urandom >"$OUT/hmac.key"
  rm -f "$OUT/tokens.txt"
  TOKEN=$("${EVIDENCE[@]}" token add --tokens "$OUT/tokens.txt" --user bench@northwind.example --account "$ORG" --role auditor 2>/dev/null)
  "${EVIDENCE[@]}" serve --store "$STORE" --tokens "$OUT/tokens.txt" --hmac-key-file "$OUT/hmac.key" --urls "http://127.0.0.1:$HTTP_PORT" >"$OUT/serve.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; [ "${KEEP:-0}" = 1 ] || .ci/postgres.sh stop >/dev/null 2>&1' EXIT
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null && break; sleep 0.2; done
  for tz in UTC Etc/UTC Etc/GMT; do
    url="http://127.0.0.1:$HTTP_PORT/api/soc2-evidence?accountId=$ORG&from=2026-01-01&to=2026-04-10&tz=$tz"
    read -r code seconds < <(curl -s -o "$OUT/report-http.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" "$url")
    [ "$code" = 200 ] || { echo "GET $url: HTTP $code" >&2; exit 1; }
    printf 'GET /api/soc2-evidence (full report, uncached, tz=%s): %s s, inWindow %s\n' "$tz" "$seconds" "$(jq '.meta.ingestion.inWindow' "$OUT/report-http.json")" | tee -a "$OUT/summary.txt"
  done
  if [ "$(jq -c .controls "$OUT/report-http.json")" = "$(jq -c .controls "$OUT/report-store.json")" ]; then
    echo "controls: identical over HTTP and from report --store" | tee -a "$OUT/summary.txt"
  else
    echo "controls: DIFFERENT over HTTP" | tee -a "$OUT/summary.txt"
  fi
  kill "$SERVER"
fi
