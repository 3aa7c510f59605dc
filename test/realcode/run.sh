#!/usr/bin/env bash
# run.sh - the real-code suite: Debian's own sources of zlib, Lua 5.4,
# SQLite, SoundTouch (C++), Expat, PCRE2, Jansson, libpng, Vorbis,
# libsamplerate, TinyXML-2 (C++), JsonCpp (C++), cJSON, libsndfile and Opus
# (test/realcode/<lib>.sh), fetched with apt-get source, each built plain
# and with the allocguard plugin in every unit (everything instrumented,
# library entry points as roots by name, the runtime linked, summaries
# embedded). Their own test programs and workloads must give the same
# output, files and exit status in ALLOCGUARD_OPTIONS=mode=count and
# mode=log as the plain build, and every allocation site that fires below a
# root at run time must be in allocguard-report's findings for that root,
# except the known gaps in expected-misses.txt.
#
#   test/realcode/run.sh --build build/check                # every library
#   test/realcode/run.sh --build build/check --major 14 zlib lua
#   ctest --test-dir build/check -L realcode                # the same, via ctest
#
# Options: --build DIR (an allocguard build tree; default build/check),
# --major N (LLVM major; default the newest plugin in DIR), --work DIR
# (default DIR/test/realcode/llvmN; sources are cached under it in src/),
# --jobs N (parallel compiles; default 2), --opt -O0..-O3 (default -O2),
# --rtsan (also build each library with RealtimeSanitizer, its roots entered
# through trampolines, as a second run-time oracle: needs clang 19 or later
# with libclang-rt; RTSAN_CLANG picks one, default the newest installed).
# Tools can also come from the environment: CLANG, CLANGXX, PLUGIN, REPORT,
# RUNTIME (static), RUNTIME_SHARED, PRELOAD, SYMBOLIZER, PYTHON. Needs
# apt-get with a deb-src entry and dpkg-dev (apt-get source), tclsh for
# SQLite's amalgamation, and network access the first time. Exit status 0
# all good, 1 a failure (the message says which library, workload or site),
# 2 bad usage.
# The per-library table is printed at the end and kept in WORK/table.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

BUILD=$ROOT/build/check MAJOR= WORK= RC_JOBS=2 RC_OPT_LEVEL=-O2 RC_RTSAN= LIBS=()
while [ $# -gt 0 ]; do
  case $1 in
    --build) BUILD=$(cd "$2" && pwd) || usage; shift 2 ;;
    --major) MAJOR=$2; shift 2 ;;
    --work) mkdir -p "$2" && WORK=$(cd "$2" && pwd); shift 2 ;;
    --jobs) RC_JOBS=$2; shift 2 ;;
    --opt) RC_OPT_LEVEL=$2; shift 2 ;;
    --rtsan) RC_RTSAN=1; shift ;;
    -h|--help) usage ;;
    -*) echo "run.sh: unknown option $1" >&2; usage ;;
    *) LIBS+=("$1"); shift ;;
  esac
done
# Every recipe here: zlib.sh, lua.sh, ... (lib.sh is the harness).
HAVE=$(cd "$HERE" && ls *.sh | sed -n '/^\(run\|lib\|driver_.*\)\.sh$/!s/\.sh$//p' | tr '\n' ' ')
[ ${#LIBS[@]} -gt 0 ] || read -r -a LIBS <<<"$HAVE"
for l in "${LIBS[@]}"; do
  [ -f "$HERE/$l.sh" ] && [ "$l" != lib ] && [ "$l" != run ] ||
    { echo "run.sh: no library '$l' (have: $HAVE)" >&2; exit 2; }
done

if [ -z "$MAJOR" ] && [ -z "${PLUGIN:-}" ]; then
  MAJOR=$(ls "$BUILD"/plugin/allocguard-llvm*.so 2>/dev/null |
          sed 's/.*allocguard-llvm\([0-9]*\)\.so/\1/' | sort -n | tail -n 1)
  [ -n "$MAJOR" ] || { echo "run.sh: no plugin in $BUILD/plugin: build allocguard first (cmake --build $BUILD)" >&2; exit 2; }
fi
: "${PLUGIN:=$BUILD/plugin/allocguard-llvm$MAJOR.so}"
: "${CLANG:=/usr/lib/llvm-$MAJOR/bin/clang}"
: "${CLANGXX:=$(dirname "$CLANG")/clang++}"
: "${SYMBOLIZER:=$(dirname "$CLANG")/llvm-symbolizer}"
: "${REPORT:=$BUILD/report/allocguard-report}"
: "${RUNTIME:=$BUILD/runtime/liballocguard_rt.a}"
: "${RUNTIME_SHARED:=$(dirname "$RUNTIME")/liballocguard_rt.so}"
: "${PRELOAD:=$(dirname "$RUNTIME")/liballocguard_preload.so}"
: "${PYTHON:=python3}"
: "${WORK:=$BUILD/test/realcode/llvm${MAJOR:-x}}"
: "${RC_SRC_CACHE:=$WORK/src}"
for t in PLUGIN CLANG CLANGXX SYMBOLIZER REPORT RUNTIME RUNTIME_SHARED PRELOAD; do
  [ -e "${!t}" ] || { echo "run.sh: $t=${!t} does not exist" >&2; exit 2; }
done
if [ -n "$RC_RTSAN" ]; then
  if [ -z "${RTSAN_CLANG:-}" ]; then
    for m in 22 21 20 19; do
      if ls /usr/lib/llvm-$m/lib/clang/*/lib/linux/libclang_rt.rtsan-x86_64.a \
           >/dev/null 2>&1; then
        RTSAN_CLANG=/usr/lib/llvm-$m/bin/clang
        break
      fi
    done
  fi
  [ -x "${RTSAN_CLANG:-}" ] ||
    { echo "run.sh: --rtsan needs clang 19 or later with RealtimeSanitizer (apt-get install clang-22 libclang-rt-22-dev), or RTSAN_CLANG" >&2; exit 2; }
  : "${RTSAN_CLANGXX:=$(dirname "$RTSAN_CLANG")/clang++}"
fi
mkdir -p "$WORK" "$RC_SRC_CACHE"
export LC_ALL=C

# The plugin in every unit, every allocation call checked. Instrumenting
# everything is asked for explicitly while it is not the default; a plugin
# that no longer knows the option is used with its default.
AG_FLAGS=("-fplugin=$PLUGIN" "-fpass-plugin=$PLUGIN")
if echo 'int main(void){return 0;}' |
   "$CLANG" "${AG_FLAGS[@]}" -mllvm -allocguard-instrument=all -x c - \
     -c -o /dev/null >/dev/null 2>&1; then
  AG_FLAGS+=(-mllvm -allocguard-instrument=all)
fi

# A runtime that names frames itself (symbolize=1, its default) spawns a
# symbolizer per report; coverage.py symbolizes all frames in one go.
RC_NOSYM=
if grep -aq 'symbolize' "$RUNTIME"; then RC_NOSYM=:symbolize=0; fi

. "$HERE/lib.sh"
: >"$WORK/table.md"
t0=$SECONDS
for l in "${LIBS[@]}"; do
  rc_library "$l"
done
echo
echo "Static covers dynamic, LLVM ${MAJOR:-?}, $RC_OPT_LEVEL ($((SECONDS - t0)) s):"
"$PYTHON" -c 'import sys; sys.path.insert(0, sys.argv[1]); import coverage; print(coverage.TABLE_HEAD)' "$HERE"
cat "$WORK/table.md"
