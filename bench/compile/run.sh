#!/usr/bin/env bash
# bench/compile/run.sh - what the plugin adds to compile time and object
# size: SQLite's amalgamation (one 8.6 MB C unit) and SoundTouch (16 C++
# units), from Debian's sources as the real-code suite fetches them, each
# compiled with -g four ways at -O0 and -O2:
#   plain     clang alone
#   noroots   the plugin with its defaults and no root (summary embedded,
#             every allocation call checked): a unit nothing marks
#   roots     the plugin, the real-code suite's roots, summaries embedded,
#             only the roots instrumented (-allocguard-instrument=roots)
#   all       the same roots, every allocation call instrumented (default)
# Timed in paired rounds with hyperfine: each round runs the four builds
# once, back to back, in an order that rotates from round to round; the
# ratio to plain is taken round by round (CPU time, user + system, and
# wall) and its median and range quoted. Then the objects of each build,
# and a shared library linked from them, are measured section by section.
#
#   bench/compile/run.sh                                  # LLVM 22, the defaults
#   ROUNDS_O0=15 ROUNDS_O2=7 nice bench/compile/run.sh build/check
#
# Argument: an allocguard build tree (default build/check). Environment:
# MAJOR (default the newest plugin in the tree), ROUNDS_O0 (default 11),
# ROUNDS_O2 (default 5), PROJECTS (default "sqlite soundtouch"; "lua",
# Lua 5.4's 32 library and interpreter units, for sizes), LEVELS
# (default "-O0 -O2"), WORK (default BUILD/bench/compile; the sources are
# cached in BUILD/test/realcode/src, shared with the real-code suite).
# Needs hyperfine, python3, and what test/realcode needs to fetch sources
# (apt-get source with a deb-src entry, dpkg-dev, tclsh for SQLite).
# Prints markdown tables; the raw hyperfine JSON stays in WORK.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build/check}" && pwd)
if [ -z "${MAJOR:-}" ]; then
  MAJOR=$(ls "$BUILD"/plugin/allocguard-llvm*.so 2>/dev/null |
          sed 's/.*allocguard-llvm\([0-9]*\)\.so/\1/' | sort -n | tail -n 1)
fi
[ -n "$MAJOR" ] || { echo "run.sh: no plugin in $BUILD/plugin" >&2; exit 2; }
PLUGIN=$BUILD/plugin/allocguard-llvm$MAJOR.so
CLANG=/usr/lib/llvm-$MAJOR/bin/clang
CLANGXX=/usr/lib/llvm-$MAJOR/bin/clang++
SIZE_TOOL=/usr/lib/llvm-$MAJOR/bin/llvm-size
: "${ROUNDS_O0:=11}" "${ROUNDS_O2:=5}" "${PROJECTS:=sqlite soundtouch}"
: "${LEVELS:=-O0 -O2}" "${WORK:=$BUILD/bench/compile}"
command -v hyperfine >/dev/null ||
  { echo "run.sh: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
for t in PLUGIN CLANG CLANGXX SIZE_TOOL; do
  [ -e "${!t}" ] || { echo "run.sh: $t=${!t} does not exist" >&2; exit 2; }
done
export LC_ALL=C

# The sources, through the real-code suite's own fetch and amalgamation.
RC_SRC_CACHE=$BUILD/test/realcode/src
mkdir -p "$RC_SRC_CACHE" "$WORK"
# shellcheck source=../../test/realcode/lib.sh
HERE_BENCH=$HERE HERE=$ROOT/test/realcode
. "$ROOT/test/realcode/lib.sh"
HERE=$HERE_BENCH

CONFIGS="plain noroots roots all"
flags_of() { # CONFIG ROOTS: the plugin's flags for one build
  local ag=(-fplugin="$PLUGIN" -fpass-plugin="$PLUGIN")
  case $1 in
    plain) ;;
    noroots) echo "${ag[*]}" ;;
    roots) echo "${ag[*]} -mllvm -allocguard-instrument=roots -mllvm -allocguard-roots=$2" ;;
    all) echo "${ag[*]} -mllvm -allocguard-instrument=all -mllvm -allocguard-roots=$2" ;;
  esac
}

