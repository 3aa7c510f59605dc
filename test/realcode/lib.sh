# lib.sh - sourced by run.sh: fetch a Debian source package, build it plain
# and with the plugin in every unit, run its workloads in both builds and
# compare, then check that the static report covers what fired at run time.
#
# A library recipe (zlib.sh, lua.sh, ...) sets RC_PKG, RC_ROOTS, RC_PROGRAMS
# and RC_WORKLOADS (and RC_DEBUG, the debug-info flag, when not -g;
# RC_RTSAN_SKIP, roots RealtimeSanitizer leaves out; RC_RTSAN_SKIP_WORKLOADS,
# workloads it does not run, each with the reason in the recipe) and
# defines rc_build VARIANT DIR (compile with rc_cc / rc_cxx, link with
# rc_link) and one function wl_<name> per workload, run in
# an empty directory with $BIN (the build) and $SRC (the sources) set. What
# a workload prints, its exit status and the files it leaves are compared.

rc_fail() {
  echo "FAIL: $*" >&2
  exit 1
}

rc_note() {
  echo "== $*"
}

# rc_run_each PROGRAM...: in a workload, run each of the build's programs
# and say how it ended (test programs that exit nonzero on a failed check).
rc_run_each() {
  local t s
  for t in "$@"; do
    s=0
    "$BIN/$t" || s=$?
    echo "$t: status $s"
  done
}

# rc_fetch PKG: unpack the Debian source package PKG (patches applied) under
# $RC_SRC_CACHE once; sets SRC to its directory.
rc_fetch() {
  local pkg=$1 dest=$RC_SRC_CACHE/$1
  if [ ! -f "$dest/.unpacked" ]; then
    command -v dpkg-source >/dev/null ||
      rc_fail "dpkg-source is missing: apt-get install dpkg-dev"
    rm -rf "$dest" && mkdir -p "$dest"
    (cd "$dest" && apt-get source -qq --only-source "$pkg") \
      >"$dest/fetch.log" 2>&1 ||
      { cat "$dest/fetch.log" >&2
        rc_fail "apt-get source $pkg failed: apt needs a deb-src entry" \
                "(Types: deb-src in /etc/apt/sources.list.d/, then" \
                "apt-get update) and dpkg-dev; see docs/realcode.md"; }
    touch "$dest/.unpacked"
  fi
  SRC=$(find "$dest" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [ -d "$SRC" ] || rc_fail "apt-get source $pkg unpacked nothing in $dest"
}

# The flags of a build. plain: the compiler alone. ag: the plugin in every
# unit, every allocation call instrumented, the recipe's roots by name.
# The ag and rtsan builds make no tail calls, so that a function that ends
# in `return malloc(n)` or `m->free_fcn(p)` keeps its frame: the stack of a
# call the runtime (or RealtimeSanitizer) intercepted names its line, not
# its caller's (the plugin's rewrite does not depend on it).
rc_flags() {
  case $1 in
    plain) RC_VFLAGS=() ;;
    ag) RC_VFLAGS=("${AG_FLAGS[@]}" -mllvm "-allocguard-roots=$RC_ROOTS"
                   -fno-optimize-sibling-calls) ;;
    rtsan) RC_VFLAGS=(-fno-optimize-sibling-calls) ;;
    *) rc_fail "unknown variant $1" ;;
  esac
}

# Compile jobs run RC_JOBS at a time; rc_wait collects them.
rc_spawn() {
  while [ "$(jobs -rp | wc -l)" -ge "$RC_JOBS" ]; do wait -n || true; done
  "$@" &
}

rc_wait() {
  local failed=0 pid
  for pid in $(jobs -rp); do wait "$pid" || failed=1; done
  wait || failed=1
  [ -f "$RC_OUT/compile.failed" ] && failed=1
  [ $failed = 0 ] ||
    { tail -n 40 "$RC_OUT/compile.err" >&2
      rc_fail "compiling $RC_LIB ($RC_VARIANT); full log: $RC_OUT/compile.err"; }
}

