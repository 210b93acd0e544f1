#!/usr/bin/env bash
# The `evidence` tool as a user gets it: the CLI packed in Release (one ReadyToRun package per runtime identifier, the
# portable `any` one and EvidenceCatalog.Cli pointing at them) into bench/out/tool-feed, then installed from that folder
# alone with `dotnet tool install --tool-path bench/out/tool`, both made afresh each time. The last line printed is the
# installed `evidence`, for a benchmark to time:
#
#   evidence="$(bench/install-tool.sh | tail -n 1)"
#
# The pack builds every package (one to two minutes on two cores); ToolPackageRuntimeIdentifiers='linux-x64;any' in the
# environment packs only those. Everything else the pack and the install print goes to stderr.
set -euo pipefail

cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$(pwd)/bench/out"
rm -rf "$out/tool-feed" "$out/tool" "$out/tool-packages"
mkdir -p "$out/tool-feed"

dotnet pack src/EvidenceCatalog.Cli -c Release -o "$out/tool-feed" >&2

# The folder is the only source, and the package cache is the install's own: nothing from another build is reused.
printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' > "$out/tool-nuget.config"
NUGET_PACKAGES="$out/tool-packages" dotnet tool install EvidenceCatalog.Cli --tool-path "$out/tool" \
  --configfile "$out/tool-nuget.config" --add-source "$out/tool-feed" --prerelease >&2
echo "installed: $(cd "$out"/tool/.store/evidencecatalog.cli/*/ && echo evidencecatalog.cli.*)" >&2
echo "$out/tool/evidence"
