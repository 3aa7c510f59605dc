#!/usr/bin/env bash
# bench/compile/instructions.sh - the plugin's compile-time cost in
# instructions, which a shared or noisy machine cannot blur the way it
# blurs seconds: every unit of one project compiled under callgrind
# (valgrind --tool=callgrind, the driver and clang -cc1 alike), once plain
# and once with the plugin as bench/compile/run.sh's "roots" build (roots
# named, summaries embedded, the roots instrumented). Prints the totals
# and their ratio.
#
#   bench/compile/instructions.sh build/check lua -O2
#   MAJOR=19 bench/compile/instructions.sh build/check sqlite -O0
#
# Arguments: an allocguard build tree, a project of bench/compile/run.sh
# (sqlite, soundtouch, lua), a level. Environment: MAJOR (default the
# newest plugin in the tree). Reuses run.sh's build scripts: run run.sh
# for the project and level first (ROUNDS_O0=1 ROUNDS_O2=1 is enough).
# Needs valgrind. Slow: about 50 times the compile.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
[ $# -eq 3 ] || { sed -n '2,18p' "$0" >&2; exit 2; }
BUILD=$(cd "$1" && pwd)
PROJECT=$2 LEVEL=$3
WORK=${WORK:-$BUILD/bench/compile}
command -v valgrind >/dev/null ||
  { echo "instructions.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
declare -A total
for c in plain roots; do
  script=$WORK/$PROJECT/$LEVEL/$c/build.sh
  [ -f "$script" ] || { echo "instructions.sh: no $script: run" \
    "PROJECTS=$PROJECT LEVELS=$LEVEL bench/compile/run.sh $1 first" >&2; exit 2; }
  # Each compiler command of the script under callgrind; the header
  # writes and `set -e` as they are.
  log=$WORK/$PROJECT/$LEVEL/$c/callgrind.log
  sed -E 's#^(/[^ ]*/clang(\+\+)? )#valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null \1#' \
    "$script" >"$script.callgrind"
  rm -f "$WORK/$PROJECT/$LEVEL/$c"/*.err # the scripts' stderr: the totals
  bash "$script.callgrind" 2>/dev/null
  grep -h 'Collected' "$WORK/$PROJECT/$LEVEL/$c"/*.err >"$log" || true
  total[$c]=$(awk '{ s += $NF } END { printf "%.0f", s }' "$log")
  [ "${total[$c]}" -gt 0 ] ||
    { echo "instructions.sh: no callgrind totals for $c (see $log)" >&2; exit 1; }
done
python3 - "$PROJECT" "$LEVEL" "${total[plain]}" "${total[roots]}" <<'PY'
import sys
project, level, plain, roots = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
print("| project | level | plain (M instructions) | roots (M instructions) | ratio |")
print("|---|---|---:|---:|---:|")
print("| %s | %s | %s | %s | %.3f |" % (project, level, format(plain // 10**6, ","),
                                        format(roots // 10**6, ","), roots / plain))
PY
