#!/usr/bin/env bash
# Log source mapping timed against the raw token scan of the same CloudTrail-shaped file (see bench/README.md,
# "Log sources"). Builds the benchmarks in Release, writes bench/out/cloudtrail-$RECORDS.jsonl once (1 M records,
# about 1.36 GB), then runs the scan in a fresh process and, in one process, $ROUNDS rounds of: the scan, the
# mapping as ingestion reads it, and the report job over the mapped source (medians printed at the end).
#   RECORDS=1000000 ROUNDS=3 BREAKDOWN=1 bench/sources-end-to-end.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-1000000}
ROUNDS=${ROUNDS:-3}
OUT=bench/out
FILE=$OUT/cloudtrail-$RECORDS.jsonl
BENCH=bench/EvidenceCatalog.Benchmarks/bin/Release/net10.0/EvidenceCatalog.Benchmarks

dotnet build -c Release bench/EvidenceCatalog.Benchmarks -v q -nologo
mkdir -p "$OUT"
if [ ! -f "$FILE" ]; then
    "$BENCH" generate-cloudtrail "$FILE" --records "$RECORDS"
fi

# Other engineers' builds share the two cores: every figure is printed with the load it was taken under.
echo "load average before: $(cat /proc/loadavg)"
"$BENCH" scan "$FILE"
"$BENCH" map "$FILE" --rounds "$ROUNDS" ${BREAKDOWN:+--breakdown} | tee "$OUT/sources-end-to-end.txt"
echo "load average after: $(cat /proc/loadavg)"

# Once `evidence ingest --source` and `evidence report --events --source` exist, time them here as fresh processes
# on the same file, beside the scan (see bench/README.md):
#   /usr/bin/time -f "%e s %M KB" evidence ingest --source aws-cloudtrail --store "$OUT/sources.db" "$FILE"
#   /usr/bin/time -f "%e s %M KB" evidence report --events "$FILE" --source aws-cloudtrail --org northwind-cloud \
#       --from 2026-01-01 --to 2026-03-31 --out "$OUT/sources-report.json"
