# sndfile.sh - recipe for libsndfile (Debian source package libsndfile),
# sourced by lib.sh. An audio-file library whose SF_PRIVATE holds its
# behaviour as function pointers: each container sets its close, seek,
# command and write_header members, each codec its codec_close and the
# read and write converters (read_short ... write_double), and every file
# is read and written through psf_fread & co., or through the program's
# SF_VIRTUAL_IO callbacks (sf_open_virtual). Built without external codec
# libraries (no FLAC, Ogg, Opus, MPEG): its own codecs (IMA and MS ADPCM,
# GSM 6.10, G.72x, DWVW, NMS ADPCM, ALAC, u-law, A-law) and every
# container. Workloads: libsndfile's own tests, as its CMake build runs
# them, less those that need the external libraries, the command-line
# programs or seconds of CPU (floating_point_test): the internal unit
# tests (test_main), the converters, commands, headers, strings, chunks and
# virtual I/O, and the write/read, lossy-codec, header, misc, string, PEAK,
# chunk and multi-file tests of each container they cover.
RC_PKG=libsndfile
# Line tables are all the coverage check reads: 131 units, compiled twice.
RC_DEBUG=-gline-tables-only
# Opening, reading, writing, seeking and closing files, and the commands
# and metadata calls made on open files.
RC_ROOTS='sf_open*,sf_close,sf_command,sf_seek,sf_set_string,sf_read_*,sf_readf_*,sf_write_*,sf_writef_*,sf_set_chunk,sf_get_chunk_*,sf_next_chunk_iterator'
# The library's units (its CMake list; windows.c is Windows only).
RC_SNDFILE_UNITS="common file_io command pcm ulaw alaw float32 double64 ima_adpcm ms_adpcm gsm610 dwvw vox_adpcm interleave strings dither cart broadcast audio_detect ima_oki_adpcm alac chunk ogg chanmap id3 sndfile aiff au avr caf dwd flac g72x htk ircam macos mat4 mat5 nist paf pvf raw rx2 sd2 sds svx txw voc wve w64 wavlike wav xi mpc2k rf64 ogg_vorbis ogg_speex ogg_pcm ogg_opus ogg_vcomment nms_adpcm mpeg mpeg_decode mpeg_l3_encode GSM610/add GSM610/code GSM610/decode GSM610/gsm_create GSM610/gsm_decode GSM610/gsm_destroy GSM610/gsm_encode GSM610/gsm_option GSM610/long_term GSM610/lpc GSM610/preprocess GSM610/rpe GSM610/short_term GSM610/table G72x/g721 G72x/g723_16 G72x/g723_24 G72x/g723_40 G72x/g72x ALAC/ALACBitUtilities ALAC/ag_dec ALAC/ag_enc ALAC/dp_dec ALAC/dp_enc ALAC/matrix_dec ALAC/matrix_enc ALAC/alac_decoder ALAC/alac_encoder"
# test_main's units (src/): each tests a part of the library's internals;
# test_ima_oki_adpcm.c and test_nms_adpcm.c include their codec's unit.
RC_SNDFILE_MAIN="test_main test_conversions test_float test_audio_detect test_log_printf test_file_io test_ima_oki_adpcm test_strncpy_crlf test_broadcast_var test_cart_var test_binheader_writef test_nms_adpcm"
# Tests written as C (tests/) and generated from AutoGen templates.
RC_SNDFILE_TESTS_C="sfversion error_test ulaw_test alaw_test dwvw_test command_test checksum_test headerless_test locale_test format_check_test channel_test virtual_io_test raw_test aiff_rw_test lossy_comp_test peak_chunk_test misc_test string_test multi_file_test chunk_test long_read_write_test"
RC_SNDFILE_TESTS_GEN="scale_clip_test rdwr_test pcm_test header_test write_read_test"
RC_PROGRAMS="test_main $RC_SNDFILE_TESTS_C $RC_SNDFILE_TESTS_GEN"
RC_WORKLOADS="units write_read formats"
# write_read_test counts the process's open descriptors after each test and
# fails when there are more than at its start: RealtimeSanitizer's
# symbolizer, started at its first report, holds two pipes.
RC_RTSAN_SKIP_WORKLOADS=write_read

