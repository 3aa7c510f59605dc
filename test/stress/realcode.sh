#!/usr/bin/env bash
# realcode.sh - every unit of the real-code suite's libraries (zlib, Lua
# 5.4 with luac, SQLite's amalgamation, shell and speedtest1, SoundTouch
# and soundstretch, Expat, PCRE2, Jansson, libpng, Vorbis, libsamplerate,
# TinyXML-2, JsonCpp, cJSON, libsndfile, Opus, with their test
# programs: test/realcode/<lib>.sh, Debian's sources fetched with
# apt-get source) through the plugin with EVERY function a root
# (-allocguard-roots='*'), every allocation call instrumented, and the IR
# verifier after it. Per unit and level (-O0, -O2): clang's front end
# alone (-Xclang -disable-llvm-passes, the recipe's flags), then
# `opt -passes='default<O0>,verify'` with the plugin loaded (it runs at
# the start of every pipeline, as in clang, so it sees the same IR), at -O2
# then `opt -passes=default<O2>` on the result (the verifier on its
# output), then `llc` to an object, which must carry the summary section.
# Zero crashes, verifier failures and timeouts, or exit status 1.
#
#   test/stress/realcode.sh --build build/check --major 22       # every library
#   test/stress/realcode.sh --major 14 zlib lua
#
# Options: --build DIR (default build/check), --major N (default the newest
# plugin in DIR), --work DIR (default DIR/test/stress/realcode-llvmN; the
# sources are cached in DIR/test/realcode/src, shared with the real-code
# suite), --jobs N (default 2), --timeout SEC (per tool run, default 900).
# Needs what test/realcode/run.sh needs to fetch (docs/realcode.md).
# Exit status 0 all good, 1 a failure (listed with the command that
# reproduces it), 2 bad usage.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RC_HERE=$ROOT/test/realcode

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

BUILD=$ROOT/build/check MAJOR= WORK= RC_JOBS=2 ST_TIMEOUT=900 LIBS=()
while [ $# -gt 0 ]; do
  case $1 in
    --build) BUILD=$(cd "$2" && pwd) || usage; shift 2 ;;
    --major) MAJOR=$2; shift 2 ;;
    --work) mkdir -p "$2" && WORK=$(cd "$2" && pwd); shift 2 ;;
    --jobs) RC_JOBS=$2; shift 2 ;;
    --timeout) ST_TIMEOUT=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "realcode.sh: unknown option $1" >&2; usage ;;
    *) LIBS+=("$1"); shift ;;
  esac
