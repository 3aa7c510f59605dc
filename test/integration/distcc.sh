#!/usr/bin/env bash
# distcc.sh - the summaries and the whole-program report survive distcc:
# every unit compiles on a distccd started here on loopback (no local
# fallback), the plugin runs on the server side (the objects it sends back
# carry the summary), and summaries and report are byte-identical to a
# local build. The daemon is stopped on every exit path.
#
#   CLANG=... PLUGIN=... REPORT=... OBJCOPY=... RUNTIME=... INCLUDE=... \
#   PYTHON=python3 SRC=test/integration/Inputs/consumer WORK=/tmp/x \
#   test/integration/distcc.sh
set -euo pipefail
. "$(dirname "$0")/build_lib.sh"
. "$(dirname "$0")/distccd_lib.sh"
ag_need_tool distcc distcc
ag_need_tool distccd distcc
ag_need_tool setsid util-linux

rm -rf "$WORK" && mkdir -p "$WORK/distcc"
# distccd refuses -fplugin= ("insecure"), so the plugin is loaded with
# -fpass-plugin= alone; clang 20+ also parses -mllvm after loading it.
flags=(-fpass-plugin="$PLUGIN")

ag_start_distccd "$CLANG"

# local_and_remote NAME FLAGS...: the units built locally and on distccd
# into $WORK/NAME-local and $WORK/NAME-remote must give the same summaries
# and reports.
compiles=0
local_and_remote() {
  local name=$1; shift
  ag_build "$WORK/$name-local" env -- "$@"
  ag_report "$WORK/$name-local"
  # Remote only: no local host, no fallback to compiling locally.
  : >"$WORK/distcc.log"
  DISTCC_HOSTS="127.0.0.1:$port/2" DISTCC_FALLBACK=0 \
  DISTCC_SKIP_LOCAL_RETRY=1 DISTCC_DIR=$WORK/distcc \
  DISTCC_LOG=$WORK/distcc.log DISTCC_VERBOSE=1 \
    ag_build "$WORK/$name-remote" distcc -- "$@"
  ag_report "$WORK/$name-remote"
  for u in $AG_UNITS; do
    grep -Eq "compile (.*/)?$u.c on 127.0.0.1:$port/2 completed ok" \
      "$WORK/distcc.log" ||
      { cat "$WORK/distcc.log" >&2; ag_fail "$u.c was not compiled by distccd"; }
  done
  compiles=$((compiles + 3))
  local ok
  ok=$(grep -c "COMPILE_OK.*$CLANG" "$WORK/distccd.log" || true)
  [ "$ok" = "$compiles" ] || { cat "$WORK/distccd.log" >&2
    ag_fail "distccd ran $ok compiles, expected $compiles"; }
  ag_same "$WORK/$name-local" "$WORK/$name-remote"
}

# Sources by absolute name, as CMake names them. distccd compiles in a
# directory of its own, but an absolute name does not depend on it.
local_and_remote absolute "${flags[@]}"
# Sources by relative name from their directory, as make names them: clang
# records the server's directory as the compile directory unless the
# client names it (docs/build-integration.md).
AG_RELATIVE=1 local_and_remote relative "${flags[@]}" \
  -fdebug-compilation-dir="$SRC"

ag_stop_distccd
! kill -0 "$ag_distccd" 2>/dev/null || ag_fail "distccd ($ag_distccd) did not stop"
echo "distcc: 2 x 3 units compiled by distccd on port $port with the plugin;" \
     "identical summaries and reports"
