#!/usr/bin/env bash
# make_example.sh - examples/make/Makefile against an installed allocguard:
# it builds; run, it aborts at the shipped violation (the strdup two files
# below render(), checked at run time by default) and runs through with
# mode=log; `make check` fails on the shipped violation (render ->
# mix -> bus_name -> strdup, three files) and writes SARIF and markdown;
# after `make baseline`, `make check FAIL_ON=new` passes until a new
# allocation appears; with every allocation fixed `make check` passes.
#
#   BUILD_DIR=build/check EXAMPLE=examples/make CLANG=/usr/lib/llvm-NN/bin/clang \
#   MAJOR=NN WORK=/tmp/x test/integration/make_example.sh
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
command -v make >/dev/null ||
  fail "make is not installed, but CMake found it when it registered this test"

rm -rf "$WORK" && mkdir -p "$WORK"
cmake --install "$BUILD_DIR" --prefix "$WORK/prefix" >"$WORK/install.log" ||
  { cat "$WORK/install.log" >&2; fail "cmake --install"; }
cp -r "$EXAMPLE" "$WORK/src"
cd "$WORK/src"
mk() { make --no-print-directory CC="$CLANG" LLVM="$MAJOR" ALLOCGUARD="$WORK/prefix" "$@"; }

mk >build.log 2>&1 || { cat build.log >&2; fail "make"; }
if ./synth >run.out 2>run.err; then fail "./synth ran past the strdup below render()"; fi
grep -q "allocation in alloc_free scope: strdup(5 bytes) at names.c:8:40 in bus_name" run.err ||
  { cat run.err >&2; fail "./synth did not report the strdup"; }
ALLOCGUARD_OPTIONS=mode=log ./synth 2>/dev/null | grep rendered >/dev/null ||
  fail "./synth did not run with mode=log"

# The shipped violation fails the gate and is named with its whole path.
if mk check >check.log 2>&1; then cat check.log >&2; fail "make check passed"; fi
for word in "'render'" "'mix'" "'bus_name'" "'strdup'" names.c:8; do
  grep -q "$word" check.log || { cat check.log >&2; fail "make check did not name $word"; }
done
grep -q strdup allocguard.sarif || fail "allocguard.sarif lacks the finding"
grep -q '❌' allocguard.md || fail "allocguard.md has no failing root"

# A baseline accepts it...
mk baseline >baseline.log 2>&1 || { cat baseline.log >&2; fail "make baseline"; }
mk check FAIL_ON=new >new.log 2>&1 || { cat new.log >&2; fail "FAIL_ON=new failed on baselined findings"; }

# ...but not a new allocation in mixer.c.
sed -i -e '1i #include <stdlib.h>' \
       -e 's|const char \*name = bus_name(0);|&\n  free(malloc((size_t)frames));|' mixer.c
if mk check FAIL_ON=new >new2.log 2>&1; then
  cat new2.log >&2; fail "FAIL_ON=new passed a new malloc"
fi
grep -q "'malloc'" new2.log || { cat new2.log >&2; fail "the new malloc was not reported"; }

# Fixed: no allocation reachable, the strictest gate passes.
cp "$EXAMPLE/mixer.c" mixer.c
sed -i 's|return strdup(names\[bus\]);|return names[bus];|' names.c
mk check >fixed.log 2>&1 || { cat fixed.log >&2; fail "make check failed on the fixed program"; }
./synth | grep rendered >/dev/null || fail "the fixed ./synth did not run"
echo "make example: builds, fails on the violation, baseline gates new findings, passes when fixed"
