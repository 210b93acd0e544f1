#!/usr/bin/env bash
# The catalog generator's execution time as a real build reports it (ReportAnalyzer), for the sample catalogs and
# for a generated set (sample + 1,000 vendors + 1,000 controls). Each figure is one full recompilation of
# src/EvidenceCatalog.Catalogs in a fresh csc process:
#   --no-incremental            csc runs even though nothing changed;
#   --no-dependencies           only the Catalogs project is rebuilt (Model/Compiler/Generator are built once, first);
#   -p:UseSharedCompilation=false
#                               no VBCSCompiler server: with it, the second and later builds run inside a server that
#                               already loaded and JIT-compiled the generator, which is "warm", not "cold".
# SHARED=1 measures with the compiler server instead (its first run starts the server; the rest are warm).
# RUNS=N (default 3) builds per catalog set. LARGE_DIR (default bench/out/generator-large) is generated if absent.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${RUNS:-3}"
large_dir="${LARGE_DIR:-$root/bench/out/generator-large}"
project=src/EvidenceCatalog.Catalogs/EvidenceCatalog.Catalogs.csproj
if [[ "${SHARED:-0}" == 1 ]]; then shared=true; else shared=false; fi

echo "building the generator and its dependencies once (Release)..." >&2
dotnet build -c Release "$project" -nologo -v:q >/dev/null

if [[ ! -f "$large_dir/controls/generated-controls.yaml" || ! -f "$large_dir/vendors/generated-vendors.yaml" ]]; then
  if [[ -e "$large_dir" ]]; then
    # A generation that failed half-way leaves a copy of the sample catalogs only: never measure that.
    [[ -z "${LARGE_DIR:-}" ]] || { echo "$large_dir exists but holds no generated catalogs" >&2; exit 1; }
    rm -rf "$large_dir"
  fi
  echo "generating $large_dir..." >&2
  dotnet run -c Release --project bench/EvidenceCatalog.Benchmarks -- generate "$large_dir" --vendors 1000 --controls 1000 >&2
fi

log="${KEEP_LOG:-$(mktemp)}"   # KEEP_LOG=FILE keeps the last build's log there
[[ -n "${KEEP_LOG:-}" ]] || trap 'rm -f "$log"' EXIT

# One build; prints the generator's seconds from the ReportAnalyzer block, e.g.
#   Total analyzer execution time: ...   /   Total generator execution time: 0.345 seconds.
#     0.345   100   EvidenceCatalog.Generator, Version=...
measure() {
  local start end
  start=$(date +%s%N)
  dotnet build -c Release "$project" --no-incremental --no-dependencies -nologo \
    -p:ReportAnalyzer=true -p:UseSharedCompilation=$shared -v:d "$@" >"$log" 2>&1 \
    || { tail -40 "$log" >&2; echo "build failed" >&2; exit 1; }
  end=$(date +%s%N)
  local gen total
  gen=$(awk '/Total generator execution time/ { on = 1; next } on && /EvidenceCatalog\.Generator/ { print $1; exit }' "$log")
  total=$(grep -m1 -o 'Total generator execution time: *[0-9.]*' "$log" | grep -o '[0-9.]*$' || true)
  [[ -n "$gen" ]] || { grep -n -A8 'Total generator execution time' "$log" >&2 || true; echo "no EvidenceCatalog.Generator line in the report" >&2; exit 1; }
  printf '%s\t%s\t%s\n' "$gen" "${total:-?}" "$(( (end - start) / 1000000 ))"
}

report() {
  local name="$1"; shift
  echo "== $name (UseSharedCompilation=$shared, $runs runs)"
  printf 'run\tgenerator s\tall generators s\tdotnet build wall ms\n'
  for i in $(seq 1 "$runs"); do
    printf '%s\t%s\n' "$i" "$(measure "$@")"
  done
}

echo "commit $(git rev-parse --short HEAD), nproc $(nproc), $(date -u +%Y-%m-%d)"
report "sample catalogs (catalogs/)"
report "generated set ($large_dir)" "-p:EvidenceCatalogCatalogsDir=$large_dir"
