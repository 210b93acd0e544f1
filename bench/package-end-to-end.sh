#!/usr/bin/env bash
# Wall time and size of `evidence package` on the demo's volume (120 days × 1,000 = 120,000 events) and on 1 M events
# (125 days × 8,000), from a SQLite store (as the demo and the server build it) and from the JSON Lines file, as a zip
# and as a folder; and `evidence verify` of the zip.
#
#   bench/package-end-to-end.sh              # 3 runs of each
#   RUNS=5 bench/package-end-to-end.sh
#
# One fresh process per run (JIT and catalog compilation inside), warm OS file cache, the median of the runs; peak RSS
# from /usr/bin/time -f %M. The package reads the events twice (the report, then every control's population CSV in one
# read). Output: a table on stdout and in bench/out/package/summary.md; each command's stdout/stderr of its last run in
# bench/out/package/.
set -euo pipefail

cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUNS="${RUNS:-3}"
OUT=bench/out/package
ORG=northwind-cloud
for tool in /usr/bin/time openssl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install time openssl)" >&2; exit 2; }
done
mkdir -p "$OUT"

echo "== machine"
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "commit:  $(git rev-parse --short HEAD)$(git status --porcelain -- src | grep -q . && echo ' (src/ has uncommitted changes)' || true)"
echo "nproc:   $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/ { print $2 " GiB" }')"
echo "load:    $(cat /proc/loadavg)"

echo "== build (Release)"
dotnet build src/EvidenceCatalog.Cli -c Release -v quiet -nologo >/dev/null
rm -rf "$OUT/cli"
cp -a src/EvidenceCatalog.Cli/bin/Release/net10.0 "$OUT/cli"
EVIDENCE=(dotnet "$OUT/cli/evidence.dll")
KEY="$OUT/es256.pem"
[ -s "$KEY" ] || openssl ecparam -name prime256v1 -genkey -noout -out "$KEY" 2>/dev/null
openssl ec -in "$KEY" -pubout -out "$OUT/es256.pub.pem" 2>/dev/null

# once, med_wall, med_rss.
source bench/timing.sh

SUMMARY="$OUT/summary.md"
{
  echo "| events | source | output | wall (median of $RUNS) | peak RSS | package size | population rows |"
  echo "|---:|---|---|---:|---:|---:|---:|"
} >"$SUMMARY"

for size in 120k 1m; do
  case "$size" in
    120k) DAYS=120; PER_DAY=1000 ;;
    1m) DAYS=125; PER_DAY=8000 ;;
  esac
  EVENTS="$OUT/events-$size.jsonl"
  DB="$OUT/events-$size.db"
  FROM=2026-01-01
  TO=$(date -u -d "$FROM + $((DAYS - 1)) days" +%Y-%m-%d)
  if [ ! -s "$EVENTS" ]; then
    echo "== generate $size events"
    "${EVIDENCE[@]}" generate-events --sample-catalogs --days "$DAYS" --per-day "$PER_DAY" --seed 1 --org "$ORG" --start "$FROM" --output "$EVENTS" >/dev/null
  fi
  if [ ! -s "$DB" ]; then
    echo "== ingest $size events into $DB"
    "${EVIDENCE[@]}" ingest --sample-catalogs --store "$DB" "$EVENTS" >/dev/null
  fi
  WINDOW=(--sample-catalogs --org "$ORG" --from "$FROM" --to "$TO" --sign-key "$KEY")
  echo "== $size: $(wc -l <"$EVENTS") events, $(du -h "$EVENTS" | cut -f1) JSON Lines, window $FROM..$TO, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for run in $(seq "$RUNS"); do
    rm -rf "$OUT/pkg-$size.zip" "$OUT/pkg-$size-events.zip" "$OUT/pkg-$size-dir"
    once "store-zip-$size" : "${EVIDENCE[@]}" package --store "$DB" "${WINDOW[@]}" --output "$OUT/pkg-$size.zip"
    once "events-zip-$size" : "${EVIDENCE[@]}" package --events "$EVENTS" "${WINDOW[@]}" --output "$OUT/pkg-$size-events.zip" --quarantine "$OUT/q-$size.jsonl"
    once "store-dir-$size" : "${EVIDENCE[@]}" package --store "$DB" "${WINDOW[@]}" --output "$OUT/pkg-$size-dir"
    once "verify-zip-$size" : "${EVIDENCE[@]}" verify "$OUT/pkg-$size.zip" --public-key "$OUT/es256.pub.pem"
  done
  ROWS=$(awk 'FNR > 1' "$OUT/pkg-$size-dir"/population/*.csv | wc -l)
  ZIP_SIZE=$(stat -c %s "$OUT/pkg-$size.zip")
  DIR_SIZE=$(du -sb "$OUT/pkg-$size-dir" | cut -f1)
  for tag in store-zip events-zip store-dir verify-zip; do
    wall=$(med_wall "$tag-$size")
    rss=$(med_rss "$tag-$size")
    case "$tag" in
      store-zip) source=store; output=zip; bytes=$ZIP_SIZE ;;
      events-zip) source="JSON Lines"; output=zip; bytes=$(stat -c %s "$OUT/pkg-$size-events.zip") ;;
      store-dir) source=store; output=folder; bytes=$DIR_SIZE ;;
      verify-zip) source="(evidence verify)"; output=zip; bytes=$ZIP_SIZE ;;
    esac
    printf '| %s | %s | %s | %s s | %s MB | %s | %s |\n' "$(wc -l <"$EVENTS")" "$source" "$output" "$wall" "$rss" \
      "$(numfmt --to=iec-i --suffix=B "$bytes") ($bytes)" "$ROWS" >>"$SUMMARY"
  done
done

echo "load:    $(cat /proc/loadavg)" >>"$SUMMARY"
echo "== summary"
cat "$SUMMARY"
