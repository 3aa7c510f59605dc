#!/usr/bin/env bash
# bench/scale/run.sh - allocguard-report on a synthetic whole program:
# merge + analysis + SARIF writing for 1/4, 1/2 and all of 1,000,000
# functions and 10,000,000 call edges (bench/scale/gen_summaries.c), wall
# time and peak RSS from /usr/bin/time; prints the table of
# docs/benchmarks.md ("Whole-program report at scale").
#
#   bench/scale/run.sh                   # about a minute on 2 idle cores
#   ROUNDS=5 SIZES="1" bench/scale/run.sh
#
# Not a test: the figures depend on the machine. Needs cmake, ninja, a C
# compiler, zlib (zlib1g-dev, as the build) and /usr/bin/time (apt-get
# install time).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD=${BUILD:-build/bench}
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-"4 2 1"} # divisors of the full size
OUT=$BUILD/scale
mkdir -p "$OUT"

# Its own build directory (the demo preset's settings: RelWithDebInfo, no
# tests), shared with bench/run.sh.
[ -f "$BUILD/CMakeCache.txt" ] || cmake --preset demo -B "$BUILD" >/dev/null
major=$(sed -n 's/^ALLOCGUARD_LLVM_VERSION:STRING=//p' "$BUILD/CMakeCache.txt")
cmake --build "$BUILD" --target "allocguard-report-llvm$major" >/dev/null
report=$BUILD/report/allocguard-report
cc -O2 -Icommon -o "$OUT/gen" bench/scale/gen_summaries.c \
  common/ag_summary_pack.c common/ag_alloc.c -lz

echo "allocguard-report ${COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo '?')}," \
     "$(nproc) CPUs, $(uname -m); best of $ROUNDS runs, --format=sarif"
echo
echo "| size | functions | call edges | roots | input | findings | wall (best) | wall (median) | user+sys | peak RSS | SARIF | ns/edge |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for div in $SIZES; do
  fns=$((1000000 / div)) edges=$((10000000 / div)) roots=$((300 / div))
  dir=$OUT/program_$div
  rm -rf "$dir"
  "$OUT/gen" "$dir" "$fns" "$edges" "$roots" >/dev/null
  ls "$dir"/*.agsum >"$dir.list" # @FILE: no command-line length limit
  best= walls=
  for _ in $(seq "$ROUNDS"); do
    # Exit status 1: the synthetic program has findings, as intended.
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" \
      "$report" --stats --format=sarif -o "$OUT/out.sarif" "@$dir.list" \
      2>"$OUT/stderr" || [ $? = 1 ]
    read -r wall user sys rss < <(tail -n 1 "$OUT/time") # after "exited with"
    walls="$walls $wall"
    if [ -z "$best" ] || awk "BEGIN { exit !($wall < ${best%% *}) }"; then
      best="$wall $user $sys $rss"
      grep 'stats:' "$OUT/stderr" | sed "s|^allocguard-report: stats:|  1/$div|" \
        >"$OUT/phases_$div" || true
    fi
  done
  read -r wall user sys rss <<<"$best"
  median=$(printf '%s\n' $walls | sort -n | awk '{ v[NR] = $1 }
    END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  findings=$(grep -o '"ruleId"' "$OUT/out.sarif" | wc -l)
  awk -v d="$div" -v f="$fns" -v e="$edges" -v r="$roots" -v w="$wall" \
      -v med="$median" \
      -v u="$user" -v s="$sys" -v m="$rss" -v n="$findings" \
      -v in_b="$(du -sb "$dir" | cut -f1)" \
      -v out_b="$(stat -c %s "$OUT/out.sarif")" 'BEGIN {
    printf "| 1/%d | %d | %d | %d | %.0f MB | %d | %.2f s | %.2f s | %.2f s | %.0f MiB | %.0f MB | %.0f |\n",
      d, f, e, r, in_b / 1e6, n, w, med, u + s, m / 1024, out_b / 1e6, w * 1e9 / e }'
done
echo
echo "Phases of the best runs (allocguard-report --stats):"
echo
cat "$OUT"/phases_*
