#!/usr/bin/env bash
# run.sh - random IR through the plugin: llvm-stress modules run through
# `opt` with allocguard loaded, every function a root
# (-allocguard-roots='*'), every allocation call instrumented, and the IR
# verifier after every pass (-verify-each), in the -O0 pipeline for even
# seeds and the -O2 pipeline for odd ones (the optimisations then run on
# the instrumented IR); then the instrumented module through
# `llc -filetype=obj` at the same level (the summary's module asm
# assembled). Each seed gives two modules: llvm-stress's own
# (no calls: only the root's scope entry and exits are added), and the same
# with its allocas turned into malloc calls freed before each return (the
# calls are rewritten into checked calls too).
#
#   test/stress/run.sh --build build/check                  # 200 seeds, every major
#   nice test/stress/run.sh --major 22 --count 10000 --jobs 2   # the long run
#   test/stress/run.sh --major 14 --start 4711 --count 1    # one seed again
#
# Options: --build DIR (an allocguard build tree with its plugins; default
# build/check), --major N (repeatable; default every plugin in DIR),
# --start S (first seed, default 1), --count N (seeds, default 200),
# --jobs N (parallel seeds, default 2), --timeout SEC (per tool run,
# default 60), --work DIR (default DIR/test/stress). A failure keeps its
# inputs and log in WORK/llvmN/failures/<seed>-<form>/ with the command that
# reproduces it; so does a module the pass left uninstrumented (no scope
# for the root, or an allocation call not rewritten). A module LLVM itself cannot handle without the plugin
# (same stage, same failure) is counted apart, as LLVM's, not a failure.
# Exit status 0 no failure, 1 a crash, verifier failure, timeout or other
# error with the plugin, 2 bad usage or a missing tool.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

