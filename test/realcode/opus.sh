# opus.sh - recipe for Opus (Debian source package opus), sourced by lib.sh.
# The audio codec, floating point, generic C (no SIMD), with its scratch
# memory on the stack (USE_ALLOCA, as Debian builds it): encoding and
# decoding are meant to be allocation-free, creating and destroying
# encoders, decoders and repacketizers allocates. Workloads: Opus's own API
# and padding tests, its decoder test with a fixed seed, and
# opus_demo encoding and decoding PCM made by opus/make_pcm.py at several
# rates, bitrates, frame sizes and applications, with FEC, DTX and packet
# loss.
RC_PKG=opus
# What a real-time audio thread calls: encoding, decoding and their
# controls on an existing state, packet inspection and repacketizing; and
# creation and destruction, which allocate.
RC_ROOTS='opus_encode,opus_encode_float,opus_decode,opus_decode_float,opus_encoder_ctl,opus_decoder_ctl,opus_packet_*,opus_repacketizer_cat,opus_repacketizer_out*,opus_multistream_encode*,opus_multistream_decode*,opus_encoder_create,opus_decoder_create,opus_encoder_destroy,opus_decoder_destroy,opus_repacketizer_create,opus_repacketizer_destroy,opus_multistream_*_create,opus_multistream_*_destroy'
RC_PROGRAMS="opus_demo test_opus_api test_opus_decode test_opus_padding"
RC_WORKLOADS="api padding decode demo_audio demo_voip demo_lowdelay"

# rc_opus_sources VAR...: the .c files that Opus's *_sources.mk list in VARs.
rc_opus_sources() {
  local v mk
  for v in "$@"; do
    for mk in "$SRC"/celt_sources.mk "$SRC"/silk_sources.mk \
              "$SRC"/opus_sources.mk; do
      sed -n "/^$v = /,/^\$/p" "$mk"
    done
  done | grep -o '[A-Za-z0-9_/]*\.c' | awk '!seen[$0]++'
}

rc_build() {
  local out=$2 f o
  local defs=(-DOPUS_BUILD -DUSE_ALLOCA -DHAVE_LRINTF -DHAVE_LRINT
              -DPACKAGE_VERSION='"1.3.1"' -I"$SRC/include" -I"$SRC/celt"
              -I"$SRC/silk" -I"$SRC/silk/float" -I"$SRC/src")
  local lib=()
  for f in $(rc_opus_sources CELT_SOURCES SILK_SOURCES SILK_SOURCES_FLOAT \
                               OPUS_SOURCES OPUS_SOURCES_FLOAT); do
    o=$out/lib_$(echo "$f" | tr / _ | sed 's/\.c$/.o/')
    rc_cc "$SRC/$f" "$o" "${defs[@]}"
    lib+=("$o")
  done
  rc_cc "$SRC/src/opus_demo.c" "$out/opus_demo.o" "${defs[@]}"
  for f in test_opus_api test_opus_decode test_opus_padding; do
    rc_cc "$SRC/tests/$f.c" "$out/$f.o" "${defs[@]}"
  done
  rc_wait
  for f in opus_demo test_opus_api test_opus_decode test_opus_padding; do
    rc_link "$CLANG" "$out/$f" "$out/$f.o" "${lib[@]}" -- -lm
  done
}

wl_api() { "$BIN/test_opus_api"; }
wl_padding() { "$BIN/test_opus_padding"; }
# The randomised decoder test with a fixed seed, without its long fuzzing
# part (test_opus_encode takes half a minute even so: opus_demo encodes).
wl_decode() { SEED=42 TEST_OPUS_NOFUZZ=1 "$BIN/test_opus_decode"; }

# rc_opus_pcm OUT RATE CHANNELS SECONDS: 16-bit PCM, made once per run.
rc_opus_pcm() {
  local cache=$RC_WORK/pcm/$2-$3-$4.pcm
  if [ ! -f "$cache" ]; then
    mkdir -p "$RC_WORK/pcm"
    "$PYTHON" "$HERE/opus/make_pcm.py" "$cache.tmp" "$2" "$3" "$4" &&
      mv "$cache.tmp" "$cache" || return
  fi
  cp "$cache" "$1"
}

# Music at 48 kHz stereo: variable, constrained and constant bitrate, short
# and long frames, a round trip through the bit-stream (-e, then -d).
wl_demo_audio() {
  rc_opus_pcm in.pcm 48000 2 3 || return
  "$BIN/opus_demo" audio 48000 2 96000 in.pcm out.pcm 2>/dev/null || return
  "$BIN/opus_demo" audio 48000 2 64000 -cvbr -framesize 10 in.pcm cvbr.pcm \
    2>/dev/null || return
  "$BIN/opus_demo" audio 48000 2 32000 -cbr -framesize 60 -complexity 5 \
    in.pcm cbr.pcm 2>/dev/null || return
  "$BIN/opus_demo" -e audio 48000 2 128000 -framesize 2.5 in.pcm bits \
    2>/dev/null && "$BIN/opus_demo" -d 48000 2 bits dec.pcm 2>/dev/null
}

# Speech at 16 kHz mono: SILK, in-band FEC, DTX, 10% packet loss, and the
# decoder at another rate.
wl_demo_voip() {
  rc_opus_pcm in.pcm 16000 1 3 || return
  "$BIN/opus_demo" voip 16000 1 16000 -inbandfec -loss 10 in.pcm fec.pcm \
    2>/dev/null || return
  "$BIN/opus_demo" voip 16000 1 12000 -dtx -bandwidth WB in.pcm dtx.pcm \
    2>/dev/null || return
  "$BIN/opus_demo" -e voip 16000 1 24000 -framesize 40 in.pcm bits \
    2>/dev/null && "$BIN/opus_demo" -d 8000 1 bits dec8k.pcm 2>/dev/null
}

# CELT only (restricted-lowdelay), 24 kHz stereo forced to mono.
wl_demo_lowdelay() {
  rc_opus_pcm in.pcm 24000 2 2 || return
  "$BIN/opus_demo" restricted-lowdelay 24000 2 48000 -forcemono in.pcm out.pcm \
    2>/dev/null
}
