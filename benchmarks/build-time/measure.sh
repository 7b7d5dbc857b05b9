#!/usr/bin/env bash
# What a consumer pays at build time for a generated client: clean builds (obj/ and bin/ removed, restore done
# once before) of one console project in four forms — no client, the three areas most programs use
# (Tags="Containers;Images;System"), the full newest API, the precompiled high-level package DockerApi alone
# (highlevel: nothing generated in the consumer) — each with IsAotCompatible (the trim/AOT analyzers run,
# as in a library or a PublishAot app) and without (-plain: a plain console app); /usr/bin/time, median of N runs,
# the projects taken in turn within each run so that a drift of the machine's speed touches them alike.
# Also the IDE loop: the generator alone on the newest spec after a one-line edit (see GeneratorBenchmarks).
#
# The compiler server is on and warm, as in a developer's builds and the IDE (the SDK's default). Some machines
# turn it off in the environment (UseSharedCompilation=false — ours do): then every build starts a new compiler
# process, and SERVER=0 measures that instead.
#
#   benchmarks/build-time/measure.sh [runs]        (from the repository root; default 5 runs)
#   SERVER=0 benchmarks/build-time/measure.sh [runs]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/dapi-buildtime.XXXXXX)
[ -n "${KEEP:-}" ] && echo "keeping $work" || trap 'rm -rf "$work"' EXIT

. "$root/benchmarks/build-time/consumer.sh"
export NUGET_PACKAGES="$work/packages"
version=0.0.0-buildtime.$(date +%s)
pack_packages "$root" "$work/feed" "$version"
for aot in true false; do
  suffix=$([ "$aot" = true ] || echo -plain)
  make_consumer "$work/none$suffix" "$work/feed" "$version" '' "$aot"
  make_consumer "$work/subset$suffix" "$work/feed" "$version" "$subset_item" "$aot"
  make_consumer "$work/full$suffix" "$work/feed" "$version" "$full_item" "$aot"
  make_consumer "$work/highlevel$suffix" "$work/feed" "$version" '' "$aot" '' "<PackageReference Include=\"DockerApi\" Version=\"$version\" />"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

shared=$([ "${SERVER:-1}" = 0 ] && echo false || echo true)
projects="none subset full highlevel none-plain subset-plain full-plain highlevel-plain"
build() { dotnet build "$work/$1" --no-restore -v q -nologo -p:UseSharedCompilation=$shared >/dev/null; }
# Warm: the server's compiler reaches its optimized code only after a few builds of each kind of code.
warmups=$([ "$shared" = true ] && echo 3 || echo 1)
for _ in $(seq "$warmups"); do for p in $projects; do rm -rf "$work/$p/obj/Debug" "$work/$p/bin"; build "$p"; done; done
for _ in $(seq "$runs"); do
  for p in $projects; do
    rm -rf "$work/$p/obj/Debug" "$work/$p/bin"
    /usr/bin/time -f '%e %U %S' -a -o "$work/$p.times" dotnet build "$work/$p" --no-restore -v q -nologo -p:UseSharedCompilation=$shared >/dev/null
  done
done
[ "$shared" = true ] && dotnet build-server shutdown >/dev/null 2>&1 || true

echo "compiler server: $shared (cpu: the build's own processes — with the server on, not the compiler's work)"
printf '%-13s %10s %10s %8s\n' project "wall (s)" "cpu (s)" "× none"
for p in $projects; do
  [ "${p%-plain}" = none ] && base=""
  wall=$(awk '{print $1}' "$work/$p.times" | median)
  cpu=$(awk '{print $2 + $3}' "$work/$p.times" | median)
  base=${base:-$wall}
  printf '%-13s %10.2f %10.2f %8.2f\n' "$p" "$wall" "$cpu" "$(echo "$wall / $base" | bc -l)"
done
