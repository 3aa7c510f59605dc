# samplerate.sh - recipe for libsamplerate, the audio sample-rate converter
# (Debian source package libsamplerate), sourced by lib.sh. Each converter
# (three sinc qualities, zero-order hold, linear) is a set of functions the
# state holds as pointers (vari_process, const_process, reset, copy,
# close) and src_process, src_reset, src_clone and src_delete call
# through; src_clone's copy callocs a new converter, and
# src_callback_read pulls its input through the caller's callback.
# Workloads: libsamplerate's own tests (every converter, every ratio and
# channel count they cover, callbacks, cloning, resetting), built without
# FFTW (their signal-to-noise checks say so and pass), less the two
# throughput tests, which print timings.
RC_PKG=libsamplerate
# What an audio thread calls per block, and the setup it might be tempted
# to call there.
RC_ROOTS='src_process,src_callback_read,src_reset,src_set_ratio,src_simple,src_short_to_float_array,src_float_to_short_array,src_int_to_float_array,src_float_to_int_array,src_new,src_callback_new,src_clone,src_delete'
RC_SAMPLERATE_UNITS="samplerate src_sinc src_zoh src_linear"
RC_SAMPLERATE_TESTS="misc_test termination_test callback_hang_test simple_test reset_test multi_channel_test snr_bw_test callback_test float_short_test downsample_test varispeed_test clone_test nullptr_test"
RC_PROGRAMS=$RC_SAMPLERATE_TESTS
RC_WORKLOADS="tests"

rc_build() {
  local out=$2 u
  # What the CMake build writes on x86-64 Linux, without FFTW, libsndfile
  # or ALSA.
  sed -e 's/"${PROJECT_NAME}"/"libsamplerate"/' \
      -e 's/"${PROJECT_VERSION}"/"0.2.2"/' \
      -e 's/^#cmakedefine01 \(CPU_CLIPS_[A-Z]*\|CPU_IS_BIG_ENDIAN\|HAVE_ALSA\|HAVE_FFTW3\|HAVE_SNDFILE\)$/#define \1 0/' \
      -e 's/^#cmakedefine01 \([A-Z0-9_]*\)$/#define \1 1/' \
      -e 's/^#cmakedefine \([A-Z0-9_]*\)$/#define \1 1/' \
      -e 's/${SIZEOF_INT}/4/' -e 's/${SIZEOF_LONG}/8/' \
      "$SRC/config.h.cmake" >"$out/config.h"
  local defs=(-DHAVE_CONFIG_H -I"$out" -I"$SRC/include" -I"$SRC/src")
  for u in $RC_SAMPLERATE_UNITS; do
    rc_cc "$SRC/src/$u.c" "$out/$u.o" "${defs[@]}"
  done
  for u in $RC_SAMPLERATE_TESTS util calc_snr; do
    rc_cc "$SRC/tests/$u.c" "$out/test_$u.o" "${defs[@]}"
  done
  rc_wait
  local objs=()
  for u in $RC_SAMPLERATE_UNITS; do objs+=("$out/$u.o"); done
  for u in $RC_SAMPLERATE_TESTS; do
    rc_link "$CLANG" "$out/$u" "$out/test_$u.o" "$out/test_util.o" \
      "$out/test_calc_snr.o" "${objs[@]}" -- -lm
  done
}

# Each test program says what it checked and exits 1 on a failure.
wl_tests() {
  rc_run_each $RC_SAMPLERATE_TESTS
}
