#!/usr/bin/env bash
# End-to-end timings of the SQLite event store through the CLI: `evidence ingest` of 1 M events into a fresh file,
# the same file again (every event a duplicate), and `evidence report` over a 120-day window from the store and,
# for comparison, streamed from the file. One fresh process per run; warm OS file cache.
#
#   bench/store-sqlite.sh                  # 3 timed runs of each command (hyperfine)
#   RUNS=5 bench/store-sqlite.sh
#   RANDOM_IDS=1 bench/store-sqlite.sh     # also ingest the same events with random UUIDv4 ids
#
# The events come from `evidence generate-events` (ids evt-RUN-SEQUENCE, nearly in key order); RANDOM_IDS rewrites the
# ids as random UUIDs, the worst case for the (account, id) primary key (every insert lands on a random page).
set -euo pipefail

cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUNS="${RUNS:-3}"
OUT=bench/out/store
EVIDENCE="$PWD/src/EvidenceCatalog.Cli/bin/Release/net10.0/evidence"
EVENTS="$OUT/events-1m.jsonl"
STORE="$OUT/evidence.db"
ORG=bench-org
WINDOW=(--org "$ORG" --from 2026-01-15 --to 2026-05-14)

command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
mkdir -p "$OUT"
dotnet build src/EvidenceCatalog.Cli -c Release -v quiet -nologo >/dev/null

if [ ! -s "$EVENTS" ]; then
  # 150 days × 6,667 = 1,000,050 events from 2026-01-01: the 120-day window sits inside, with days on both sides.
  "$EVIDENCE" generate-events --days 150 --per-day 6667 --seed 1 --org "$ORG" --start 2026-01-01 --out "$EVENTS"
fi
COUNT=$(wc -l <"$EVENTS")

# Median seconds of a hyperfine JSON export.
median() { grep -o '"median": *[0-9.e+-]*' "$1" | head -n 1 | awk -F: '{ printf "%.3f", $2 }'; }

# LABEL TAG EVENTS-FILE: ingest into a fresh store, then the same file into the full store.
time_ingest() {
  local label="$1" tag="$2" file="$3"
  hyperfine --shell=none --runs "$RUNS" --command-name "ingest $label (fresh store)" \
    --prepare "rm -f $STORE $STORE-wal $STORE-shm $STORE.quarantine.jsonl" \
    --export-json "$OUT/ingest-$tag.json" "$EVIDENCE ingest --store $STORE $file"
  hyperfine --shell=none --runs "$RUNS" --command-name "ingest $label again (all duplicates)" \
    --export-json "$OUT/reingest-$tag.json" "$EVIDENCE ingest --store $STORE $file"
  printf '%s: %s events, fresh %ss (%s events/s), again %ss (%s events/s)\n' "$label" "$COUNT" \
    "$(median "$OUT/ingest-$tag.json")" "$(awk -v n="$COUNT" -v t="$(median "$OUT/ingest-$tag.json")" 'BEGIN { printf "%.0f", n / t }')" \
    "$(median "$OUT/reingest-$tag.json")" "$(awk -v n="$COUNT" -v t="$(median "$OUT/reingest-$tag.json")" 'BEGIN { printf "%.0f", n / t }')" \
    | tee -a "$OUT/summary.txt"
}

: >"$OUT/summary.txt"
if [ "${RANDOM_IDS:-0}" = 1 ]; then
  RANDOM_EVENTS="$OUT/events-1m-uuid.jsonl"
  if [ ! -s "$RANDOM_EVENTS" ]; then
    # Every line starts {"id":"...","time": as the generator writes it; the id is replaced without a regex (fast in mawk).
    awk 'BEGIN { srand(1) } { printf "{\"id\":\"%08x-%04x-4%03x-a%03x-%04x%08x%s\n", int(rand() * 4294967296), int(rand() * 65536),
      int(rand() * 4096), int(rand() * 4096), int(rand() * 65536), int(rand() * 4294967296), substr($0, index($0, "\",\"time\"")) }' "$EVENTS" >"$RANDOM_EVENTS"
  fi
  time_ingest "random UUID ids" uuid "$RANDOM_EVENTS"
fi

time_ingest "generated ids" generated "$EVENTS"

# The store now holds the generated events; the report reads them through FillTally (aggregation in SQL).
hyperfine --shell=none --runs "$RUNS" --warmup 1 \
  --command-name "report --store (120 days)" "$EVIDENCE report --store $STORE ${WINDOW[*]} --out $OUT/report-store.json" \
  --command-name "report --events (120 days)" "$EVIDENCE report --events $EVENTS ${WINDOW[*]} --out $OUT/report-events.json" \
  --export-json "$OUT/report.json"
cat "$OUT/summary.txt"
