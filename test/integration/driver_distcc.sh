#!/usr/bin/env bash
# driver_distcc.sh - allocguard-clang under distcc (CC="distcc
# allocguard-clang"): every unit compiles on a distccd started here on
# loopback (no local fallback), where the same driver adds the plugin, so
# -fplugin (which distccd refuses on a command line) and with it the
# --allocguard-* settings work on every LLVM major; summaries, report and
# run-time check are identical to a local build with the driver.
#
#   DRIVER=.../allocguard-clang-NN REPORT=... OBJCOPY=... PYTHON=python3 \
#   SRC=test/integration/Inputs/consumer WORK=/tmp/x \
#   test/integration/driver_distcc.sh
set -euo pipefail
. "$(dirname "$0")/build_lib.sh"
. "$(dirname "$0")/distccd_lib.sh"
ag_need_tool distcc distcc
ag_need_tool distccd distcc
ag_need_tool setsid util-linux

rm -rf "$WORK" && mkdir -p "$WORK/distcc"
unset ALLOCGUARD_ROOTS
export CLANG=$DRIVER INCLUDE= RUNTIME=
# A setting that changes the objects, given the way that travels to the
# server: on the command line.
flags=(--allocguard-roots=main)

ag_start_distccd "$DRIVER"

ag_build "$WORK/local" env -- "${flags[@]}"
ag_report "$WORK/local"
ag_run "$WORK/local"
DISTCC_HOSTS="127.0.0.1:$port/2" DISTCC_FALLBACK=0 \
DISTCC_SKIP_LOCAL_RETRY=1 DISTCC_DIR=$WORK/distcc \
DISTCC_LOG=$WORK/distcc.log DISTCC_VERBOSE=1 \
  ag_build "$WORK/remote" distcc -- "${flags[@]}"
ag_report "$WORK/remote"
ag_run "$WORK/remote"
for u in $AG_UNITS; do
  grep -Eq "compile (.*/)?$u.c on 127.0.0.1:$port/2 completed ok" \
    "$WORK/distcc.log" ||
    { cat "$WORK/distcc.log" >&2; ag_fail "$u.c was not compiled by distccd"; }
done
ok=$(grep -c "COMPILE_OK.*$DRIVER" "$WORK/distccd.log" || true)
[ "$ok" = 3 ] || { cat "$WORK/distccd.log" >&2
  ag_fail "distccd ran $ok compiles with the driver, expected 3"; }
ag_same "$WORK/local" "$WORK/remote"
grep -q "alloc_free function 'main'" "$WORK/remote/report.txt" ||
  { cat "$WORK/remote/report.txt" >&2
    ag_fail "--allocguard-roots=main did not reach the server"; }

ag_stop_distccd
! kill -0 "$ag_distccd" 2>/dev/null || ag_fail "distccd ($ag_distccd) did not stop"
echo "allocguard-clang under distcc: 3 units compiled by distccd with the" \
     "plugin and its settings; identical summaries, reports and run-time checks"
