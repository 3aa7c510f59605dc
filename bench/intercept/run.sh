#!/usr/bin/env bash
# bench/intercept/run.sh - what allocguard's run time costs a library built
# without the plugin: a malloc+free pair made in such a library, reached
# by the runtime's interposers, outside any scope, inside a root's scope
# under a permit, and inside one as a violation (count mode: the call is
# counted on a site keyed by the program's frame that led to it, which
# takes unwinding the stack). Nanoseconds (best of 5 rounds) and, without
# noise, instructions per pair (callgrind, the difference of two runs).
#
#   bench/intercept/run.sh build/check                  # this build's runtime
#   bench/intercept/run.sh build/check /old/liballocguard_rt.a   # beside another
#
# Arguments: an allocguard build tree, then optionally runtimes
# (liballocguard_rt.a) to compare with. Needs the plugin's clang; valgrind
# for the instruction column.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
[ $# -ge 1 ] || { sed -n '2,16p' "$0" >&2; exit 2; }
BUILD=$(cd "$1" && pwd)
shift
MAJOR=$(ls "$BUILD"/plugin/allocguard-llvm*.so | sed 's/.*llvm\([0-9]*\)\.so/\1/' |
        sort -n | tail -n 1)
PLUGIN=$BUILD/plugin/allocguard-llvm$MAJOR.so
CLANG=/usr/lib/llvm-$MAJOR/bin/clang
OUT=$BUILD/bench/intercept
N=${N:-200000}
mkdir -p "$OUT"
"$CLANG" -O2 -fPIC -shared "$HERE/lib.c" -o "$OUT/libbench_lib.so"
runtimes=("$BUILD/runtime/liballocguard_rt.a" "$@")
echo "| runtime | loop | ns per pair | instructions per pair |"
echo "|---|---|---:|---:|"
for i in "${!runtimes[@]}"; do
  app=$OUT/app$i
  "$CLANG" -O2 -I"$ROOT/include" -fplugin="$PLUGIN" -fpass-plugin="$PLUGIN" \
    "$HERE/app.c" -L"$OUT" -lbench_lib -Wl,-rpath,"$OUT" "${runtimes[$i]}" \
    -lpthread -o "$app" 2>/dev/null
  for loop in outside permitted violation; do
    ns=$(ALLOCGUARD_OPTIONS=mode=count "$app" $loop "$N" | cut -d' ' -f2)
    ir=-
    if command -v valgrind >/dev/null; then
      for k in 1000 2000; do
        ALLOCGUARD_OPTIONS=mode=count valgrind --tool=callgrind \
          --callgrind-out-file="$OUT/cg.$i.$loop.$k" "$app" $loop $k >/dev/null 2>&1
      done
      total() { sed -n 's/^totals: \([0-9]*\).*/\1/p' "$OUT/cg.$i.$loop.$1"; }
      # Each run makes 5 rounds of k pairs.
      ir=$(( ($(total 2000) - $(total 1000)) / 5000 ))
    fi
    echo "| ${runtimes[$i]#$ROOT/} | $loop | $ns | $ir |"
  done
done
