#!/usr/bin/env bash
# driver_ccache.sh - allocguard-clang under ccache (CC="ccache
# allocguard-clang"): a cold build (3 misses) and a warm one (3 hits) give
# the same summaries, diagnostics, report and run-time check as a build
# without ccache; with ccache's compiler_check asking the driver for its
# identity (docs/build-integration.md), a setting changed in the
# environment and a changed plugin are misses, never stale hits. The driver
# runs from a `cmake --install` prefix of its own, so the installed layout
# is what is tested, and the test can change its plugin.
#
#   BUILD_DIR=build/check MAJOR=NN REPORT=... OBJCOPY=... \
#   SRC=test/integration/Inputs/consumer WORK=/tmp/x \
#   test/integration/driver_ccache.sh
set -euo pipefail
. "$(dirname "$0")/build_lib.sh"
ag_need_tool ccache ccache

rm -rf "$WORK" && mkdir -p "$WORK"
cmake --install "$BUILD_DIR" --prefix "$WORK/prefix" >"$WORK/install.log" ||
  { cat "$WORK/install.log" >&2; ag_fail "cmake --install"; }
for d in allocguard-clang allocguard-clang++; do
  [ -L "$WORK/prefix/bin/$d" ] && [ -x "$WORK/prefix/bin/$d-$MAJOR" ] ||
    ag_fail "the install lacks bin/$d or bin/$d-$MAJOR"
done
PLUGIN=$(find "$WORK/prefix" -name "allocguard-llvm$MAJOR.so" | head -n 1)
[ -n "$PLUGIN" ] || ag_fail "the install has no allocguard-llvm$MAJOR.so"
export CCACHE_DIR=$WORK/ccache CCACHE_CONFIGPATH=$WORK/ccache.conf
echo "compiler_check = %compiler% --allocguard-identity" >"$CCACHE_CONFIGPATH"
unset CCACHE_DISABLE CCACHE_RECACHE CCACHE_READONLY CCACHE_PREFIX \
      CCACHE_BASEDIR CCACHE_NODIRECT CCACHE_COMPILERCHECK
unset ALLOCGUARD_ROOTS
# The driver adds the include directory and the runtime.
export CLANG=$WORK/prefix/bin/allocguard-clang-$MAJOR INCLUDE= RUNTIME=

stat() { ccache --print-stats | awk -v k="$1" '$1 == k { print $2 }'; }
hits() { echo $(( $(stat direct_cache_hit) + $(stat preprocessed_cache_hit) )); }
expect() {
  [ "$(stat cache_miss)" = "$1" ] && [ "$(hits)" = "$2" ] ||
    ag_fail "$3: $(stat cache_miss) misses, $(hits) hits; expected $1, $2"
}

ag_build "$WORK/plain" env --
ag_report "$WORK/plain"
ag_run "$WORK/plain"

ccache -z >/dev/null
ag_build "$WORK/cold" ccache --
expect 3 0 "cold build"
ag_report "$WORK/cold"
ag_build "$WORK/warm" ccache --
expect 3 3 "warm build"
ag_report "$WORK/warm"
ag_run "$WORK/warm"
ag_same "$WORK/plain" "$WORK/cold"
ag_same "$WORK/plain" "$WORK/warm"
diff -u "$WORK/cold/compile.err" "$WORK/warm/compile.err" ||
  ag_fail "a cache hit lost or changed the plugin's diagnostics"
grep -q "Wallocguard" "$WORK/warm/compile.err" ||
  ag_fail "the warm build printed no allocguard diagnostic"

# A setting in the environment changes the objects: a miss, and the new
# root is in the report of what was built.
ALLOCGUARD_ROOTS=main ag_build "$WORK/env" ccache --
expect 6 3 "ALLOCGUARD_ROOTS=main"
(cd "$WORK/env" && "$REPORT" --source-root="$SRC" synth >report.txt) || true
grep -q "alloc_free function 'main'" "$WORK/env/report.txt" ||
  { cat "$WORK/env/report.txt" >&2
    ag_fail "ALLOCGUARD_ROOTS=main did not make main a root"; }
# The same setting as an option: ccache sees it on the command line.
ag_build "$WORK/opt" ccache -- --allocguard-roots=main
expect 9 3 "--allocguard-roots=main"
ag_build "$WORK/opt2" ccache -- --allocguard-roots=main
expect 9 6 "--allocguard-roots=main again"
for u in $AG_UNITS; do
  cmp "$WORK/env/$u.sum" "$WORK/opt/$u.sum" ||
    ag_fail "ALLOCGUARD_ROOTS and --allocguard-roots gave $u.c different summaries"
done

# A rebuilt plugin must not be served the old plugin's objects.
printf '\0' >>"$PLUGIN"
ag_build "$WORK/replugged" ccache --
expect 12 6 "after the plugin changed"

echo "allocguard-clang under ccache: misses and hits as expected; identical" \
     "summaries, reports and run-time checks"
