# Sourced by bench scripts that time fresh processes: `once` runs a command and keeps its wall time and peak RSS per
# tag, `med_wall`/`med_rss` give their medians. The caller sets OUT (where each run's output, errors and RSS go).

declare -A WALLS=() RSSES=()

# once TAG PREPARE COMMAND...: runs PREPARE (untimed, eval'd; `:` for nothing), then COMMAND once; appends its wall
# seconds and peak RSS (MB).
once() {
  local tag="$1" prepare="$2" t0 t1; shift 2
  eval "$prepare"
  t0=$(date +%s%N)
  if ! /usr/bin/time -f '%M' -o "$OUT/$tag.rss" "$@" >"$OUT/$tag.out" 2>"$OUT/$tag.err"; then
    echo "failed: $*" >&2; tail -n 20 "$OUT/$tag.err" >&2; exit 1
  fi
  t1=$(date +%s%N)
  WALLS[$tag]+="$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.3f", d / 1e9 }') "
  RSSES[$tag]+="$(tail -n 1 "$OUT/$tag.rss" | awk '{ printf "%.0f", $1 / 1024 }') "
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'; }
med_wall() { echo "${WALLS[$1]}" | median; }
med_rss() { echo "${RSSES[$1]}" | median; }
