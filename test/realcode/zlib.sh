# zlib.sh - recipe for zlib (Debian source package zlib), sourced by lib.sh.
# zlib's own test programs: example (its API test, gz files included),
# infcover (inflate coverage with the test's own zalloc/zfree) and minigzip
# round trips at several levels and strategies on zlib's own sources.
RC_PKG=zlib
# The entry points a user would call from a real-time thread; the
# compress/uncompress and gz* wrappers call the others, so the scopes nest.
RC_ROOTS=deflateInit_,deflateInit2_,deflate,deflateEnd,inflateInit_,inflateInit2_,inflate,inflateEnd,compress2,uncompress,gzopen,gzdopen,gzread,gzwrite,gzclose
RC_PROGRAMS="example infcover minigzip"
RC_WORKLOADS="example infcover minigzip_levels minigzip_strategies"

RC_ZLIB_UNITS="adler32 crc32 deflate infback inffast inflate inftrees trees zutil compress uncompr gzclose gzlib gzread gzwrite"

rc_build() {
  local out=$2 u
  for u in $RC_ZLIB_UNITS; do
    rc_cc "$SRC/$u.c" "$out/$u.o" -D_LARGEFILE64_SOURCE=1 -DHAVE_HIDDEN \
      -I"$SRC"
  done
  for u in example infcover minigzip; do
    rc_cc "$SRC/test/$u.c" "$out/$u.o" -D_LARGEFILE64_SOURCE=1 -I"$SRC"
  done
  rc_wait
  local objs=()
  for u in $RC_ZLIB_UNITS; do objs+=("$out/$u.o"); done
  for u in example infcover minigzip; do
    rc_link "$CLANG" "$out/$u" "$out/$u.o" "${objs[@]}"
  done
}

# The input: zlib's own sources, about 600 KB of C, in a fixed order.
rc_zlib_data() {
  cat "$SRC"/*.c "$SRC"/*.h "$SRC"/ChangeLog >data
}

wl_example() {
  "$BIN/example" foo.gz
}

wl_infcover() {
  "$BIN/infcover"
}

wl_minigzip_levels() {
  rc_zlib_data
  local l
  for l in 1 6 9; do
    "$BIN/minigzip" -$l <data >data.$l.gz || return
    "$BIN/minigzip" -d <data.$l.gz >data.$l.out || return
    cmp data data.$l.out || return
    rm data.$l.out
  done
  # A file through its name: minigzip replaces data2 by data2.gz and back.
  cp data data2 && "$BIN/minigzip" data2 && "$BIN/minigzip" -d data2.gz &&
    cmp data data2
}

wl_minigzip_strategies() {
  rc_zlib_data
  local s
  for s in f h r; do
    "$BIN/minigzip" -$s <data >data.$s.gz || return
    "$BIN/minigzip" -d <data.$s.gz >data.$s.out || return
    cmp data data.$s.out || return
    rm data.$s.out
  done
}