rc_build() {
  local out=$2 u t
  # What the CMake build writes on x86-64 Linux without external libraries.
  sed -e 's/^#cmakedefine01 \(CPU_CLIPS_[A-Z]*\|CPU_IS_BIG_ENDIAN\|WORDS_BIGENDIAN\|ENABLE_EXPERIMENTAL_CODE\|HAVE_ALSA_ASOUNDLIB_H\|HAVE_EXTERNAL_XIPH_LIBS\|HAVE_MPEG\|HAVE_SNDIO_H\|HAVE_SQLITE3\|OSX_DARWIN_VERSION\|OS_IS_[A-Z0-9]*\|USE_WINDOWS_API\|WIN32_TARGET_DLL\|_MINIX\)$/#define \1 0/' \
      -e 's/^#cmakedefine01 \([A-Za-z0-9_]*\)$/#define \1 1/' \
      -e 's/^#cmakedefine \(HAVE_DIRECT_H\|HAVE_IO_H\)$/\/* #undef \1 *\//' \
      -e 's/^#cmakedefine \([A-Za-z0-9_]*\)$/#define \1/' \
      -e 's/@PACKAGE_NAME@/libsndfile/g' -e 's/@CPACK_PACKAGE_VERSION_FULL@/1.2.0/g' \
      -e 's/@PROJECT_VERSION@/1.2.0/g' -e 's/@PACKAGE_BUGREPORT@/sndfile@mega-nerd.com/' \
      -e 's|@PACKAGE_URL@|http://libsndfile.github.io/libsndfile/|' \
      -e 's/@SIZEOF_\(DOUBLE\|INT64_T\|LOFF_T\|LONG\|LONG_LONG\|OFF64_T\|OFF_T\|SIZE_T\|SSIZE_T\|VOIDP\)_CODE@/#define SIZEOF_\1 8/' \
      -e 's/@SIZEOF_\(FLOAT\|INT\|WCHAR_T\)_CODE@/#define SIZEOF_\1 4/' \
      -e 's/@SIZEOF_SHORT_CODE@/#define SIZEOF_SHORT 2/' \
      -e 's/@INLINE_CODE@/\/* #undef inline *\//' \
      "$SRC/src/config.h.cmake" >"$out/config.h"
  ! grep -q '@[A-Z_]*@\|cmakedefine' "$out/config.h" ||
    rc_fail "sndfile: config.h.cmake has a setting this recipe does not know"
  # The tests generated from AutoGen definitions, by libsndfile's own
  # CMake implementation of AutoGen.
  for t in tests/utils src/test_endswap $RC_SNDFILE_TESTS_GEN; do
    [ "${t#*/}" = "$t" ] && t=tests/$t
    "${CMAKE:-cmake}" "-DDEFINITION=$SRC/$t.def" "-DOUTPUTDIR=$out" \
      -P "$SRC/cmake/CMakeAutoGenScript.cmake" >>"$out/compile.err" 2>&1 ||
      rc_fail "sndfile: generating $t.c from $t.def"
  done
  local defs=(-I"$out" -I"$SRC/src" -I"$SRC/include")
  for u in $RC_SNDFILE_UNITS; do
    rc_cc "$SRC/src/$u.c" "$out/lib_${u//\//_}.o" "${defs[@]}"
  done
  for u in $RC_SNDFILE_MAIN; do
    rc_cc "$SRC/src/$u.c" "$out/main_$u.o" "${defs[@]}"
  done
  rc_cc "$out/test_endswap.c" "$out/main_test_endswap.o" "${defs[@]}"
  defs+=(-I"$SRC/tests")
  for u in $RC_SNDFILE_TESTS_C; do
    rc_cc "$SRC/tests/$u.c" "$out/test_$u.o" "${defs[@]}"
  done
  for u in $RC_SNDFILE_TESTS_GEN utils; do
    rc_cc "$out/$u.c" "$out/test_$u.o" "${defs[@]}"
  done
  rc_cc "$SRC/tests/generate.c" "$out/test_generate.o" "${defs[@]}"
  rc_wait
  local objs=() main=()
  for u in $RC_SNDFILE_UNITS; do
    objs+=("$out/lib_${u//\//_}.o")
    # test_main's own units include these two codecs.
    case $u in ima_oki_adpcm|nms_adpcm) ;; *) main+=("$out/lib_${u//\//_}.o") ;; esac
  done
  rc_link "$CLANG" "$out/test_main" "$out"/main_*.o "${main[@]}" -- -lm
  for u in $RC_SNDFILE_TESTS_C $RC_SNDFILE_TESTS_GEN; do
    local extra=()
    [ "$u" = write_read_test ] && extra=("$out/test_generate.o")
    rc_link "$CLANG" "$out/$u" "$out/test_$u.o" "${extra[@]}" \
      "$out/test_utils.o" "${objs[@]}" -- -lm
  done
}

# The tests that take no format: each prints what it checked and exits 1
# on a failure (they write their files in the working directory and
# delete them).
wl_units() {
  rc_run_each test_main sfversion error_test ulaw_test alaw_test dwvw_test \
    checksum_test headerless_test locale_test format_check_test \
    channel_test virtual_io_test raw_test aiff_rw_test scale_clip_test \
    rdwr_test pcm_test
  local s=0
  "$BIN/command_test" all || s=$?
  echo "command_test all: status $s"
}

# write_read_test on each container it covers (CMake's arguments, less
# FLAC): every sample type written, read back and compared.
wl_write_read() {
  local a s
  for a in aiff au caf wav w64 rf64 raw paf svx nist ircam voc mat4 mat5 pvf htk avr sds sd2 mpc2k; do
    s=0
    "$BIN/write_read_test" "$a" || s=$?
    echo "write_read_test $a: status $s"
  done
}

# The other tests run once per format or codec, with the arguments
# libsndfile's CMake build gives them (less FLAC, Ogg and Opus).
wl_formats() {
  local p a s
  while read -r p a; do
    for a in $a; do
      s=0
      "$BIN/$p" "$a" || s=$?
      echo "$p $a: status $s"
    done
  done <<'EOF'
lossy_comp_test aiff_ulaw aiff_alaw aiff_gsm610 au_ulaw au_alaw au_g721 au_g723 caf_ulaw caf_alaw wav_pcm wav_ima wav_msadpcm wav_ulaw wav_alaw wav_gsm610 wav_g721 wav_nmsadpcm w64_ima w64_msadpcm w64_ulaw w64_alaw w64_gsm610 raw_ulaw raw_alaw raw_gsm610 vox_adpcm nist_ulaw nist_alaw ircam_ulaw ircam_alaw voc_ulaw voc_alaw xi_dpcm wve
header_test aiff au caf wav w64 rf64 paf svx nist ircam voc mat4 mat5 pvf htk avr sds mpc2k
misc_test aiff au caf wav w64 rf64 paf svx nist ircam voc mat4 mat5 pvf htk avr sds mpc2k
string_test aiff caf wav rf64
peak_chunk_test aiff caf wav rf64
multi_file_test aiff au wav
chunk_test caf wav rf64
long_read_write_test alac
EOF
}