# One batch of seeds of one major, run by xargs below: prints one line per
# seed and form, "<seed> <form> <verdict> [stage]". A batch of several
# seeds is one module (llvm-link), so that opt and llc start once per
# batch; when it fails, each of its seeds runs again alone, at the same
# level, to name the seed.
if [ "${1:-}" = --one ]; then
  first=$2 count=$3 level=$4 major=$5 plugin=$6 out=$7 timeout=$8
  bin=/usr/lib/llvm-$major/bin
  dir=$out/work/$first-$count
  rm -rf "$dir" && mkdir -p "$dir"
  sizes=()
  for ((seed = first; seed < first + count; ++seed)); do
    # Sizes from 50 to about 1,000 instructions, varied by seed.
    size=$((50 + (seed * 7919) % 950))
    sizes+=("$seed:$size")
    if ! "$bin/llvm-stress" -seed="$seed" -size="$size" \
         -o "$dir/$seed.plain.ll" 2>"$dir/gen.log"; then
      echo "$seed gen llvm llvm-stress"
      continue
    fi
    # The allocating form: each alloca becomes a malloc of 64 bytes, freed
    # before each return (the allocas are in the entry block, so they
    # dominate every return). LLVM 14 has typed pointers.
    awk -v typed=$((major < 15)) '
      /^  %[A-Za-z0-9_.]+ = alloca / {
        name = $1; type = $0
        sub(/^  %[A-Za-z0-9_.]+ = alloca /, "", type); sub(/, align [0-9]+$/, "", type)
        if (typed) {
          print "  " name ".ag = call i8* @malloc(i64 64)"
          print "  " name " = bitcast i8* " name ".ag to " type "*"
          freed[++n] = "i8* " name ".ag"
        } else {
          print "  " name " = call ptr @malloc(i64 64)"
          freed[++n] = "ptr " name
        }
        next
      }
      /^  ret / { for (i = 1; i <= n; ++i) print "  call void @free(" freed[i] ")" }
      { print }
      END {
        print (typed ? "declare noalias i8* @malloc(i64)" : "declare noalias ptr @malloc(i64)")
        print (typed ? "declare void @free(i8*) nounwind" : "declare void @free(ptr) nounwind")
      }' "$dir/$seed.plain.ll" >"$dir/$seed.alloc.ll"
  done
  seeds=$(cd "$dir" && ls *.plain.ll 2>/dev/null | sed 's/\.plain\.ll$//' | sort -n)
  [ -n "$seeds" ] || exit 0
  batch_ok=1 batch_verdict=
  for form in plain alloc; do
    if [ "$count" = 1 ]; then
      cp "$dir/$first.$form.ll" "$dir/$form.ll"
    else
      # shellcheck disable=SC2086
      "$bin/llvm-link" -S $(for s in $seeds; do echo "$dir/$s.$form.ll"; done) \
        -o "$dir/$form.ll" 2>"$dir/link.log" ||
        { batch_ok=0 batch_verdict=error batch_stage=llvm-link batch_form=$form
          break; }
    fi
    in=$dir/$form.ll
    ag=(-load="$plugin" -load-pass-plugin="$plugin" "-allocguard-roots=*"
        -allocguard-instrument=all)
    verdict=ok stage=
    for stage in pass llc; do
      case $stage in
        pass) cmd=("$bin/opt" "${ag[@]}" "-passes=default<O$level>"
                   -verify-each -S "$in" -o "$dir/$form.ag.ll")
              plain_cmd=("$bin/opt" "-passes=default<O$level>" -verify-each
                         "$in" -o "$dir/$form.noag.bc") ;;
        llc) cmd=("$bin/llc" -O$level -filetype=obj "$dir/$form.ag.ll"
                  -o "$dir/$form.o")
             plain_cmd=("$bin/llc" -O$level -filetype=obj
                        "$dir/$form.noag.bc" -o /dev/null) ;;
      esac
      status=0
      timeout --foreground -k 5 "$timeout" "${cmd[@]}" >"$dir/$form.$stage.log" 2>&1 ||
        status=$?
      if [ $status = 0 ] && [ $stage = pass ]; then
        # The pass must have done its work: the summary, and at -O0 the
        # root's scope and, in the allocating form, the checked calls (at
        # -O2 a scope around code that calls nothing is rightly optimised
        # away).
        grep -q '\.allocguard\.summary' "$dir/$form.ag.ll" &&
          { [ "$level" = 2 ] ||
            { grep -q '@__allocguard_scope_depth' "$dir/$form.ag.ll" &&
              { [ $form = plain ] ||
                grep -q '@__allocguard_malloc(' "$dir/$form.ag.ll"; }; }; } ||
          { verdict=uninstrumented; break; }
      fi
      [ $status = 0 ] && continue
      if [ $status = 124 ] || [ $status = 137 ]; then verdict=timeout
      elif grep -q 'Broken module\|verification failed\|[Bb]roken function' \
             "$dir/$form.$stage.log"; then verdict=verifier
      elif [ $status -gt 128 ] || grep -q 'Stack dump\|PLEASE submit' \
             "$dir/$form.$stage.log"; then verdict=crash
      else verdict=error
      fi
      # Does LLVM fail the same way without the plugin? Then it is LLVM's.
      [ $stage = pass ] || [ -s "$dir/$form.noag.bc" ] ||
        "$bin/opt" "-passes=default<O$level>" "$in" -o "$dir/$form.noag.bc" \
          >/dev/null 2>&1 || true
      if ! timeout --foreground -k 5 "$timeout" "${plain_cmd[@]}" >/dev/null 2>&1; then
        verdict=llvm
      fi
      break
    done
    if [ "$count" != 1 ]; then
      [ "$verdict" = ok ] ||
        { batch_ok=0 batch_verdict=$verdict batch_stage=$stage batch_form=$form
          break; }
      continue
    fi
    [ "$verdict" = ok ] && stage=
    echo "$first $form $verdict $stage"
    if [ "$verdict" != ok ] && [ "$verdict" != llvm ]; then
      keep=$out/failures/$first-$form
      rm -rf "$keep" && mkdir -p "$keep"
      cp "$dir"/$form.* "$keep/" 2>/dev/null || true
      size=${sizes[0]#*:}
      { printf '# %s at stage %s (seed %s, -O%s); reproduce:\n' \
          "$verdict" "$stage" "$first" "$level"
        printf '%q ' "$bin/llvm-stress" -seed="$first" -size="$size" -o plain.ll
        echo
        [ $form = plain ] || echo "# then the allocating rewrite of test/stress/run.sh: alloc.ll is kept"
        printf '%q ' "${cmd[@]}"; echo; } | sed "s|$dir/||g" >"$keep/README"
    fi
  done
  if [ "$count" != 1 ]; then
    if [ $batch_ok = 1 ]; then
      for s in $seeds; do echo "$s plain ok"; echo "$s alloc ok"; done
    else
      alone=$(for s in $seeds; do
        "$0" --one "$s" 1 "$level" "$major" "$plugin" "$out" "$timeout"
      done)
      echo "$alone"
      # A failure of the batch that no seed shows alone is still one: the
      # batch's module is kept.
      if [ "${batch_verdict:-llvm}" != llvm ] &&
         ! echo "$alone" | awk '$3 != "ok" { bad = 1 } END { exit !bad }'; then
        echo "$first batch $batch_verdict $batch_stage"
        keep=$out/failures/$first-batch
        rm -rf "$keep" && mkdir -p "$keep"
        cp "$dir"/$batch_form.* "$keep/" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf "$dir"
  exit 0
fi

BUILD=$ROOT/build/check MAJORS=() START=1 COUNT=200 JOBS=2 TIMEOUT=60 WORK=
BATCH=10
while [ $# -gt 0 ]; do
  case $1 in
    --build) BUILD=$(cd "$2" && pwd) || usage; shift 2 ;;
    --major) MAJORS+=("$2"); shift 2 ;;
    --start) START=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --work) mkdir -p "$2" && WORK=$(cd "$2" && pwd); shift 2 ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown argument $1" >&2; usage ;;
  esac