done
HAVE=$(cd "$RC_HERE" && ls *.sh | sed -n '/^\(run\|lib\|driver_.*\)\.sh$/!s/\.sh$//p' | tr '\n' ' ')
[ ${#LIBS[@]} -gt 0 ] || read -r -a LIBS <<<"$HAVE"
for l in "${LIBS[@]}"; do
  [ -f "$RC_HERE/$l.sh" ] && [ "$l" != lib ] && [ "$l" != run ] ||
    { echo "realcode.sh: no library '$l' (have: $HAVE)" >&2; exit 2; }
done
if [ -z "$MAJOR" ]; then
  MAJOR=$(ls "$BUILD"/plugin/allocguard-llvm*.so 2>/dev/null |
          sed 's/.*allocguard-llvm\([0-9]*\)\.so/\1/' | sort -n | tail -n 1)
  [ -n "$MAJOR" ] || { echo "realcode.sh: no plugin in $BUILD/plugin" >&2; exit 2; }
fi
PLUGIN=$BUILD/plugin/allocguard-llvm$MAJOR.so
BIN=/usr/lib/llvm-$MAJOR/bin
CLANG=$BIN/clang CLANGXX=$BIN/clang++
for t in "$PLUGIN" "$CLANG" "$CLANGXX" "$BIN/opt" "$BIN/llc" "$BIN/llvm-readelf"; do
  [ -e "$t" ] || { echo "realcode.sh: $t does not exist" >&2; exit 2; }
done
: "${WORK:=$BUILD/test/stress/realcode-llvm$MAJOR}"
RC_SRC_CACHE=$BUILD/test/realcode/src
mkdir -p "$WORK" "$RC_SRC_CACHE"
export LC_ALL=C

# The harness's fetch, job control and recipes; its compile and link steps
# are replaced below.
HERE=$RC_HERE
# shellcheck source=../realcode/lib.sh
. "$RC_HERE/lib.sh"

# _st_unit DRIVER SRC OBJ FLAGS...: one unit at -O0 and -O2; appends
# "<unit> <level> <verdict> [stage]" to $RC_OUT/results.txt.
_st_unit() {
  local drv=$1 src=$2 obj=$3; shift 3
  local level stage status verdict cmd=()
  for level in 0 2; do
    local base=$obj.O$level
    verdict=ok stage=
    local stages="frontend pass llc" last=$base.ag.bc
    [ $level = 0 ] || stages="frontend pass opt llc" last=$base.opt.bc
    for stage in $stages; do
      case $stage in
        frontend) cmd=("$drv" ${RC_DEBUG:--g} -O$level "$@" -Xclang -disable-llvm-passes
                       -emit-llvm -c "$src" -o "$base.bc") ;;
        # The plugin runs first in every pipeline: here in the -O0 one,
        # on the front end's -On output, then the verifier. (Not
        # -verify-each: LLVM 14's takes more than 15 minutes over the -O0
        # pipeline on SQLite's amalgamation, with or without the plugin.)
        pass) cmd=("$BIN/opt" -load="$PLUGIN" -load-pass-plugin="$PLUGIN"
                   "-allocguard-roots=*" -allocguard-instrument=all
                   -allocguard-unknown=ignore "-passes=default<O0>,verify"
                   "$base.bc" -o "$base.ag.bc") ;;
        # The optimisations on the instrumented IR (opt verifies its
        # output); -verify-each over SQLite's -O2 pipeline takes too long.
        opt) cmd=("$BIN/opt" "-passes=default<O$level>" "$base.ag.bc"
                  -o "$base.opt.bc") ;;
        llc) cmd=("$BIN/llc" -O$level -filetype=obj "$last" -o "$base.o") ;;
      esac
      status=0
      timeout --foreground -k 10 "$ST_TIMEOUT" "${cmd[@]}" >"$base.$stage.log" 2>&1 ||
        status=$?
      [ $status = 0 ] && continue
      if [ $stage = frontend ]; then verdict=frontend
      elif [ $status = 124 ] || [ $status = 137 ]; then verdict=timeout
      elif grep -q 'Broken module\|verification failed\|[Bb]roken function' \
             "$base.$stage.log"; then verdict=verifier
      elif [ $status -gt 128 ] || grep -q 'Stack dump\|PLEASE submit' \
             "$base.$stage.log"; then verdict=crash
      else verdict=error
      fi
      break
    done
    if [ $verdict = ok ]; then
      stage=
      "$BIN/llvm-readelf" -S "$base.o" >"$base.sections" 2>&1 || true
      grep -q '\.allocguard\.summary' "$base.sections" ||
        verdict=uninstrumented stage=llc
    fi
    echo "$(basename "$src") -O$level $verdict $stage" >>"$RC_OUT/results.txt"
    if [ $verdict != ok ]; then
      { printf '%q ' "${cmd[@]}"; echo; } >"$base.failed"
    else
      rm -f "$base.bc" "$base.ag.bc" "$base.opt.bc" "$base".*.log "$base.sections"
    fi
  done
}
rc_cc() { rc_spawn _st_unit "$CLANG" "$@"; }
rc_cxx() { rc_spawn _st_unit "$CLANGXX" "$@"; }
rc_link() { :; }

failed=0
t0=$SECONDS
for lib in "${LIBS[@]}"; do
  RC_LIB=$lib RC_WORK=$WORK/$lib RC_DEBUG= RC_VFLAGS=()
  # shellcheck source=/dev/null
  . "$RC_HERE/$lib.sh"
  rc_fetch "$RC_PKG"
  RC_VARIANT=ag RC_OUT=$RC_WORK/ag
  rm -rf "$RC_OUT" && mkdir -p "$RC_OUT"
  : >"$RC_OUT/results.txt" && : >"$RC_OUT/compile.err"
  t1=$SECONDS
  rc_build ag "$RC_OUT"
  # Lua's recipe leaves out luac.c (the stand-alone compiler): every C file
  # is compiled here.
  if [ "$lib" = lua ]; then
    rc_cc "$SRC/src/luac.c" "$RC_OUT/luac.o" -std=gnu99 -DLUA_COMPAT_5_3 \
      -DLUA_USE_LINUX -I"$SRC/src" -I"$RC_OUT"
  fi
  rc_wait
  units=$(awk '$2 == "-O0"' "$RC_OUT/results.txt" | wc -l)
  bad=$(awk '$3 != "ok"' "$RC_OUT/results.txt")
  echo "LLVM $MAJOR, $lib ($(basename "$SRC")): $units units at -O0 and -O2" \
       "with every function a root in $((SECONDS - t1)) s:" \
       "$(awk '$3 == "ok"' "$RC_OUT/results.txt" | wc -l) ok," \
       "$(awk '$3 == "crash"' "$RC_OUT/results.txt" | wc -l) crashes," \
       "$(awk '$3 == "verifier"' "$RC_OUT/results.txt" | wc -l) verifier failures," \
       "$(awk '$3 == "timeout"' "$RC_OUT/results.txt" | wc -l) timeouts"
  if [ -n "$bad" ]; then
    failed=1
    echo "$bad" | sed 's/^/  FAIL: /'
    echo "  commands and logs: $RC_OUT/*.failed, *.log"
  fi
done
echo "($((SECONDS - t0)) s)"
exit $failed