_rc_compile() {
  local drv=$1 src=$2 obj=$3; shift 3
  local log=$obj.err
  "$drv" ${RC_DEBUG:--g} $RC_OPT "${RC_VFLAGS[@]}" "$@" -c "$src" -o "$obj" \
    2>"$log" ||
    { echo "$src" >>"$RC_OUT/compile.failed"; }
  cat "$log" >>"$RC_OUT/compile.err"
  rm -f "$log"
}

# rc_cc SRC OBJ FLAGS...: compile a C unit in the background.
rc_cc() { rc_spawn _rc_compile "$CLANG" "$@"; }
rc_cxx() { rc_spawn _rc_compile "$CLANGXX" "$@"; }

# rc_link DRIVER OUT OBJS... [-- LIBS...]: link. The ag build adds the
# static runtime (the program runs from the build tree as it is) and links
# the same objects again with the shared runtime into ag-shared/, for the
# preload runs; the rtsan build adds RealtimeSanitizer and the trampolines.
rc_link() {
  local drv=$1 out=$2; shift 2
  local objs=() libs=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do objs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  libs=("$@")
  local rt=()
  [ "$RC_VARIANT" = ag ] && rt=("$RUNTIME" -lpthread)
  if [ "$RC_VARIANT" = rtsan ]; then
    [ "$drv" = "$CLANGXX" ] && drv=$RTSAN_CLANGXX || drv=$RTSAN_CLANG
    rt=(-fsanitize=realtime "$RC_WORK/rtsan_wrap.o")
    local sym
    for sym in $RC_RTSAN_SYMS; do rt+=("-Wl,--wrap=$sym"); done
  fi
  "$drv" -g "${objs[@]}" "${libs[@]}" "${rt[@]}" -o "$out" \
    2>>"$RC_OUT/link.err" ||
    { cat "$RC_OUT/link.err" >&2; rc_fail "linking $out ($RC_VARIANT)"; }
  [ "$RC_VARIANT" = ag ] || return 0
  # The same objects against the shared runtime, for the preload run.
  local shdir
  shdir=$(dirname "$RUNTIME_SHARED")
  mkdir -p "$RC_WORK/ag-shared"
  "$drv" -g "${objs[@]}" "${libs[@]}" -L"$shdir" -Wl,-rpath,"$shdir" \
    -lallocguard_rt -lpthread -o "$RC_WORK/ag-shared/$(basename "$out")" \
    2>>"$RC_OUT/link.err" ||
    { cat "$RC_OUT/link.err" >&2
      rc_fail "linking $(basename "$out") with the shared runtime"; }
}

# rc_build_variant VARIANT: the recipe's rc_build into $RC_WORK/VARIANT,
# timed.
rc_build_variant() {
  RC_VARIANT=$1
  RC_OUT=$RC_WORK/$1
  if [ -n "${RC_REUSE:-}" ] && [ -f "$RC_OUT/.built" ]; then
    rc_note "$RC_LIB: $1 build reused (RC_REUSE is set)"
    return
  fi
  rm -rf "$RC_OUT" && mkdir -p "$RC_OUT"
  [ "$1" = ag ] && rm -rf "$RC_WORK/ag-shared"
  : >"$RC_OUT/compile.err"
  rc_flags "$1"
  local t0=$SECONDS
  if [ "$1" = rtsan ]; then
    "$PYTHON" "$HERE/rtsan_wrap.py" "$RC_WORK/rtsan_wrap.S" $RC_RTSAN_SYMS &&
      "$CLANG" -c "$RC_WORK/rtsan_wrap.S" -o "$RC_WORK/rtsan_wrap.o" ||
      rc_fail "$RC_LIB: making the RealtimeSanitizer trampolines"
  fi
  rc_build "$1" "$RC_OUT"
  rc_wait
  for p in $RC_PROGRAMS; do
    [ -x "$RC_OUT/$p" ] || rc_fail "$RC_LIB ($1): $p was not built"
  done
  touch "$RC_OUT/.built"
  rc_note "$RC_LIB: $1 build in $((SECONDS - t0)) s"
}

