# sqlite.sh - recipe for SQLite (Debian source package sqlite3), sourced by
# lib.sh. The amalgamation is made from the source tree once (configure and
# make sqlite3.c shell.c: needs tclsh), then the shell and speedtest1 are
# built on it. Workloads: speedtest1 (SQLite's own benchmark, small size,
# its SQL output compared, its timings masked) and SQL scripts through the
# shell (test/realcode/sqlite/).
RC_PKG=sqlite3
# The C API a real-time thread would use on an open database; the shell
# and speedtest1 drive everything through them.
RC_ROOTS=sqlite3_open,sqlite3_open_v2,sqlite3_prepare_v2,sqlite3_prepare_v3,sqlite3_step,sqlite3_exec,sqlite3_finalize,sqlite3_reset,sqlite3_close,sqlite3_close_v2
RC_PROGRAMS="sqlite3 speedtest1"
RC_WORKLOADS="speedtest1 schema dump error"
# Line tables are all the sites and stacks need (C names are whole in
# them), and they halve the time to compile the 8.6 MB amalgamation.
RC_DEBUG=-gline-tables-only
: "${RC_SPEEDTEST_SIZE:=5}"

# The amalgamation, made once per source cache with the plain compiler.
rc_sqlite_amalgamation() {
  RC_AMALG=$RC_SRC_CACHE/sqlite3-amalgamation
  [ -f "$RC_AMALG/.made" ] && return
  command -v tclsh >/dev/null ||
    rc_fail "tclsh is missing: SQLite's amalgamation needs it (apt-get install tcl)"
  rm -rf "$RC_AMALG" && mkdir -p "$RC_AMALG"
  (cd "$RC_AMALG" && "$SRC/configure" CC="$CLANG" --disable-tcl &&
     make sqlite3.c shell.c) >"$RC_AMALG/make.log" 2>&1 ||
    { tail -n 30 "$RC_AMALG/make.log" >&2
      rc_fail "making SQLite's amalgamation (log: $RC_AMALG/make.log)"; }
  touch "$RC_AMALG/.made"
}

rc_build() {
  local out=$2
  rc_sqlite_amalgamation
  local defs=(-DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_MATH_FUNCTIONS
              -DSQLITE_DQS=0 -I"$RC_AMALG")
  rc_cc "$RC_AMALG/sqlite3.c" "$out/sqlite3.o" "${defs[@]}"
  rc_cc "$RC_AMALG/shell.c" "$out/shell.o" "${defs[@]}"
  rc_cc "$SRC/test/speedtest1.c" "$out/speedtest1.o" "${defs[@]}"
  rc_wait
  rc_link "$CLANG" "$out/sqlite3" "$out/shell.o" "$out/sqlite3.o" -- \
    -lm -ldl -lpthread
  rc_link "$CLANG" "$out/speedtest1" "$out/speedtest1.o" "$out/sqlite3.o" -- \
    -lm -ldl -lpthread
}

# Timings end each line of speedtest1's report; they are masked.
wl_speedtest1() {
  "$BIN/speedtest1" --size "$RC_SPEEDTEST_SIZE" --verify --output sql.out \
    speedtest.db | sed -E 's/ *[0-9]+\.[0-9]{3}s$/ TIME/'
  return "${PIPESTATUS[0]}"
}

wl_schema() { "$BIN/sqlite3" -batch <"$HERE/sqlite/schema.sql"; }
wl_dump() { "$BIN/sqlite3" -batch <"$HERE/sqlite/dump.sql"; }
wl_error() { "$BIN/sqlite3" -batch -bail <"$HERE/sqlite/error.sql"; }
