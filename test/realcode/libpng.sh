# libpng.sh - recipe for libpng (Debian source package libpng1.6), sourced
# by lib.sh. The PNG codec, with the system's zlib: allocations go through
# png_malloc, which calls the program's own allocator when it gave one
# (png_create_read_struct_2: png_ptr->malloc_fn), else malloc; errors are
# reported through a callback and leave by longjmp. Workloads: pngtest,
# libpng's own read-and-rewrite test, on its test image and PngSuite's valid
# images, also built with PNG_DEBUG=1 as pngtest-mem, which gives libpng its
# own allocator (png_create_read_struct_2) and counts every block; and
# pngstest, the simplified API (png_image_*), on PngSuite.
RC_PKG=libpng1.6
# Reading and writing images (row by row, whole, progressive, simplified),
# and making and destroying the structures they use.
RC_ROOTS='png_create_read_struct*,png_create_write_struct*,png_create_info_struct,png_destroy_read_struct,png_destroy_write_struct,png_destroy_info_struct,png_read_info,png_read_update_info,png_read_row,png_read_rows,png_read_image,png_read_end,png_read_png,png_write_info,png_write_row,png_write_rows,png_write_image,png_write_end,png_write_png,png_process_data,png_image_begin_read_from_*,png_image_finish_read,png_image_write_to_*,png_image_free'
RC_PROGRAMS="pngtest pngtest-mem pngstest"
# Only valid images: png_error would leave a root by longjmp, and neither
# allocguard's scope nor RealtimeSanitizer's real-time context would end
# (the simplified API catches its errors inside the root).
RC_WORKLOADS="pngtest pngtest_mem pngsuite simplified"

RC_PNG_UNITS="png pngerror pngget pngmem pngpread pngread pngrio pngrtran pngrutil pngset pngtrans pngwio pngwrite pngwtran pngwutil"

rc_build() {
  local out=$2 u
  cp "$SRC/scripts/pnglibconf.h.prebuilt" "$out/pnglibconf.h"
  local defs=(-I"$out" -I"$SRC")
  for u in $RC_PNG_UNITS pngtest; do
    rc_cc "$SRC/$u.c" "$out/$u.o" "${defs[@]}"
  done
  rc_cc "$SRC/pngtest.c" "$out/pngtest-mem.o" -DPNG_DEBUG=1 "${defs[@]}"
  rc_cc "$SRC/contrib/libtests/pngstest.c" "$out/pngstest.o" "${defs[@]}"
  rc_wait
  local objs=()
  for u in $RC_PNG_UNITS; do objs+=("$out/$u.o"); done
  rc_link "$CLANG" "$out/pngtest" "$out/pngtest.o" "${objs[@]}" -- -lz -lm
  rc_link "$CLANG" "$out/pngtest-mem" "$out/pngtest-mem.o" "${objs[@]}" -- \
    -lz -lm
  rc_link "$CLANG" "$out/pngstest" "$out/pngstest.o" "${objs[@]}" -- -lz -lm
}

# pngtest reads pngtest.png, writes it again as pngout.png and compares.
wl_pngtest() { "$BIN/pngtest" "$SRC/pngtest.png" pngout.png; }
# With libpng's allocator the program's own, every block tracked and
# counted (-m: each file read, written to pngout.png and compared).
wl_pngtest_mem() {
  "$BIN/pngtest-mem" -m "$SRC/pngtest.png" "$SRC"/contrib/pngsuite/basn*.png
}
# PngSuite's images one by one: every colour type and bit depth,
# interlaced, with background, transparency, gamma, palettes, text and
# time chunks.
wl_pngsuite() {
  local f s
  for f in "$SRC"/contrib/pngsuite/*.png; do
    s=0
    "$BIN/pngtest" "$f" out.png >/dev/null 2>&1 || s=$?
    echo "$(basename "$f"): $s"
  done
}
# The simplified API: each PngSuite image read into every format and
# written back and compared.
wl_simplified() {
  "$BIN/pngstest" --strict --log "$SRC"/contrib/pngsuite/basn*.png \
    "$SRC"/contrib/pngsuite/ftb*.png
}
