#!/usr/bin/env bash
# Whole-process throughput and peak memory of the runtime commands on 1 M and 10 M synthetic events, against the raw
# Utf8JsonReader token scan of the same file (run in the same script run) and the jq one-liner a user might write.
#
#   bench/runtime-end-to-end.sh                    # 3 runs of each command on 1 M events, 1 run on 10 M
#   RUNS=5 RUNS_10M=3 bench/runtime-end-to-end.sh
#   SIZES=1m bench/runtime-end-to-end.sh           # only the 1 M file (SIZES="1m 10m" by default)
#   KEEP_10M=1 bench/runtime-end-to-end.sh         # keep the 10 M events file (2.5 GB) and store afterwards
#   DEMO_RUNS=5 bench/runtime-end-to-end.sh        # runs of `evidence demo` (hyperfine; 0 to skip)
#
# Every figure is one fresh process per run (JIT, catalog compilation and all inside), warm OS file cache, the median
# of the runs; peak RSS from /usr/bin/time -f %M. Output: a table on stdout and in bench/out/runtime/summary.md, and
# each command's stdout/stderr of its last run in bench/out/runtime/*.out|*.err.
#
# Commands timed, for FILE = bench/out/events-1m.jsonl and bench/out/events-10m.jsonl:
#   scan         EvidenceCatalog.Benchmarks scan FILE            (1 MiB blocks, one Utf8JsonReader, state carried)
#   report       evidence report --events FILE --org northwind-cloud --from 2026-01-01 --to 2026-04-10 --out R
#   ingest       evidence ingest --store DB FILE                 (DB deleted before each run: a fresh store)
#   store report evidence report --store DB --org northwind-cloud --from 2026-01-01 --to 2026-04-10 --out R
#   jq           jq -c -n 'reduce inputs as $e ({}; .[$e.type] += 1)' FILE
# and, on the 1 M file only, the report signed with an ES256 key made by openssl (--sign-key).
set -euo pipefail

cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUNS="${RUNS:-3}"
RUNS_10M="${RUNS_10M:-1}"
DEMO_RUNS="${DEMO_RUNS:-5}"
SIZES="${SIZES:-1m 10m}"
OUT=bench/out/runtime
ORG=northwind-cloud
WINDOW=(--org "$ORG" --from 2026-01-01 --to 2026-04-10)
# Targets (issue, "Measured").
MAX_SCAN_RATIO=2.0      # report --events wall time ≤ 2 × the token scan's
MIN_REPORT_RATE=1500000 # report --events: ~1.5–2 M events/s
MAX_RSS_MB=300          # report --events peak RSS
MIN_INGEST_RATE=200000  # ingest into a fresh store
MIN_STORE_RATE=1000000  # report --store, events in the window per second

for tool in jq /usr/bin/time openssl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install jq time openssl)" >&2; exit 2; }
done
mkdir -p "$OUT"

echo "== machine"
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "commit:  $(git rev-parse --short HEAD)$(git status --porcelain -- src | grep -q . && echo ' (src/ has uncommitted changes)' || true)"
echo "nproc:   $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/ { print $2 " GiB" }')"
echo "sdk:     $(dotnet --version), runtime $(dotnet --list-runtimes | grep -m1 'Microsoft.NETCore.App' | cut -d' ' -f2), $(jq --version)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== build (Release)"
dotnet build src/EvidenceCatalog.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/EvidenceCatalog.Benchmarks -c Release -v quiet -nologo >/dev/null
# A copy of the build, so that a rebuild of src/ during the runs cannot swap the binary under them.
rm -rf "$OUT/cli"
cp -a src/EvidenceCatalog.Cli/bin/Release/net10.0 "$OUT/cli"
EVIDENCE=(dotnet "$OUT/cli/evidence.dll")
SCAN=(dotnet bench/EvidenceCatalog.Benchmarks/bin/Release/net10.0/EvidenceCatalog.Benchmarks.dll scan)
KEY="$OUT/es256.pem"
[ -s "$KEY" ] || openssl ecparam -name prime256v1 -genkey -noout -out "$KEY" 2>/dev/null

