# build_lib.sh - sourced by ccache.sh and distcc.sh: build the consumer's
# three-unit program (root in synth.c, strdup two units away in util.c)
# through a compiler launcher, and compare builds by their summaries and
# their whole-program reports.
#
# Expects CLANG PLUGIN REPORT OBJCOPY RUNTIME INCLUDE SRC WORK in the
# environment (see test/integration/CMakeLists.txt). With CLANG an
# allocguard-clang driver, RUNTIME and INCLUDE are empty: the driver adds
# them.

ag_fail() {
  echo "FAIL: $*" >&2
  exit 1
}

ag_need_tool() {
  command -v "$1" >/dev/null 2>&1 ||
    ag_fail "$1 is not installed, but this test was registered because" \
            "CMake found it at configure time; install it again" \
            "(apt-get install $2) or reconfigure"
}

AG_UNITS="synth dsp util"

# ag_build DIR LAUNCHER... -- FLAGS...: compile each unit into DIR with
# "LAUNCHER... $CLANG FLAGS", link DIR/synth, dump each object's summary to
# DIR/<unit>.sum. The compilers' stderr goes to DIR/compile.err. Sources are
# named $SRC/<unit>.c, or <unit>.c from $SRC when AG_RELATIVE is set.
ag_build() {
  local dir=$1; shift
  local launcher=()
  while [ "$1" != "--" ]; do launcher+=("$1"); shift; done
  shift
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  : >"$dir/compile.err"
  for u in $AG_UNITS; do
    local src=$SRC/$u.c
    [ -z "${AG_RELATIVE:-}" ] || src=$u.c
    (cd "$SRC" && "${launcher[@]}" "$CLANG" "$@" -g -O2 -DSEED_VIOLATION \
       ${INCLUDE:+-I"$INCLUDE"} -c "$src" -o "$dir/$u.o") 2>>"$dir/compile.err" ||
      { cat "$dir/compile.err" >&2; ag_fail "compiling $u.c into $dir"; }
    "$OBJCOPY" --dump-section=.allocguard.summary="$dir/$u.sum" "$dir/$u.o" ||
      ag_fail "$dir/$u.o carries no .allocguard.summary section"
  done
  "$CLANG" "$dir"/*.o ${RUNTIME:+"$RUNTIME" -lpthread} -o "$dir/synth" ||
    ag_fail "linking $dir/synth"
}

# ag_report DIR: the text and SARIF reports of DIR/synth, run from DIR on a
# relative input so that builds in different directories can be compared.
# The seeded violation must be found: status 1, the whole path named.
ag_report() {
  local dir=$1 status=0
  (cd "$dir" && "$REPORT" --source-root="$SRC" --sarif=report.sarif synth \
     >report.txt 2>report.err) || status=$?
  [ "$status" = 1 ] ||
    { cat "$dir/report.txt" "$dir/report.err" >&2
      ag_fail "report on $dir/synth: exit status $status, expected 1"; }
  for word in render dsp_process util_label strdup; do
    grep -q "$word" "$dir/report.txt" ||
      { cat "$dir/report.txt" >&2; ag_fail "$dir/report.txt does not name $word"; }
  done
}

# ag_same A B: byte-identical summaries per unit and identical reports.
ag_same() {
  for u in $AG_UNITS; do
    cmp "$1/$u.sum" "$2/$u.sum" ||
      ag_fail "the summary of $u.c differs between $1 and $2"
  done
  for r in report.txt report.sarif; do
    diff -u "$1/$r" "$2/$r" || ag_fail "$r differs between $1 and $2"
  done
}

# ag_run DIR: DIR/synth runs with the runtime in log mode and reports the
# seeded violation (strdup two units below the root render), then finishes.
ag_run() {
  ALLOCGUARD_OPTIONS=mode=log "$1/synth" >"$1/run.out" 2>&1 ||
    { cat "$1/run.out" >&2; ag_fail "$1/synth failed"; }
  grep -q "ERROR: allocguard: allocation in alloc_free scope: strdup.*root render" \
    "$1/run.out" && grep -q "^rendered" "$1/run.out" ||
    { cat "$1/run.out" >&2; ag_fail "$1/synth did not report strdup below render"; }
}
