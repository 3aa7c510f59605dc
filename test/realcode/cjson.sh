# cjson.sh - recipe for cJSON (Debian source package cjson), sourced by
# lib.sh. A JSON library whose every allocation goes through a global
# struct of hook pointers (global_hooks.allocate, .deallocate, .reallocate:
# malloc, free and realloc until cJSON_InitHooks installs the program's
# own), passed down by address (cJSON_New_Item(&global_hooks)) or copied
# into the parse and print buffers (buffer.hooks = global_hooks) and
# called from there. Its tests compile cJSON.c into each program
# (tests/common.h includes it), so each has its own global_hooks;
# cjson_add installs failing allocators. Workloads: the 18 Unity tests of
# the core library, the 3 of cJSON_Utils (JSON Patch, merge patches,
# pointers, sorting; linked with cJSON_Utils.c), and cJSON's test program
# test.c (builds and prints the README's objects with the library unit).
RC_PKG=cjson
# Parsing, printing, building, copying, patching and releasing values.
RC_ROOTS='cJSON_Parse*,cJSON_Print*,cJSON_Delete*,cJSON_Duplicate,cJSON_Create*,cJSON_Add*,cJSON_InsertItemInArray,cJSON_Replace*,cJSON_Minify,cJSON_SetValuestring,cJSON_Compare,cJSONUtils_*Patch*,cJSONUtils_FindPointerFromObjectTo,cJSONUtils_SortObject*'
RC_CJSON_TESTS="parse_examples parse_number parse_hex4 parse_string parse_array parse_object parse_value print_string print_number print_array print_object print_value misc_tests parse_with_opts compare_tests cjson_add readme_examples minify_tests"
RC_CJSON_UTILS_TESTS="json_patch_tests old_utils_tests misc_utils_tests"
RC_PROGRAMS="cjson_test $RC_CJSON_TESTS $RC_CJSON_UTILS_TESTS"
RC_WORKLOADS="tests utils_tests test"

rc_build() {
  local out=$2 u
  # The flags cJSON's CMake build gives every unit, tests included
  # (ENABLE_LOCALES is on by default).
  local defs=(-std=c89 -DENABLE_LOCALES -I"$SRC")
  rc_cc "$SRC/cJSON.c" "$out/cJSON.o" "${defs[@]}"
  rc_cc "$SRC/cJSON_Utils.c" "$out/cJSON_Utils.o" "${defs[@]}"
  rc_cc "$SRC/test.c" "$out/test.o" "${defs[@]}"
  rc_cc "$SRC/tests/unity/src/unity.c" "$out/unity.o" "${defs[@]}"
  for u in $RC_CJSON_TESTS $RC_CJSON_UTILS_TESTS; do
    rc_cc "$SRC/tests/$u.c" "$out/test_$u.o" "${defs[@]}" -I"$SRC/tests"
  done
  rc_wait
  rc_link "$CLANG" "$out/cjson_test" "$out/test.o" "$out/cJSON.o" -- -lm
  for u in $RC_CJSON_TESTS; do
    rc_link "$CLANG" "$out/$u" "$out/test_$u.o" "$out/unity.o" -- -lm
  done
  for u in $RC_CJSON_UTILS_TESTS; do
    rc_link "$CLANG" "$out/$u" "$out/test_$u.o" "$out/cJSON_Utils.o" \
      "$out/unity.o" -- -lm
  done
}

# Each Unity test program reads its inputs from the working directory,
# prints one line per test and a summary, and exits with the number of
# failures.
wl_tests() {
  cp -r "$SRC/tests/inputs" . || return
  rc_run_each $RC_CJSON_TESTS
}

wl_utils_tests() {
  cp -r "$SRC/tests/json-patch-tests" . || return
  rc_run_each $RC_CJSON_UTILS_TESTS
}

# test.c prints the version and the objects it builds, formatted,
# unformatted, buffered and into preallocated buffers.
wl_test() {
  "$BIN/cjson_test"
}