# once, med_wall, med_rss.
source bench/timing.sh
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
yes_no() { if "$@"; then echo yes; else echo "**no**"; fi; }
fmt() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

SUMMARY="$OUT/summary.md"
{
  echo "| file | measure | median wall | events/s | peak RSS | runs (wall s) | target | met? |"
  echo "|---|---|---:|---:|---:|---|---|---|"
} >"$SUMMARY"
row() { echo "| $1 | $2 | $3 s | $4 | $5 MB | $6 | $7 | $8 |" >>"$SUMMARY"; }

for size in $SIZES; do
  case "$size" in
    1m) per_day=10000; runs=$RUNS ;;
    10m) per_day=100000; runs=$RUNS_10M ;;
    *) echo "unknown size '$size' (1m or 10m)" >&2; exit 2 ;;
  esac
  events="bench/out/events-$size.jsonl"
  store="$OUT/evidence-$size.db"
  if [ ! -s "$events" ]; then
    echo "== generate $events"
    "${EVIDENCE[@]}" generate-events --days 100 --per-day "$per_day" --start 2026-01-01 --org "$ORG" --out "$events"
  fi
  count=$(wc -l <"$events")
  echo "== $events: $count events, $(du -h "$events" | cut -f1); $runs run(s) of each command"

  # The scan and the report alternate, so that both see the same machine load.
  for ((i = 1; i <= runs; i++)); do
    once "scan-$size" : "${SCAN[@]}" "$events"
    once "report-$size" : "${EVIDENCE[@]}" report --events "$events" "${WINDOW[@]}" --out "$OUT/report-$size.json"
  done
  accepted=$(jq '.meta.ingestion.accepted' "$OUT/report-$size.json")
  [ "$accepted" -eq "$count" ] || { echo "report accepted $accepted of $count events" >&2; exit 1; }
  scanned=$(awk '{ for (i = 1; i < NF; i++) if ($i == "events") print $(i + 1) }' "$OUT/scan-$size.out")
  [ "$scanned" -eq "$count" ] || { echo "scan counted $scanned objects, not $count" >&2; exit 1; }
  scan_inner=$(awk '{ for (i = 1; i < NF; i++) if ($i == "seconds") print $(i + 1) }' "$OUT/scan-$size.out")

  if [ "$size" = 1m ]; then
    for ((i = 1; i <= runs; i++)); do
      once "report-signed-$size" : "${EVIDENCE[@]}" report --events "$events" "${WINDOW[@]}" --sign-key "$KEY" --out "$OUT/report-signed-$size.json"
    done
  fi

  for ((i = 1; i <= runs; i++)); do
    once "ingest-$size" "rm -f $store $store-wal $store-shm $store.quarantine.jsonl" "${EVIDENCE[@]}" ingest --store "$store" "$events"
  done
  for ((i = 1; i <= runs; i++)); do
    once "store-report-$size" : "${EVIDENCE[@]}" report --store "$store" "${WINDOW[@]}" --out "$OUT/store-report-$size.json"
  done
  in_window=$(jq '.meta.ingestion.inWindow' "$OUT/store-report-$size.json")
  [ "$in_window" -eq "$count" ] || echo "note: report --store counted $in_window events in the window, of $count" >&2

  for ((i = 1; i <= runs; i++)); do
    once "jq-$size" : jq -c -n 'reduce inputs as $e ({}; .[$e.type] += 1)' "$events"
  done

  s=$(med_wall "scan-$size"); r=$(med_wall "report-$size")
  row "$size" "raw token scan (in process: ${scan_inner} s of the last run)" "$s" "$(fmt "$(rate "$count" "$s")")" "$(med_rss "scan-$size")" "${WALLS[scan-$size]% }" "baseline" "—"
  row "$size" "report --events: wall time ÷ scan = $(ratio "$r" "$s")" "$r" "$(fmt "$(rate "$count" "$r")")" "$(med_rss "report-$size")" "${WALLS[report-$size]% }" \
    "≤ 2× scan; 1.5–2 M/s; RSS < $MAX_RSS_MB MB" \
    "ratio $(yes_no le "$(ratio "$r" "$s")" "$MAX_SCAN_RATIO"), rate $(yes_no le "$MIN_REPORT_RATE" "$(rate "$count" "$r")"), RSS $(yes_no le "$(med_rss "report-$size")" "$MAX_RSS_MB")"
  if [ "$size" = 1m ]; then
    rs=$(med_wall "report-signed-$size")
    row "$size" "report --events --sign-key (ES256)" "$rs" "$(fmt "$(rate "$count" "$rs")")" "$(med_rss "report-signed-$size")" "${WALLS[report-signed-$size]% }" "—" "—"
  fi
  g=$(med_wall "ingest-$size")
  row "$size" "ingest into a fresh store ($(du -h "$store" | cut -f1))" "$g" "$(fmt "$(rate "$count" "$g")")" "$(med_rss "ingest-$size")" "${WALLS[ingest-$size]% }" "≥ 200 k/s" "$(yes_no le "$MIN_INGEST_RATE" "$(rate "$count" "$g")")"
  t=$(med_wall "store-report-$size")
  row "$size" "report --store ($in_window events in the window)" "$t" "$(fmt "$(rate "$in_window" "$t")")" "$(med_rss "store-report-$size")" "${WALLS[store-report-$size]% }" "≥ 1 M/s" "$(yes_no le "$MIN_STORE_RATE" "$(rate "$in_window" "$t")")"
  j=$(med_wall "jq-$size")
  row "$size" "jq group by type: wall time ÷ report = $(ratio "$j" "$r")" "$j" "$(fmt "$(rate "$count" "$j")")" "$(med_rss "jq-$size")" "${WALLS[jq-$size]% }" "—" "—"

  if [ "$size" = 10m ] && [ -z "${KEEP_10M:-}" ]; then
    rm -f "$events" "$store" "$store-wal" "$store-shm" "$store.quarantine.jsonl"
  fi
