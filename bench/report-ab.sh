#!/usr/bin/env bash
# A/B of `evidence report --events` and `evidence ingest` between git revisions of this repository, as fresh
# processes, alternating run by run so that every revision shares the machine's load; each revision runs with its own
# catalogs/. Prints wall and CPU (user + system) medians and peak RSS per revision, with the load average.
#   REVS="1e2e1a2 HEAD" RUNS=5 DAYS=100 PER_DAY=10000 STARTUP=profile JOBS="report ingest" bench/report-ab.sh
# Output: bench/out/report-ab.txt (one line per run) and the medians on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

REVS=${REVS:-"1e2e1a2 HEAD"}
RUNS=${RUNS:-5}
DAYS=${DAYS:-100}
PER_DAY=${PER_DAY:-10000}
JOBS=${JOBS:-"report ingest"}
OUT=$root/bench/out/ab
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
# Every revision starts the same way, so that the A/B compares the work and not the start: STARTUP=profile (the default)
# gives each revision the multi-core JIT profile the CLI has had since commit 02c99c6 (src/EvidenceCatalog.Cli/StartupProfile.cs,
# cherry-picked into the worktree of an older revision before it is built; a folder of profiles per revision, recorded
# by one run before the timed ones), as a user's `evidence` runs; STARTUP=jit turns it off for every revision.
STARTUP=${STARTUP:-profile}
STARTUP_COMMIT=02c99c6
case $STARTUP in
  profile | jit) ;;
  *) echo "STARTUP is profile or jit, not '$STARTUP'" >&2; exit 2 ;;
esac

# Each revision's CLI, built in Release from a detached worktree of it (kept between runs of the script).
declare -A cli catalogs profiles
for rev in $REVS; do
  sha=$(git rev-parse --short=12 "$rev^{commit}")
  tree=$OUT/tree-$sha
  if [ ! -d "$tree" ]; then
    git worktree add --detach -q "$tree" "$sha"
  fi
  if [ ! -f "$tree/src/EvidenceCatalog.Cli/StartupProfile.cs" ]; then
    git -C "$tree" cherry-pick --no-commit "$STARTUP_COMMIT" >/dev/null
    rm -rf "$OUT/cli-$sha"
  fi
  if [ ! -f "$OUT/cli-$sha/evidence.dll" ]; then
    dotnet build -c Release "$tree/src/EvidenceCatalog.Cli" -o "$OUT/cli-$sha" -v q -nologo >/dev/null
  fi
  cli[$rev]=$OUT/cli-$sha/evidence.dll
  profiles[$rev]=$OUT/startup-$sha
  [ "$STARTUP" = profile ] || profiles[$rev]=off
  catalogs[$rev]=$tree/catalogs
done

# The events: the synthetic generator of the first (oldest) revision, DAYS × PER_DAY events from 2026-01-01, so that
# every revision's taxonomy declares their types (the catalogs only grow).
last=${REVS%% *}
events=$OUT/events-$DAYS-$PER_DAY.jsonl
if [ ! -f "$events" ]; then
  dotnet "${cli[$last]}" generate-events --catalogs "${catalogs[$last]}" --days "$DAYS" --per-day "$PER_DAY" --seed 1 \
    --org northwind-cloud --start 2026-01-01 --out "$events" >/dev/null
fi
to=$(date -u -d "2026-01-01 + $((DAYS - 1)) days" +%F)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); events: $(wc -l <"$events") in $events"
echo "start-up: $STARTUP; load average before: $(cat /proc/loadavg)"

# One untimed run of each command per revision records its start-up profile (STARTUP=profile).
for rev in $REVS; do
  [ "${profiles[$rev]}" = off ] || rm -rf "${profiles[$rev]}"
  rm -f "$OUT"/store.db*
  EVIDENCE_STARTUP_PROFILE=${profiles[$rev]} dotnet "${cli[$rev]}" report --catalogs "${catalogs[$rev]}" --events "$events" \
    --org northwind-cloud --from 2026-01-01 --to "$to" --out "$OUT/report.json" >/dev/null 2>&1
  EVIDENCE_STARTUP_PROFILE=${profiles[$rev]} dotnet "${cli[$rev]}" ingest --catalogs "${catalogs[$rev]}" --store "$OUT/store.db" "$events" >/dev/null 2>&1
done

runs=$OUT/../report-ab.txt
: >"$runs"
for i in $(seq 1 "$RUNS"); do
  for rev in $REVS; do
    export EVIDENCE_STARTUP_PROFILE=${profiles[$rev]}
    if [[ " $JOBS " == *" report "* ]]; then
      /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" dotnet "${cli[$rev]}" report --catalogs "${catalogs[$rev]}" --events "$events" \
        --org northwind-cloud --from 2026-01-01 --to "$to" --out "$OUT/report.json" >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
      read -r wall user sys rss <"$OUT/time"
      echo "report $rev $wall $(echo "$user + $sys" | bc) $rss $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$runs"
    fi
    [[ " $JOBS " == *" ingest "* ]] || continue
    rm -f "$OUT"/store.db*
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" dotnet "${cli[$rev]}" ingest --catalogs "${catalogs[$rev]}" --store "$OUT/store.db" "$events" \
      >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
    read -r wall user sys rss <"$OUT/time"
    echo "ingest $rev $wall $(echo "$user + $sys" | bc) $rss $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$runs"
  done
done
echo "load average after: $(cat /proc/loadavg)"

echo "command revision: wall median (s), cpu median (s), peak RSS median (KB), of $RUNS runs"
for job in $JOBS; do
  for rev in $REVS; do
    median() { grep "^$job $rev " "$runs" | awk "{print \$$1}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
    echo "$job $rev: $(median 3) $(median 4) $(median 5)"
  done
done
