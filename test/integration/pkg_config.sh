#!/usr/bin/env bash
# pkg_config.sh - the installed pkg-config files: install into a fresh
# prefix; for allocguard.pc and every allocguard-llvm<NN>.pc, build
# examples/audio_callback.c with `pkg-config --cflags --libs` and the clang
# the file names, and get README's report and abort; the unsuffixed file
# is the configured major's, and its report tool reports the program.
#
#   BUILD_DIR=build/check SOURCE=. MAJOR=NN "MAJORS=22 19 14" WORK=/tmp/x \
#   test/integration/pkg_config.sh
set -euo pipefail
source "$(dirname "$0")/example_check.sh"
command -v pkg-config >/dev/null ||
  fail "pkg-config is not installed, but CMake found it when it registered this test"

rm -rf "$WORK" && mkdir -p "$WORK"
prefix=$WORK/prefix
cmake --install "$BUILD_DIR" --prefix "$prefix" >"$WORK/install.log" ||
  { cat "$WORK/install.log" >&2; fail "cmake --install"; }
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
pc() { pkg-config "$@"; }

for major in $MAJORS; do
  for name in allocguard-llvm$major $([ "$major" = "$MAJOR" ] && echo allocguard); do
    [ -f "$prefix/lib/pkgconfig/$name.pc" ] || fail "no $name.pc installed"
    [ "$(pc --variable=llvm_major $name)" = "$major" ] ||
      fail "$name.pc: llvm_major is not $major"
    plugin=$(pc --variable=plugin $name)
    [ "$plugin" = "$prefix/lib/allocguard-llvm$major.so" ] && [ -f "$plugin" ] ||
      fail "$name.pc: plugin=$plugin is not the installed allocguard-llvm$major.so"
    cflags=$(pc --cflags $name)
    # -fplugin= only where clang parses -mllvm before -fpass-plugin (<= 19).
    want="-I$prefix/include -fpass-plugin=$plugin"
    [ "$major" -le 19 ] && want="-I$prefix/include -fplugin=$plugin -fpass-plugin=$plugin"
    [ "$cflags" = "$want " ] || [ "$cflags" = "$want" ] ||
      fail "$name.pc: cflags '$cflags', expected '$want'"
    clang=$(pc --variable=clang $name)
    "$clang" --version | grep "clang version $major\." >/dev/null ||
      fail "$name.pc: clang=$clang is not clang $major"
    # shellcheck disable=SC2046 # pkg-config's words are meant to split
    check_example "$WORK/$name" "$clang" -g $(pc --cflags $name) \
      -mllvm -allocguard-caret=off "$SOURCE/examples/audio_callback.c" \
      $(pc --libs $name)
  done
done

# allocguard.pc names the report tool, which reports the same path.
report=$(pc --variable=report allocguard)
[ -x "$report" ] || fail "allocguard.pc: report=$report is not executable"
rc=0
"$report" --source-root="$SOURCE" "$WORK/allocguard/app" >"$WORK/report.out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] && grep -q "'label_for' calls 'strdup'" "$WORK/report.out" ||
  { cat "$WORK/report.out" >&2; fail "allocguard-report (exit $rc) did not report the strdup"; }
echo "pkg-config: allocguard.pc and allocguard-llvm{${MAJORS// /,}}.pc build the example; report and abort as README says"