done

if [ "$DEMO_RUNS" -gt 0 ]; then
  echo "== evidence demo (in a temporary folder, built-in sample catalogs; $DEMO_RUNS runs after one warm-up)"
  command -v hyperfine >/dev/null || { echo "hyperfine is needed for the demo timing (apt-get install hyperfine)" >&2; exit 2; }
  demo_dir=$(mktemp -d)
  cli="$PWD/$OUT/cli/evidence.dll"
  json="$PWD/$OUT/hyperfine-demo.json"
  (cd "$demo_dir" && hyperfine --shell=none --warmup 1 --runs "$DEMO_RUNS" --command-name "evidence demo" --export-json "$json" "dotnet $cli demo")
  /usr/bin/time -f '%M' -o "$OUT/demo.rss" dotnet "$cli" demo --dir "$demo_dir/rss" >"$OUT/demo.out"
  demo_median=$(jq '.results[0].median' "$json")
  demo_runs=$(jq -r '[.results[0].times[] | . * 1000 | round / 1000] | map(tostring) | join(" ")' "$json")
  row "—" "evidence demo ($(sed -n 's/^1\. generated \([0-9,]*\) events.*/\1/p' "$OUT/demo.out") events: generate, ingest, report, CSV, verify)" \
    "$(awk -v t="$demo_median" 'BEGIN { printf "%.3f", t }')" "—" "$(tail -n 1 "$OUT/demo.rss" | awk '{ printf "%.0f", $1 / 1024 }')" "$demo_runs" "—" "—"
  rm -rf "$demo_dir"
fi

echo "== summary (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$SUMMARY"
