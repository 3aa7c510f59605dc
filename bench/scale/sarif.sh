#!/usr/bin/env bash
# bench/scale/sarif.sh - what code scanning would receive from the
# 1,000,000-function program of bench/scale/run.sh: SARIF results, bytes
# and gzip -6 bytes (GitHub's limits: 25,000 results per run, 10 MB
# gzip-compressed per upload), per allocguard-report given, each run once
# (nice). Prints the table of docs/benchmarks.md ("SARIF for code
# scanning"); the SARIF itself is never stored, only counted.
#
#   bench/scale/sarif.sh                          # build/bench's tool
#   bench/scale/sarif.sh old/allocguard-report build/bench/report/allocguard-report
#   OPTIONS="--sarif-max-gzip=2000000" bench/scale/sarif.sh
#
# The program (30 MB of side files) goes to $WORK (default: a directory
# under /dev/shm when it exists, else under $TMPDIR), removed at exit.
# Needs gzip, /usr/bin/time, a C compiler and zlib (zlib1g-dev).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD=${BUILD:-build/bench}
if [ $# -eq 0 ]; then
  [ -f "$BUILD/CMakeCache.txt" ] || cmake --preset demo -B "$BUILD" >/dev/null
  major=$(sed -n 's/^ALLOCGUARD_LLVM_VERSION:STRING=//p' "$BUILD/CMakeCache.txt")
  cmake --build "$BUILD" --target "allocguard-report-llvm$major" >/dev/null
  set -- "$BUILD/report/allocguard-report"
fi
base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
WORK=${WORK:-$(mktemp -d "$base/allocguard-sarif.XXXXXX")}
trap 'rm -rf "$WORK"' EXIT
cc -O2 -Icommon -o "$WORK/gen" bench/scale/gen_summaries.c \
  common/ag_summary_pack.c common/ag_alloc.c -lz
"$WORK/gen" "$WORK/program" 1000000 10000000 300 >/dev/null
ls "$WORK"/program/*.agsum >"$WORK/list"

echo "| allocguard-report | options | results | bytes | gzip -6 bytes | write phase (CPU) | peak RSS |"
echo "|---|---|---:|---:|---:|---:|---:|"
for report in "$@"; do
  # Exit status 1: the synthetic program has findings, as intended.
  { /usr/bin/time -f "%M" -o "$WORK/time" nice "$report" --stats \
      --format=sarif ${OPTIONS:-} "@$WORK/list" 2>"$WORK/err" || [ $? = 1 ]; } |
    tee >(gzip -6 | wc -c >"$WORK/gz") \
        >(grep -o '"ruleId"' | wc -l >"$WORK/results") | wc -c >"$WORK/bytes"
  sleep 1 # the counting processes finish after the pipe
  cpu=$(sed -n 's/.*stats: write .*cpu *\([0-9.]*\) s.*/\1/p' "$WORK/err")
  printf '| %s | %s | %d | %d | %d | %s s | %d MiB |\n' \
    "$report" "${OPTIONS:--}" \
    "$(cat "$WORK/results")" "$(cat "$WORK/bytes")" "$(cat "$WORK/gz")" \
    "$cpu" $(($(tail -n 1 "$WORK/time") / 1024))
  grep 'warning: .* left out' "$WORK/err" | cut -c1-160 || true
done
