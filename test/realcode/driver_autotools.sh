#!/usr/bin/env bash
# driver_autotools.sh - an autotools project built with allocguard-clang as
# a user would: GNU hello from Debian's sources (apt-get source hello),
# `./configure CC=allocguard-clang` then `ALLOCGUARD_ROOTS=main make`.
# configure's checks pass with the driver; the root named in the
# environment is reported at compile time, its path to malloc (through
# gnulib's xmalloc in another unit) is in allocguard-report's findings,
# the runtime the driver linked aborts on it, and with the runtime in count
# mode hello's own `make check` passes.
#
#   DRIVER_DIR=build/check/driver REPORT=... RC_SRC_CACHE=/tmp/src \
#   WORK=/tmp/x test/realcode/driver_autotools.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

rc_fetch hello
rm -rf "$WORK" && mkdir -p "$WORK/build"
cd "$WORK/build"
unset $(env | sed -n 's/^\(ALLOCGUARD_[A-Z_]*\)=.*/\1/p')
CC=$DRIVER_DIR/allocguard-clang

# Out of tree: the unpacked sources stay as apt-get source left them.
rc_note "hello: configure CC=allocguard-clang"
"$SRC/configure" CC="$CC" CFLAGS="-g -O2" >configure.log 2>&1 ||
  { tail -n 30 config.log >&2; rc_fail "configure with CC=$CC failed"; }
grep -q "^checking whether the C compiler works... yes" configure.log ||
  rc_fail "configure did not find a working compiler in $CC"

rc_note "hello: ALLOCGUARD_ROOTS=main make"
ALLOCGUARD_ROOTS=main make -j2 >make.log 2>&1 ||
  { tail -n 30 make.log >&2; rc_fail "make with ALLOCGUARD_ROOTS=main failed"; }
grep -q "hello.c:.*warning: alloc_free function 'main' .*\[-Wallocguard\]" \
  make.log ||
  { cat make.log >&2; rc_fail "compiling hello.c reported nothing for root main"; }

# The whole program: main -> xmalloc (lib/xmalloc.c) -> malloc.
status=0
"$REPORT" --source-root="$SRC" hello >report.txt 2>&1 || status=$?
[ "$status" = 1 ] ||
  { cat report.txt >&2; rc_fail "allocguard-report hello: status $status, expected 1"; }
grep -q "alloc_free function 'main' may allocate: call to 'xmalloc' reaches 'malloc'" \
  report.txt ||
  { cat report.txt >&2; rc_fail "the report lacks main -> xmalloc -> malloc"; }

# The runtime is linked: the root's allocations are caught as they run.
if (./hello >run.out 2>run.err) 2>/dev/null; then
  rc_fail "./hello ran past the allocations in its root main"
fi
grep -q "ERROR: allocguard: allocation in alloc_free scope: .*root main" run.err ||
  { cat run.err >&2; rc_fail "./hello did not report an allocation in root main"; }
ALLOCGUARD_OPTIONS=mode=log ./hello >run.out 2>run.err ||
  rc_fail "./hello failed in mode=log"
[ "$(cat run.out)" = "Hello, world!" ] ||
  { cat run.out >&2; rc_fail "./hello printed something else in mode=log"; }

rc_note "hello: make check (runtime in count mode)"
ALLOCGUARD_OPTIONS=mode=count make check >check.log 2>&1 ||
  { tail -n 40 check.log >&2; rc_fail "hello's make check failed"; }
grep -Eq "^# FAIL: +0" check.log ||
  { tail -n 40 check.log >&2; rc_fail "hello's make check reported failures"; }
echo "hello (autotools): configure, make, report, runtime and make check with allocguard-clang"
