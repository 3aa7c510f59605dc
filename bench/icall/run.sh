#!/usr/bin/env bash
# run.sh - how many indirect and virtual calls allocguard-report resolves in
# real libraries: zlib, Lua 5.4 and SQLite from Debian's sources (apt-get
# source), each library's units compiled with the plugin (its entry points
# as roots, as in the real-code suite), put in one archive, and read by
# `allocguard-report --stats --json` (--json for the unknown indirect calls
# below the roots). Prints one markdown table.
#
#   bench/icall/run.sh build/check                 # every library
#   bench/icall/run.sh build/check zlib lua
#
# The fetching and the compile recipes are test/realcode's (lib.sh and the
# zlib.sh, lua.sh and sqlite.sh recipes, sourced); only the library's own
# units go in the archive, not its test programs or shell. Environment:
# MAJOR (LLVM major; default the newest plugin in the build tree), OPT
# (default -O2), JOBS (parallel compiles; default 2), WORK (default a
# temporary directory, removed at the end), RC_SRC_CACHE (unpacked sources;
# default WORK/src). Needs apt-get with a deb-src entry, dpkg-dev, tclsh
# (SQLite's amalgamation) and python3. Exit status 0 done, 1 a failure, 2
# bad usage.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/../.." && pwd)
HERE=$ROOT/test/realcode   # the recipes find their own files through HERE

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
case $1 in -h|--help) usage ;; esac
BUILD=$(cd "$1" 2>/dev/null && pwd) ||
  { echo "run.sh: no build directory $1" >&2; exit 2; }
shift
LIBS=("$@")
[ ${#LIBS[@]} -gt 0 ] || LIBS=(zlib lua sqlite)
for l in "${LIBS[@]}"; do
  case $l in zlib|lua|sqlite) ;;
    *) echo "run.sh: no library '$l' (have: zlib lua sqlite)" >&2; exit 2 ;;
  esac
done

if [ -z "${MAJOR:-}" ]; then
  MAJOR=$(ls "$BUILD"/plugin/allocguard-llvm*.so 2>/dev/null |
          sed 's/.*allocguard-llvm\([0-9]*\)\.so/\1/' | sort -n | tail -n 1)
fi
PLUGIN=$BUILD/plugin/allocguard-llvm$MAJOR.so
REPORT=$BUILD/report/allocguard-report
CLANG=/usr/lib/llvm-$MAJOR/bin/clang
CLANGXX=/usr/lib/llvm-$MAJOR/bin/clang++
for t in PLUGIN REPORT CLANG; do
  [ -x "${!t}" ] || [ -f "${!t}" ] ||
    { echo "run.sh: $t=${!t} does not exist (build allocguard-llvm$MAJOR and allocguard-report in $BUILD)" >&2; exit 2; }
done
RC_OPT=${OPT:--O2}
RC_JOBS=${JOBS:-2}
if [ -z "${WORK:-}" ]; then
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"
: "${RC_SRC_CACHE:=$WORK/src}"
mkdir -p "$RC_SRC_CACHE"
export LC_ALL=C
AG_FLAGS=("-fplugin=$PLUGIN" "-fpass-plugin=$PLUGIN")

# shellcheck source=../../test/realcode/lib.sh
. "$HERE/lib.sh"
# Objects are all this needs: no programs, no runtime.
rc_link() { :; }

# The units of each recipe that are programs, not the library.
declare -A PROGRAM_UNITS=([zlib]="example infcover minigzip"
                          [lua]="lua" [sqlite]="shell speedtest1")

ROWS=()
for l in "${LIBS[@]}"; do
  RC_LIB=$l RC_DEBUG= RC_VARIANT=ag RC_OUT=$WORK/$l
  # shellcheck source=/dev/null
  . "$HERE/$l.sh"
  rc_fetch "$RC_PKG"
  rc_note "$l: $(basename "$SRC"), roots $RC_ROOTS"
  rm -rf "$RC_OUT" && mkdir -p "$RC_OUT"
  : >"$RC_OUT/compile.err"
  rc_flags ag
  t0=$SECONDS
  rc_build ag "$RC_OUT"
  rc_wait
  objs=()
  for o in "$RC_OUT"/*.o; do
    case " ${PROGRAM_UNITS[$l]} " in *" $(basename "$o" .o) "*) continue ;; esac
    objs+=("$o")
  done
  rm -f "$RC_OUT/lib$l.a"
  ar rcs "$RC_OUT/lib$l.a" "${objs[@]}"
  rc_note "$l: ${#objs[@]} units compiled in $((SECONDS - t0)) s"
  status=0
  "$REPORT" --stats --json="$RC_OUT/report.json" "$RC_OUT/lib$l.a" \
    >"$RC_OUT/report.txt" 2>"$RC_OUT/stats.txt" || status=$?
  [ "$status" -le 1 ] ||
    { cat "$RC_OUT/stats.txt" >&2
      rc_fail "allocguard-report on lib$l.a: exit status $status"; }
  line=$(grep 'stats: merge' "$RC_OUT/stats.txt") ||
    rc_fail "$l: no merge line in allocguard-report --stats"
  echo "$line"
  # "... N calls (I indirect or virtual, R resolved: S candidate sets,
  # P call-candidate pairs, T by type alone)"
  read -r icalls resolved sets pairs by_type < <(echo "$line" | sed -E \
    's/.*\(([0-9]+) indirect or virtual, ([0-9]+) resolved: ([0-9]+) candidate sets, ([0-9]+) call-candidate pairs, ([0-9]+) by type alone\).*/\1 \2 \3 \4 \5/')
  # The stats count indirect and virtual calls together; these libraries
  # are C, which has no virtual calls.
  virtual=0
  units=${#objs[@]}
  # What the roots reach: the report's unknown-call findings (one per root
  # and call) that are indirect or virtual calls without a candidate; calls
  # to external functions without a summary are the other kind.
  reached=$(python3 -c 'import json, sys
print(sum(u["kind"] in ("indirect", "virtual")
          for u in json.load(open(sys.argv[1]))["unknown_calls"]))' \
    "$RC_OUT/report.json")
  average() { awk -v p="$1" -v r="$resolved" \
                'BEGIN { if (r > 0) printf "%.1f", p / r; else print "-" }'; }
  ROWS+=("| $l ($(basename "$SRC")) | $units | $icalls | $virtual | $resolved | $((icalls - resolved)) | $sets | $(average "$by_type") | $(average "$pairs") | $reached |")
done

echo
echo "Indirect-call resolution, LLVM $MAJOR, $RC_OPT, allocguard-report --stats:"
echo
echo "| library | units | indirect + virtual call sites | of which virtual | resolved | still unknown | candidate sets | avg candidates per resolved site, type alone | the same, all layers | unknown indirect findings below the roots |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
