#!/usr/bin/env bash
# bench/run.sh - what allocguard's checks cost at run time, next to plain code
# and clang's RealtimeSanitizer; prints the tables of docs/benchmarks.md.
#
#   bench/run.sh                                   # a few minutes on 2 cores
#   ROUNDS=9 ITERATIONS=100000000 bench/run.sh     # longer, steadier
#
# Needs cmake, ninja and the clang of the LLVM major the plugin is built for.
# The rtsan column needs clang 20+ with compiler-rt (libclang-rt-NN-dev);
# the whole-process table needs hyperfine, the instruction table valgrind.
# Each is skipped, with a note, when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build/bench}
ROUNDS=${ROUNDS:-5}
N=${ITERATIONS:-50000000}
OUT=$BUILD/bench
LOOPS="malloc call call-no-tail"
mkdir -p "$OUT"

# A build dir of its own (the demo preset's settings: RelWithDebInfo, no
# tests), so a test build that is half done never feeds the numbers.
[ -f "$BUILD/CMakeCache.txt" ] || cmake --preset demo -B "$BUILD" >/dev/null
major=$(sed -n 's/^ALLOCGUARD_LLVM_VERSION:STRING=//p' "$BUILD/CMakeCache.txt")
cmake --build "$BUILD" --target "allocguard-llvm$major" allocguard_rt_static \
  allocguard_rt_nointercept >/dev/null
plugin=$BUILD/plugin/allocguard-llvm$major.so
runtime=$BUILD/runtime/liballocguard_rt.a
nointercept=$BUILD/runtime/liballocguard_rt_nointercept.a
clang=${CLANG:-/usr/lib/llvm-$major/bin/clang}
[ -x "$clang" ] || clang=clang-$major

# One source, three builds. -fplugin as well as -fpass-plugin: clang 19 and
# older parse -mllvm before they load a pass plugin.
cflags=(-O2 -I include)
"$clang" "${cflags[@]}" -c bench/tick.c -o "$OUT/tick.o"
"$clang" "${cflags[@]}" bench/loops.c "$OUT/tick.o" -o "$OUT/plain"
# Plain code with the runtime's interposers linked in (what code built
# without the plugin pays in the default build); the -u pulls them in as a
# unit built with the plugin would.
"$clang" "${cflags[@]}" bench/loops.c "$OUT/tick.o" "$runtime" \
  -Wl,-u,__allocguard_link_with_liballocguard_rt -lpthread -o "$OUT/interposed"
for b in allocguard nointercept; do
  lib=$runtime
  [ "$b" = nointercept ] && lib=$nointercept
  "$clang" "${cflags[@]}" -fplugin="$plugin" -fpass-plugin="$plugin" \
    -mllvm -allocguard-unknown=ignore \
    -DHOT_ATTR=ALLOCGUARD_ALLOC_FREE bench/loops.c "$OUT/tick.o" "$lib" \
    -lpthread -o "$OUT/$b"
done
builds="plain interposed allocguard nointercept"
if "$clang" "${cflags[@]}" -fsanitize=realtime \
     '-DHOT_EFFECT=[[clang::nonblocking]]' bench/loops.c "$OUT/tick.o" \
     -o "$OUT/rtsan" 2>"$OUT/rtsan.log"; then
  builds="$builds rtsan"
else
  echo "note: no RealtimeSanitizer in $clang (see $OUT/rtsan.log)" >&2
fi

# In-process clock: builds take turns within each round, so a change in the
# machine's speed during the run hits every build alike.
: >"$OUT/inprocess.txt"
for _ in $(seq "$ROUNDS"); do
  for loop in $LOOPS; do
    for b in $builds; do
      echo "$b $("$OUT/$b" "$loop" "$N")" >>"$OUT/inprocess.txt"
    done
  done
done

# Whole processes: what an outside clock sees, startup included.
if command -v hyperfine >/dev/null; then
  for loop in $LOOPS; do
    cmds=()
    for b in $builds; do cmds+=("$OUT/$b $loop $N"); done
    hyperfine -N --style none --warmup 1 --runs "$ROUNDS" \
      --export-json "$OUT/whole-$loop.json" "${cmds[@]}" >/dev/null
  done
else
  echo "note: hyperfine not installed; no whole-process table" >&2
fi

# Instructions per iteration, free of noise: the difference between two
# runs of different lengths cancels startup and exit.
: >"$OUT/instructions.txt"
if command -v valgrind >/dev/null; then
  small=100000
  for loop in $LOOPS; do
    for b in $builds; do
      for n in $small $((2 * small)); do
        valgrind --tool=callgrind --callgrind-out-file="$OUT/cg.$b.$loop.$n" \
          "$OUT/$b" "$loop" "$n" >/dev/null 2>&1
      done
      ir() { sed -n 's/^totals: \([0-9]*\).*/\1/p' "$OUT/cg.$b.$loop.$1"; }
      echo "$b $loop $(( ($(ir $((2 * small))) - $(ir $small)) / small ))" \
        >>"$OUT/instructions.txt"
    done
  done
else
  echo "note: valgrind not installed; no instruction table" >&2
fi

python3 bench/table.py "$OUT" "$N" "$ROUNDS" "$clang"
