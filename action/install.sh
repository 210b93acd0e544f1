#!/usr/bin/env bash
# Step 1 of action.yml: installs the `evidence` tool into $RUNNER_TEMP and puts it on the job's PATH.
# Inputs (environment): INPUT_VERSION (a NuGet version of EvidenceCatalog.Cli), INPUT_PACKAGE_SOURCE (a folder holding a
# packed EvidenceCatalog.Cli, from `dotnet pack src/EvidenceCatalog.Cli -o FOLDER`: the package EvidenceCatalog.Cli.VERSION.nupkg and
# the runtime-specific ones it points at). One of the two is required.
set -euo pipefail

version="${INPUT_VERSION:-}"
source_folder="${INPUT_PACKAGE_SOURCE:-}"
tool_path="${RUNNER_TEMP:?RUNNER_TEMP is not set: run this script as a step of action.yml}/evidence-tool"

if [[ -z "$version" && -z "$source_folder" ]]; then
  echo "::error title=evidence action::give the action 'version' (a NuGet version of EvidenceCatalog.Cli) or 'package-source' (a folder holding the packed .nupkg)"
  exit 2
fi

arguments=(tool install EvidenceCatalog.Cli --tool-path "$tool_path")
if [[ -n "$source_folder" ]]; then
  # The package dotnet tool install starts from, EvidenceCatalog.Cli.<version>.nupkg: it names the runtime-specific ones
  # beside it (EvidenceCatalog.Cli.linux-x64.<version>.nupkg, ..., EvidenceCatalog.Cli.any.<version>.nupkg).
  if ! compgen -G "$source_folder/EvidenceCatalog.Cli.[0-9]*.nupkg" > /dev/null; then
    echo "::error title=evidence action::package-source '$source_folder' holds no EvidenceCatalog.Cli.VERSION.nupkg; pack it first: dotnet pack src/EvidenceCatalog.Cli -o '$source_folder'"
    exit 2
  fi

  # A tool package carries its dependencies: the folder alone is the source, so nothing is looked up elsewhere.
  config="$RUNNER_TEMP/evidence-nuget.config"
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' > "$config"
  arguments+=(--configfile "$config" --add-source "$(cd "$source_folder" && pwd)")
  # Without a version, the highest version in the folder, a prerelease one included.
  [[ -n "$version" ]] || arguments+=(--prerelease)
fi

[[ -z "$version" ]] || arguments+=(--version "$version")

dotnet "${arguments[@]}"
echo "$tool_path" >> "${GITHUB_PATH:?GITHUB_PATH is not set: run this script as a step of action.yml}"
"$tool_path/evidence" --version
