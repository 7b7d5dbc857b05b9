#!/usr/bin/env bash
# Where a consumer's compile goes, phase by phase, for the client of the three areas most programs use
# (Tags="Containers;Images;System", newest API, IsAotCompatible): each revision's packages are packed, a consumer
# built with them keeps its generated sources, and CompileCost compiles them — parse, bind, emit, and the trim/AOT
# analyzers — the revisions in turn, processor time, median of RUNS. An A/B of generated code in a few minutes, with
# far less noise than whole builds on a small VM (measure.sh is the whole-build measure).
#
#   benchmarks/build-time/compile-cost.sh [REV...]    (from the repository root; no REV: the working tree)
#   RUNS=9 benchmarks/build-time/compile-cost.sh HEAD~3 HEAD
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/dapi-compilecost.XXXXXX)
cleanup() {
  for tree in "$work"/tree-*; do [ -d "$tree" ] && git -C "$root" worktree remove --force "$tree"; done
  rm -rf "$work"
}
trap cleanup EXIT
. "$root/benchmarks/build-time/consumer.sh"
export NUGET_PACKAGES="$work/packages"
dotnet build "$root/benchmarks/build-time/CompileCost" -c Release -o "$work/tool" -v q -nologo >/dev/null

dirs=()
for rev in "${@:-worktree}"; do
  name=$(printf '%s' "$rev" | tr -c 'A-Za-z0-9' '-')
  src=$root
  if [ "$rev" != worktree ]; then
    src="$work/tree-$name"
    git -C "$root" worktree add -q --detach "$src" "$rev"
  fi
  version=0.0.0-cost.$(date +%s%N)
  pack_packages "$src" "$work/feed" "$version"
  consumer="$work/consumer-$name"
  make_consumer "$consumer" "$work/feed" "$version" "$subset_item" true '<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>'
  dotnet build "$consumer" --no-restore -v q -nologo >/dev/null
  out="$work/$name"
  mkdir -p "$out"
  cp "$consumer"/obj/Debug/net10.0/generated/*/*/*.cs "$consumer"/obj/Debug/net10.0/*.GlobalUsings.g.cs "$consumer/Program.cs" "$out/"
  dotnet msbuild "$consumer" -nologo -t:FindReferenceAssembliesForReferences -getItem:ReferencePathWithRefAssemblies \
    | grep -oP '"Identity": "\K[^"]+' > "$out/references.txt"
  dirs+=("$out")
done

# The newest restored is the one a net10.0 consumer runs (older ones come along for other frameworks).
analyzer=$(ls "$NUGET_PACKAGES"/microsoft.net.illink.tasks/*/analyzers/dotnet/cs/ILLink.RoslynAnalyzer.dll | sort -V | tail -1)
dotnet "$work/tool/CompileCost.dll" "${RUNS:-7}" --analyzer "$analyzer" "${dirs[@]}"