# rc_run_workload NAME MODE: run wl_NAME in $RC_WORK/run/MODE/NAME/cwd with
# the build of MODE: plain; ag in count or log mode; or preload: ag linked
# with the shared runtime, liballocguard_preload.so preloaded, log mode
# (allocations inside libc and libstdc++ below a root are seen through it,
# as through the default runtime's own interposers). Keeps stdout, stderr
# and the exit status beside cwd.
rc_run_workload() {
  local name=$1 mode=$2 variant=ag opts= preload=
  case $mode in
    plain) variant=plain ;;
    count) opts=mode=count ;;
    log) opts=mode=log:backtrace=1$RC_NOSYM ;;
    preload) variant=ag-shared opts=mode=log:backtrace=1$RC_NOSYM
             preload=$PRELOAD ;;
    rtsan) variant=rtsan ;;
  esac
  local d=$RC_WORK/run/$mode/$name
  rm -rf "$d" && mkdir -p "$d/cwd"
  local status=0
  (cd "$d/cwd" && BIN=$RC_WORK/$variant && export BIN SRC &&
     if [ -n "$opts" ]; then export ALLOCGUARD_OPTIONS=$opts
     else unset ALLOCGUARD_OPTIONS; fi &&
     if [ -n "$preload" ]; then export LD_PRELOAD=$preload; fi &&
     export RTSAN_OPTIONS=halt_on_error=false:external_symbolizer_path=$SYMBOLIZER &&
     "wl_$name") >"$d/stdout" 2>"$d/stderr" || status=$?
  echo "$status" >"$d/status"
  # Programs that print their own path (argv[0]) name the build: $BIN.
  # stderr stays as it is (the log's stacks name the program by path).
  sed -i "s|$RC_WORK/$variant/|\$BIN/|g" "$d/stdout"
  sed "s|$RC_WORK/$variant/|\$BIN/|g" "$d/stderr" >"$d/stderr.cmp"
}

# rc_compare NAME: the ag runs must print what the plain run printed, end
# with the same status and leave the same files; in count mode stderr too
# (log mode adds its report lines there).
rc_compare() {
  local name=$1 p=$RC_WORK/run/plain/$1 m
  for m in $(rc_modes "$name"); do
    [ "$m" != plain ] || continue
    local d=$RC_WORK/run/$m/$name
    cmp -s "$p/status" "$d/status" ||
      rc_fail "$RC_LIB/$name: exit status $(cat "$d/status") in $m mode," \
              "$(cat "$p/status") in the plain build (stderr: $d/stderr)"
    diff -u "$p/stdout" "$d/stdout" >"$d/stdout.diff" ||
      { head -n 40 "$d/stdout.diff" >&2
        rc_fail "$RC_LIB/$name: standard output differs in $m mode"; }
    diff -r "$p/cwd" "$d/cwd" >"$d/files.diff" ||
      { head -n 40 "$d/files.diff" >&2
        rc_fail "$RC_LIB/$name: output files differ in $m mode"; }
  done
  diff -u "$p/stderr.cmp" "$RC_WORK/run/count/$name/stderr.cmp" >/dev/null ||
    { diff -u "$p/stderr.cmp" "$RC_WORK/run/count/$name/stderr.cmp" |
        head -n 40 >&2
      rc_fail "$RC_LIB/$name: standard error differs in count mode"; }
}

# rc_modes WORKLOAD: the runs of a workload: plain, count, log, preload, and
# with --rtsan rtsan, unless the recipe lists it in RC_RTSAN_SKIP_WORKLOADS.
rc_modes() {
  local modes="plain count log preload"
  case " ${RC_RTSAN_SKIP_WORKLOADS:-} " in
    *" $1 "*) ;;
    *) [ -z "$RC_RTSAN" ] || modes+=" rtsan" ;;
  esac
  echo "$modes"
}

