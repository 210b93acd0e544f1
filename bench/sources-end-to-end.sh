#!/usr/bin/env bash
# Log source mapping timed against the raw token scan of the same CloudTrail-shaped file (see bench/README.md,
# "Log sources"), in one script run so that every figure shares the machine's load:
#   1. in process (bench `map`), $ROUNDS alternating rounds of: the raw token scan, the mapping as ingestion reads it,
#      the report job over the mapped source (wall and CPU medians);
#   2. as fresh processes, alternating $ROUNDS times: the raw token scan (`bench scan`), jq mapping the same fields
#      (the yardstick a user would otherwise reach for), and, once the CLI has `--source`, `evidence ingest --source`
#      into a fresh SQLite store and `evidence report --events --source`.
# Builds the benchmarks in Release, installs the `evidence` tool as a user gets it (bench/install-tool.sh: the ReadyToRun
# package of this machine's runtime identifier; EVIDENCE=PATH times another build instead, e.g. the Release build
# output) and writes bench/out/cloudtrail-$RECORDS.jsonl once (1 M records, about 1.36 GB). The tool's start-up profile
# and its compiled-catalog cache are kept in folders of their own (bench/out/sources-startup, bench/out/sources-catalogs),
# so that no other build's runs of the same command replace them. Output: bench/out/sources-end-to-end.txt (in process) and bench/out/sources-processes.txt (medians, and each
# command's wall time over the scan of its own round).
#   RECORDS=1000000 ROUNDS=3 BREAKDOWN=1 NO_JQ=1 EVIDENCE=PATH bench/sources-end-to-end.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-1000000}
ROUNDS=${ROUNDS:-3}
SOURCE=${SOURCE:-aws-cloudtrail}
ORG=${ORG:-northwind-cloud}
OUT=bench/out
FILE=$OUT/cloudtrail-$RECORDS.jsonl
BENCH=bench/EvidenceCatalog.Benchmarks/bin/Release/net10.0/EvidenceCatalog.Benchmarks
TIMES=$OUT/sources-times.tsv
export EVIDENCE_STARTUP_PROFILE="$PWD/$OUT/sources-startup"
export EVIDENCE_CATALOG_CACHE="$PWD/$OUT/sources-catalogs"

for tool in /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install time)" >&2; exit 2; }
done
if [ -z "${NO_JQ:-}" ] && ! command -v jq >/dev/null; then
  echo "jq is needed for the yardstick (apt-get install jq), or NO_JQ=1 to leave it out" >&2
  exit 2
fi

dotnet build -c Release bench/EvidenceCatalog.Benchmarks -v q -nologo
if [ -z "${EVIDENCE:-}" ]; then
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  EVIDENCE=$(ToolPackageRuntimeIdentifiers="$rid;any" bench/install-tool.sh | tail -n 1)
fi
echo "evidence: $EVIDENCE"
mkdir -p "$OUT"
rm -rf "$EVIDENCE_STARTUP_PROFILE" "$EVIDENCE_CATALOG_CACHE"
if [ ! -f "$FILE" ]; then
  "$BENCH" generate-cloudtrail "$FILE" --records "$RECORDS"
fi

# Other engineers' builds share the two cores: every figure is printed with the load it was taken under.
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average before: $(cat /proc/loadavg)"

# 1. In process.
"$BENCH" map "$FILE" --rounds "$ROUNDS" ${BREAKDOWN:+--breakdown} | tee "$OUT/sources-end-to-end.txt"

# 2. Fresh processes. `once NAME COMMAND...` appends "NAME wall user+sys maxRSS-KB" to $TIMES.
: >"$TIMES"
once() {
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.tmp" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || {
    echo "$name failed:" >&2
    cat "$OUT/$name.err" >&2
    exit 1
  }
  read -r wall user sys rss <"$OUT/time.tmp"
  echo "$name $wall $(echo "$user + $sys" | bc) $rss" >>"$TIMES"
  echo "  $name: ${wall} s wall, $(echo "$user + $sys" | bc) s cpu, ${rss} KB peak RSS, load $(cut -d' ' -f1 /proc/loadavg)"
}

