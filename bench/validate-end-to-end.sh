#!/usr/bin/env bash
# Whole-process wall time of `evidence validate`, one fresh process per run ("cold" process, warm OS file cache).
#
#   bench/validate-end-to-end.sh            # 20 timed runs of each command
#   RUNS=10 bench/validate-end-to-end.sh    # fewer runs (at most 20)
#   NO_INSTALL=1 bench/validate-end-to-end.sh   # never try to apt-get install hyperfine
#
# Steps: build the CLI in Release; time the very first run right after the build; generate the large set
# (sample catalogs + 1,000 vendors + 1,000 controls) into bench/out/large; check both sets are clean with --strict;
# then time each command RUNS times (hyperfine if it is installed or installable, else a plain loop).
set -euo pipefail

cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUNS="${RUNS:-20}"
if [ "$RUNS" -gt 20 ]; then RUNS=20; fi
if [ "$RUNS" -lt 3 ]; then RUNS=3; fi
AS_OF=2026-11-23
OUT=bench/out
LARGE="$OUT/large"
EVIDENCE=src/EvidenceCatalog.Cli/bin/Release/net10.0/evidence
SAMPLE_TARGET_MS=1000
LARGE_TARGET_MS=2000

now_ns() { date +%s%N; }

# Milliseconds (one decimal) of one run of the command; fails if the command does.
time_once() {
  local t0 t1
  t0=$(now_ns)
  "$@" >/dev/null || { echo "failed (exit $?): $*" >&2; return 1; }
  t1=$(now_ns)
  awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1e6 }'
}

# RUNS fresh processes; prints min/median/max in ms and sets MEDIAN_MS.
loop_runs() {
  local label="$1"; shift
  local times=() i t
  for ((i = 0; i < RUNS; i++)); do
    t=$(time_once "$@") || exit 1
    times+=("$t")
  done
  local summary
  summary=$(printf '%s\n' "${times[@]}" | sort -n | awk '
    { v[NR] = $1 }
    END {
      median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.1f %.1f %.1f", v[1], median, v[NR]
    }')
  read -r min MEDIAN_MS max <<<"$summary"
  printf '%-34s runs=%d  min=%s ms  median=%s ms  max=%s ms\n' "$label" "$RUNS" "$min" "$MEDIAN_MS" "$max"
}

# hyperfine (LABEL FILE-TAG COMMAND...) with one warm-up run, the first run being measured on its own above; sets MEDIAN_MS from its JSON.
hyperfine_runs() {
  local label="$1" json="$OUT/hyperfine-$2.json"; shift 2
  hyperfine --shell=none --warmup 1 --runs "$RUNS" --command-name "$label" --export-json "$json" "$*"
  MEDIAN_MS=$(grep -o '"median": *[0-9.e+-]*' "$json" | head -n 1 | awk -F: '{ printf "%.1f", $2 * 1000 }')
  local min max
  min=$(grep -o '"min": *[0-9.e+-]*' "$json" | head -n 1 | awk -F: '{ printf "%.1f", $2 * 1000 }')
  max=$(grep -o '"max": *[0-9.e+-]*' "$json" | head -n 1 | awk -F: '{ printf "%.1f", $2 * 1000 }')
  printf '%-34s runs=%d  min=%s ms  median=%s ms  max=%s ms\n' "$label" "$RUNS" "$min" "$MEDIAN_MS" "$max"
}

verdict() {
  awk -v m="$1" -v t="$2" 'BEGIN { if (m < t) printf "meets the target (< %d ms)\n", t; else printf "MISSES the target (< %d ms)\n", t }'
}

echo "== machine"
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "nproc:   $(nproc)"
echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "sdk:     $(dotnet --version)"
echo "runtime: $(dotnet --list-runtimes | grep -m1 'Microsoft.NETCore.App' | cut -d' ' -f2)"

echo "== build (Release)"
dotnet build src/EvidenceCatalog.Cli -c Release -v quiet -nologo
echo "== first run right after the build (the first process to start the fresh build; the OS file cache is warm)"
first=$(time_once "$EVIDENCE" validate catalogs --as-of "$AS_OF") || exit 1
printf '%-34s %s ms\n' "first: validate catalogs" "$first"

echo "== generate $LARGE (sample catalogs + 1,000 vendors + 1,000 controls)"
rm -rf "$LARGE"
mkdir -p "$OUT"
dotnet run -c Release --project bench/EvidenceCatalog.Benchmarks -- generate "$LARGE" --vendors 1000 --controls 1000
first=$(time_once "$EVIDENCE" validate "$LARGE" --as-of "$AS_OF") || exit 1
printf '%-34s %s ms\n' "first: validate $LARGE" "$first"

echo "== both sets are clean (--strict: any warning would be an error)"
"$EVIDENCE" validate catalogs --as-of "$AS_OF" --strict
"$EVIDENCE" validate "$LARGE" --as-of "$AS_OF" --strict

if ! command -v hyperfine >/dev/null 2>&1 && [ -z "${NO_INSTALL:-}" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing hyperfine"
  apt-get install -y -qq hyperfine >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1; } || true
fi

echo "== timed runs: a fresh process each run, warm OS file cache"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine_runs "validate catalogs" sample "$EVIDENCE" validate catalogs --as-of "$AS_OF"
  sample_ms=$MEDIAN_MS
  hyperfine_runs "validate $LARGE" large "$EVIDENCE" validate "$LARGE" --as-of "$AS_OF"
  large_ms=$MEDIAN_MS
else
  echo "(hyperfine not available: plain loop timed with date +%s%N)"
  "$EVIDENCE" validate catalogs --as-of "$AS_OF" >/dev/null   # one warm-up run, as hyperfine does
  loop_runs "validate catalogs" "$EVIDENCE" validate catalogs --as-of "$AS_OF"
  sample_ms=$MEDIAN_MS
  loop_runs "validate $LARGE" "$EVIDENCE" validate "$LARGE" --as-of "$AS_OF"
  large_ms=$MEDIAN_MS
fi

echo "== summary (medians)"
printf 'sample catalogs:     %s ms, ' "$sample_ms"; verdict "$sample_ms" "$SAMPLE_TARGET_MS"
printf '1,000 + 1,000 set:   %s ms, ' "$large_ms"; verdict "$large_ms" "$LARGE_TARGET_MS"
