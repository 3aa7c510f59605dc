#!/usr/bin/env bash
# bench/speedtest1.sh - whole-program overhead on SQLite's speedtest1: the
# same sources built plain, with allocguard's defaults (every allocation
# call checked, the runtime and its malloc interposers linked), and with
# RealtimeSanitizer, timed in one run as paired rounds (A B A B ...), the
# ratio taken pair by pair and its median quoted (docs/benchmarks.md).
#
#   bench/speedtest1.sh                         # 9 pairs, --size 40
#   ROUNDS=15 SIZE=100 bench/speedtest1.sh
#
# SQLite is fetched at run time with `apt-get source sqlite3` (deb-src
# needed) into $WORK, outside the tree, and its amalgamation made with its
# own configure && make sqlite3.c (tclsh); nothing of it is committed.
# Timing uses farm-bench when present, else hyperfine (unpaired).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build/bench}
ROUNDS=${ROUNDS:-9}
SIZE=${SIZE:-40}
WORK=${WORK:-/tmp/allocguard-speedtest1}
mkdir -p "$WORK"

[ -f "$BUILD/CMakeCache.txt" ] || cmake --preset demo -B "$BUILD" >/dev/null
major=$(sed -n 's/^ALLOCGUARD_LLVM_VERSION:STRING=//p' "$BUILD/CMakeCache.txt")
cmake --build "$BUILD" --target "allocguard-llvm$major" allocguard_rt_static \
  >/dev/null
plugin=$PWD/$BUILD/plugin/allocguard-llvm$major.so
runtime=$PWD/$BUILD/runtime/liballocguard_rt.a
clang=${CLANG:-/usr/lib/llvm-$major/bin/clang}

src=$(ls -d "$WORK"/sqlite3-*/ 2>/dev/null | head -1 || true)
if [ -z "$src" ]; then
  (cd "$WORK" && apt-get source sqlite3 >"$WORK/apt-source.log" 2>&1) ||
    { cat "$WORK/apt-source.log" >&2; echo "apt-get source sqlite3 failed (deb-src?)" >&2; exit 1; }
  src=$(ls -d "$WORK"/sqlite3-*/ | head -1)
fi
amal=$src/bld
if [ ! -f "$amal/sqlite3.c" ]; then
  mkdir -p "$amal"
  (cd "$amal" && ../configure --disable-tcl >configure.log 2>&1 &&
     make sqlite3.c >make.log 2>&1) ||
    { echo "building the amalgamation failed: see $amal" >&2; exit 1; }
fi
version=$(cat "$src/VERSION")

# The three builds: the same sources, flags and clang.
cflags=(-O2 -I"$amal" "$src/test/speedtest1.c" "$amal/sqlite3.c")
libs=(-lpthread -ldl -lm)
"$clang" "${cflags[@]}" "${libs[@]}" -o "$WORK/plain"
"$clang" -fplugin="$plugin" -fpass-plugin="$plugin" \
  -mllvm -allocguard-unknown=ignore "${cflags[@]}" "$runtime" "${libs[@]}" \
  -o "$WORK/allocguard" 2>"$WORK/allocguard.log"
builds="allocguard"
if "$clang" -fsanitize=realtime "${cflags[@]}" "${libs[@]}" -o "$WORK/rtsan" \
     2>"$WORK/rtsan.log"; then
  builds="$builds rtsan"
else
  echo "note: no RealtimeSanitizer in $clang (see $WORK/rtsan.log)" >&2
fi
run=(--memdb --size "$SIZE")

echo "SQLite $version speedtest1 ${run[*]}, $clang, $ROUNDS pairs per build"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for b in $builds; do
  echo
  echo "== $b against plain"
  if command -v farm-bench >/dev/null; then
    farm-bench -n "$ROUNDS" --warmup 1 --timeout 1800 \
      --vs "$WORK/plain ${run[*]}" -- "$WORK/$b" "${run[@]}"
  else
    hyperfine -N --warmup 1 --runs "$ROUNDS" "$WORK/plain ${run[*]}" \
      "$WORK/$b ${run[*]}"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
