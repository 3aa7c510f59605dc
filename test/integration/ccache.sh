#!/usr/bin/env bash
# ccache.sh - the summaries and the whole-program report survive ccache:
# a cold build (3 misses) and a warm one (3 hits) give byte-identical
# summaries, the same diagnostics and the same report as a build without
# ccache; a changed plugin is a miss, never a stale hit.
#
#   CLANG=... PLUGIN=... REPORT=... OBJCOPY=... RUNTIME=... INCLUDE=... \
#   SRC=test/integration/Inputs/consumer WORK=/tmp/x test/integration/ccache.sh
set -euo pipefail
. "$(dirname "$0")/build_lib.sh"
ag_need_tool ccache ccache

rm -rf "$WORK" && mkdir -p "$WORK"
# The cache and its configuration live in the test's directory only.
export CCACHE_DIR=$WORK/ccache CCACHE_CONFIGPATH=$WORK/ccache.conf
: >"$CCACHE_CONFIGPATH"
unset CCACHE_DISABLE CCACHE_RECACHE CCACHE_READONLY CCACHE_PREFIX \
      CCACHE_BASEDIR CCACHE_NODIRECT
# A copy of the plugin, so the test can change it.
cp "$PLUGIN" "$WORK/plugin.so"
# The flags allocguard_instrument() gives a target.
flags=(-fplugin="$WORK/plugin.so" -fpass-plugin="$WORK/plugin.so"
       -mllvm -allocguard-instrument=all)

stat() { ccache --print-stats | awk -v k="$1" '$1 == k { print $2 }'; }
hits() { echo $(( $(stat direct_cache_hit) + $(stat preprocessed_cache_hit) )); }

ag_build "$WORK/plain" env -- "${flags[@]}"
ag_report "$WORK/plain"

ccache -z >/dev/null
ag_build "$WORK/cold" ccache -- "${flags[@]}"
[ "$(stat cache_miss)" = 3 ] && [ "$(hits)" = 0 ] ||
  ag_fail "cold build: $(stat cache_miss) misses, $(hits) hits; expected 3, 0"
ag_report "$WORK/cold"

ag_build "$WORK/warm" ccache -- "${flags[@]}"
[ "$(stat cache_miss)" = 3 ] && [ "$(hits)" = 3 ] ||
  ag_fail "warm build: $(stat cache_miss) misses, $(hits) hits; expected 3, 3"
ag_report "$WORK/warm"

ag_same "$WORK/plain" "$WORK/cold"
ag_same "$WORK/plain" "$WORK/warm"
# A hit replays the plugin's compile-time report too.
diff -u "$WORK/cold/compile.err" "$WORK/warm/compile.err" ||
  ag_fail "a cache hit lost or changed the plugin's diagnostics"
grep -q "Wallocguard" "$WORK/warm/compile.err" ||
  ag_fail "the warm build printed no allocguard diagnostic"

# A rebuilt plugin must not be served the old plugin's objects.
printf '\0' >>"$WORK/plugin.so"
ag_build "$WORK/replugged" ccache -- "${flags[@]}"
[ "$(stat cache_miss)" = 6 ] ||
  ag_fail "after the plugin changed: $(stat cache_miss) misses, expected 6"

echo "ccache: 3 misses, 3 hits, identical summaries and reports; a changed plugin misses"
