# pcre2.sh - recipe for PCRE2 (Debian source package pcre2), sourced by
# lib.sh. A regular-expression library whose allocations go through a
# memory control block (memctl: malloc and free pointers with their data)
# that each context, compiled pattern and match block carries as its first
# member and copies from the context it was made with; pcre2_match keeps
# its backtracking frames on the heap. The 8-bit library without JIT, and
# its test program pcre2test on PCRE2's own test inputs (pcre2test always
# makes its general context with its own allocator).
RC_PKG=pcre2
# Compiling, matching and everything that makes or frees what they use:
# contexts, match data, substrings, converted and serialized patterns, the
# POSIX wrapper.
RC_ROOTS='pcre2_compile_8,pcre2_match_8,pcre2_dfa_match_8,pcre2_substitute_8,pcre2_match_data_*_8,pcre2_code_*_8,pcre2_substring_*_8,pcre2_*_context_create_8,pcre2_*_context_copy_8,pcre2_*_context_free_8,pcre2_pattern_convert_8,pcre2_converted_pattern_free_8,pcre2_serialize_*_8,pcre2_maketables_8,pcre2_maketables_free_8,pcre2_regcomp,pcre2_regexec,pcre2_regfree'
RC_PROGRAMS="pcre2test"
RC_WORKLOADS="basic api unicode dfa utf posix misc"

RC_PCRE2_UNITS="pcre2_auto_possess pcre2_compile pcre2_config pcre2_context pcre2_convert pcre2_dfa_match pcre2_error pcre2_extuni pcre2_find_bracket pcre2_jit_compile pcre2_maketables pcre2_match pcre2_match_data pcre2_newline pcre2_ord2utf pcre2_pattern_info pcre2_script_run pcre2_serialize pcre2_string_utils pcre2_study pcre2_substitute pcre2_substring pcre2_tables pcre2_ucd pcre2_valid_utf pcre2_xclass"

rc_build() {
  local out=$2 u
  # NON-AUTOTOOLS-BUILD's recipe: the generic config.h and pcre2.h, the
  # default character tables.
  cp "$SRC/src/config.h.generic" "$out/config.h"
  cp "$SRC/src/pcre2.h.generic" "$out/pcre2.h"
  cp "$SRC/src/pcre2_chartables.c.dist" "$out/pcre2_chartables.c"
  # (pcre2_tables.c includes pcre2_ucptables.c; pcre2test picks its own
  # code unit width.)
  local defs=(-DHAVE_CONFIG_H -DSUPPORT_PCRE2_8
              -DSUPPORT_UNICODE -DHAVE_STDINT_H -DHAVE_INTTYPES_H
              -DHAVE_STRING_H -DHAVE_STDLIB_H -DHAVE_MEMMOVE -DHAVE_STRERROR
              -DHAVE_UNISTD_H -DHAVE_SYS_TYPES_H -DHAVE_SYS_STAT_H
              -DHAVE_LIMITS_H -DHAVE_DIRENT_H -I"$out" -I"$SRC/src")
  for u in $RC_PCRE2_UNITS pcre2posix; do
    rc_cc "$SRC/src/$u.c" "$out/$u.o" -DPCRE2_CODE_UNIT_WIDTH=8 "${defs[@]}"
  done
  rc_cc "$out/pcre2_chartables.c" "$out/pcre2_chartables.o" \
    -DPCRE2_CODE_UNIT_WIDTH=8 "${defs[@]}"
  rc_cc "$SRC/src/pcre2test.c" "$out/pcre2test.o" "${defs[@]}"
  rc_wait
  local objs=("$out/pcre2_chartables.o")
  for u in $RC_PCRE2_UNITS pcre2posix; do objs+=("$out/$u.o"); done
  rc_link "$CLANG" "$out/pcre2test" "$out/pcre2test.o" "${objs[@]}"
}

# rc_pcre2 N [OPTIONS...]: pcre2test on testinputN, as RunTest runs it.
rc_pcre2() {
  local n=$1; shift
  "$BIN/pcre2test" -q "$@" "$SRC/testdata/testinput$n" out$n
  local s=$?
  echo "testinput$n: status $s"
}

# Test 1: Perl-compatible patterns; test 2: PCRE2's API, errors and
# options (callouts, substitution, serialization, memory limits).
wl_basic() { rc_pcre2 1; }
wl_api() {
  cp "$SRC/testdata/testbtables" . && rc_pcre2 2 &&
    "$BIN/pcre2test" -q -error -70,-62,-2,-1,0,100,101,191,200
}
# Tests 4 and 5: Unicode properties and UTF-8.
wl_unicode() { rc_pcre2 4; rc_pcre2 5; }
# Tests 6 and 7: the DFA matcher.
wl_dfa() { rc_pcre2 6; rc_pcre2 7; }
# Tests 10 and 12: UTF-8 validity, UTF special cases.
wl_utf() { rc_pcre2 10; rc_pcre2 12; }
# Tests 18 and 19: the POSIX API.
wl_posix() { rc_pcre2 18; rc_pcre2 19; }
# Tests 14 and 15: heap and match limits, out-of-memory paths; test 20:
# serialization.
wl_misc() { rc_pcre2 14; rc_pcre2 15; rc_pcre2 20; }
