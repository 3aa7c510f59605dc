#!/usr/bin/env bash
# driver_cmake.sh - a CMake project built with allocguard-clang as a user
# would: zlib from Debian's sources (apt-get source zlib), configured with
# -DCMAKE_C_COMPILER=allocguard-clang and a root given as
# --allocguard-roots=compress in CMAKE_C_FLAGS. The shared libz gets the
# shared runtime and the programs the static one; the path from compress
# to the allocator zlib stores in z_stream.zalloc is in allocguard-report's
# findings, zlib's own example runs through in log mode reporting it, and
# minigzip round-trips a file.
#
#   DRIVER_DIR=build/check/driver REPORT=... READELF=llvm-readelf \
#   RC_SRC_CACHE=/tmp/src \
#   WORK=/tmp/x test/realcode/driver_cmake.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

rc_fetch zlib
rm -rf "$WORK" && mkdir -p "$WORK"
cd "$WORK"
# A copy: zlib's CMakeLists.txt renames zconf.h in its source directory.
# Debian's tarball (dfsg) drops win32/, whose zlib1.rc the CMakeLists.txt
# names on every system (CMake ignores .rc files off Windows).
cp -a "$SRC" src && SRC=$WORK/src
mkdir -p src/win32 && : >src/win32/zlib1.rc
unset $(env | sed -n 's/^\(ALLOCGUARD_[A-Z_]*\)=.*/\1/p')
CC=$DRIVER_DIR/allocguard-clang

rc_note "zlib: cmake -DCMAKE_C_COMPILER=allocguard-clang"
cmake -S "$SRC" -B build -G Ninja -DCMAKE_C_COMPILER="$CC" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_FLAGS=--allocguard-roots=compress >configure.log 2>&1 ||
  { cat configure.log >&2; rc_fail "cmake with CMAKE_C_COMPILER=$CC failed"; }
cmake --build build -j 2 >build.log 2>&1 ||
  { tail -n 30 build.log >&2; rc_fail "building zlib with $CC failed"; }
grep -q "compress.c:.*warning: alloc_free function 'compress' " build.log ||
  { cat build.log >&2; rc_fail "compiling compress.c reported nothing for root compress"; }

# The shared library carries the shared runtime, found by its rpath. (grep
# reads all its input: with pipefail, grep -q's early exit would fail the
# pipeline when the writer gets SIGPIPE.)
"$READELF" -d build/libz.so | grep "NEEDED.*liballocguard_rt.so" >/dev/null ||
  rc_fail "build/libz.so does not need liballocguard_rt.so"
ldd build/example | grep "liballocguard_rt.so => /" >/dev/null ||
  { ldd build/example >&2; rc_fail "build/example cannot find liballocguard_rt.so"; }

status=0
# compress is in libz.so, which example loads.
"$REPORT" --source-root="$SRC" build/example build/libz.so >report.txt 2>&1 ||
  status=$?
[ "$status" = 1 ] ||
  { cat report.txt >&2; rc_fail "allocguard-report example: status $status, expected 1"; }
grep -q "alloc_free function 'compress' may allocate: call to 'compress2' reaches 'malloc'" \
  report.txt && grep -q "through 'z_stream.zalloc'" report.txt ||
  { cat report.txt >&2; rc_fail "the report lacks compress -> ... zalloc -> malloc"; }

# The runtime is linked: zlib's own test reports the allocation below
# compress and otherwise behaves as it does without allocguard.
(cd build && ALLOCGUARD_OPTIONS=mode=log ./example) >run.out 2>run.err ||
  { cat run.out run.err >&2; rc_fail "zlib's example failed"; }
grep -q "^uncompress(): hello, hello!" run.out ||
  { cat run.out >&2; rc_fail "zlib's example did not pass its compress test"; }
grep -q "ERROR: allocguard: allocation in alloc_free scope: .*root compress" run.err ||
  { cat run.err >&2; rc_fail "example did not report the allocation below compress"; }
cat "$SRC"/*.c >data
build/minigzip <data >data.gz && build/minigzip -d <data.gz >data.out &&
  cmp data data.out || rc_fail "minigzip did not round-trip"
echo "zlib (CMake): configure, build, report and runtime with allocguard-clang"