JQ_MAP='{id: .eventID, time: .eventTime, name: (.eventSource + ":" + .eventName), actor: ("aws:" + (.userIdentity.arn // .userIdentity.principalId)), resource: (.requestParameters.bucketName // .requestParameters.roleArn), ip: .sourceIPAddress}'
CLI_HAS_SOURCE=
if "$EVIDENCE" ingest --help 2>/dev/null | grep -q -- '--source'; then
  CLI_HAS_SOURCE=1
else
  echo "note: this build's 'evidence ingest' has no --source yet; the CLI commands are left out (the in-process figures above stand for them)"
fi

STORE=$OUT/sources.db
if [ -n "$CLI_HAS_SOURCE" ]; then
  # Two untimed runs of each command, as a user's first runs of the day: the first compiles the catalogs and keeps the
  # model (src/EvidenceCatalog.Cli/Caching), the second records the multi-core JIT start-up profile of a run that loads
  # it (src/EvidenceCatalog.Cli/StartupProfile.cs; the first one's profile holds the compiler's methods). The timed runs
  # then start as a user's later runs do.
  for _ in 1 2; do
    rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$STORE.quarantine.jsonl"
    "$EVIDENCE" ingest --source "$SOURCE" --store "$STORE" "$FILE" >/dev/null 2>&1
    "$EVIDENCE" report --events "$FILE" --source "$SOURCE" --org "$ORG" --from 2026-01-01 --to 2026-03-31 --out "$OUT/sources-report.json" >/dev/null 2>&1
  done
fi
for ((i = 1; i <= ROUNDS; i++)); do
  echo "round $i"
  once scan "$BENCH" scan "$FILE"
  if [ -z "${NO_JQ:-}" ]; then
    once jq jq -c "$JQ_MAP" "$FILE"
  fi
  if [ -n "$CLI_HAS_SOURCE" ]; then
    rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$STORE.quarantine.jsonl"
    once ingest "$EVIDENCE" ingest --source "$SOURCE" --store "$STORE" "$FILE"
    once report "$EVIDENCE" report --events "$FILE" --source "$SOURCE" --org "$ORG" --from 2026-01-01 --to 2026-03-31 --out "$OUT/sources-report.json"
  fi
done
echo "load average after: $(cat /proc/loadavg)"

middle() { # the median of the numbers on standard input, one a line
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
median() { # NAME COLUMN (2 = wall, 3 = cpu, 4 = RSS)
  awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$TIMES" | middle
}
# The wall time of NAME over the scan of the same round, one a line: the VM's speed drifts within minutes, and a round's
# processes run within seconds of each other, so these ratios drift less than the medians' ratio.
round_ratios() {
  awk -v n="$1" '$1 == "scan" { scan[++s] = $2 } $1 == n { printf "%.3f\n", $2 / scan[s] }' "$TIMES"
}
{
  echo "fresh processes, $RECORDS records, median of $ROUNDS alternating runs; load average $(cat /proc/loadavg)"
  scan_wall=$(median scan 2)
  scan_cpu=$(median scan 3)
  for name in scan jq ingest report; do
    wall=$(median "$name" 2)
    [ -n "$wall" ] || continue
    cpu=$(median "$name" 3)
    printf '%-7s wall %8.2f s (%5.2f x scan)  cpu %8.2f s (%5.2f x scan)  %10.0f records/s  peak RSS %s KB\n' \
      "$name" "$wall" "$(echo "$wall / $scan_wall" | bc -l)" "$cpu" "$(echo "$cpu / $scan_cpu" | bc -l)" "$(echo "$RECORDS / $wall" | bc -l)" "$(median "$name" 4)"
  done
  for name in jq ingest report; do
    ratios=$(round_ratios "$name")
    [ -n "$ratios" ] || continue
    printf '%-7s wall over the same round'"'"'s scan: median %.2f x, rounds %s\n' "$name" "$(echo "$ratios" | middle)" "$(echo "$ratios" | xargs printf '%.2f ')"
  done
} | tee "$OUT/sources-processes.txt"