done
for n in "$START" "$COUNT" "$JOBS" "$TIMEOUT" "$BATCH"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: '$n' is not a number" >&2; usage; }
done
if [ ${#MAJORS[@]} = 0 ]; then
  read -r -a MAJORS <<<"$(ls "$BUILD"/plugin/allocguard-llvm*.so 2>/dev/null |
    sed 's/.*allocguard-llvm\([0-9]*\)\.so/\1/' | sort -n | tr '\n' ' ')"
  [ ${#MAJORS[@]} -gt 0 ] ||
    { echo "run.sh: no plugin in $BUILD/plugin: build allocguard first" >&2; exit 2; }
fi
: "${WORK:=$BUILD/test/stress}"

failed=0
for major in "${MAJORS[@]}"; do
  plugin=$BUILD/plugin/allocguard-llvm$major.so
  bin=/usr/lib/llvm-$major/bin
  [ -f "$plugin" ] ||
    { echo "run.sh: no $plugin: build allocguard for LLVM $major" >&2; exit 2; }
  for tool in llvm-stress opt llc; do
    [ -x "$bin/$tool" ] ||
      { echo "run.sh: $bin/$tool is missing (apt-get install llvm-$major)" >&2; exit 2; }
  done
  out=$WORK/llvm$major
  rm -rf "$out" && mkdir -p "$out"
  t0=$SECONDS
  # Batches alternate between -O0 and -O2.
  for ((b = START; b < START + COUNT; b += BATCH)); do
    n=$((START + COUNT - b)); [ $n -le "$BATCH" ] || n=$BATCH
    echo "$b $n $(((b - START) / BATCH % 2 * 2))"
  done |
    xargs -P "$JOBS" -L 1 sh -c '"$0" --one "$5" "$6" "$7" "$1" "$2" "$3" "$4"' \
      "$0" "$major" "$plugin" "$out" "$TIMEOUT" >"$out/results.txt"
  count() { awk -v v="$1" '$3 == v' "$out/results.txt" | wc -l; }
  modules=$(awk '$2 != "gen" && $2 != "batch"' "$out/results.txt" | wc -l)
  bad=$(awk '$3 != "ok" && $3 != "llvm"' "$out/results.txt" | wc -l)
  other=$(awk '$3 == "error" || $3 == "uninstrumented"' "$out/results.txt" | wc -l)
  echo "LLVM $major: seeds $START..$((START + COUNT - 1)), $modules modules" \
       "in $((SECONDS - t0)) s: $(count ok) ok, $(count crash) crashes," \
       "$(count verifier) verifier failures, $(count timeout) timeouts," \
       "$other other errors; $(count llvm) failing without the" \
       "plugin too (LLVM's)"
  if [ "$bad" -gt 0 ]; then
    failed=1
    awk '$3 != "ok" && $3 != "llvm" {
           print "  seed " $1 " (" $2 "): " $3 " at " $4 }' "$out/results.txt"
    echo "  inputs, logs and commands: $out/failures/"
  fi
done
exit $failed
