#!/usr/bin/env bash
# Step 3 of action.yml: on a pull request, `evidence diff` from the base branch to HEAD. The Markdown goes to the job
# summary ($GITHUB_STEP_SUMMARY) and to the outputs `diff-markdown` and `diff-file` for a comment step; the findings
# become annotations at HEAD's YAML lines. Exits 1 when INPUT_FAIL_ON (none|regression|finding) says a finding fails.
# Inputs (environment): INPUT_CATALOGS, INPUT_FAIL_ON; GITHUB_EVENT_NAME, GITHUB_BASE_REF as GitHub sets them.
set -uo pipefail

catalogs="${INPUT_CATALOGS:-catalogs}"
fail_on="${INPUT_FAIL_ON:-regression}"
output_folder="${RUNNER_TEMP:?RUNNER_TEMP is not set: run this script as a step of action.yml}/evidence"
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: run this script as a step of action.yml}"
: "${GITHUB_STEP_SUMMARY:?GITHUB_STEP_SUMMARY is not set: run this script as a step of action.yml}"

# Tells the reviewer why there is no diff, in the log and in the job summary, and ends the step.
skip() {
  local message="${1//'%'/%25}"
  message="${message//$'\r'/%0D}"
  echo "::notice title=evidence diff skipped::${message//$'\n'/%0A}"
  printf '### Catalog diff\n\n%s\n' "$1" >> "$GITHUB_STEP_SUMMARY"
  exit 0
}

case "${GITHUB_EVENT_NAME:-}" in
  pull_request) ;;
  # actions/checkout checks out the base branch on pull_request_target: HEAD would be the base, and the diff empty.
  pull_request_target) skip "On a pull_request_target event the checkout is the base branch, not the pull request, so there is nothing to compare: run this action on pull_request." ;;
  *) echo "evidence diff runs on pull requests only; this is a '${GITHUB_EVENT_NAME:-}' event."; exit 0 ;;
esac

base_branch="${GITHUB_BASE_REF:?GITHUB_BASE_REF is not set on a pull_request event}"
base="origin/$base_branch"

# actions/checkout fetches only the pull request's merge commit unless fetch-depth is 0: fetch the base if it is missing.
if ! git rev-parse --verify --quiet "$base^{commit}" > /dev/null; then
  depth=()
  [[ "$(git rev-parse --is-shallow-repository)" != true ]] || depth=(--depth=1)
  if ! git fetch --quiet --no-tags "${depth[@]}" origin "+refs/heads/$base_branch:refs/remotes/origin/$base_branch"; then
    echo "::error title=evidence diff::could not fetch the base branch '$base_branch' from origin; check out with fetch-depth: 0"
    exit 2
  fi
fi

# The first pull request of a repository adds the catalogs: there is nothing on the base to compare with.
if ! git cat-file -e "$base:./$catalogs" 2> /dev/null; then
  skip "The base branch \`$base_branch\` has no \`$catalogs\` folder: this pull request adds the catalogs, so there is nothing to compare them with."
fi

mkdir -p "$output_folder"
markdown="$output_folder/catalog-diff.md"
errors="$output_folder/catalog-diff.err"
rm -f "$markdown"

evidence diff "$base" HEAD --catalogs "$catalogs" --format markdown --fail-on "$fail_on" -o "$markdown" 2> "$errors"
markdown_exit=$?
cat "$errors" >&2

if (( markdown_exit > 1 )); then
  # A base that does not compile is the base's problem, and may be what this pull request fixes: not a reason to fail it.
  if grep -q '^evidence: BASE does not compile' "$errors"; then
    echo "::warning title=evidence diff skipped::the catalogs of the base branch '$base_branch' do not compile (errors above), so there is no model to compare with"
    printf '### Catalog diff\n\nThe catalogs of the base branch `%s` do not compile, so there is nothing to compare with.\n' "$base_branch" >> "$GITHUB_STEP_SUMMARY"
    exit 0
  fi

  printf '### Catalog diff\n\n`evidence diff` could not run (exit %d):\n\n```\n%s\n```\n' "$markdown_exit" "$(cat "$errors")" >> "$GITHUB_STEP_SUMMARY"
  exit "$markdown_exit"
fi

cat "$markdown" >> "$GITHUB_STEP_SUMMARY"
echo "diff-file=$markdown" >> "$GITHUB_OUTPUT"
# A multi-line output: a delimiter no line of the Markdown can hold, as GitHub's documentation asks.
delimiter="EVIDENCE_DIFF_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
{
  echo "diff-markdown<<$delimiter"
  printf '%s\n' "$(< "$markdown")"
  echo "$delimiter"
} >> "$GITHUB_OUTPUT"

# The same diff as annotations at HEAD's lines; its exit code is the gate.
evidence diff "$base" HEAD --catalogs "$catalogs" --format github --fail-on "$fail_on"
