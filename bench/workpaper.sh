#!/usr/bin/env bash
# The HTML workpaper of the demo report: how long `evidence report --format html` takes, how large the page is, and how
# fast it shows in headless Chromium (first contentful paint, DOMContentLoaded, load, and the Verify button).
#
#   bench/workpaper.sh                 # 5 runs of each
#   RUNS=10 bench/workpaper.sh
#   CHROMIUM=/usr/bin/chromium bench/workpaper.sh
#
# The demo's store (120 days × 1,000 events, evidence demo) is made in bench/out/workpaper/ first; the report and the
# workpaper are then built from it as `evidence report --store` does, signed with the demo's key. Each command is a
# fresh process (JIT and catalog compilation inside); the median is printed. Output also in bench/out/workpaper/summary.md.
set -euo pipefail

cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUNS="${RUNS:-5}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
OUT="$(pwd)/bench/out/workpaper"
mkdir -p "$OUT"
load_before="$(cat /proc/loadavg)"

dotnet build -c Release src/EvidenceCatalog.Cli -o "$OUT/cli" >/dev/null
dotnet build -c Release bench/EvidenceCatalog.Benchmarks -o "$OUT/bench" >/dev/null
evidence() { dotnet "$OUT/cli/evidence.dll" "$@"; }

(cd "$OUT" && evidence demo --dir demo >demo.out)
window=$(grep -o '[0-9]\{4\}-[0-9-]*\.\.[0-9-]*' "$OUT/demo.out" | head -n 1)
from=${window%..*}
to=${window#*..}
args=(report --sample-catalogs --store sqlite:demo/evidence.db --org northwind-cloud --from "$from" --to "$to"
      --access demo/access/northwind-cloud.json --sign-key demo/demo-signing-key.pem)

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
time_runs() {
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s%N)
    (cd "$OUT" && evidence "$@" >/dev/null)
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median
}

json_ms=$(time_runs "${args[@]}" --format json -o evidence-report.json)
html_ms=$(time_runs "${args[@]}" --format html -o evidence-workpaper.html)
json_bytes=$(stat -c %s "$OUT/evidence-report.json")
html_bytes=$(stat -c %s "$OUT/evidence-workpaper.html")
render=$(dotnet "$OUT/bench/EvidenceCatalog.Benchmarks.dll" workpaper-render "$OUT/evidence-workpaper.html" --runs "$RUNS" --chromium "$CHROMIUM")

{
  echo "## Workpaper of the demo report ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD))"
  echo
  echo "load before: $load_before; $(nproc) cores"
  echo
  echo "| what | median of $RUNS |"
  echo "|---|---|"
  echo "| evidence report --store (demo) --format json | ${json_ms} ms, ${json_bytes} bytes |"
  echo "| evidence report --store (demo) --format html | ${html_ms} ms, ${html_bytes} bytes |"
  echo
  echo '```text'
  echo "$render"
  echo '```'
  echo
  echo "load after: $(cat /proc/loadavg)"
} | tee "$OUT/summary.md"
