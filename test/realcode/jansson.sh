# jansson.sh - recipe for Jansson (Debian source package jansson), sourced
# by lib.sh. A JSON library whose every allocation goes through two static
# hooks (do_malloc and do_free, malloc and free until
# json_set_alloc_funcs installs the program's own), with reference-counted
# values freed through a switch on their type, and callbacks for dumping
# and loading. Workloads: Jansson's API test programs (one per part of the
# API; test_memory_funcs installs counting and "secure" allocators) and
# json_process, its suite driver, on every case of its valid, invalid,
# invalid-unicode and encoding-flags suites (each as is and stripped).
RC_PKG=jansson
# Parsing, building, dumping, packing and releasing values: the calls a
# real-time thread would make on JSON it receives or sends.
RC_ROOTS='json_load*,json_dump*,json_pack*,json_unpack*,json_vpack_ex,json_vunpack_ex,json_object,json_array,json_string*,json_integer,json_real,json_object_set_new*,json_object_del*,json_object_clear,json_object_update*,json_array_append_new,json_array_insert_new,json_array_remove,json_array_clear,json_array_extend,json_copy,json_deep_copy,json_delete,json_sprintf,json_vsprintf,json_equal'
RC_JANSSON_UNITS="dump error hashtable hashtable_seed load memory pack_unpack strbuffer strconv utf value version"
RC_JANSSON_TESTS="test_array test_chaos test_copy test_dump test_dump_callback test_equal test_fixed_size test_load test_load_callback test_loadb test_memory_funcs test_number test_object test_pack test_simple test_sprintf test_unpack test_version"
RC_PROGRAMS="json_process $RC_JANSSON_TESTS"
RC_WORKLOADS="api suites"

rc_build() {
  local out=$2 u
  # What configure writes on Linux.
  sed -e 's/@json_inline@/inline/' -e 's/@json_have_long_long@/1/' \
      -e 's/@json_have_localeconv@/1/' -e 's/@json_have_atomic_builtins@/1/' \
      -e 's/@json_have_sync_builtins@/1/' \
      "$SRC/src/jansson_config.h.in" >"$out/jansson_config.h"
  cat >"$out/jansson_private_config.h" <<'EOC'
#define HAVE_ENDIAN_H 1
#define HAVE_FCNTL_H 1
#define HAVE_SCHED_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_STDINT_H 1
#define HAVE_CLOSE 1
#define HAVE_GETPID 1
#define HAVE_GETTIMEOFDAY 1
#define HAVE_OPEN 1
#define HAVE_READ 1
#define HAVE_SCHED_YIELD 1
#define HAVE_SYNC_BUILTINS 1
#define HAVE_ATOMIC_BUILTINS 1
#define HAVE_LOCALECONV 1
#define USE_URANDOM 1
#define INITIAL_HASHTABLE_ORDER 3
EOC
  local defs=(-DHAVE_CONFIG_H -I"$out" -I"$SRC/src")
  for u in $RC_JANSSON_UNITS; do
    rc_cc "$SRC/src/$u.c" "$out/$u.o" "${defs[@]}"
  done
  for u in $RC_JANSSON_TESTS; do
    rc_cc "$SRC/test/suites/api/$u.c" "$out/$u.o" "${defs[@]}"
  done
  rc_cc "$SRC/test/bin/json_process.c" "$out/json_process.o" "${defs[@]}"
  rc_wait
  local objs=()
  for u in $RC_JANSSON_UNITS; do objs+=("$out/$u.o"); done
  for u in json_process $RC_JANSSON_TESTS; do
    rc_link "$CLANG" "$out/$u" "$out/$u.o" "${objs[@]}" -- -lm
  done
}

# Each API test program (they exit 1 with a message on a failed check).
wl_api() {
  rc_run_each $RC_JANSSON_TESTS
}

# json_process on each case of the data suites, as test/run-suites does
# (JSON_SORT_KEYS=1), as is and with --strip; it compares its own output
# with the case's and says so in its status.
wl_suites() {
  local suite d s
  export JSON_SORT_KEYS=1
  for suite in valid invalid invalid-unicode encoding-flags; do
    for d in "$SRC/test/suites/$suite"/*/; do
      s=0
      "$BIN/json_process" "$d" >/dev/null 2>&1 || s=$?
      echo "$suite/$(basename "$d"): $s"
      s=0
      "$BIN/json_process" --strip "$d" >/dev/null 2>&1 || s=$?
      echo "$suite/$(basename "$d") (stripped): $s"
    done
  done
}