# write_cmds PROJECT LEVEL: one script per build, compiling every unit of
# the project into WORK/PROJECT/LEVEL/CONFIG/; sets UNITS_LIB (the objects
# that make the shared library).
write_cmds() {
  local project=$1 level=$2 c dir
  for c in $CONFIGS; do
    dir=$WORK/$project/$level/$c
    mkdir -p "$dir"
    {
      echo "set -e"
      case $project in
        sqlite)
          echo "$CLANG -g $level $(flags_of $c "$RC_ROOTS") -DSQLITE_THREADSAFE=1" \
               "-DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_DQS=0 -fPIC" \
               "-I$RC_AMALG -c $RC_AMALG/sqlite3.c -o $dir/sqlite3.o" \
               "2>$dir/sqlite3.err" ;;
        lua)
          local f
          echo "echo '#define DEB_HOST_MULTIARCH \"x86_64-linux-gnu\"'" \
               ">$dir/lua5.4-deb-multiarch.h"
          for f in "$SRC"/src/*.c; do
            [ "$(basename "$f")" = luac.c ] && continue
            echo "$CLANG -g $level $(flags_of $c "'$RC_ROOTS'") -std=gnu99" \
                 "-DLUA_COMPAT_5_3 -DLUA_USE_LINUX -I$SRC/src -I$dir -fPIC" \
                 "-c $f -o $dir/$(basename "$f" .c).o 2>>$dir/compile.err"
          done ;;
        soundtouch)
          local f
          for f in "$SRC"/source/SoundTouch/*.cpp "$SRC"/source/SoundStretch/*.cpp; do
            echo "$CLANGXX -g $level $(flags_of $c "'$RC_ROOTS'") -std=c++17" \
                 "-I$SRC/include -msse2 -fPIC -c $f" \
                 "-o $dir/$(basename "$f" .cpp).o 2>>$dir/compile.err"
          done ;;
      esac
    } >"$dir/build.sh"
  done
}

# Timing: ROUNDS rounds of one hyperfine run per build.
time_project() {
  local project=$1 level=$2 rounds=$3 r i c order
  local out=$WORK/$project/$level
  rm -f "$out"/round-*.json
  local list=($CONFIGS)
  for ((r = 0; r < rounds; ++r)); do
    order=()
    for ((i = 0; i < ${#list[@]}; ++i)); do
      order+=("${list[$(((i + r) % ${#list[@]}))]}")
    done
    local args=()
    for c in "${order[@]}"; do
      args+=(-n "$c" "bash $out/$c/build.sh")
    done
    hyperfine --runs 1 --style none --export-json "$out/round-$r.json" \
      "${args[@]}" >/dev/null
  done
}

for project in $PROJECTS; do
  case $project in
    sqlite) . "$ROOT/test/realcode/sqlite.sh"; rc_fetch "$RC_PKG"
            rc_sqlite_amalgamation ;;
    soundtouch) . "$ROOT/test/realcode/soundtouch.sh"; rc_fetch "$RC_PKG" ;;
    lua) . "$ROOT/test/realcode/lua.sh"; rc_fetch "$RC_PKG" ;;
    *) echo "run.sh: unknown project $project (sqlite, soundtouch, lua)" >&2
       exit 2 ;;
  esac
  for level in $LEVELS; do
    write_cmds "$project" "$level"
    rounds=$ROUNDS_O2
    [ "$level" = -O0 ] && rounds=$ROUNDS_O0
    echo "== $project $level: $rounds rounds of $CONFIGS ($(date -u +%H:%M:%S) UTC," \
         "load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    time_project "$project" "$level" "$rounds"
    # A shared library of the objects (the library's own units), without
    # the runtime: what the summaries and descriptors add to a binary.
    for c in $CONFIGS; do
      d=$WORK/$project/$level/$c
      case $project in
        sqlite) objs=("$d/sqlite3.o") ;;
        lua) objs=(); for f in "$SRC"/src/*.c; do
               [ "$(basename "$f")" = luac.c ] || objs+=("$d/$(basename "$f" .c).o")
             done ;;
        soundtouch) objs=(); for f in "$SRC"/source/SoundTouch/*.cpp; do
                      objs+=("$d/$(basename "$f" .cpp).o"); done ;;
      esac
      "$CLANGXX" -shared "${objs[@]}" -o "$d/lib.so"
      "$SIZE_TOOL" -A "${objs[@]}" >"$d/objects.size"
      "$SIZE_TOOL" -A "$d/lib.so" >"$d/lib.size"
      cat "$d"/*.err 2>/dev/null | grep -c 'warning:' >"$d/warnings" || true
    done
  done
done
python3 "$HERE/table.py" "$WORK" $PROJECTS -- $LEVELS
echo "(LLVM $MAJOR, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