# rc_library LIB: everything for one library.
rc_library() {
  RC_LIB=$1
  RC_WORK=$WORK/$1
  RC_OPT=${RC_OPT_LEVEL:--O2}
  RC_DEBUG= RC_RTSAN_SKIP= RC_RTSAN_SKIP_WORKLOADS=
  # shellcheck source=/dev/null
  . "$HERE/$1.sh"
  local t0=$SECONDS
  rc_fetch "$RC_PKG"
  rc_note "$RC_LIB: $RC_PKG from $(basename "$SRC")"
  mkdir -p "$RC_WORK"
  rc_build_variant plain
  rc_build_variant ag

  # The whole-program report of each instrumented program.
  local args=() p status=0 b w
  for p in $RC_PROGRAMS; do
    for b in ag ag-shared; do
      status=0
      "$REPORT" --json="$RC_WORK/$b/$p.json" "$RC_WORK/$b/$p" \
        >"$RC_WORK/$b/$p.report.txt" 2>&1 || status=$?
      [ "$status" -le 1 ] ||
        { tail -n 20 "$RC_WORK/$b/$p.report.txt" >&2
          rc_fail "allocguard-report on $b/$p: exit status $status"; }
      args+=(--report "$RC_WORK/$b/$p=$RC_WORK/$b/$p.json")
    done
  done

  # RealtimeSanitizer's build: plain objects, the roots the report names
  # (linker names) entered through trampolines, less RC_RTSAN_SKIP. Only
  # global symbols can be wrapped: a glob also names static functions
  # (Jansson's json_string_copy), which RealtimeSanitizer leaves out.
  if [ -n "$RC_RTSAN" ]; then
    local globals
    globals=$("$(dirname "$CLANG")/llvm-nm" --defined-only --extern-only \
                --format=just-symbols "$RC_WORK"/plain/*.o) ||
      rc_fail "$RC_LIB: llvm-nm on the plain objects"
    RC_RTSAN_SYMS=$(echo "$globals" | "$PYTHON" -c '
import json, sys, fnmatch
skip = sys.argv[1].split(",") if sys.argv[1] else []
globals_ = set(sys.stdin.read().split())
syms = set()
for f in sys.argv[2:]:
    for r in json.load(open(f))["roots"]:
        if not any(fnmatch.fnmatchcase(r["function"], g) for g in skip) and \
                r["function_symbol"] in globals_:
            syms.add(r["function_symbol"])
print(" ".join(sorted(syms)))' "${RC_RTSAN_SKIP:-}" "$RC_WORK"/ag/*.json)
    rc_build_variant rtsan
  fi

  local t1=$SECONDS modes="plain count log preload"
  [ -n "$RC_RTSAN" ] && modes+=" rtsan"
  for w in $RC_WORKLOADS; do
    for m in $(rc_modes "$w"); do rc_run_workload "$w" "$m"; done
    rc_compare "$w"
  done
  rc_note "$RC_LIB: $(echo $RC_WORKLOADS | wc -w) workloads identical to" \
          "the plain build in modes: ${modes#plain }${RC_RTSAN:+${RC_RTSAN_SKIP_WORKLOADS:+ (rtsan not for: $RC_RTSAN_SKIP_WORKLOADS)}}" \
          "($((SECONDS - t1)) s)"

  # Static covers dynamic.
  for w in $RC_WORKLOADS; do
    args+=(--log "$RC_WORK/run/log/$w/stderr")
    args+=(--log "$RC_WORK/run/preload/$w/stderr")
    case " $(rc_modes "$w") " in
      *" rtsan "*) args+=(--rtsan-log "$RC_WORK/run/rtsan/$w/stderr") ;;
    esac
  done
  status=0
  "$PYTHON" "$HERE/coverage.py" --lib "$RC_LIB" \
    --expected "$HERE/expected-misses.txt" --symbolizer "$SYMBOLIZER" \
    --table "$WORK/table.md" --summary "$RC_WORK/coverage.json" \
    "${args[@]}" >"$RC_WORK/coverage.txt" 2>&1 || status=$?
  cat "$RC_WORK/coverage.txt"
  [ "$status" = 0 ] ||
    rc_fail "$RC_LIB: static report does not cover what ran (above;" \
            "expected misses: $HERE/expected-misses.txt)"
  rc_note "$RC_LIB: done in $((SECONDS - t0)) s"
}
