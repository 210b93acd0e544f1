#!/usr/bin/env bash
# Step 2 of action.yml: `evidence validate` twice over the catalogs, as SARIF (a file for code scanning, its path the
# output `sarif-file`) and as workflow annotations at the YAML lines. Exits as `evidence validate` does: 1 on errors
# (on warnings too with INPUT_STRICT=true), 2 when it could not run.
# Inputs (environment): INPUT_CATALOGS, INPUT_STRICT (true|false), INPUT_AS_OF (YYYY-MM-DD, empty for today).
set -uo pipefail

catalogs="${INPUT_CATALOGS:-catalogs}"
output_folder="${RUNNER_TEMP:?RUNNER_TEMP is not set: run this script as a step of action.yml}/evidence"
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: run this script as a step of action.yml}"

arguments=(validate "$catalogs")
case "${INPUT_STRICT:-true}" in
  true) arguments+=(--strict) ;;
  false) ;;
  *) echo "::error title=evidence action::input 'strict' is '${INPUT_STRICT}'; give true or false"; exit 2 ;;
esac
[[ -z "${INPUT_AS_OF:-}" ]] || arguments+=(--as-of "$INPUT_AS_OF")

mkdir -p "$output_folder"
sarif="$output_folder/evidence.sarif"
rm -f "$sarif"

evidence "${arguments[@]}" --format sarif -o "$sarif"
sarif_exit=$?
# Only a file that was written is offered to upload-sarif: an empty output says there is none.
if [[ -f "$sarif" ]]; then
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi

evidence "${arguments[@]}" --format github
github_exit=$?

exit $(( sarif_exit > github_exit ? sarif_exit : github_exit ))
