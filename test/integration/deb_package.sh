#!/usr/bin/env bash
# deb_package.sh - `cpack -G DEB` on the build tree: the package's control
# fields (name, version, architecture, and Depends naming the clang the
# plugin loads into, the libLLVM the report tool links and libc), its
# contents (every plugin, the runtime libraries, header, report tool, CMake
# package, pkg-config files, man pages, compiler drivers), and, unpacked
# with dpkg -x into an empty root, the example built from nothing but the
# unpacked files, with each pkg-config file, each compiler driver and the
# CMake package, giving README's report and abort.
#
#   BUILD_DIR=build/check SOURCE=. MAJOR=NN "MAJORS=22 19 14" VERSION=0.1.0 \
#   WORK=/tmp/x test/integration/deb_package.sh
set -euo pipefail
source "$(dirname "$0")/example_check.sh"
CPACK=${CPACK:-cpack}
for tool in "$CPACK" dpkg-deb dpkg pkg-config; do
  command -v "$tool" >/dev/null ||
    fail "$tool is not installed, but CMake found it when it registered this test"
done

rm -rf "$WORK" && mkdir -p "$WORK"
"$CPACK" -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$WORK/cpack" \
  >"$WORK/cpack.log" 2>&1 || { cat "$WORK/cpack.log" >&2; fail "cpack -G DEB"; }
arch=$(dpkg --print-architecture)
deb=$WORK/cpack/allocguard_${VERSION}_$arch.deb
[ -f "$deb" ] || { ls "$WORK/cpack" >&2; fail "cpack wrote no allocguard_${VERSION}_$arch.deb"; }

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = allocguard ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$VERSION" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = devel ] || fail "Section: $(field Section)"
depends=$(field Depends)
for want in "clang-$MAJOR" "libllvm$MAJOR" "libc6"; do
  # Whole package names: clang-22 is not clang-2, libc6 not libc6-dev.
  echo ", $depends," | grep -Eq ", $want( \([^)]*\))?," ||
    fail "Depends: '$depends' lacks $want"
done
[ -n "$(field Maintainer)" ] && [ -n "$(field Description)" ] ||
  fail "no Maintainer or Description"

# Contents: every file a user needs, under /usr.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$WORK/contents"
has() {
  grep -Eq "^$1\$" "$WORK/contents" || { cat "$WORK/contents" >&2; fail "the package lacks $1"; }
}
lib='/usr/lib(/[a-z0-9_]+-linux-gnu[a-z0-9_]*)?'
has /usr/bin/allocguard-report
has /usr/include/allocguard.h
for f in liballocguard_rt.a liballocguard_rt.so liballocguard_rt_nointercept.a \
         liballocguard_rt_nointercept.so liballocguard_preload.so \
         cmake/allocguard/allocguardConfig.cmake \
         cmake/allocguard/allocguardConfigVersion.cmake \
         cmake/allocguard/allocguardFunctions.cmake \
         cmake/allocguard/allocguardTargets.cmake pkgconfig/allocguard.pc; do
  has "$lib/$f"
done
for major in $MAJORS; do
  has "$lib/allocguard-llvm$major.so"
  has "$lib/pkgconfig/allocguard-llvm$major.pc"
done
has /usr/share/man/man1/allocguard-report.1
has /usr/share/man/man7/allocguard.7
# The compiler drivers, when the build has them: one pair per major, the
# unsuffixed pair for the configured one.
drivers=""
if [ -d "$SOURCE/driver" ]; then
  has /usr/bin/allocguard-clang
  has /usr/bin/allocguard-clang++
  for major in $MAJORS; do
    has "/usr/bin/allocguard-clang-$major"
    has "/usr/bin/allocguard-clang++-$major"
    drivers="$drivers allocguard-clang-$major"
  done
  drivers="$drivers allocguard-clang"
  has /usr/share/man/man1/allocguard-clang.1
  has /usr/share/man/man1/allocguard-clang++.1
fi
if grep -Ev '^/usr(/|$)' "$WORK/contents"; then fail "the package installs outside /usr"; fi

# Unpacked into an empty root: the files are written for /usr, and
# pkg-config's prefix moves them to the root.
root=$WORK/root
dpkg -x "$deb" "$root"
pcdir=$(dirname "$(find "$root/usr" -name allocguard.pc)")
export PKG_CONFIG_PATH=$pcdir
[ "$(pkg-config --variable=prefix allocguard)" = /usr ] ||
  fail "allocguard.pc: prefix is not /usr"
pc() { pkg-config --define-variable=prefix="$root/usr" "$@"; }
for name in $(cd "$pcdir" && ls *.pc | sed 's/\.pc$//'); do
  plugin=$(pc --variable=plugin "$name")
  case $plugin in "$root"/usr/*) ;; *) fail "$name.pc: plugin=$plugin is outside the root" ;; esac
  # shellcheck disable=SC2046 # pkg-config's words are meant to split
  check_example "$WORK/pc-$name" "$(pc --variable=clang "$name")" -g \
    $(pc --cflags "$name") -mllvm -allocguard-caret=off \
    "$SOURCE/examples/audio_callback.c" $(pc --libs "$name")
done

# The unpacked drivers find the plugin, header and runtime beside them.
for driver in $drivers; do
  check_example "$WORK/$driver" "$root/usr/bin/$driver" -g --allocguard-caret=off \
    "$SOURCE/examples/audio_callback.c"
done

# The unpacked report tool runs (its libLLVM from libllvmNN, no RUNPATH
# into llvm-NN-dev) and reports the same path.
rc=0
"$root/usr/bin/allocguard-report" "$WORK/pc-allocguard/app" >"$WORK/report.out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] && grep -q "'label_for' calls 'strdup'" "$WORK/report.out" ||
  { cat "$WORK/report.out" >&2; fail "the unpacked allocguard-report (exit $rc) did not report the strdup"; }

# The CMake package from the root: the consumer builds, its gate passes,
# and it runs.
clang=$(pc --variable=clang allocguard)
cmake -S "$SOURCE/test/integration/Inputs/consumer" -B "$WORK/consumer" -G Ninja \
  -DCMAKE_C_COMPILER="$clang" -DCMAKE_PREFIX_PATH="$root/usr" \
  >"$WORK/consumer.log" 2>&1 &&
  cmake --build "$WORK/consumer" >>"$WORK/consumer.log" 2>&1 ||
  { cat "$WORK/consumer.log" >&2; fail "the consumer did not build with the unpacked CMake package"; }
grep -q "$root/usr/.*allocguard-llvm$MAJOR.so" "$WORK/consumer/build.ninja" ||
  fail "the consumer's compiles do not load the unpacked plugin"
"$WORK/consumer/synth" | grep rendered >/dev/null || fail "the consumer did not run"
echo "deb: $(basename "$deb") (Depends: $depends) holds what it should; unpacked, it builds the example with pkg-config,${drivers:+$drivers,} and CMake"
